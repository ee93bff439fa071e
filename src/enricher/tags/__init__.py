"""Topic taggers behind one small interface, chosen by name from Options.

Interface: a Tagger has a `name` and `tag(doc, limit) -> tuple[Tag, ...]`:
deduplicated tags, best first, each typed (model.TAG_KINDS) and scored.

"keyphrase" (the default, keyphrase.py) finds noun phrases and proper names in the
POS-tagged sentences (candidates.py), merges the mentions of one thing (entities.py) and
scores them against background word frequencies (wordfreq.py); "multilingual"
(multilingual.py) does the same without a POS model for the other languages, and the pipeline
uses it for non-English articles when the default tagger is configured; "capitalised"
(capitalised.py) is the fallback for languages without a POS model. Each module is
imported only when its tagger is built.
"""

from __future__ import annotations

from typing import Callable, Mapping, Protocol

from ..errors import EnricherError
from ..model import Document, Tag
from ..registry import build
from ..resources import Resources


class TagError(EnricherError):
    """Base of the tagger's errors."""


class UnknownTagger(TagError):
    pass


class Tagger(Protocol):
    name: str

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]: ...


def _keyphrase(resources: Resources) -> Tagger:
    from .keyphrase import KeyphraseTagger

    return KeyphraseTagger(resources)


def _capitalised(resources: Resources) -> Tagger:
    from .capitalised import Capitalised

    return Capitalised()


def _multilingual(resources: Resources) -> Tagger:
    from .multilingual import MultilingualTagger

    return MultilingualTagger(resources)


Factory = Callable[[Resources], Tagger]

REGISTRY: Mapping[str, Factory] = {
    "keyphrase": _keyphrase,
    "capitalised": _capitalised,
    "multilingual": _multilingual,
}

DEFAULT = "keyphrase"


def get_tagger(name: str, resources: Resources) -> Tagger:
    return build(REGISTRY, name, DEFAULT, resources, UnknownTagger, "tagger")
