"""Find repeated copies of text that differ only in typography.

Pages often carry the body twice (an AMP or print copy, a second render with
curly quotes and en/em dashes). Two lines are the same text when their word
sequences match after Unicode normalisation and case folding; a line is a
copy when most of its word 5-grams were already seen, which also catches a
copy whose paragraphs were split or joined differently.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic variants folded to one form before comparing.
_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ",
})
_TYPO_RE = re.compile("[" + "".join(chr(c) for c in _TYPOGRAPHY) + "]")
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[a-z0-9_]+")  # _WORD on case-folded ASCII text, a third faster
SHINGLE = 5


def normalise(text: str) -> str:
    """Typography folded: curly quotes straight, dashes to '-', ellipsis to '...'."""
    if text.isascii():  # the common case, and str.translate is slow
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _TYPO_RE.sub(_fold, text) if _TYPO_RE.search(text) else text


def _fold(match: re.Match[str]) -> str:
    return _TYPOGRAPHY[ord(match.group())]


def words(text: str) -> list[str]:
    if text.isascii():
        if text.isalpha():  # a single ASCII word (menus are full of them): no pattern needed
            return [text.lower()]
        folded = text.lower()  # normalise's ASCII case, without the call; casefold is lower for ASCII
        return _ASCII_WORD.findall(folded)
    folded = normalise(text).casefold()
    return (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)


def fingerprint(text: str) -> str:
    """A line's identity up to typography, case, punctuation and spacing."""
    return " ".join(words(text))


def shingles(seq: list[str], n: int = SHINGLE) -> set[tuple[str, ...]]:
    if len(seq) < n:
        return set()  # most lines are short
    # zip over n shifted copies: the n-grams without building a slice per position
    return set(zip(*[seq[k:] for k in range(n)]))


class Seen:
    """Text seen so far; answers whether a new line repeats it. One per call: no shared state."""

    def __init__(self) -> None:
        self.prints: set[str] = set()
        self.grams: set[tuple[str, ...]] = set()

    def check(self, text: str, threshold: float = 0.8, add: bool = True, seq: list[str] | None = None) -> bool:
        """Whether text repeats what was seen (same words, or most of its 5-grams); remembers it if not.

        seq: the text's words() when the caller already has them."""
        if seq is None:
            seq = words(text)
        if not seq:
            return False
        key = " ".join(seq)
        if key in self.prints:
            return True
        grams = shingles(seq) if len(seq) >= SHINGLE + 2 else set()  # short lines: exact repeats only
        if len(grams) >= 3 and len(grams & self.grams) >= threshold * len(grams):
            return True
        if add:
            self.prints.add(key)
            self.grams |= grams
        return False

    def is_copy(self, text: str, threshold: float = 0.8) -> bool:
        return self.check(text, threshold, add=False)

    def add(self, text: str, seq: list[str] | None = None) -> None:
        if seq is None:
            seq = words(text)
        self.prints.add(" ".join(seq))
        if len(seq) >= SHINGLE:
            self.grams |= shingles(seq)
