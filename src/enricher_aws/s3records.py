"""S3 notification records (Powertools' typed S3Event) to plain values.

Keys arrive URL-encoded (a space as '+', unicode and parentheses as %XX).
Powertools' S3Event.object_key decodes only the first record's key and
S3Object.key not at all, so every record's key is decoded here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator
from urllib.parse import unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event


@dataclass(frozen=True)
class ObjectRef:
    """One object an S3 notification speaks of."""

    event_name: str
    bucket: str
    key: str  # decoded
    version_id: str | None
    etag: str | None
    size: int | None
    sequencer: str | None

    @property
    def is_creation(self) -> bool:
        return self.event_name.startswith("ObjectCreated:")


def is_test_event(event: S3Event) -> bool:
    """S3 sends one s3:TestEvent (no Records) when a notification is configured."""
    return event.get("Event") == "s3:TestEvent" or "Records" not in event


def object_refs(event: S3Event) -> Iterator[ObjectRef]:
    for record in event.records:
        obj = record.s3.get_object
        yield ObjectRef(
            event_name=record.event_name,
            bucket=record.s3.bucket.name,
            key=unquote_plus(obj.key),
            version_id=obj.version_id or None,
            etag=obj.etag or None,
            size=obj.size if obj.get("size") is not None else None,
            sequencer=obj.get("sequencer"),
        )
