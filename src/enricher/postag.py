"""Fast part-of-speech tagging with nltk's averaged perceptron weights.

nltk's ``PerceptronTagger.tag`` rebuilds 14 feature strings per token and sums the
weights in pure Python (~30 us a token). This module gives the same decisions
(same features, same weights, same tag dictionary, same float additions in the same
order) far cheaper:

* every feature's weights are one row of a dense matrix (features x tag classes),
  built once when the tagger is built (~60 ms, ~28 MB);
* a token's score is split into the part that depends only on words (ten features,
  whose row ids are cached per word) and the part that depends on the two previous
  tags (cached per tag pair); a sentence's word parts are gathered and summed in a
  few numpy calls, and only the tag parts are added token by token;
* tokens found in the tag dictionary are tagged without scoring, as nltk does.

Caches live on the instance (a pipeline builds one tagger), bounded in size.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any, Sequence

# Tokens for tagging: the splitter's words (text.WORD) plus single punctuation marks,
# so that phrases can stop at commas, brackets and quotes.
TOKEN = re.compile(r"\w+(?:[-'’&.]\w+)*|[^\w\s]", re.UNICODE)
# Clitics split off as the tagger's training data (Penn Treebank) does.
_CLITIC = re.compile(r"^(.+?)((?:n['’]t)|(?:['’](?:s|re|ve|ll|d|m)))$", re.IGNORECASE)

# Abbreviations whose full stop the word pattern leaves out: "Mr" "." -> "Mr.", "U.S" "." -> "U.S.".
_ABBREV = frozenset(
    "Mr Mrs Ms Dr Prof Rev St Jr Sr Inc Corp Co Ltd Bros Gen Sen Rep Gov Lt Col Sgt Capt Adm Maj Gov Pres".split()
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

_QUOTES = frozenset({'"', "“", "”"})
_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")
_CACHE_LIMIT = 200_000


def tokens(text: str) -> list[str]:
    """Words and punctuation of a sentence, clitics ('s, n't, 're ...) split off."""
    out: list[str] = []
    quotes = 0
    for tok in TOKEN.findall(text):
        if tok in _QUOTES:
            # Treebank quotes, as the tagger was trained on: `` opening, '' closing.
            opening = tok == "“" or (tok == '"' and quotes % 2 == 0)
            quotes += tok == '"'
            out.append("``" if opening else "''")
            continue
        if tok == "." and out and (out[-1] in _ABBREV or _INITIALS.match(out[-1])):
            out[-1] += "."
            continue
        if len(tok) > 2 and ("'" in tok or "’" in tok):
            m = _CLITIC.match(tok)
            if m and m.group(1)[-1:].isalnum():
                out.append(m.group(1))
                out.append(m.group(2).replace("’", "'"))
                continue
        out.append(tok)
    return out


def _normalize(word: str) -> str:
    # As nltk's PerceptronTagger.normalize.
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class FastPerceptron:
    """Tags token lists like nltk's PerceptronTagger.tag, several times faster."""

    def __init__(self, perceptron: Any) -> None:
        import numpy as np

        self._np = np
        model = perceptron.model
        weights: dict[str, dict[str, float]] = model.weights
        self._tagdict: dict[str, str] = perceptron.tagdict
        # nltk breaks score ties by the greatest label; argmax takes the first maximum.
        self._classes = sorted(model.classes, reverse=True)
        index = {c: i for i, c in enumerate(self._classes)}
        # Every feature's weights as one dense row (row 0: an unknown feature, all zero), built
        # once here in C-level loops: tagging then only looks feature names up, and a word never
        # seen before costs no more than a known one (no per-word vectors to build and cache).
        self._feature_row = {name: i for i, name in enumerate(weights, start=1)}
        counts = np.fromiter(map(len, weights.values()), dtype=np.intp, count=len(weights))
        total = int(counts.sum())
        rows = np.repeat(np.arange(1, len(weights) + 1, dtype=np.intp), counts)
        cols = np.fromiter(map(index.__getitem__, chain.from_iterable(weights.values())), dtype=np.intp, count=total)
        values = np.fromiter(chain.from_iterable(w.values() for w in weights.values()), dtype=np.float64, count=total)
        self._matrix = np.zeros((len(weights) + 1, len(self._classes)))
        self._matrix[rows, cols] = values
        self._bias = self._feature_row.get("bias", 0)
        self._tags: dict[tuple[str, str], Any] = {}
        self._norms: dict[str, str] = {}
        # Feature rows per word (as the tagged word, and as a neighbour), bounded.
        self._own: dict[str, tuple[int, int, int, int]] = {}
        self._near: dict[str, tuple[int, ...]] = {}

    def _feature(self, name: str) -> Any:
        return self._matrix[self._feature_row.get(name, 0)]

    def _own_rows(self, word: str, norm: str) -> tuple[int, int, int, int]:
        row = self._feature_row.get
        if len(self._own) > _CACHE_LIMIT:
            self._own.clear()
        rows = self._own[word] = (
            self._bias, row("i suffix " + word[-3:], 0), row("i pref1 " + word[:1], 0), row("i word " + norm, 0)
        )
        return rows

    def _near_rows(self, norm: str) -> tuple[int, ...]:
        """A word's rows as a neighbour: i-1 word, i-1 suffix, i-2 word, i+1 word, i+1 suffix, i+2 word."""
        row = self._feature_row.get
        if len(self._near) > _CACHE_LIMIT:
            self._near.clear()
        suffix = norm[-3:]
        rows = self._near[norm] = (
            row("i-1 word " + norm, 0), row("i-1 suffix " + suffix, 0), row("i-2 word " + norm, 0),
            row("i+1 word " + norm, 0), row("i+1 suffix " + suffix, 0), row("i+2 word " + norm, 0),
        )
        return rows

    def _tag_part(self, prev: str, prev2: str) -> Any:
        f = self._feature
        vec = f("i-1 tag " + prev) + f("i-2 tag " + prev2) + f(f"i tag+i-2 tag {prev} {prev2}")
        self._tags[(prev, prev2)] = vec
        return vec

    def _normalized(self, words: Sequence[str]) -> list[str]:
        norms = self._norms
        if len(norms) > _CACHE_LIMIT:
            norms.clear()
        out = []
        for w in words:
            norm = norms.get(w)
            if norm is None:
                norm = norms[w] = _normalize(w)
            out.append(norm)
        return out

    def tag(self, words: Sequence[str]) -> list[str]:
        """Penn Treebank tags for a sentence's tokens."""
        tagdict = self._tagdict
        fixed = [tagdict.get(w) for w in words]  # the tag dictionary decides these without scoring
        if all(fixed):
            return fixed  # type: ignore[return-value]
        np = self._np
        context = list(_START)
        context.extend(self._normalized(words))
        context.extend(_END)
        # Rows of the ten word features of each scored token (nltk's features but the tag ones),
        # looked up once per word and per neighbour word, then cached.
        own, near = self._own.get, self._near.get
        ids = []
        for i, tag in enumerate(fixed):
            if not tag:
                word = words[i]
                o = own(word) or self._own_rows(word, context[i + 2])
                prev_word = near(context[i + 1]) or self._near_rows(context[i + 1])
                prev_word2 = near(context[i]) or self._near_rows(context[i])
                next_word = near(context[i + 3]) or self._near_rows(context[i + 3])
                next_word2 = near(context[i + 4]) or self._near_rows(context[i + 4])
                ids.append((*o, prev_word[0], prev_word[1], prev_word2[2], next_word[3], next_word[4], next_word2[5]))
        g = self._matrix[np.array(ids)]  # (scored tokens, 10, classes)
        # Added in exactly the order (and grouping) of the per-part sums this replaces:
        # own = bias + suffix + pref1 + word; then + (i-1 word + i-1 suffix) + i-2 word
        # + (i+1 word + i+1 suffix) + i+2 word. Float addition is not associative.
        word_part = g[:, 0] + g[:, 1]
        word_part += g[:, 2]
        word_part += g[:, 3]
        word_part += g[:, 4] + g[:, 5]
        word_part += g[:, 6]
        word_part += g[:, 7] + g[:, 8]
        word_part += g[:, 9]
        tag_parts = self._tags
        feature_row = self._feature_row
        matrix = self._matrix
        classes = self._classes
        prev, prev2 = _START
        out: list[str] = []
        k = 0
        for i, tag in enumerate(fixed):
            if not tag:
                tag_part = tag_parts.get((prev, prev2))
                if tag_part is None:
                    tag_part = self._tag_part(prev, prev2)
                score = word_part[k] + tag_part
                k += 1
                extra = feature_row.get(f"i-1 tag+i word {prev} {context[i + 2]}")
                if extra:
                    score = score + matrix[extra]
                tag = classes[int(score.argmax())]
            out.append(tag)
            prev2 = prev
            prev = tag
        return out
