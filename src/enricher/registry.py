"""Algorithms chosen by name: the one lookup the summariser and tagger registries share."""

from __future__ import annotations

from typing import Callable, Mapping, TypeVar

from .resources import Resources

T = TypeVar("T")


def build(
    registry: Mapping[str, Callable[[Resources], T]],
    name: str,
    default: str,
    resources: Resources,
    unknown: type[Exception],
    what: str,
) -> T:
    """The algorithm registered under name ("default" means default), built over resources."""
    key = default if name == "default" else name
    try:
        factory = registry[key]
    except KeyError:
        raise unknown(f"unknown {what} {name!r}; choose from {', '.join(sorted(registry))}") from None
    return factory(resources)
