"""The default summariser ("centroid-lead"): centrality, a lead prior, a length prior, guards, MMR.

One pass over the Document the analyser built (no re-splitting, no re-tokenising):

1. Terms: each sentence's word tokens, lower-cased; stop words, one-letter tokens and
   numbers dropped; stemmed with the language's Snowball stemmer, or sumy's for Czech, Slovak,
   Polish, Ukrainian and Greek (each distinct word once).
2. Centrality: sentence vectors with log term frequency, kept sparse as flat
   (sentence, term, weight) arrays. A sentence's summed cosine similarity to all the
   other sentences equals its unit vector dotted with the sum of all unit vectors,
   minus one, so degree centrality costs O(non-zeros): no n x n matrix is ever built.
3. Score = centrality^1.5 * norm^0.25 * (length / median length), scaled to [0, 1]
   (central, long sentences: what extractive references such as BBC's keep), plus a lead
   prior exp(-index / 5) * min(1, words / 30)^3 with weight 2 (long opening sentences: what
   news highlights such as CNN/DailyMail's restate), plus a small bonus for the first sentence.
   The prior uses the sentence index only, never paragraphs or the title, so a flattened
   text without a title is scored the same way.
4. Penalties: very long sentences (> 48 words, usually captions glued to body text),
   two sentences glued without punctuation ("... the match was delayed She said"), and picture
   references ("(left)", "pictured").
5. Guards: short fragments, bare questions, captions ("Label: ..."), "Scroll down for video"
   and similar furniture, bylines and datelines are taken only when nothing else is left.
6. Selection: greedy maximal marginal relevance on TF-IDF cosine; a candidate too similar to
   a sentence already picked (a near-duplicate) is skipped.

Every step is linear in the number of words (selection: picks x non-zeros, picks capped).
numpy is imported lazily, when a summary is computed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..model import Document, ScoredSentence, Summary

# ISO 639-1 -> Snowball stemmer name (nltk.stem.snowball). Other languages get lead sentences.
SNOWBALL = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
    "de": "german", "hu": "hungarian", "it": "italian", "no": "norwegian", "nb": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish",
}

# Languages sumy stems with its own stemmers (and ships stop words for, except Greek: NLTK's).
SUMY_STEMMED = {"cs": "czech", "sk": "slovak", "pl": "polish", "uk": "ukrainian", "el": "greek"}

_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# "Pictured: ...", "On the mend: ...", "Video: ..." but not "He said: '...'".
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
# _NOISE tries fifteen case-blind alternatives at every position (~25 us a sentence), yet each
# needs one of these words, or matches at the start: ASCII text without them is no noise.
_NOISE_WORDS = (
    "scroll down for video", "click here", "published:", "updated", "daily mail reporter", "all rights reserved",
    "follow", "pictured", "file photo",
)
_NOISE_START = re.compile(r"\W*(?:by\s*\.|read more\b|watch\b)", re.IGNORECASE)
_BYLINE = re.compile(r"^\W*[Bb]y\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*(?:[,|.]|$)|\s+(?:and|for)\s)")
# A dateline alone in capitals, e.g. "OSLO (Reuters) -" (longer ones too).
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:\([A-Za-z ]+\))?\s*(?:--|—|-)?\s*$")
_QUESTION = re.compile(r"\?\W*$")
# Two sentences glued without punctuation (a caption before body text): "... was delayed She said".
_GLUE = re.compile(
    r"\b([a-z][a-z'’]+|\d+) (?:(?:The|A) (?=[a-z])|(?:He|She|They|It|His|Her|This|These|Police|Pictured|Scroll) )"
)
_GLUE_OK = frozenset(
    "in of by at for from as with and or but that than called named titled entitled starring including "
    "like saw see seen watch read says said told on to the a an about into is was were be are his her "
    "their its our my your over beat".split()
)
_PICTURE = re.compile(
    r"\((?:left|right|centre|center|pictured|above|below|top|bottom|inset)\b|\bpictured\b|\bcircled\b", re.I
)


@dataclass(frozen=True)
class Params:
    """Knobs of the default summariser: one setting for every source, tuned on the dev set."""

    centrality_power: float = 1.5
    norm_power: float = 0.25  # vector norm (grows with distinct content words)
    length_power: float = 1.0  # words / the article's median sentence length
    lead_weight: float = 2.0
    lead_decay: float = 5.0  # sentences
    lead_words: float = 30.0  # the lead prior reaches full weight at this many words...
    lead_words_power: float = 3.0  # ...and falls off with this power below it
    first_bonus: float = 0.2
    long_words: float = 48.0  # longer sentences are scaled by (long_words / words)^long_power
    long_power: float = 1.5
    glue_penalty: float = 0.4
    picture_penalty: float = 0.4
    min_words: int = 6  # shorter sentences are fragments (guarded)
    mmr_lambda: float = 0.05
    duplicate: float = 0.45  # TF-IDF cosine above which a candidate duplicates a pick
    mmr_picks: int = 100  # picks made with redundancy control; any further ones by score
    max_sentences: int = 20000  # sentences scored; later ones are not (bounds memory)


def stemmer_for(language: str) -> Callable[[str], str] | None:
    """A Snowball stem function for an ISO code, or None when the language has none."""
    if language == "en":
        from ..text.stemming import stem  # nltk's English Snowball stems, cheaper

        return stem
    name = SNOWBALL.get(language)
    if name is not None:
        from nltk.stem.snowball import SnowballStemmer

        return SnowballStemmer(name).stem
    name = SUMY_STEMMED.get(language)
    if name is not None:
        from sumy.nlp.stemmers import Stemmer

        return Stemmer(name)
    return None


def sumy_stopwords(language: str) -> frozenset[str]:
    """sumy's stop words for an ISO code it stems itself (empty if none)."""
    name = SUMY_STEMMED.get(language)
    if name is None:
        return frozenset()
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(name))
    except LookupError:
        return frozenset()


def guarded(text: str, words: Sequence[str], min_words: int = 6, index: int = 1) -> str | None:
    """Why a sentence should not be picked (caption, byline, ...), or None if it may be."""
    if len(words) < min_words:
        return "fragment"
    if _QUESTION.search(text):
        return "question"
    if _noisy(text):
        return "noise"
    if _BYLINE.match(text):
        return "byline"
    if _DATELINE.match(text):
        return "dateline"
    m = _LABEL.match(text)
    if m:
        label = m.group(1).split()
        # A long first "sentence" with a label is a caption glued to the lead: keep it eligible.
        if label and label[-1].lower() not in _SPEECH and not label[0].islower() and not (index == 0 and len(words) >= 25):
            return "caption"
    return None


# What must follow the glue point; most sentences have none of it, and this scan is far
# cheaper than _GLUE's, which tries a match at every word.
_GLUE_TAIL = re.compile(r" (?:(?:The|A) [a-z]|(?:He|She|They|It|His|Her|This|These|Police|Pictured|Scroll) )")


def glued(text: str) -> bool:
    if not _GLUE_TAIL.search(text):
        return False
    return any(m.group(1) not in _GLUE_OK for m in _GLUE.finditer(text))


class CentroidLead:
    """Centrality with lead and length priors, guards and MMR; see the module docstring."""

    name = "centroid-lead"

    def __init__(self, params: Params | None = None, cache_size: int = 50000) -> None:
        self.params = params or Params()
        self._stemmers: dict[str, Callable[[str], str] | None] = {}
        self._stopwords: dict[str, frozenset[str]] = {}
        # Per instance (one per pipeline) and bounded: each distinct word is stemmed once.
        self._stem_cache: dict[tuple[str, frozenset[str]], dict[str, str]] = {}
        self._cache_size = cache_size

    def _stemmer(self, language: str) -> Callable[[str], str] | None:
        if language not in self._stemmers:
            self._stemmers[language] = stemmer_for(language)
        return self._stemmers[language]

    def _terms(self, doc: Document, n: int, stem: Callable[[str], str]) -> tuple[Any, Any, int]:
        """Flat (sentence row, term id) arrays for the first n sentences, and the vocabulary size."""
        import numpy as np

        stop = doc.stopwords
        if not stop:  # e.g. Czech or Polish: NLTK has no list, sumy has
            if doc.language not in self._stopwords:
                self._stopwords[doc.language] = sumy_stopwords(doc.language)
            stop = self._stopwords[doc.language]
        # Surface form -> its stem, or "" when it is no content word. Kept across documents
        # (per language and stop list, bounded): most words of an article were seen before.
        if len(self._stem_cache) > 8 and (doc.language, stop) not in self._stem_cache:
            self._stem_cache.clear()  # many stop lists (callers' own): keep memory bounded
        cache = self._stem_cache.setdefault((doc.language, stop), {})
        if len(cache) >= self._cache_size:
            cache.clear()
        sentences = doc.sentences[:n]
        flat = [word for sentence in sentences for word in sentence.words]
        vocab: dict[str, int] = {}
        word_ids: dict[str, int] = {}  # surface form -> term id (-1: not a content word)
        # Distinct words in order of first use, so term ids are numbered as a token-by-token
        # pass would number them (the sums below then add in the same order).
        for word in dict.fromkeys(flat):
            stemmed = cache.get(word)
            if stemmed is None:
                low = word.lower()
                stemmed = cache.get(low)  # "The" after "the": stem each lower-case form once
                if stemmed is None:
                    if low in stop or len(low) < 2 or not _HAS_LETTER.search(low):
                        stemmed = ""
                    else:
                        stemmed = stem(low)
                        if stemmed in stop:
                            stemmed = ""
                    cache[low] = stemmed
                cache[word] = stemmed
            word_ids[word] = vocab.setdefault(stemmed, len(vocab)) if stemmed else -1
        tids = np.fromiter(map(word_ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        rows = np.repeat(np.arange(n, dtype=np.int64), [len(s.words) for s in sentences])
        keep = tids >= 0
        return rows[keep], tids[keep], len(vocab)

    def score(self, doc: Document) -> tuple[Any, Any]:
        """(scores, selection state) for the first max_sentences sentences; see _select."""
        import numpy as np

        p = self.params
        n = min(len(doc.sentences), p.max_sentences)
        stem = self._stemmer(doc.language)
        if stem is None:
            raise ValueError(f"no stemmer for {doc.language!r}")
        sentences = doc.sentences[:n]
        rows_l, cols_l, vsize = self._terms(doc, n, stem)
        length = np.fromiter((len(s.words) for s in sentences), dtype=np.float64, count=n)
        length = np.maximum(length, 1.0)
        if len(rows_l):
            width = max(vsize, 1)
            pairs, tf = np.unique(rows_l * width + cols_l, return_counts=True)
            rows, cols = pairs // width, pairs % width  # sorted by row
            logtf = 1.0 + np.log(tf)
            # Centrality on log-TF vectors.
            norm = np.sqrt(np.bincount(rows, weights=logtf * logtf, minlength=n))
            safe = np.where(norm > 0, norm, 1.0)
            unit = logtf / safe[rows]
            total = np.bincount(cols, weights=unit, minlength=vsize)
            degree = np.bincount(rows, weights=unit * total[cols], minlength=n) - (norm > 0)
            central = np.maximum(degree, 0.0) ** p.centrality_power * safe**p.norm_power
            central = central * (length / np.median(length)) ** p.length_power
            top = central.max()
            if top > 0:
                central = central / top
            # TF-IDF unit vectors for redundancy.
            df = np.bincount(cols, minlength=vsize).astype(np.float64)
            idf = np.maximum(np.log((n + 1.0) / (df + 0.5)), 0.05)
            w = logtf * idf[cols]
            wnorm = np.sqrt(np.bincount(rows, weights=w * w, minlength=n))
            tfidf = w / np.where(wnorm > 0, wnorm, 1.0)[rows]
        else:
            rows = cols = np.zeros(0, dtype=np.int64)
            tfidf = np.zeros(0)
            central = np.zeros(n)
        index = np.arange(n, dtype=np.float64)
        lead = np.exp(-index / p.lead_decay) * np.minimum(1.0, length / p.lead_words) ** p.lead_words_power
        if n:
            lead[0] += p.first_bonus
        score = central + p.lead_weight * lead
        score *= np.minimum(1.0, p.long_words / length) ** p.long_power
        flags = [(glued(s.text), _pictured(s.text)) for s in sentences]
        score *= 1.0 - p.glue_penalty * np.fromiter((g for g, _ in flags), dtype=np.float64, count=n)
        score *= 1.0 - p.picture_penalty * np.fromiter((c for _, c in flags), dtype=np.float64, count=n)
        # The guards (several regular expressions a sentence) are checked lazily, in _select, and
        # only on the sentences that reach the top: most never need it. See _Guards.
        allowed = _Guards(sentences, p.min_words)
        return score, (rows, cols, tfidf, allowed, vsize)

    def summarize(self, doc: Document, count: int) -> Summary:
        total = len(doc.sentences)
        if count <= 0 or total == 0:
            return Summary(method=self.name, sentences=())
        if self._stemmer(doc.language) is None:
            return lead_summary(doc, count, f"no stemmer for {doc.language!r}; lead sentences used")
        if count >= total:
            # Everything is asked for: nothing to choose, keep the article as it is.
            return Summary(method=self.name, sentences=tuple(ScoredSentence(s.text, s.index, 1.0) for s in doc.sentences))
        score, state = self.score(doc)
        n = len(score)
        picked = self._select(score, state, min(count, n))
        note = f"only the first {n} of {total} sentences were scored" if total > n else None
        return Summary(
            method=self.name,
            sentences=tuple(
                ScoredSentence(doc.sentences[i].text, doc.sentences[i].index, round(float(score[i]), 6)) for i in sorted(picked)
            ),
            note=note,
        )

    def _select(self, score: Any, state: tuple[Any, Any, Any, Any, int], k: int) -> list[int]:
        """Greedy MMR over O(picks x non-zeros); guarded sentences only when nothing else is left."""
        import numpy as np

        rows, cols, tfidf, guards, vsize = state
        p = self.params
        n = len(score)
        starts = np.searchsorted(rows, np.arange(n + 1))
        max_sim = np.zeros(n)
        available = np.ones(n, dtype=bool)
        picked: list[int] = []
        for first_tier in (True, False):
            while len(picked) < min(k, p.mmr_picks):
                candidates = available & (max_sim < p.duplicate)
                if first_tier:
                    candidates &= guards.not_refused
                if not candidates.any():
                    break
                best = int(np.argmax(np.where(candidates, score - p.mmr_lambda * max_sim, -np.inf)))
                if first_tier and not guards.allowed(best):
                    # Refused: the next best allowed sentence is exactly the one a full,
                    # up-front check would have picked (argmax over the allowed ones).
                    continue
                picked.append(best)
                available[best] = False
                lo, hi = starts[best], starts[best + 1]
                if hi > lo:
                    vec = np.zeros(vsize)
                    vec[cols[lo:hi]] = tfidf[lo:hi]
                    np.maximum(max_sim, np.bincount(rows, weights=tfidf * vec[cols], minlength=n), out=max_sim)
        if len(picked) < k:
            # Past mmr_picks, or only near-duplicates and guarded sentences left: by score,
            # sentences not flagged first, then the rest.
            order = np.lexsort((-score, ~guards.all_allowed(), max_sim >= p.duplicate))
            picked.extend(int(i) for i in order if available[i])
            picked = picked[:k]
        return picked


class _Guards:
    """guarded() of each sentence, computed on first use and remembered (one per summary)."""

    def __init__(self, sentences: Sequence[Any], min_words: int) -> None:
        import numpy as np

        self._sentences = sentences
        self._min_words = min_words
        self._known = np.zeros(len(sentences), dtype=bool)
        # False once a sentence is known to be guarded; True while allowed or unchecked.
        self.not_refused = np.ones(len(sentences), dtype=bool)

    def allowed(self, i: int) -> bool:
        if not self._known[i]:
            s = self._sentences[i]
            self._known[i] = True
            self.not_refused[i] = guarded(s.text, s.words, self._min_words, i) is None
        return bool(self.not_refused[i])

    def all_allowed(self) -> Any:
        for i in range(len(self._sentences)):
            self.allowed(i)
        return self.not_refused


def _noisy(text: str) -> bool:
    # (ASCII only, as in _pictured: re.I also folds a few non-ASCII letters, such as the long s.)
    if text.isascii():
        low = text.lower()
        if not any(word in low for word in _NOISE_WORDS) and not _NOISE_START.match(text):
            return False
    return bool(_NOISE.search(text))


def _pictured(text: str) -> bool:
    # _PICTURE needs a bracket, "pictured" or "circled": skip the case-insensitive scan without
    # them (ASCII only: re.I also folds a few non-ASCII letters, such as the dotless i).
    if "(" not in text and text.isascii():
        low = text.lower()
        if "pictured" not in low and "circled" not in low:
            return False
    return bool(_PICTURE.search(text))


def lead_summary(doc: Document, count: int, note: str | None) -> Summary:
    """The first sentences, scored by position (the fallback for languages we cannot stem)."""
    n = max(len(doc.sentences), 1)
    return Summary(
        method="lead",
        sentences=tuple(ScoredSentence(s.text, s.index, round(1.0 - s.index / n, 6)) for s in doc.sentences[:count]),
        note=note,
    )
