"""Where records go: output bucket, prefix and key naming (one place for the function and
`enricher backfill`), and which keys are never processed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Mapping

MAX_KEY_BYTES = 1024  # S3's limit on an object key, in UTF-8 bytes
LONG_KEYS = "_long-keys/"  # where records of inputs with over-long keys go (see Settings.output_key)
BACKFILL_RESULTS = "_backfill/"  # where the Distributed Map's ResultWriter puts a map run's results


class SettingsError(Exception):
    """The output location is missing or malformed."""


@dataclass(frozen=True)
class Settings:
    output_bucket: str
    output_prefix: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        bucket = env.get("OUTPUT_BUCKET", "")
        if not bucket:
            raise SettingsError("OUTPUT_BUCKET is not set: the function has nowhere to write records")
        return cls(output_bucket=bucket, output_prefix=env.get("OUTPUT_PREFIX", ""))

    def output_key(self, key: str) -> str:
        """<prefix><input key>.json; for an input key too long for that (S3 keys hold at most
        1,024 bytes), <prefix>_long-keys/<sha256 of the key>.json, rather than a write that fails
        on every retry. The record's source.key holds the full key either way."""
        out = f"{self.output_prefix}{key}.json"
        if len(out.encode("utf-8")) <= MAX_KEY_BYTES:
            return out
        return f"{self.output_prefix}{LONG_KEYS}{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def is_own_output(self, bucket: str, key: str) -> bool:
        """True for objects this function writes (records, map-run results): processing them would loop."""
        return bucket == self.output_bucket and key.startswith(self.output_prefix) and (
            key.endswith(".json") or key.startswith(self.output_prefix + BACKFILL_RESULTS)
        )


def is_folder_marker(key: str) -> bool:
    """Keys ending in '/' are the console's folder markers, never articles."""
    return key.endswith("/")


def parse_s3_url(url: str) -> tuple[str, str]:
    """s3://BUCKET[/PREFIX] -> (bucket, prefix)."""
    if not url.startswith("s3://") or len(url) <= len("s3://"):
        raise SettingsError(f"expected s3://BUCKET[/PREFIX], got {url!r}")
    bucket, _, prefix = url[len("s3://"):].partition("/")
    if not bucket:
        raise SettingsError(f"expected s3://BUCKET[/PREFIX], got {url!r}")
    return bucket, prefix
