"""Recover the article from a page-text dump or plain text.

Interface: clean_dump(text) -> Article. Raises NotAnArticle when the input holds
no article (an index page, an error page, nothing but navigation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .errors import EnricherError
from .model import Article


class CleaningError(EnricherError):
    """Base of the cleaner's errors."""


class NotAnArticle(CleaningError):
    """The input is readable but holds no article; the record is 'skipped'."""


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def fingerprint(line: str) -> str:
    """A line's identity up to typography, case and spacing: finds second copies of the body."""
    text = unicodedata.normalize("NFKC", line).translate(_TYPOGRAPHY).lower()
    return " ".join(re.findall(r"\w+", text))


def clean_dump(text: str) -> Article:
    removed: Counter[str] = Counter()
    seen: set[str] = set()
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        line = " ".join(block.split())
        if not line:
            continue
        key = fingerprint(line)
        if key in seen:
            removed["duplicate"] += 1
            continue
        seen.add(key)
        if len(line.split()) < 8 or line[-1] not in ".!?\"'”’)":
            removed["short"] += 1
            continue
        paragraphs.append(line)
    if not paragraphs:
        raise NotAnArticle("no paragraph of running prose found")
    return Article(title=None, paragraphs=tuple(paragraphs), removed=dict(removed))
