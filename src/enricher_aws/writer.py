"""One object in, one record out: read (bounded), enrich, write, publish.

Shared by every path, so that the function (direct, queue, Distributed Map) and
`enricher backfill` on a laptop write the same record at the same key, byte for byte.
Outcomes are plain dicts (the handler's result entries) plus private `_` fields for metrics.
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from typing import Any, Callable

from enricher import Enricher, Record, Source
from enricher.record.event import event_detail
from enricher.record import InvalidRecord

from .keys import Settings, is_folder_marker
from .publish import Publisher
from .s3records import ObjectRef
from .s3store import AccessDenied, ObjectMissing, ObjectStore

# User metadata stored with each record; the last two let a backfill skip what is done.
META_SOURCE_ETAG = "source-etag"
META_PIPELINE = "pipeline"

Log = Callable[..., None]


@lru_cache(maxsize=8)
def pipeline_tag(enricher: Enricher) -> str:
    """<version>+<digest of the settings>: a record made with another version or other
    settings (sentences, tags, algorithms) is not "done" for a backfill."""
    pipeline = enricher.not_enriched("skipped", "-", source=Source(), error_type="-", stage="-").pipeline
    settings = json.dumps(pipeline.get("settings", {}), sort_keys=True, separators=(",", ":"))
    return f"{pipeline.get('version')}+{hashlib.sha256(settings.encode('utf-8')).hexdigest()[:16]}"


def process_ref(
    ref: ObjectRef,
    *,
    store: ObjectStore,
    enricher: Enricher,
    settings: Settings,
    publisher: Publisher | None = None,
    skip_done: str | None = None,
    log: Any = None,
) -> dict[str, Any]:
    """Handle one object. A transient failure (S3 or PutEvents) is reported in the outcome
    (`_transient`, with `_error_text`), never raised, so a batch goes on with the others.

    skip_done: a pipeline_tag(); when given, an object whose record exists with the same
    source ETag and pipeline tag is left alone (status "done").
    """
    base = {"bucket": ref.bucket, "key": ref.key, "version_id": ref.version_id}
    if not ref.is_creation:
        if log:
            log.info("ignored event", extra={"event_name": ref.event_name})
        return {**base, "status": "ignored", "reason": f"{ref.event_name} events are ignored"}
    if settings.is_own_output(ref.bucket, ref.key):
        if log:
            log.warning("refused an object written by this function (recursion guard)")
        return {**base, "status": "ignored", "reason": "object is one of this function's outputs"}
    if is_folder_marker(ref.key):
        return {**base, "status": "ignored", "reason": "folder marker (key ends in '/')"}
    out_key = settings.output_key(ref.key)
    started = time.process_time()
    try:
        if skip_done and ref.etag:
            meta = store.head(settings.output_bucket, out_key)
            if meta and meta.get(META_SOURCE_ETAG) == ref.etag and meta.get(META_PIPELINE) == skip_done:
                return {**base, "status": "done", "reason": "record exists for this ETag and pipeline",
                        "output_bucket": settings.output_bucket, "output_key": out_key}
        record = _enrich_object(ref, store=store, enricher=enricher)
    except Exception as exc:  # transient: keep going with the other objects, then fail for a retry
        return _transient(base, exc, "transient failure; the event will be retried", log)
    try:
        body = record.to_json(checked=True).encode("utf-8")
    except InvalidRecord as exc:  # a bug in the core: say so in a failed record rather than write bad data
        if log:
            log.exception("record failed schema v1")
        record = enricher.not_enriched("failed", str(exc), source=record.source, error_type="InvalidRecord", stage="record")
        body = record.to_json(checked=True).encode("utf-8")
    metadata = {
        "status": record.status,
        "source-version": ref.version_id or "",
        "schema-version": "1",
        META_SOURCE_ETAG: record.source.etag or "",
        META_PIPELINE: skip_done or pipeline_tag(enricher),
    }
    try:
        written = store.put(settings.output_bucket, out_key, body, "application/json", metadata, sequencer=ref.sequencer)
    except Exception as exc:
        return _transient(base, exc, "could not write the record; the event will be retried", log)
    if not written:
        if log:
            log.info("a record from a later event is already in place; this older one is not written")
        return {**base, "status": "ignored", "reason": "stale: a later version's record is already in place"}
    if publisher is not None:
        try:
            publisher.publish(event_detail(record, bucket=settings.output_bucket, key=out_key, body=body))
        except Exception as exc:  # the record is in place; a retry rewrites the same bytes and publishes again
            return _transient(base, exc, "record written but its event was not published; the event will be retried", log)
    if log:
        log.info("record written", extra={"status": record.status, "output_key": out_key, "reason": record.reason})
    return {
        **base,
        "status": record.status,
        "reason": record.reason,
        "output_bucket": settings.output_bucket,
        "output_key": out_key,
        "_ms": (time.process_time() - started) * 1000,
        "_error": (record.error or {}).get("type"),
    }


def _transient(base: dict[str, Any], exc: Exception, message: str, log: Any) -> dict[str, Any]:
    if log:
        log.exception(message)
    return {
        **base,
        "status": "failed",
        "reason": f"transient: {type(exc).__name__}",
        "output_key": None,
        "_transient": True,
        "_error_text": f"{base['key']}: {type(exc).__name__}: {exc}",
    }


def _enrich_object(ref: ObjectRef, *, store: ObjectStore, enricher: Enricher) -> Record:
    limit = enricher.options.max_input_bytes
    source = Source(
        name=ref.key.rpartition("/")[2],
        bucket=ref.bucket,
        key=ref.key,
        version_id=ref.version_id,
        etag=ref.etag,
        size=ref.size,
    )
    if ref.size is not None and ref.size > limit:
        # Refused from the event alone: the object is never downloaded.
        return enricher.not_enriched(
            "skipped", f"object is {ref.size} bytes, over the {limit}-byte limit", source=source,
            error_type="TooLarge", stage="read",
        )
    try:
        fetched = store.get(ref.bucket, ref.key, ref.version_id, limit)
    except ObjectMissing as exc:
        return enricher.not_enriched("skipped", f"object was deleted before it could be read: {exc}", source=source,
                                     error_type="ObjectMissing", stage="read")
    except AccessDenied as exc:
        return enricher.not_enriched("failed", str(exc), source=source, error_type="AccessDenied", stage="read")
    source = Source(
        name=source.name,
        bucket=source.bucket,
        key=source.key,
        version_id=source.version_id or fetched.version_id,
        etag=source.etag or fetched.etag,
        size=fetched.size,
        content_type=fetched.content_type,
    )
    if fetched.size > limit:
        return enricher.not_enriched("skipped", f"object is {fetched.size} bytes, over the {limit}-byte limit",
                                     source=source, error_type="TooLarge", stage="read")
    return enricher.enrich(fetched.body, name=source.name, source=source)
