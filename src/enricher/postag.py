"""Fast part-of-speech tagging with nltk's averaged perceptron weights.

nltk's ``PerceptronTagger.tag`` rebuilds 14 feature strings per token and sums the
weights in pure Python (~30 us a token). This module makes the same decisions (same
features, weights and tag dictionary, sums in the same order) far cheaper:

* every feature's weights are one row of a dense float32 matrix (features x tag classes,
  ~14 MB), built once when the tagger is built; float32 halves the memory each token's
  gather touches, and changes a decision only when two classes tie to about 1e-6
  (1 token in 193,928 on the dev articles);
* each distinct token's feature rows (as the tagged word and as a neighbour) are looked
  up once and cached; the tag part of a score (the two previous tags) is one precomputed
  table indexed by the tag pair;
* a whole document is tagged at once: the word parts of all scored tokens are gathered and
  summed in a few numpy calls, then the tag parts are added in waves (tokens whose two
  predecessors are known first), so numpy works on arrays, not one token at a time;
* tokens found in the tag dictionary are tagged without scoring, as nltk does.

Caches live on the instance (a pipeline builds one tagger), bounded in size.
"""

from __future__ import annotations

import re
from itertools import chain
from types import MappingProxyType
from typing import Any, Mapping, Sequence

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
# Per token: (tag id fixed by the tag dictionary or -1, rows as a neighbour, own rows,
# rows of "i-1 tag+i word" by previous tag id).
_Info = tuple[int, tuple[int, ...], tuple[int, ...], Mapping[int, int]]
_END = ("-END-", "-END2-")
_NONE: Mapping[Any, int] = MappingProxyType({})  # an empty, read-only row map
_CACHE_LIMIT = 50_000  # distinct tokens (a few hundred bytes each)
_BATCH_TOKENS = 4000  # per batch, numpy holds about 2 KB per token (float32 feature rows)


def tokens(text: str) -> list[str]:
    """Words and punctuation of a sentence, clitics ('s, n't, 're ...) split off."""
    return treebank(TOKEN.findall(text))


def words_of(found: list[str]) -> tuple[str, ...]:
    """The word tokens (text.WORD's matches) among TOKEN's matches: all but the single
    punctuation marks, so one regex pass serves both the analyser and the tagger."""
    return tuple([t for t in found if len(t) > 1 or t.isalnum() or t == "_"])


def treebank(found: list[str]) -> list[str]:
    """TOKEN's matches of a sentence as the tagger's training data has them (see tokens)."""
    out: list[str] = []
    quotes = 0
    for tok in found:
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
        self._matrix = np.zeros((len(weights) + 1, len(self._classes)), dtype=np.float32)
        self._matrix[rows, cols] = values
        self._bias = self._feature_row.get("bias", 0)
        # Tags as ids: the classes, then nltk's two start tags. The tag part of a token's score
        # (i-1 tag + i-2 tag + both together) for every pair of previous tags, in one array.
        self._tag_names = [*self._classes, *_START]
        tag_id = {t: i for i, t in enumerate(self._tag_names)}
        self._fixed_id = {w: tag_id[t] for w, t in self._tagdict.items()}
        row = self._feature_row.get
        names = self._tag_names
        prev = self._matrix[[row("i-1 tag " + t, 0) for t in names]]
        prev2 = self._matrix[[row("i-2 tag " + t, 0) for t in names]]
        both = self._matrix[[[row(f"i tag+i-2 tag {p} {p2}", 0) for p2 in names] for p in names]]
        self._pair_part = (prev[:, None, :] + prev2[None, :, :]) + both  # (tags, tags, classes)
        # Word features by value, so that a word never seen before costs a few lookups, not
        # fourteen string concatenations: value -> {feature kind: row}; for "i-1 tag+i word",
        # word -> {previous tag id: row}.
        self._by_word: dict[str, dict[str, int]] = {}
        self._by_suffix: dict[str, dict[str, int]] = {}
        self._after_tag: dict[str, dict[int, int]] = {}
        for name, r in self._feature_row.items():
            kind, _, value = name.partition(" ")
            kind2, _, value = value.partition(" ")
            if kind2 == "word":
                self._by_word.setdefault(value, {})[kind] = r
            elif kind2 == "suffix":
                self._by_suffix.setdefault(value, {})[kind] = r
            elif kind2 == "tag+i":  # "i-1 tag+i word PREV WORD"
                _, prev, word = value.split(" ", 2)
                if prev in tag_id:
                    self._after_tag.setdefault(word, {})[tag_id[prev]] = r
        # Per distinct token, everything tagging needs from it (see _word_info); bounded.
        self._info: dict[str, _Info] = {}
        self._pads = (
            self._pad_info(_START[0], tag_id[_START[1]]),  # read as the i-2 word and tag of a first token
            self._pad_info(_START[1], tag_id[_START[0]]),
            self._pad_info(_END[0], 0),  # after the last token: never read as a tag
            self._pad_info(_END[1], 0),
        )

    def _near_rows(self, norm: str) -> tuple[int, ...]:
        """A word's rows as a neighbour: i-1 word, i-1 suffix, i-2 word, i+1 word, i+1 suffix, i+2 word."""
        word = self._by_word.get(norm, _NONE).get
        suffix = self._by_suffix.get(norm[-3:], _NONE).get
        return (word("i-1", 0), suffix("i-1", 0), word("i-2", 0), word("i+1", 0), suffix("i+1", 0), word("i+2", 0))

    def _pad_info(self, word: str, tag: int) -> _Info:
        return (tag, self._near_rows(word), (0, 0, 0, 0), _NONE)

    def _word_info(self, word: str) -> _Info:
        """(tag id if the tag dictionary fixes it, else -1; rows as a neighbour; own rows
        (bias, suffix, first letter, word); rows of "i-1 tag+i word" by previous tag id)."""
        if len(self._info) > _CACHE_LIMIT:
            self._info.clear()
        norm = _normalize(word)
        own = (
            self._bias,
            self._by_suffix.get(word[-3:], _NONE).get("i", 0),
            self._feature_row.get("i pref1 " + word[:1], 0),
            self._by_word.get(norm, _NONE).get("i", 0),
        )
        info = self._info[word] = (self._fixed_id.get(word, -1), self._near_rows(norm), own, self._after_tag.get(norm, _NONE))
        return info

    def tag(self, words: Sequence[str]) -> list[str]:
        """Penn Treebank tags for a sentence's tokens."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for every sentence of a document: the same decisions as tag() one by one.

        Sentences go in batches of about _BATCH_TOKENS tokens (an article is usually one):
        large enough for numpy to pay, small enough to bound memory on huge inputs.
        """
        out: list[list[str]] = []
        batch: list[Sequence[str]] = []
        size = 0
        for words in sentences:
            batch.append(words)
            size += len(words)
            if size >= _BATCH_TOKENS:
                out.extend(self._tag_batch(batch))
                batch, size = [], 0
        if batch:
            out.extend(self._tag_batch(batch))
        return out

    def _tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for a batch of sentences at once.

        Batched so that numpy works on whole arrays, not one token at a time: the word part of
        every scored token is gathered in one go; the tag part (which needs the two previous
        tags) is added in waves over the whole batch: first every scored token whose two
        predecessors are known (fixed by the tag dictionary, or sentence starts), then the
        tokens after those, and so on (as many waves as the longest run of scored tokens).
        """
        np = self._np
        get, word_info = self._info.get, self._word_info
        start_a, start_b, end_a, end_b = self._pads
        # One flat sequence for the document, each sentence padded as nltk pads it.
        seq: list[_Info] = []
        for words in sentences:
            seq.append(start_a)
            seq.append(start_b)
            seq.extend([get(w) or word_info(w) for w in words])
            seq.append(end_a)
            seq.append(end_b)
        tid = np.fromiter([x[0] for x in seq], dtype=np.intp, count=len(seq))
        at = np.flatnonzero(tid < 0)  # the tokens to score
        if len(at):
            matrix = self._matrix
            # (fromiter over flattened tuples: np.array on a list of tuples is several times slower)
            near = np.fromiter(chain.from_iterable([x[1] for x in seq]), dtype=np.intp, count=6 * len(seq)).reshape(-1, 6)
            positions = at.tolist()
            ids = np.empty((len(at), 10), dtype=np.intp)
            ids[:, :4] = np.fromiter(
                chain.from_iterable([seq[c][2] for c in positions]), dtype=np.intp, count=4 * len(at)
            ).reshape(-1, 4)
            ids[:, 4] = near[at - 1, 0]
            ids[:, 5] = near[at - 1, 1]
            ids[:, 6] = near[at - 2, 2]
            ids[:, 7] = near[at + 1, 3]
            ids[:, 8] = near[at + 1, 4]
            ids[:, 9] = near[at + 2, 5]
            g = matrix[ids]  # (scored tokens, 10, classes)
            # Added in exactly the order (and grouping) of nltk's per-feature sums this replaces:
            # own = bias + suffix + pref1 + word; then + (i-1 word + i-1 suffix) + i-2 word
            # + (i+1 word + i+1 suffix) + i+2 word. Float addition is not associative.
            word_part = g[:, 0] + g[:, 1]
            word_part += g[:, 2]
            word_part += g[:, 3]
            word_part += g[:, 4] + g[:, 5]
            word_part += g[:, 6]
            word_part += g[:, 7] + g[:, 8]
            word_part += g[:, 9]
            # Waves: a scored token's rank in its chain of scored tokens (a chain breaks where two
            # fixed tokens, or a sentence start, come between) is at least the number of scored
            # predecessors it waits for, so processing by rank always finds both previous tags known.
            starts = (tid[at - 1] >= 0) & (tid[at - 2] >= 0)
            first = np.flatnonzero(starts)
            rank = np.arange(len(at)) - first[np.cumsum(starts) - 1]
            order = np.argsort(rank, kind="stable")
            bounds = np.cumsum(np.bincount(rank)).tolist()
            at, word_part = at[order], word_part[order]
            lo = 0
            for hi in bounds:
                now = at[lo:hi]
                prev, prev2 = tid[now - 1], tid[now - 2]
                scores = word_part[lo:hi] + self._pair_part[prev, prev2]
                # nltk's one feature joining the previous tag and the word itself (row 0: zeros).
                scores += matrix[[seq[c][3].get(p, 0) for p, c in zip(prev.tolist(), now.tolist())]]
                tid[now] = scores.argmax(axis=1)
                lo = hi
        names = self._tag_names
        out: list[list[str]] = []
        flat = tid.tolist()
        start = 0
        for words in sentences:
            start += 2
            out.append([names[t] for t in flat[start : start + len(words)]])
            start += len(words) + 2
        return out
