"""One options object, built once and passed everywhere (trafilatura's Extractor style)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping

from .errors import EnricherError


class OptionsError(EnricherError):
    """An option has a value outside its range."""


@dataclass(frozen=True)
class Options:
    """Settings for one pipeline. Frozen and hashable: a pipeline can be cached by them."""

    # Summary: a fixed count, or a ratio of the article's sentences when ratio is set.
    sentences: int = 3
    ratio: float | None = None
    summarizer: str = "default"
    # Tags
    max_tags: int = 10
    tagger: str = "default"
    # Language: None detects it; an ISO 639-1 code forces it.
    language: str | None = None
    # Inputs larger than this (after decompression) are refused with a record, not read.
    max_input_bytes: int = 10 * 1024 * 1024
    # Decompressed size may not exceed this multiple of the compressed size.
    max_compression_ratio: int = 100

    def __post_init__(self) -> None:
        if not 1 <= self.sentences <= 100:
            raise OptionsError(f"sentences must be between 1 and 100, got {self.sentences}")
        if self.ratio is not None and not 0.0 < self.ratio <= 1.0:
            raise OptionsError(f"ratio must be in (0, 1], got {self.ratio}")
        if not 0 <= self.max_tags <= 100:
            raise OptionsError(f"max_tags must be between 0 and 100, got {self.max_tags}")
        if self.max_input_bytes < 1:
            raise OptionsError("max_input_bytes must be positive")
        if self.max_compression_ratio < 1:
            raise OptionsError("max_compression_ratio must be at least 1")

    def replace(self, **changes: object) -> "Options":
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def settings(self) -> dict[str, object]:
        """The settings as plain values, for the record's pipeline block."""
        return dataclasses.asdict(self)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Options":
        """Read ENRICHER_* variables (and the SAM parameters' names) once, at start-up."""
        changes: dict[str, object] = {}
        ints = {
            "SUMMARY_SENTENCES": "sentences",
            "MAX_TAGS": "max_tags",
            "MAX_INPUT_BYTES": "max_input_bytes",
        }
        for var, field in ints.items():
            value = env.get(var)
            if value not in (None, ""):
                try:
                    changes[field] = int(value)
                except ValueError as exc:
                    raise OptionsError(f"{var} must be an integer, got {value!r}") from exc
        if env.get("SUMMARY_RATIO"):
            try:
                changes["ratio"] = float(env["SUMMARY_RATIO"])
            except ValueError as exc:
                raise OptionsError(f"SUMMARY_RATIO must be a number, got {env['SUMMARY_RATIO']!r}") from exc
        for var, field in {"SUMMARIZER": "summarizer", "TAGGER": "tagger", "LANGUAGE": "language"}.items():
            if env.get(var):
                changes[field] = env[var]
        return cls(**changes)  # type: ignore[arg-type]
