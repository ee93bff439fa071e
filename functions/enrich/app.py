"""Lambda adapter: S3 notification in, one enriched record per object out.

Thin by design: parse the typed event, fetch bytes, call the pure core
(enricher), write the record. Clients and the pipeline are built once at INIT.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from typing import Any, Mapping

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.data_classes import S3Event, event_source
from aws_lambda_powertools.utilities.typing import LambdaContext

from enricher import Enricher, Options, Record, Source
from enricher.record import InvalidRecord
from s3records import ObjectRef, is_test_event, object_refs
from s3store import AccessDenied, ObjectMissing, ObjectStore, S3Store

logger = Logger()
metrics = Metrics()


MAX_KEY_BYTES = 1024  # S3's limit on an object key, in UTF-8 bytes
LONG_KEYS = "_long-keys/"  # where records of inputs with over-long keys go (see Settings.output_key)


@dataclass(frozen=True)
class Settings:
    output_bucket: str
    output_prefix: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        bucket = env.get("OUTPUT_BUCKET", "")
        if not bucket:
            raise RuntimeError("OUTPUT_BUCKET is not set: the function has nowhere to write records")
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
        """True for objects this function writes: processing them would loop."""
        return bucket == self.output_bucket and key.startswith(self.output_prefix) and key.endswith(".json")


class TransientFailure(Exception):
    """Raised after every record was tried, so Lambda retries the event and then dead-letters it."""


def process_event(
    event: S3Event,
    *,
    store: ObjectStore,
    enricher: Enricher,
    settings: Settings,
    metrics: Metrics | None = None,
    log: Logger | None = None,
) -> dict[str, Any]:
    """Handle one S3 notification. Returns the handler's output (keys: results, counts)."""
    counts = {"ok": 0, "skipped": 0, "failed": 0, "ignored": 0}
    results: list[dict[str, Any]] = []
    if is_test_event(event):
        return {"results": results, "counts": counts}
    errors: list[str] = []
    for ref in object_refs(event):
        if log:
            log.append_keys(bucket=ref.bucket, key=ref.key)
        outcome = _one(ref, store=store, enricher=enricher, settings=settings, errors=errors, log=log)
        counts[outcome["status"]] += 1
        results.append(outcome)
        latency = outcome.pop("_ms", None)
        error_type = outcome.pop("_error", None)
        if metrics and outcome.pop("_transient", False):
            metrics.add_metric(name="TransientFailures", unit=MetricUnit.Count, value=1)
        elif metrics and outcome["status"] != "ignored":
            metrics.add_metric(name=f"Records{outcome['status'].capitalize()}", unit=MetricUnit.Count, value=1)
            metrics.add_metric(name="EnrichLatency", unit=MetricUnit.Milliseconds, value=latency or 0.0)
            if error_type == "AccessDenied":  # a permissions problem someone must fix: alarmable on its own
                metrics.add_metric(name="AccessDenied", unit=MetricUnit.Count, value=1)
    if log:
        log.remove_keys(["bucket", "key"])
    if errors:
        raise TransientFailure("; ".join(errors))
    return {"results": results, "counts": counts}


def _one(
    ref: ObjectRef,
    *,
    store: ObjectStore,
    enricher: Enricher,
    settings: Settings,
    errors: list[str],
    log: Logger | None,
) -> dict[str, Any]:
    base = {"bucket": ref.bucket, "key": ref.key, "version_id": ref.version_id}
    if not ref.is_creation:
        if log:
            log.info("ignored event", extra={"event_name": ref.event_name})
        return {**base, "status": "ignored", "reason": f"{ref.event_name} events are ignored"}
    if settings.is_own_output(ref.bucket, ref.key):
        if log:
            log.warning("refused an object written by this function (recursion guard)")
        return {**base, "status": "ignored", "reason": "object is one of this function's outputs"}
    started = time.process_time()
    source = Source(
        name=ref.key.rpartition("/")[2],
        bucket=ref.bucket,
        key=ref.key,
        version_id=ref.version_id,
        etag=ref.etag,
        size=ref.size,
    )
    limit = enricher.options.max_input_bytes
    try:
        record = _enrich_object(ref, source, store=store, enricher=enricher, limit=limit)
    except Exception as exc:  # transient: keep going with the other records, then raise for a retry
        if log:
            log.exception("transient failure; the event will be retried")
        errors.append(f"{ref.key}: {type(exc).__name__}: {exc}")
        return {**base, "status": "failed", "reason": f"transient: {type(exc).__name__}", "output_key": None, "_transient": True}
    try:
        body = record.to_json(checked=True).encode("utf-8")
    except InvalidRecord as exc:  # a bug in the core: say so in a failed record rather than write bad data
        if log:
            log.exception("record failed schema v1")
        record = enricher.not_enriched("failed", str(exc), source=record.source, error_type="InvalidRecord", stage="record")
        body = record.to_json(checked=True).encode("utf-8")
    out_key = settings.output_key(ref.key)
    try:
        written = store.put(
            settings.output_bucket,
            out_key,
            body,
            "application/json",
            {"status": record.status, "source-version": ref.version_id or "", "schema-version": "1"},
            sequencer=ref.sequencer,
        )
    except Exception as exc:
        if log:
            log.exception("could not write the record; the event will be retried")
        errors.append(f"{ref.key}: {type(exc).__name__}: {exc}")
        return {**base, "status": "failed", "reason": f"transient: {type(exc).__name__}", "output_key": None, "_transient": True}
    if not written:
        if log:
            log.info("a record from a later event is already in place; this older one is not written")
        return {**base, "status": "ignored", "reason": "stale: a later version's record is already in place"}
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


def _enrich_object(ref: ObjectRef, source: Source, *, store: ObjectStore, enricher: Enricher, limit: int) -> Record:
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


def _client() -> Any:
    import boto3
    from botocore.config import Config

    # Standard retry mode backs off on throttling and 5xx before we give up and let Lambda retry.
    return boto3.client("s3", config=Config(retries={"mode": "standard", "max_attempts": 5}))


SETTINGS = Settings.from_env(os.environ)
STORE = S3Store(_client())
# Every invocation needs the NLTK resources: build the pipeline and load them at INIT
# (a SnapStart snapshot captures them too), timed for the cold-start benchmark.
_started = time.perf_counter()
ENRICHER = Enricher(Options.from_env(os.environ))
ENRICHER.warm()
INIT_TIMINGS = {"resources_ms": round((time.perf_counter() - _started) * 1000, 1)}


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@event_source(data_class=S3Event)
def lambda_handler(event: S3Event, context: LambdaContext) -> dict[str, Any]:
    return process_event(event, store=STORE, enricher=ENRICHER, settings=SETTINGS, metrics=metrics, log=logger)
