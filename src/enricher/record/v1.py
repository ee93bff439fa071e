"""The output record (schema v1) and its validation.

The record holds nothing run-specific (no timestamps, no request ids), so the
same input and options always give byte-identical JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import EnricherError
from ..model import Article, Summary, Tag
from . import schemas

SCHEMA_VERSION = "1.1"  # 1.1: article.language_method, summary.language/stemmer/stopwords/fallback, tagging
SCHEMA_FILE = "record-v1.schema.json"


class RecordError(EnricherError):
    """Base of the record module's errors."""


class InvalidRecord(RecordError):
    """A record does not match schema v1: a bug, never the input's fault."""


@dataclass(frozen=True)
class Source:
    name: str | None = None
    bucket: str | None = None
    key: str | None = None
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Record:
    status: str
    source: Source
    pipeline: Mapping[str, Any]
    reason: str | None = None
    error: Mapping[str, str] | None = None
    article: Article | None = None
    summary: Summary | None = None
    tags: tuple[Tag, ...] = ()
    cleaning: Mapping[str, Any] = field(default_factory=lambda: {"removed": {}})
    # Since 1.1, optional: the summary's language, stemmer, stop-word count and fallback; and which
    # tagger ran on which language with what fallback ({"method", "language", "fallback"}).
    summary_info: Mapping[str, Any] | None = None
    tagging: Mapping[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        out = {
            "schema_version": SCHEMA_VERSION,
            "status": self.status,
            "reason": self.reason,
            "error": dict(self.error) if self.error else None,
            "source": dict(self.source.__dict__),
            "article": None
            if a is None
            else {
                "title": a.title,
                "section": a.section,
                "byline": a.byline,
                "agency": a.agency,
                "dateline": a.dateline,
                "published": a.published,
                "language": a.language,
                "body": a.body,
                "paragraphs": list(a.paragraphs),
                "captions": list(a.captions),
                "credits": list(a.credits),
                "word_count": sum(len(p.split()) for p in a.paragraphs),
                **({"language_method": a.language_method} if a.language_method else {}),
            },
            "summary": None
            if self.summary is None
            else {
                "method": self.summary.method,
                "note": self.summary.note,
                "sentences": [{"text": s.text, "index": s.index, "score": s.score} for s in self.summary.sentences],
                **(dict(self.summary_info) if self.summary_info else {}),
            },
            "tags": [{"label": t.label, "kind": t.kind, "score": t.score} for t in self.tags],
            "cleaning": {**self.cleaning, "removed": dict(sorted(self.cleaning.get("removed", {}).items()))},
            "pipeline": dict(self.pipeline),
        }
        if self.tagging is not None:
            out["tagging"] = dict(self.tagging)
        return out

    def to_json(self, *, checked: bool = False) -> str:
        """Canonical JSON: stable key order and separators, so equal records are equal bytes.

        checked=True validates against schema v1 first (InvalidRecord), on the same dict.
        """
        data = self.to_dict()
        if checked:
            validate(data)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def schema() -> dict[str, Any]:
    """The published JSON Schema of record v1."""
    return schemas.load(SCHEMA_FILE)


def validate(record: Mapping[str, Any]) -> None:
    """Raise InvalidRecord when a record dict does not match the schema."""
    schemas.check(SCHEMA_FILE, record, InvalidRecord, "record does not match schema v1")
