"""The default summariser: centrality to the document centroid, a lead prior, guards and MMR.

Method, in one pass over the Document the analyser already built (no re-splitting):

1. Terms: each sentence's word tokens, lower-cased, stop words and numbers dropped,
   stemmed (Snowball for the language; each distinct word stemmed once).
2. Vectors: sparse TF-IDF rows (log TF, IDF over the article's sentences) kept as
   flat (row, term, weight) arrays, so every step below costs O(non-zeros).
3. Centrality: the dot product of a sentence's vector with the sum of all unit
   sentence vectors, minus its own contribution. With unit vectors this is the
   sentence's summed cosine similarity to every other sentence (degree centrality),
   computed without building the n x n similarity matrix. The vector norm enters
   with an exponent below 1, which leaves long informative sentences an edge.
4. Priors: a lead prior decaying with the sentence index (never with paragraph
   structure or the title, so flattened text is scored the same way) and a penalty
   for very short sentences.
5. Guards: captions ("Label: ..."), "Scroll down for video", bylines, datelines,
   bare questions, copyright lines and short fragments are only taken when nothing
   else is left.
6. Selection: greedy maximal marginal relevance; a candidate too similar to an
   already picked sentence (near-duplicate) is skipped.

numpy is imported lazily: this module costs nothing until the summariser runs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .model import Document, ScoredSentence, Summary

# ISO 639-1 -> Snowball stemmer name (nltk.stem.snowball). Other languages get lead sentences.
SNOWBALL = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
    "de": "german", "hu": "hungarian", "it": "italian", "no": "norwegian", "nb": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish",
}

_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# "Pictured: ...", "Behind bars: ...", "Watch the video: ..." but not "He said: '...'".
_LABEL = re.compile(r"^\W*([^\W\d_][\w'’.-]*(?:\s+[\w'’.&-]+){0,3})\s*:(?:\s|$)", re.UNICODE)
_SPEECH = frozenset(
    "said says say added adds told tells reads read wrote writes explained explains continued "
    "continues commented comments insisted insists revealed reveals admitted admits stated states "
    "warned warns claimed claims replied replies asked asks tweeted posted concluded "
    "declared announced noted notes argued argues"
    .split()
)
_NOISE = re.compile(
    r"scroll down for video|click here|^\W*by\s*\.|\bpublished:|\bupdated:|\blast updated\b|"
    r"daily mail reporter|all rights reserved|©|\bfollow\s+@|^\W*read more\b|^\W*watch\b|"
    r"\(pictured\)|\bpictured\b.*\bpictured\b|\bfile photo\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:[,|.]|$)")
# A dateline alone: "LONDON, England (CNN) --", "WASHINGTON (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:\([A-Za-z ]+\))?\s*(?:--|—|-)?\s*$")
_QUESTION = re.compile(r"\?\W*$")


@dataclass(frozen=True)
class Params:
    """Knobs of the default summariser (one setting for every source; tuned on the dev set)."""

    norm_power: float = 0.7  # 1.0 = pure cosine; lower favours long sentences
    lead_weight: float = 0.35  # weight of the lead prior against centrality (both in [0, 1])
    lead_decay: float = 3.0  # sentences; the prior is exp(-index / lead_decay)
    first_bonus: float = 0.15  # extra weight of the very first sentence
    min_words: int = 6  # shorter sentences are fragments
    short_words: int = 12  # sentences shorter than this are scaled down linearly
    mmr_lambda: float = 0.3  # redundancy penalty in greedy selection
    duplicate: float = 0.6  # cosine above which a candidate is a near-duplicate of a pick
    max_sentences: int = 20000  # sentences scored; later ones are ignored (bounds memory)


def stemmer_for(language: str) -> Callable[[str], str] | None:
    """A Snowball stem function for an ISO code, or None when the language has none."""
    name = SNOWBALL.get(language)
    if name is None:
        return None
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(name).stem


def guarded(text: str, words: Sequence[str], min_words: int) -> str | None:
    """Why a sentence should not be picked (caption, byline, ...), or None if it may be."""
    if len(words) < min_words:
        return "fragment"
    if _QUESTION.search(text):
        return "question"
    if _NOISE.search(text):
        return "noise"
    if _BYLINE.match(text):
        return "byline"
    if _DATELINE.match(text):
        return "dateline"
    m = _LABEL.match(text)
    if m:
        label = m.group(1).split()
        if label and label[-1].lower() not in _SPEECH and not label[0].islower():
            return "caption"
    return None


class CentroidLead:
    """Centroid centrality with a lead prior, guards and MMR; see the module docstring."""

    name = "centroid-lead"

    def __init__(self, params: Params | None = None, cache_size: int = 50000) -> None:
        self.params = params or Params()
        self._stemmers: dict[str, Callable[[str], str] | None] = {}
        # Per instance (one per pipeline), bounded: each distinct word is stemmed once.
        self._stem_cache: dict[tuple[str, str], str] = {}
        self._cache_size = cache_size

    # -- terms --------------------------------------------------------------------------
    def _stemmer(self, language: str) -> Callable[[str], str] | None:
        if language not in self._stemmers:
            self._stemmers[language] = stemmer_for(language)
        return self._stemmers[language]

    def _term_rows(self, doc: Document, n: int, stem: Callable[[str], str]) -> tuple[list[int], list[int], int]:
        """Flat (sentence row, term id) pairs for the first n sentences, and the vocabulary size."""
        stop = doc.stopwords
        cache = self._stem_cache
        lang = doc.language
        vocab: dict[str, int] = {}
        word_ids: dict[str, int] = {}  # surface word -> term id (-1: not a content word)
        rows: list[int] = []
        cols: list[int] = []
        for row, sentence in enumerate(doc.sentences[:n]):
            for word in sentence.words:
                tid = word_ids.get(word)
                if tid is None:
                    low = word.lower()
                    if low in stop or len(low) < 2 or not _HAS_LETTER.search(low):
                        tid = -1
                    else:
                        key = (lang, low)
                        stemmed = cache.get(key)
                        if stemmed is None:
                            stemmed = stem(low)
                            if len(cache) >= self._cache_size:
                                cache.clear()
                            cache[key] = stemmed
                        if stemmed in stop:
                            tid = -1
                        else:
                            tid = vocab.setdefault(stemmed, len(vocab))
                    word_ids[word] = tid
                if tid >= 0:
                    rows.append(row)
                    cols.append(tid)
        return rows, cols, len(vocab)

    # -- scoring ------------------------------------------------------------------------
    def scores(self, doc: Document) -> tuple[Any, Any, Any, Any, Any]:
        """Per-sentence scores and the unit TF-IDF rows (row, col, weight arrays) for MMR.

        Returns (score, unit_rows, unit_cols, unit_weights, allowed) for the scored sentences.
        """
        import numpy as np

        p = self.params
        n = min(len(doc.sentences), p.max_sentences)
        stem = self._stemmer(doc.language)
        assert stem is not None
        rows_l, cols_l, vsize = self._term_rows(doc, n, stem)
        if rows_l:
            rows = np.asarray(rows_l, dtype=np.int64)
            cols = np.asarray(cols_l, dtype=np.int64)
            # Term frequency per (row, col): collapse repeated pairs.
            key = rows * max(vsize, 1) + cols
            uniq, tf = np.unique(key, return_counts=True)
            rows, cols = uniq // max(vsize, 1), uniq % max(vsize, 1)
            df = np.bincount(cols, minlength=vsize).astype(np.float64)
            idf = np.log((n + 1.0) / (df + 0.5))
            idf = np.maximum(idf, 0.05)
            w = (1.0 + np.log(tf)) * idf[cols]
            norm = np.sqrt(np.bincount(rows, weights=w * w, minlength=n))
            safe = np.where(norm > 0, norm, 1.0)
            unit = w / safe[rows]
            centroid = np.bincount(cols, weights=unit, minlength=vsize)
            # Summed cosine to the other sentences = unit_i . centroid - 1 (own contribution).
            cos_sum = np.bincount(rows, weights=unit * centroid[cols], minlength=n) - (norm > 0)
            # Norm exponent below 1: dot with the unnormalised row scaled by norm^(1 - power).
            central = np.maximum(cos_sum, 0.0) * safe ** (1.0 - p.norm_power)
            top = central.max()
            central = central / top if top > 0 else central
        else:
            rows = cols = np.zeros(0, dtype=np.int64)
            unit = np.zeros(0)
            central = np.zeros(n)
        index = np.arange(n, dtype=np.float64)
        lead = np.exp(-index / p.lead_decay)
        lead[0] += p.first_bonus if n else 0.0
        lengths = np.fromiter((len(s.words) for s in doc.sentences[:n]), dtype=np.float64, count=n)
        shortness = np.clip(lengths / float(p.short_words), 0.0, 1.0)
        score = (central + p.lead_weight * lead) * shortness
        allowed = np.fromiter(
            (guarded(s.text, s.words, p.min_words) is None for s in doc.sentences[:n]), dtype=bool, count=n
        )
        return score, rows, cols, unit, allowed

    def summarize(self, doc: Document, count: int) -> Summary:
        import numpy as np

        total = len(doc.sentences)
        if count <= 0 or total == 0:
            return Summary(method=self.name, sentences=())
        if self._stemmer(doc.language) is None:
            return _lead(doc, count, "lead", f"no stemmer for {doc.language!r}; lead sentences used")
        count = min(count, total)
        if count >= total:
            # Everything is asked for: no choice to make, keep the article as it is.
            return Summary(
                method=self.name,
                sentences=tuple(ScoredSentence(s.text, s.index, 1.0) for s in doc.sentences),
            )
        p = self.params
        score, rows, cols, unit, allowed = self.scores(doc)
        n = len(score)
        picked = self._select(np, score, rows, cols, unit, allowed, min(count, n), n)
        note = None
        if total > n:
            note = f"only the first {n} of {total} sentences were scored"
        chosen = sorted(picked)
        return Summary(
            method=self.name,
            sentences=tuple(
                ScoredSentence(doc.sentences[i].text, doc.sentences[i].index, round(float(score[i]), 6)) for i in chosen
            ),
            note=note,
        )

    def _select(self, np: Any, score: Any, rows: Any, cols: Any, unit: Any, allowed: Any, k: int, n: int) -> list[int]:
        """Greedy MMR: O(k * non-zeros); guarded sentences only when nothing else is left."""
        p = self.params
        vsize = int(cols.max()) + 1 if len(cols) else 0
        max_sim = np.zeros(n)
        available = np.ones(n, dtype=bool)
        picked: list[int] = []
        # Text identity also counts as a duplicate (covers sentences without content words).
        for tier in (allowed, np.ones(n, dtype=bool)):
            while len(picked) < k:
                value = score - p.mmr_lambda * max_sim
                candidates = available & tier & (max_sim < p.duplicate)
                if not candidates.any():
                    break
                best = int(np.argmax(np.where(candidates, value, -np.inf)))
                picked.append(best)
                available[best] = False
                if vsize:
                    mask = rows == best
                    vec = np.zeros(vsize)
                    vec[cols[mask]] = unit[mask]
                    sim = np.bincount(rows, weights=unit * vec[cols], minlength=n)
                    np.maximum(max_sim, sim, out=max_sim)
            if len(picked) >= k:
                break
        if len(picked) < k:
            # Only near-duplicates remain: fill up in score order rather than return too few.
            rest = [int(i) for i in np.argsort(-score, kind="stable") if available[i]]
            picked.extend(rest[: k - len(picked)])
        return picked


def _lead(doc: Document, count: int, method: str, note: str | None) -> Summary:
    n = max(len(doc.sentences), 1)
    return Summary(
        method=method,
        sentences=tuple(ScoredSentence(s.text, s.index, round(1.0 - s.index / n, 6)) for s in doc.sentences[:count]),
        note=note,
    )
