"""`enricher backfill`: enrich what is already in a bucket, on this machine or on Step Functions.

Local mode lists the objects itself and hands them to a pool of worker processes, each
with its own S3 client and pipeline (built once per process), through the same writer as
the function: same keys, same bytes. It is resumable (an object whose record exists for
the same source ETag and pipeline is skipped, status "done", unless force) and stops
cleanly on Ctrl-C: nothing new is started, objects in flight finish, a summary is printed.

Remote mode starts the Distributed Map state machine and follows its map run.
The standard AWS environment applies (profiles, region, AWS_ENDPOINT_URL).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, TextIO

from enricher.progress import Progress

from .keys import Settings, is_folder_marker, parse_s3_url

STATUSES = ("ok", "skipped", "failed", "done", "ignored", "error")


@dataclass
class Summary:
    listed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def processed(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        counts = ", ".join(f"{k} {self.counts.get(k, 0)}" for k in STATUSES)
        state = "interrupted" if self.interrupted else "finished"
        return (f"backfill {state}: {self.processed}/{self.listed} objects in {self.seconds:.1f} s "
                f"({rate:.1f}/s): {counts}")


def s3_client() -> Any:
    import boto3
    from botocore.config import Config

    # boto3 reads AWS_PROFILE, AWS_REGION/AWS_DEFAULT_REGION and AWS_ENDPOINT_URL itself.
    return boto3.client("s3", config=Config(retries={"mode": "standard", "max_attempts": 5}, max_pool_connections=4))


def list_objects(client: Any, bucket: str, prefix: str, settings: Settings) -> Iterator[dict[str, Any]]:
    """Objects to enrich: never folder markers, never this pipeline's own outputs."""
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            key = item["Key"]
            if is_folder_marker(key) or settings.is_own_output(bucket, key):
                continue
            yield {"Key": key, "ETag": item.get("ETag"), "Size": item.get("Size")}


# --------------------------------------------------------------------------- worker processes
# One pipeline, S3 client and publisher per worker process, made by the pool's initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(bucket: str, settings: Settings, force: bool, event_bus: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: finish the current object
    from enricher import Enricher, Options

    from .publish import EventBridgePublisher
    from .s3store import S3Store
    from .writer import pipeline_tag

    enricher = Enricher(Options.from_env(os.environ))
    enricher.warm()
    publisher = None
    if event_bus:
        import boto3

        publisher = EventBridgePublisher(boto3.client("events"), event_bus)
    _WORKER.update(bucket=bucket, settings=settings, store=S3Store(s3_client()), enricher=enricher,
                   publisher=publisher, skip=None if force else pipeline_tag(enricher))


def _work(items: list[dict[str, Any]]) -> list[tuple[str, str, str | None]]:
    from .s3records import listed_ref
    from .writer import process_ref

    w = _WORKER
    out = []
    for item in items:
        outcome = process_ref(listed_ref(w["bucket"], item), store=w["store"], enricher=w["enricher"],
                              settings=w["settings"], publisher=w["publisher"], skip_done=w["skip"])
        status = "error" if outcome.get("_transient") else outcome["status"]
        out.append((item["Key"], status, outcome.get("_error_text")))
    return out


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def run_local(source: str, output: str, *, workers: int, force: bool = False, event_bus: str | None = None,
              stream: TextIO = sys.stderr, chunk: int = 4) -> Summary:
    bucket, prefix = parse_s3_url(source)
    out_bucket, out_prefix = parse_s3_url(output)
    settings = Settings(out_bucket, out_prefix)
    started = time.monotonic()
    summary = Summary()
    stream.write(f"listing s3://{bucket}/{prefix} ...\n")
    items = list(list_objects(s3_client(), bucket, prefix, settings))
    summary.listed = len(items)
    progress = Progress(stream, total=len(items), label="backfill ")
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads or sockets
    pool = ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context, initializer=_init_worker,
                               initargs=(bucket, settings, force, event_bus))
    pending: set[Future[Any]] = set()
    batches = _chunks(items, chunk)
    try:
        for batch in batches:
            pending.add(pool.submit(_work, batch))
            if len(pending) >= workers * 4:  # bounded in flight: a million keys are not a million futures
                _collect(pending, summary, progress, block=True)
        while pending:
            _collect(pending, summary, progress, block=True)
    except KeyboardInterrupt:
        summary.interrupted = True
        stream.write("\ninterrupted: finishing the objects in flight, starting no more\n")
        running = {f for f in pending if not f.cancel()}
        try:
            while running:
                _collect(running, summary, progress, block=True)
        except KeyboardInterrupt:  # a second Ctrl-C: stop waiting
            pass
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        summary.seconds = time.monotonic() - started
        progress.close()
    return summary


def _collect(pending: set[Future[Any]], summary: Summary, progress: Progress, *, block: bool) -> None:
    done, _ = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
    for f in done:
        pending.discard(f)
        if f.cancelled():
            continue
        for _key, status, error in f.result():
            summary.counts[status] = summary.counts.get(status, 0) + 1
            if error:
                summary.errors.append(error)
            progress.add(status)


# --------------------------------------------------------------------------- Step Functions


def run_state_machine(arn: str, source: str, output: str, *, force: bool = False, stream: TextIO = sys.stderr,
                      poll: float = 5.0, client: Any = None) -> dict[str, Any]:
    """Start the Distributed Map backfill and follow it until it ends; returns the final description."""
    import boto3

    bucket, prefix = parse_s3_url(source)
    parse_s3_url(output)
    sfn = client or boto3.client("stepfunctions")
    name = f"backfill-{int(time.time())}"
    execution = sfn.start_execution(stateMachineArn=arn, name=name,
                                    input=json.dumps({"bucket": bucket, "prefix": prefix, "force": bool(force)}))
    stream.write(f"started {execution['executionArn']}\n"
                 f"(the state machine reads its stack's input bucket and writes its output bucket)\n")
    while True:
        desc = sfn.describe_execution(executionArn=execution["executionArn"])
        stream.write(f"{desc['status']} {_map_run_counts(sfn, execution['executionArn'])}\n")
        stream.flush()
        if desc["status"] != "RUNNING":
            return desc
        time.sleep(poll)


def _map_run_counts(sfn: Any, execution_arn: str) -> str:
    try:
        runs = sfn.list_map_runs(executionArn=execution_arn).get("mapRuns", [])
        if not runs:
            return "(map run not started yet)"
        counts: Mapping[str, Any] = sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"]).get("itemCounts", {})
    except Exception as exc:  # an endpoint without map runs (older emulators): keep following the execution
        return f"(map run progress unavailable: {type(exc).__name__})"
    keys = ("total", "succeeded", "failed", "running", "pending")
    return "items " + ", ".join(f"{k} {counts.get(k, 0)}" for k in keys)
