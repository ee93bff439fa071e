"""Fast part-of-speech tagging with nltk's averaged perceptron weights.

nltk's ``PerceptronTagger.tag`` rebuilds 14 feature strings per token and sums the
weights in pure Python (~30 us a token). This module makes the same decisions (same
features, weights and tag dictionary, sums in the same order) far cheaper:

* every feature's weights are one row of a dense float32 matrix (features x tag classes,
  ~14 MB), built once when the tagger is built; float32 halves the memory each token's
  gather touches, and changes a decision only when two classes tie to about 1e-6
  (1 token in 193,928 on the dev articles);
* each distinct token's feature rows (as the tagged word and as a neighbour) are looked
  up once and kept in per-token tables (numpy arrays, indexed by a token id); the tag part
  of a score (the two previous tags) is one precomputed table indexed by the tag pair;
* a whole document is tagged at once: the word parts of all scored tokens are gathered and
  summed in a few numpy calls, then the tag parts are found for all scored tokens at once
  by iterating to a fixed point (a few rounds), so numpy works on arrays, not one token
  at a time;
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
_START_IDS = (0, 1)  # the pads' token ids (FastPerceptron._reset_tables)
_END_IDS = (2, 3)
_CACHE_LIMIT = 50_000  # distinct tokens (about 60 bytes of tables each, plus the dict entry)
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
        self._tagdict: dict[str, str] = perceptron.tagdict
        # nltk breaks score ties by the greatest label; argmax takes the first maximum.
        self._classes = sorted(perceptron.model.classes, reverse=True)
        self._load_matrix(perceptron.model.weights)
        tag_id = self._load_tag_pairs()
        self._load_value_tables(tag_id)
        self._name_array = np.array(self._tag_names, dtype=object)
        # Where a scored token's ten word features come from: (token offset, column of self._rows).
        self._feature_at = np.array([0, 0, 0, 0, -1, -2, 1, 2, -1, 1], dtype=np.intp)
        self._feature_column = np.arange(10, dtype=np.intp)
        # Per distinct token (see _add_words), bounded: its index in three tables of what tagging
        # needs from it, so that a document's tokens become arrays in one numpy call each.
        self._word_id: dict[str, int] = {}
        # A first token reads the start pads as its i-2 and i-1 tags; the end pads are never read as tags.
        self._pad_tags = (tag_id[_START[1]], tag_id[_START[0]], 0, 0)
        self._reset_tables()

    def _load_matrix(self, weights: dict[str, dict[str, float]]) -> None:
        """The perceptron's weights as one dense matrix, a row per feature name."""
        np = self._np
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

    def _load_tag_pairs(self) -> dict[str, int]:
        """Tag ids, and the tag part of a score for every pair of previous tags; returns the ids."""
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
        pair_part = (prev[:, None, :] + prev2[None, :, :]) + both  # (tags, tags, classes)
        # Flat, by pair id (i-1 tag id * tags + i-2 tag id): take() is numpy's fastest gather.
        self._pair_part = pair_part.reshape(len(names) * len(names), -1)
        return tag_id

    def _load_value_tables(self, tag_id: dict[str, int]) -> None:
        """Dense tables of the word, suffix and previous-tag-with-word features, by value."""
        np = self._np
        names = self._tag_names
        # Word features by value, so that a word never seen before costs a few lookups, not
        # fourteen string concatenations: value -> {feature kind: row}.
        by_word: dict[str, dict[str, int]] = {}
        by_suffix: dict[str, dict[str, int]] = {}
        self._pref1: dict[str, int] = {}  # "i pref1": first letter -> row
        after_tag: dict[str, dict[int, int]] = {}  # "i-1 tag+i word": word -> {previous tag id: row}
        for name, r in self._feature_row.items():
            kind, _, value = name.partition(" ")
            kind2, _, value = value.partition(" ")
            if kind2 == "word":
                by_word.setdefault(value, {})[kind] = r
            elif kind2 == "suffix":
                by_suffix.setdefault(value, {})[kind] = r
            elif kind2 == "pref1" and kind == "i":
                self._pref1[value] = r
            elif kind2 == "tag+i":  # "i-1 tag+i word PREV WORD"
                _, prev, word = value.split(" ", 2)
                if prev in tag_id:
                    after_tag.setdefault(word, {})[tag_id[prev]] = r
        # The same as dense tables by kind (row 0 where the model has no such feature), reached
        # through one index per value: a new token then costs one dict lookup per value, and
        # numpy gathers its rows (nested tuples of ints cost a cache miss per int when cold).
        # Word values: rows of i, i-1, i-2, i+1, i+2 word, then the value's index in after_rows.
        after_index = {word: i for i, word in enumerate(after_tag, start=1)}
        values = list(dict.fromkeys(chain(by_word, after_tag)))
        self._word_index = {v: i for i, v in enumerate(values, start=1)}
        kinds = ("i", "i-1", "i-2", "i+1", "i+2")
        self._word_table = np.array(
            [(0,) * 6] + [(*(by_word.get(v, {}).get(k, 0) for k in kinds), after_index.get(v, 0)) for v in values], dtype=np.int32
        )
        # Suffix values: rows of i, i-1, i+1 suffix.
        self._suffix_index = {v: i for i, v in enumerate(by_suffix, start=1)}
        self._suffix_table = np.array(
            [(0, 0, 0)] + [(k.get("i", 0), k.get("i-1", 0), k.get("i+1", 0)) for k in by_suffix.values()], dtype=np.int32
        )
        # "i-1 tag+i word" as a dense table: (word's index, previous tag id) -> row; index 0 (a
        # word without the feature) and absent pairs give row 0, all zeros. Flat, as _pair_part.
        sizes = np.fromiter(map(len, after_tag.values()), dtype=np.intp, count=len(after_tag))
        at_word = np.repeat(np.arange(1, len(after_tag) + 1, dtype=np.intp), sizes)
        at_prev = np.fromiter(chain.from_iterable(after_tag.values()), dtype=np.intp, count=int(sizes.sum()))
        at_row = np.fromiter(chain.from_iterable(m.values() for m in after_tag.values()), dtype=np.intp, count=len(at_prev))
        after_rows = np.zeros((len(after_tag) + 1, len(names)), dtype=np.int32)  # (rows < 2**31)
        after_rows[at_word, at_prev] = at_row
        self._after_rows = after_rows.ravel()

    def _reset_tables(self) -> None:
        """Empty the per-token tables, but for the four pads nltk puts around a sentence (ids 0-3)."""
        np = self._np
        self._word_id.clear()
        capacity = 4096
        # Per token: own rows (bias, suffix, first letter, word), then rows as a neighbour
        # (i-1 word, i-2 word, i+1 word, i+2 word, i-1 suffix, i+1 suffix): the word table's
        # columns, then the suffix table's, each a contiguous block.
        self._rows = np.zeros((capacity, 10), dtype=np.int32)
        self._fixed = np.full(capacity, -1, dtype=np.intp)  # tag id fixed by the tag dictionary, or -1
        self._after = np.zeros(capacity, dtype=np.intp)  # its word index in self._after_rows (0: no such feature)
        pads = (_START[0], _START[1], _END[0], _END[1])
        self._rows[:4, 4:8] = self._word_table[[self._word_index.get(w, 0) for w in pads], 1:5]
        self._rows[:4, 8:] = self._suffix_table[[self._suffix_index.get(w[-3:], 0) for w in pads], 1:]
        self._fixed[:4] = self._pad_tags
        self._count = 4

    def _add_words(self, words: list[str]) -> None:
        """Give new distinct tokens their ids (from self._count on) and their table rows."""
        np = self._np
        first, count = self._count, self._count + len(words)
        if count > len(self._fixed):
            grow = max(count, 2 * len(self._fixed)) - len(self._fixed)
            self._rows = np.concatenate((self._rows, np.zeros((grow, 10), dtype=np.int32)))
            self._fixed = np.concatenate((self._fixed, np.full(grow, -1, dtype=np.intp)))
            self._after = np.concatenate((self._after, np.zeros(grow, dtype=np.intp)))
        word_index, suffix_index, pref1 = self._word_index.get, self._suffix_index.get, self._pref1.get
        norms = [_normalize(w) for w in words]
        by_word = self._word_table[[word_index(n, 0) for n in norms]]
        suffixes = self._suffix_table
        rows = self._rows[first:count]  # (a view: filled in place; self._rows' layout, see _reset_tables)
        rows[:, 0] = self._bias
        rows[:, 1] = suffixes[[suffix_index(w[-3:], 0) for w in words], 0]
        rows[:, 2] = [pref1(w[:1], 0) for w in words]
        rows[:, 3:8] = by_word[:, :5]
        rows[:, 8:] = suffixes[[suffix_index(n[-3:], 0) for n in norms], 1:]
        self._after[first:count] = by_word[:, 5]
        self._fixed[first:count] = [self._fixed_id.get(w, -1) for w in words]
        self._count = count

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
        tags) is found by iterating to a fixed point over all scored tokens at once, see below.
        """
        np = self._np
        if self._count > _CACHE_LIMIT:
            self._reset_tables()
        # One flat sequence of token ids for the batch, each sentence padded as nltk pads it.
        word_id = self._word_id
        get = word_id.get
        new: list[str] = []

        def add(word: str) -> int:
            i = word_id[word] = self._count + len(new)
            new.append(word)
            return i

        seq: list[int] = []
        for words in sentences:
            seq += _START_IDS
            seq += [get(w) or add(w) for w in words]  # (ids 0-3 are the pads, never a word's)
            seq += _END_IDS
        if new:
            self._add_words(new)
        ids = np.array(seq, dtype=np.intp)
        tid = self._fixed[ids]
        at = np.flatnonzero(tid < 0)  # the tokens to score
        if len(at):
            matrix = self._matrix
            # Each scored token's ten word feature rows: its own four, then its neighbours'. One
            # (scored tokens, classes) block per feature, so that each term below is contiguous.
            at_features = ids[at + self._feature_at[:, None]]  # (10, scored tokens)
            g = matrix.take(self._rows[at_features, self._feature_column[:, None]], axis=0)
            # Added in exactly the order (and grouping) of nltk's per-feature sums this replaces:
            # own = bias + suffix + pref1 + word; then + (i-1 word + i-1 suffix) + i-2 word
            # + (i+1 word + i+1 suffix) + i+2 word. Float addition is not associative.
            word_part = g[0] + g[1]
            word_part += g[2]
            word_part += g[3]
            word_part += g[4] + g[8]
            word_part += g[5]
            word_part += g[6] + g[9]
            word_part += g[7]
            # The tag part needs the two previous tags. Tag every scored token from guessed
            # previous tags (its word part's best), then again each one whose previous tags that
            # changed, until none changes (2-4 rounds on articles, the later ones small). That
            # fixed point is nltk's left-to-right result: a token whose predecessors are fixed (tag
            # dictionary, sentence start) is right in round 1, the next one in round 2 at the
            # latest, and so on; when nothing changes, every token agrees with its predecessors.
            after, pair_part, n_tags = self._after_rows, self._pair_part, len(self._tag_names)
            words_after = self._after[ids[at]] * n_tags  # where each scored token's after_rows start
            tid[at] = word_part.argmax(axis=1)  # the guess
            now, part, rows = at, word_part, words_after  # round 1: every scored token
            while True:
                prev = tid[now - 1]
                scores = part + pair_part.take(prev * n_tags + tid[now - 2], axis=0)
                # nltk's one feature joining the previous tag and the word itself (row 0: zeros).
                scores += matrix.take(after.take(rows + prev), axis=0)
                found = scores.argmax(axis=1)
                changed = now[found != tid[now]]
                if not len(changed):
                    break
                tid[now] = found
                # Next round: only the scored tokens one or two places after a changed tag.
                moved = np.zeros(len(tid), dtype=bool)
                moved[changed + 1] = True
                moved[changed + 2] = True
                redo = np.flatnonzero(moved[at])
                now, part, rows = at[redo], word_part[redo], words_after[redo]
        named = self._name_array[tid].tolist()
        out: list[list[str]] = []
        start = 0
        for words in sentences:
            start += 2
            out.append(named[start : start + len(words)])
            start += len(words) + 2
        return out
