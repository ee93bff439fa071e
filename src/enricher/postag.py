"""Fast part-of-speech tagging with nltk's averaged perceptron weights.

nltk's ``PerceptronTagger.tag`` rebuilds 14 feature strings per token and sums the
weights in pure Python (~30 us a token). This module gives the same decisions
(same features, same weights, same tag dictionary) far cheaper:

* a token's score is split into parts that depend only on one word (its own
  features, and what it contributes as the previous / next word of a neighbour)
  and parts that depend on the two previous tags; each part is a numpy vector
  over the tag classes, built once and cached per word or per tag pair;
* tokens found in the tag dictionary are tagged without scoring, as nltk does.

Caches live on the instance (a pipeline builds one tagger), bounded in size.
"""

from __future__ import annotations

import re
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
        self._weights: dict[str, dict[str, float]] = model.weights
        self._tagdict: dict[str, str] = perceptron.tagdict
        # nltk breaks score ties by the greatest label; argmax takes the first maximum.
        self._classes = sorted(model.classes, reverse=True)
        self._index = {c: i for i, c in enumerate(self._classes)}
        self._zero = np.zeros(len(self._classes))
        self._vec: dict[str, Any] = {}
        self._own: dict[str, Any] = {}
        self._near: dict[tuple[int, str], Any] = {}
        self._tags: dict[tuple[str, str], Any] = {}

    def _feature(self, name: str) -> Any:
        vec = self._vec.get(name)
        if vec is None:
            weights = self._weights.get(name)
            if weights:
                vec = self._zero.copy()
                for label, weight in weights.items():
                    vec[self._index[label]] = weight
            else:
                vec = self._zero
            if len(self._vec) > _CACHE_LIMIT:
                self._vec.clear()
            self._vec[name] = vec
        return vec

    def _own_part(self, word: str, norm: str) -> Any:
        vec = self._own.get(word)
        if vec is None:
            f = self._feature
            vec = f("bias") + f("i suffix " + word[-3:]) + f("i pref1 " + word[:1]) + f("i word " + norm)
            if len(self._own) > _CACHE_LIMIT:
                self._own.clear()
            self._own[word] = vec
        return vec

    def _near_part(self, offset: int, norm: str) -> Any:
        key = (offset, norm)
        vec = self._near.get(key)
        if vec is None:
            f = self._feature
            if offset == -1:
                vec = f("i-1 word " + norm) + f("i-1 suffix " + norm[-3:])
            elif offset == 1:
                vec = f("i+1 word " + norm) + f("i+1 suffix " + norm[-3:])
            elif offset == -2:
                vec = f("i-2 word " + norm)
            else:
                vec = f("i+2 word " + norm)
            if len(self._near) > _CACHE_LIMIT:
                self._near.clear()
            self._near[key] = vec
        return vec

    def _tag_part(self, prev: str, prev2: str) -> Any:
        key = (prev, prev2)
        vec = self._tags.get(key)
        if vec is None:
            f = self._feature
            vec = f("i-1 tag " + prev) + f("i-2 tag " + prev2) + f(f"i tag+i-2 tag {prev} {prev2}")
            self._tags[key] = vec
        return vec

    def tag(self, words: Sequence[str]) -> list[str]:
        """Penn Treebank tags for a sentence's tokens."""
        context = list(_START)
        context.extend(_normalize(w) for w in words)
        context.extend(_END)
        tagdict = self._tagdict
        weights = self._weights
        classes = self._classes
        near = self._near_part
        prev, prev2 = _START
        out: list[str] = []
        for i, word in enumerate(words):
            tag = tagdict.get(word)
            if not tag:
                j = i + 2
                norm = context[j]
                score = (
                    self._own_part(word, norm)
                    + near(-1, context[j - 1])
                    + near(-2, context[j - 2])
                    + near(1, context[j + 1])
                    + near(2, context[j + 2])
                    + self._tag_part(prev, prev2)
                )
                extra = weights.get(f"i-1 tag+i word {prev} {norm}")
                if extra:
                    score = score + self._feature(f"i-1 tag+i word {prev} {norm}")
                tag = classes[int(score.argmax())]
            out.append(tag)
            prev2 = prev
            prev = tag
        return out
