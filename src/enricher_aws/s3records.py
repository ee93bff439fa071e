"""Event shapes to plain object references: S3 notifications (direct, or inside SQS
messages) and Distributed Map batches (items from ListObjectsV2).

Keys in S3 notifications arrive URL-encoded (a space as '+', unicode and parentheses as
%XX); Powertools' S3Event.object_key decodes only the first record's key and
S3Object.key not at all, so every record's key is decoded here. Keys in ListObjectsV2
items are plain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping
from urllib.parse import unquote_plus

BACKFILL_EVENT = "ObjectCreated:Backfill"  # the event name given to listed objects


@dataclass(frozen=True)
class ObjectRef:
    """One object an event speaks of."""

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


def _raw(event: Any) -> Mapping[str, Any]:
    # Powertools' data classes wrap the dict; take it as sent.
    return getattr(event, "raw_event", event)


def is_test_event(event: Any) -> bool:
    """S3 sends one s3:TestEvent (no Records) when a notification is configured."""
    raw = _raw(event)
    return raw.get("Event") == "s3:TestEvent" or "Records" not in raw


def object_refs(event: Any) -> Iterator[ObjectRef]:
    """The objects of an S3 notification (a dict or Powertools' S3Event)."""
    for record in _raw(event).get("Records") or []:
        s3 = record.get("s3") or {}
        obj = s3.get("object") or {}
        yield ObjectRef(
            event_name=record.get("eventName", ""),
            bucket=(s3.get("bucket") or {}).get("name", ""),
            key=unquote_plus(obj.get("key", "")),
            version_id=obj.get("versionId") or None,
            etag=obj.get("eTag") or None,
            size=obj.get("size"),
            sequencer=obj.get("sequencer"),
        )


def listed_ref(bucket: str, item: Mapping[str, Any]) -> ObjectRef:
    """An object from a ListObjectsV2 page (boto3's Contents entry, or a Distributed Map item)."""
    size = item.get("Size")
    return ObjectRef(
        event_name=BACKFILL_EVENT,
        bucket=bucket,
        key=item["Key"],
        version_id=None,  # the latest version, read at processing time
        etag=(item.get("ETag") or "").strip('"') or None,
        size=int(size) if size is not None else None,
        sequencer=None,
    )
