"""In-memory stand-ins for the Lambda adapter's I/O interfaces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from enricher_aws.s3store import SEQUENCER_META, Fetched, ObjectMissing, newer


@dataclass
class MemoryStore:
    """In-memory ObjectStore for tests: objects by (bucket, key)."""

    objects: dict[tuple[str, str], bytes] = field(default_factory=dict)
    written: dict[tuple[str, str], tuple[bytes, str, Mapping[str, str]]] = field(default_factory=dict)

    def get(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> Fetched:
        if (bucket, key) not in self.objects:
            raise ObjectMissing(key)
        data = self.objects[(bucket, key)]
        return Fetched(data[: max_bytes + 1], len(data), None, None, version_id)

    def put(
        self, bucket: str, key: str, body: bytes, content_type: str, metadata: Mapping[str, str],
        sequencer: str | None = None,
    ) -> bool:
        if len(key.encode("utf-8")) > 1024:  # as S3 refuses it (KeyTooLongError)
            raise ValueError(f"KeyTooLongError: {len(key.encode('utf-8'))} bytes")
        current = self.written.get((bucket, key))
        if current is not None and newer(current[2].get(SEQUENCER_META), sequencer):
            return False
        self.written[(bucket, key)] = (body, content_type, {**metadata, SEQUENCER_META: sequencer or ""})
        return True

    def head(self, bucket: str, key: str) -> Mapping[str, str] | None:
        current = self.written.get((bucket, key))
        return None if current is None else dict(current[2])
