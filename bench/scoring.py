"""Scoring helpers shared by the benchmarks (bench only, never imported by src/enricher).

Token scoring as in ../shared/corpus/README.md: a multiset bag of lowercase
whitespace tokens with punctuation stripped; precision, recall and F1 per page,
then averaged over pages.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from typing import Iterable, NamedTuple


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float


def tokens(text: str) -> Counter[str]:
    """Bag of lowercase whitespace tokens, punctuation (Unicode class P*) stripped from each."""
    bag: Counter[str] = Counter()
    for raw in text.lower().split():
        tok = "".join(ch for ch in raw if not unicodedata.category(ch).startswith("P"))
        if tok:
            bag[tok] += 1
    return bag


def prf(predicted: str, gold: str) -> PRF:
    return _bag_prf(tokens(predicted), tokens(gold))


def _bag_prf(pred: Counter, ref: Counter) -> PRF:
    """P/R/F1 of two multisets; two empty ones agree perfectly."""
    common = sum((pred & ref).values())
    p_total, r_total = sum(pred.values()), sum(ref.values())
    if not p_total and not r_total:
        return PRF(1.0, 1.0, 1.0)
    precision = common / p_total if p_total else 0.0
    recall = common / r_total if r_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def mean_prf(scores: Iterable[PRF]) -> PRF:
    scores = list(scores)
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    return PRF(*(statistics.fmean(s[i] for s in scores) for i in range(3)))


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's own unit: n-grams of \\w+ tokens."""
    words = re.findall(r"\w+", text.lower())
    return Counter(tuple(words[i:i + n]) for i in range(max(0, len(words) - n + 1)))


def shingle_prf(predicted: str, gold: str, n: int = 4) -> PRF:
    return _bag_prf(shingles(predicted, n), shingles(gold, n))
