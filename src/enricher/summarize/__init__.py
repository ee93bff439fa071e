"""Extractive summarisers behind one small interface, chosen by name from Options.

Interface: a Summarizer has a `name` and `summarize(doc, count) -> Summary`,
returning at most `count` sentences in article order, each with its score.

"default" is centroid-lead (centroid_lead.py); lexrank, lsa, textrank, luhn, kl,
sumbasic and edmundson are sumy's (sumy_adapter.py); lead (lead.py) takes the first sentences.
numpy and sumy are imported only when a summariser that needs them is built or run.
"""

from __future__ import annotations

from typing import Callable, Mapping, Protocol

from ..errors import EnricherError
from ..model import Document, Summary
from ..options import Options
from ..registry import build
from ..resources import Resources


class SummarizeError(EnricherError):
    """Base of the summariser's errors."""


class UnknownSummarizer(SummarizeError):
    pass


class Summarizer(Protocol):
    name: str

    def summarize(self, doc: Document, count: int) -> Summary: ...


def sentence_count(options: Options, available: int) -> int:
    """How many sentences to return: the ratio when set, else the fixed count; never more than exist."""
    if options.ratio is not None:
        wanted = max(1, round(options.ratio * available))
    else:
        wanted = options.sentences
    return min(wanted, available)


def _lead(resources: Resources) -> Summarizer:
    from .lead import Lead

    return Lead()


def _centroid_lead(resources: Resources) -> Summarizer:
    from .centroid_lead import CentroidLead

    return CentroidLead()


def _sumy(algorithm: str) -> Callable[[Resources], Summarizer]:
    def build(resources: Resources) -> Summarizer:
        from .sumy_adapter import SumySummarizer

        return SumySummarizer(algorithm)

    return build


Factory = Callable[[Resources], Summarizer]

DEFAULT = "centroid-lead"

REGISTRY: Mapping[str, Factory] = {
    "lead": _lead,
    "centroid-lead": _centroid_lead,
    **{name: _sumy(name) for name in ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "edmundson")},
}


def get_summarizer(name: str, resources: Resources) -> Summarizer:
    return build(REGISTRY, name, DEFAULT, resources, UnknownSummarizer, "summarizer")
