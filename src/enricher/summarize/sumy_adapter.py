"""sumy's summarisers on our Document, without re-splitting or re-tokenising.

The Document's sentences and word tokens are handed to sumy's object model
(ObjectDocumentModel / Paragraph / Sentence) through a tokenizer object that
looks the words up instead of running nltk.word_tokenize. Stemmer and stop words
are sumy's for the language (stop words: sumy's list, else NLTK's from the Document).

Scores: sumy's own rating of each sentence, captured through the callable
`sentences_count` hook that every sumy summariser passes to its sentence selection.

sumy is imported lazily (it pulls in requests and pycountry), only when one of
these summarisers is built.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from ..ingest.language import ISO_TO_NLTK
from ..model import Document, ScoredSentence, Summary

# sumy's summariser classes by our name (module, class).
ALGORITHMS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
}
# Their cost grows with the square of the sentence count (or worse); see max_sentences.
QUADRATIC = frozenset({"lexrank", "lsa", "textrank", "kl", "sumbasic"})
# Languages sumy stems that NLTK's ISO table does not list.
EXTRA_LANGUAGES = {"cs": "czech", "sk": "slovak", "pl": "polish", "uk": "ukrainian", "el": "greek"}
# sumy maps these to a stemmer that only lower-cases: treated as not covered.
NULL_STEMMED = frozenset({"hebrew", "chinese", "japanese", "korean"})

# Edmundson cue words (English): a fixed, documented list, since sumy ships none.
# Bonus: words that announce a key statement; stigma: hedges and asides.
EDMUNDSON_BONUS_EN = (
    "announced", "said", "according", "report", "found", "new", "first", "government", "official",
    "expected", "decision", "agreed", "plan", "result", "because", "significant", "important",
)
EDMUNDSON_STIGMA_EN = (
    "perhaps", "maybe", "might", "hardly", "possibly", "apparently", "reportedly", "allegedly",
    "scroll", "click", "pictured", "video", "photo", "caption", "copyright",
)


def sumy_language(iso: str) -> str | None:
    """sumy's language name for an ISO 639-1 code, when sumy has a real stemmer for it."""
    name = ISO_TO_NLTK.get(iso) or EXTRA_LANGUAGES.get(iso)
    if name is None or name in NULL_STEMMED:
        return None
    from sumy.nlp.stemmers import Stemmer

    try:
        Stemmer(name)
    except LookupError:
        return None
    return name


class _KnownWords:
    """sumy tokenizer protocol (to_sentences/to_words) answered from the Document."""

    def __init__(self, doc: Document) -> None:
        self._words = {s.text: s.words for s in doc.sentences}
        self._by_paragraph: dict[int, list[str]] = {}
        for s in doc.sentences:
            self._by_paragraph.setdefault(s.paragraph, []).append(s.text)
        self._paragraph_index = {p: i for i, p in enumerate(doc.paragraphs)}
        self.language = doc.language

    def to_words(self, text: str) -> tuple[str, ...]:
        words = self._words.get(text)
        if words is None:  # a title, or text sumy built itself
            from ..text.analyse import words as split_words

            words = split_words(text)
        return words

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        index = self._paragraph_index.get(paragraph)
        return tuple(self._by_paragraph.get(index, ())) if index is not None else (paragraph,)


def to_sumy_document(doc: Document, sentences: Sequence[Any] | None = None, heading: bool = False) -> Any:
    """Our Document (or its first sentences) as a sumy ObjectDocumentModel.

    The title becomes a heading only when `heading` is set (Edmundson reads headings;
    LSA and Luhn would count its words as body words).
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _KnownWords(doc)
    groups: dict[int, list[Any]] = {}
    for s in sentences if sentences is not None else doc.sentences:
        groups.setdefault(s.paragraph, []).append(SumySentence(s.text, tokenizer))
    paragraphs = [Paragraph(groups[p]) for p in sorted(groups)]
    if heading and doc.title:
        title = SumySentence(doc.title, tokenizer, is_heading=True)
        if paragraphs:
            paragraphs[0] = Paragraph((title, *paragraphs[0]._sentences))
        else:
            paragraphs = [Paragraph((title,))]
    return ObjectDocumentModel(paragraphs)


class _Capture:
    """Callable sentences_count: sumy hands it every sentence with order and rating."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.infos: list[Any] = []

    def __call__(self, infos: Iterable[Any]) -> list[Any]:
        self.infos = list(infos)  # sorted by rating, best first (stable on order)
        return self.infos[: self.count]


class SumySummarizer:
    """One of sumy's algorithms behind our interface."""

    def __init__(self, algorithm: str, max_sentences: int | None = 400) -> None:
        if algorithm not in ALGORITHMS:
            raise ValueError(f"unknown sumy algorithm {algorithm!r}")
        self.name = algorithm
        # Quadratic algorithms only see the first max_sentences sentences (None: all).
        self.max_sentences = max_sentences if algorithm in QUADRATIC else None
        self._configured: dict[str, tuple[Any, tuple[str, ...]]] = {}
        self._languages: dict[str, str | None] = {}

    def _summarizer(self, language: str, stopwords: frozenset[str]) -> tuple[Any, tuple[str, ...]]:
        if language not in self._configured:
            import importlib

            from sumy.nlp.stemmers import Stemmer
            from sumy.utils import get_stop_words

            module, cls = ALGORITHMS[self.name]
            stemmer = Stemmer(language)
            summarizer_class = getattr(importlib.import_module(module), cls)
            if self.name == "edmundson":
                # Cue method only where we have cue words (English); title and location always.
                cue = 1.0 if language == "english" else 0.0
                summarizer = summarizer_class(stemmer, cue_weight=cue, key_weight=0.0, title_weight=1.0, location_weight=1.0)
            else:
                summarizer = summarizer_class(stemmer)
            try:
                stop = frozenset(get_stop_words(language))
            except LookupError:
                stop = stopwords
            notes: list[str] = []
            if not stop:
                notes.append(f"no stop words for {language}")
            if self.name == "edmundson":
                notes.extend(self._configure_edmundson(summarizer, language, stop))
            else:
                summarizer.stop_words = stop
            self._configured[language] = (summarizer, tuple(notes))
        return self._configured[language]

    @staticmethod
    def _configure_edmundson(summarizer: Any, language: str, stop: frozenset[str]) -> list[str]:
        # Null words: the stop words. Title and location methods use the title's non-null words.
        summarizer.null_words = stop or {"the"}
        if language == "english":
            summarizer.bonus_words = EDMUNDSON_BONUS_EN
            summarizer.stigma_words = EDMUNDSON_STIGMA_EN
            return ["edmundson: title, location and cue methods (cue words: a fixed English list)"]
        return [f"edmundson: title and location methods only (no cue words for {language})"]

    def summarize(self, doc: Document, count: int) -> Summary:
        if count <= 0 or not doc.sentences:
            return Summary(method=self.name, sentences=())
        if doc.language not in self._languages:
            self._languages[doc.language] = sumy_language(doc.language)
        language = self._languages[doc.language]
        if language is None:
            n = len(doc.sentences)
            return Summary(
                method="lead",
                sentences=tuple(
                    ScoredSentence(s.text, s.index, round(1.0 - s.index / n, 6)) for s in doc.sentences[:count]
                ),
                note=f"no stemmer for {doc.language!r}; lead sentences used",
            )
        summarizer, notes = self._summarizer(language, doc.stopwords)
        sentences = doc.sentences
        notes_out = list(notes)
        if self.max_sentences is not None and len(sentences) > self.max_sentences:
            notes_out.append(f"{self.name} saw the first {self.max_sentences} of {len(sentences)} sentences")
            sentences = sentences[: self.max_sentences]
        document = to_sumy_document(doc, sentences, heading=self.name == "edmundson")
        capture = _Capture(count)
        summarizer(document, capture)
        if not capture.infos:  # e.g. LSA on a document without content words
            notes_out.append(f"{self.name} rated nothing; lead sentences used")
            chosen = [(i, 0.0) for i in range(min(count, len(sentences)))]
        else:
            chosen = [(info.order, float(info.rating)) for info in capture.infos[:count]]
        chosen.sort()
        return Summary(
            method=self.name,
            sentences=tuple(
                ScoredSentence(sentences[i].text, sentences[i].index, round(r, 6)) for i, r in chosen
            ),
            note="; ".join(notes_out) or None,
        )


def factory(algorithm: str) -> Callable[[Any], SumySummarizer]:
    return lambda resources: SumySummarizer(algorithm)
