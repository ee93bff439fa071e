"""Lambda adapter: S3 notifications in (directly, in SQS batches, or as Distributed Map
batches of listed objects), one enriched record per object out, one event per record.

Thin by design: tell the event shape apart, turn it into object references, and hand each
to the shared writer (enricher_aws.writer: read, enrich, write, publish). Clients and the
pipeline are built once at INIT.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes import S3Event
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from enricher import Enricher, Options
from enricher_aws.keys import LONG_KEYS, MAX_KEY_BYTES, Settings  # noqa: F401 (re-exported for callers)
from enricher_aws.publish import EventBridgePublisher, Publisher
from enricher_aws.s3records import ObjectRef, is_test_event, listed_ref, object_refs
from enricher_aws.s3store import ObjectStore, S3Store
from enricher_aws.writer import pipeline_tag, process_ref

logger = Logger()
metrics = Metrics()


class TransientFailure(Exception):
    """Raised after every record was tried, so Lambda retries the event and then dead-letters it."""


class BadMessage(Exception):
    """An SQS message that is not an S3 notification: reported as a batch item failure, so the
    queue's redrive policy moves it to the dead-letter queue after a few receives."""


@dataclass(frozen=True)
class Services:
    """What every entry point works with, built once at INIT; tests pass fakes."""

    store: ObjectStore
    enricher: Enricher
    settings: Settings
    publisher: Publisher | None = None
    metrics: Metrics | None = None
    log: Logger | None = None


def process_event(event: S3Event | Mapping[str, Any], services: Services) -> dict[str, Any]:
    """Handle one S3 notification. Returns the handler's output (keys: results, counts)."""
    if is_test_event(event):
        return {"results": [], "counts": {"ok": 0, "skipped": 0, "failed": 0, "ignored": 0}}
    return _process(object_refs(event), services)


def process_items(event: Mapping[str, Any], services: Services) -> dict[str, Any]:
    """Handle one Distributed Map batch: {"Items": [ListObjectsV2 entries], "BatchInput": {bucket, force}}.

    Objects whose record exists for the same ETag and pipeline are skipped ("done") unless
    force is true. Raises TransientFailure after the batch, so the child execution retries it.
    """
    batch = event.get("BatchInput") or {}
    bucket = batch.get("bucket") or ""
    if not bucket:
        raise ValueError("Distributed Map batch without BatchInput.bucket")
    force = batch.get("force") in (True, "true", "True")
    refs = [listed_ref(bucket, item) for item in event.get("Items") or []]
    return _process(refs, services, skip_done=None if force else pipeline_tag(services.enricher))


def process_sqs(event: Mapping[str, Any], services: Services, context: LambdaContext | None = None) -> dict[str, Any]:
    """Handle one SQS batch of S3 notifications; returns {"batchItemFailures": [...]}.

    Each message is handled as a direct S3 notification; a message whose objects failed
    transiently, or that is not an S3 notification at all, is reported as failed (only it is
    received again); s3:TestEvent messages are consumed and ignored.
    """

    def record_handler(record: SQSRecord) -> dict[str, Any]:
        try:
            body = json.loads(record.body)
        except ValueError as exc:
            raise BadMessage(f"message {record.message_id} is not JSON: {exc}") from exc
        if not isinstance(body, dict) or (body.get("Event") != "s3:TestEvent" and not isinstance(body.get("Records"), list)):
            raise BadMessage(f"message {record.message_id} is not an S3 notification")
        return process_event(body, services)

    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    return dict(process_partial_response(event=dict(event), record_handler=record_handler, processor=processor,
                                         context=context))


def _process(refs: Iterable[ObjectRef], services: Services, skip_done: str | None = None) -> dict[str, Any]:
    log, metrics = services.log, services.metrics
    counts = {"ok": 0, "skipped": 0, "failed": 0, "ignored": 0}
    results: list[dict[str, Any]] = []
    errors: list[str] = []
    for ref in refs:
        if log:
            log.append_keys(bucket=ref.bucket, key=ref.key)
        outcome = process_ref(ref, store=services.store, enricher=services.enricher, settings=services.settings,
                              publisher=services.publisher, skip_done=skip_done, log=log)
        counts[outcome["status"]] = counts.get(outcome["status"], 0) + 1
        results.append(outcome)
        latency = outcome.pop("_ms", None)
        error_type = outcome.pop("_error", None)
        error_text = outcome.pop("_error_text", None)
        if error_text:
            errors.append(error_text)
        if metrics and outcome.pop("_transient", False):
            metrics.add_metric(name="TransientFailures", unit=MetricUnit.Count, value=1)
        elif metrics and outcome["status"] in ("ok", "skipped", "failed"):
            metrics.add_metric(name=f"Records{outcome['status'].capitalize()}", unit=MetricUnit.Count, value=1)
            metrics.add_metric(name="EnrichLatency", unit=MetricUnit.Milliseconds, value=latency or 0.0)
            if error_type == "AccessDenied":  # a permissions problem someone must fix: alarmable on its own
                metrics.add_metric(name="AccessDenied", unit=MetricUnit.Count, value=1)
        outcome.pop("_transient", None)
    if log:
        log.remove_keys(["bucket", "key"])
    if errors:
        raise TransientFailure("; ".join(errors))
    return {"results": results, "counts": counts}


def _client(service: str) -> Any:
    import boto3
    from botocore.config import Config

    # Standard retry mode backs off on throttling and 5xx before we give up and let Lambda retry.
    return boto3.client(service, config=Config(retries={"mode": "standard", "max_attempts": 5}))


def _publisher(env: Mapping[str, str]) -> Publisher | None:
    bus = env.get("EVENT_BUS_NAME", "")
    return EventBridgePublisher(_client("events"), bus) if bus else None


SETTINGS = Settings.from_env(os.environ)
STORE = S3Store(_client("s3"))
PUBLISHER = _publisher(os.environ)
# Every invocation needs the NLTK resources: build the pipeline and load them at INIT
# (a SnapStart snapshot captures them too), timed for the cold-start benchmark.
_started = time.perf_counter()
ENRICHER = Enricher(Options.from_env(os.environ))
ENRICHER.warm()
INIT_TIMINGS = {"resources_ms": round((time.perf_counter() - _started) * 1000, 1)}
SERVICES = Services(STORE, ENRICHER, SETTINGS, PUBLISHER, metrics, logger)


def _is_sqs(event: Mapping[str, Any]) -> bool:
    records = event.get("Records") or []
    return bool(records) and isinstance(records[0], dict) and records[0].get("eventSource") == "aws:sqs"


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """One entry point for the three shapes: S3 notification, SQS batch, Distributed Map batch."""
    if "Items" in event:
        return process_items(event, SERVICES)
    if _is_sqs(event):
        return process_sqs(event, SERVICES, context=context)
    return process_event(S3Event(event), SERVICES)
