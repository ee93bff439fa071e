"""Typed values passed between the stages. All frozen: stages never mutate their input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

TAG_KINDS = ("keyphrase", "person", "organization", "place", "entity")


@dataclass(frozen=True)
class Decoded:
    """Text recovered from raw bytes, with what we learnt about its form."""

    text: str
    format: str  # "dump" (page-text dump or plain text), "html", "json", "markdown"
    encoding: str
    compressed: bool = False
    # Fields found in structured input (JSON), e.g. {"title": ..., "byline": ...}.
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    """The cleaned article: body paragraphs exactly once, captions and credits apart."""

    title: str | None
    paragraphs: tuple[str, ...]
    section: str | None = None
    byline: str | None = None
    agency: str | None = None
    dateline: str | None = None
    published: str | None = None
    language: str | None = None
    # How the language was decided: "option", "input" (a field of structured input), "stopwords",
    # "script" (detection), or "unknown" (detection unsure: language is None).
    language_method: str | None = None
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    # What the cleaner removed, counted by reason ("navigation", "duplicate", ...).
    removed: Mapping[str, int] = field(default_factory=dict)
    # The cleaner's safety-net decisions (HTML: ingest.safety_net; dumps: ingest.dump):
    # {"checked": 0|1, "replaced": 0|1}; empty when it did not run.
    safety_net: Mapping[str, int] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    text: str
    index: int  # position among the article's sentences, from 0
    paragraph: int  # index of the paragraph it comes from
    words: tuple[str, ...]  # word tokens as written (punctuation dropped)
    # English only: words and punctuation as the POS tagger reads them (postag.tokens), made by
    # the analyser in the same regex pass as `words`; None when not made (the tagger makes them).
    tokens: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Document:
    """An article split and tokenised once, shared by the summariser and the tagger."""

    title: str | None
    language: str  # ISO 639-1 code
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    stopwords: frozenset[str]
    dateline: str | None = None  # the article's dateline ("OSLO (Reuters) -"): its place is a place


@dataclass(frozen=True)
class ScoredSentence:
    text: str
    index: int
    score: float


@dataclass(frozen=True)
class Summary:
    method: str
    sentences: tuple[ScoredSentence, ...]
    note: str | None = None  # e.g. why a fallback method ran


@dataclass(frozen=True)
class Tag:
    label: str
    kind: str  # one of TAG_KINDS
    score: float
