"""Topic taggers behind one small interface, chosen by name from Options.

Interface: a Tagger has a `name` and `tag(doc, limit) -> tuple[Tag, ...]`:
deduplicated tags, best first, each typed (model.TAG_KINDS) and scored.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Mapping, Protocol

from .errors import EnricherError
from .model import Document, Tag
from .resources import Resources


class TagError(EnricherError):
    """Base of the tagger's errors."""


class UnknownTagger(TagError):
    pass


class Tagger(Protocol):
    name: str

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]: ...


class Capitalised:
    """Placeholder-grade tagger: runs of capitalised words not at a sentence start."""

    name = "capitalised"

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]:
        counts: Counter[str] = Counter()
        for sentence in doc.sentences:
            run: list[str] = []
            for i, word in enumerate(sentence.words + ("",)):
                if word[:1].isupper() and i > 0 and word.lower() not in doc.stopwords:
                    run.append(word)
                    continue
                if run:
                    counts[" ".join(run)] += 1
                run = []
        total = sum(counts.values()) or 1
        return tuple(Tag(label, "entity", round(n / total, 6)) for label, n in counts.most_common(limit))


Factory = Callable[[Resources], Tagger]

REGISTRY: Mapping[str, Factory] = {
    "capitalised": lambda resources: Capitalised(),
}


def get_tagger(name: str, resources: Resources) -> Tagger:
    if name == "default":
        name = "capitalised"
    try:
        factory = REGISTRY[name]
    except KeyError:
        raise UnknownTagger(f"unknown tagger {name!r}; choose from {', '.join(sorted(REGISTRY))}") from None
    return factory(resources)
