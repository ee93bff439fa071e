"""The "Article Enriched" event's detail, built from a record: pure, no I/O.

The edge (enricher_aws.publish) puts it on an EventBridge bus after the record is
written. The detail is compact (no article body) and its `id` is derived from the
record's location and bytes only, so every delivery of the same record carries the
same id and consumers can drop duplicates (delivery is at-least-once).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from ..errors import EnricherError
from . import schemas
from .v1 import Record

SOURCE = "article-enricher"
DETAIL_TYPE = "Article Enriched"
DETAIL_VERSION = "1"
SCHEMA_FILE = "article-enriched-v1.schema.json"
# EventBridge refuses entries over 256 KB (detail and envelope); stay well under it.
MAX_DETAIL_BYTES = 64 * 1024


class EventError(EnricherError):
    """Base of the event module's errors."""


class InvalidEvent(EventError):
    """An event does not match its published schema: a bug, never the input's fault."""


def event_id(bucket: str, key: str, body: bytes) -> str:
    """Deterministic id: the same record (location and bytes) always gives the same id."""
    digest = hashlib.sha256()
    digest.update(f"s3://{bucket}/{key}".encode("utf-8"))
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


def event_detail(record: Record, *, bucket: str, key: str, body: bytes) -> dict[str, Any]:
    """The detail of one "Article Enriched" event for a record written to s3://bucket/key.

    body is the record's JSON exactly as written (it gives the id).
    """
    a, s = record.article, record.source
    detail: dict[str, Any] = {
        "version": DETAIL_VERSION,
        "id": event_id(bucket, key, body),
        "status": record.status,
        "reason": record.reason,
        "input": {"bucket": s.bucket, "key": s.key, "version_id": s.version_id, "etag": s.etag, "size": s.size},
        "record": {"bucket": bucket, "key": key},
        "article": None
        if a is None
        else {
            "title": a.title,
            "language": a.language,
            "section": a.section,
            "published": a.published,
            "word_count": sum(len(p.split()) for p in a.paragraphs),
            **({"language_method": a.language_method} if a.language_method else {}),
        },
        "summary": [] if record.summary is None else [x.text for x in record.summary.sentences],
        "tags": [{"label": t.label, "kind": t.kind, "score": t.score} for t in record.tags],
        "pipeline": {"version": str(record.pipeline.get("version", ""))},
        "truncated": False,
        **({"tagging": dict(record.tagging)} if record.tagging is not None else {}),
    }
    # A very long summary (a ratio over a huge document) could pass the limit: drop sentences
    # from the end and say so; the full record is one GetObject away.
    while len(to_json(detail).encode("utf-8")) > MAX_DETAIL_BYTES and detail["summary"]:
        detail["summary"] = detail["summary"][: len(detail["summary"]) // 2]
        detail["truncated"] = True
    return detail


def to_json(detail: Mapping[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def schema() -> dict[str, Any]:
    """The published JSON Schema of the whole event (EventBridge envelope with the detail)."""
    return schemas.load(SCHEMA_FILE)


def validate(event: Mapping[str, Any]) -> None:
    """Raise InvalidEvent when an event (envelope and detail) does not match the schema."""
    schemas.check(SCHEMA_FILE, event, InvalidEvent, "event does not match the Article Enriched schema")


def validate_detail(detail: Mapping[str, Any]) -> None:
    """Validate a detail alone, wrapped in a minimal envelope."""
    validate({"version": "0", "id": "local", "detail-type": DETAIL_TYPE, "source": SOURCE, "account": "000000000000",
              "time": "1970-01-01T00:00:00Z", "region": "local", "resources": [], "detail": dict(detail)})
