"""The published JSON Schemas in schema/, loaded and compiled once each, shared by the record and the event."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any, Callable, Mapping


def load(name: str) -> dict[str, Any]:
    """The JSON Schema in schema/<name>."""
    text = importlib_resources.files(__package__).joinpath("schema", name).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _compiled(name: str) -> Callable[[Any], Any]:
    # fastjsonschema compiles a schema to Python once; validating then costs microseconds.
    import fastjsonschema

    return fastjsonschema.compile(load(name))


def check(name: str, value: Mapping[str, Any], error: type[Exception], what: str) -> None:
    """Raise error(what ...) when value does not match schema/<name>."""
    import fastjsonschema

    try:
        _compiled(name)(value)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise error(f"{what}: {exc.message}") from exc
