"""Soak: 1,000 objects, good and bad mixed, through the handler with concurrent workers
against moto's S3 server, with faults injected into a few percent of the S3 calls.

Lambda's asynchronous invocation is reproduced as AWS runs it: an invocation that
raises is retried (MaximumRetryAttempts = 2), then the event goes to the dead-letter
queue (SQS, in moto too). Afterwards every input must have exactly one record or
exactly one dead-letter message, and the counts are printed.
"""

from __future__ import annotations

import gzip
import json
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote_plus

import boto3
from aws_lambda_powertools.utilities.data_classes import S3Event
from botocore.awsrequest import AWSResponse
from botocore.config import Config

import app
from enricher import Enricher
from enricher_aws.s3store import S3Store

IN, OUT = "soak-input", "soak-output"
OBJECTS = 1000
RETRIES = 2  # the template's MaximumRetryAttempts
FAULT_RATE = 0.04


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: object):
        yield self._body


class FaultInjector:
    """Answers a share of S3 calls with 503 SlowDown, and every GetObject of 'hard-fail' keys with 500."""

    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.injected = 0

    def __call__(self, request, **_: object):
        with self.lock:
            hit = self.rng.random() < self.rate
        hard = request.method == "GET" and "hard-fail" in request.url and "list-type" not in request.url
        if not (hit or hard):
            return None
        with self.lock:
            self.injected += 1
        code, status = ("InternalError", 500) if hard else ("SlowDown", 503)
        body = f"<Error><Code>{code}</Code><Message>injected</Message></Error>".encode()
        return AWSResponse(request.url, status, {"Content-Type": "application/xml"}, _Raw(body))


def corpus(articles, rng: random.Random) -> list[tuple[str, bytes]]:
    dump = (articles / "tidal-barrier.txt").read_bytes()
    html = (articles / "night-trains.html").read_bytes()
    js = (articles / "market-report.json").read_bytes()
    bad = [
        ("empty.txt", b""),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        ("broken.json", b'{"title": "x", "body": '),
        ("shape.json", b'{"a": 1}'),
        ("scripts.html", b"<html><script>x()</script></html>"),
        ("bomb.txt.gz", gzip.compress(b"\0" * 20_000_000)),
        ("random.txt", bytes(rng.getrandbits(8) for _ in range(2000))),
    ]
    items = []
    for i in range(OBJECTS):
        roll = rng.random()
        if roll < 0.01:
            items.append((f"batch/hard-fail {i}.txt", dump))
        elif roll < 0.25:
            name, data = bad[i % len(bad)]
            items.append((f"batch/bad/{i} {name}", data))
        else:
            name, data = [("article (%d).txt", dump), ("page+%d.html", html), ("feed/é%d.json", js)][i % 3]
            items.append((f"batch/{name % i}", data))
    return items


def test_soak_nothing_lost(articles, capsys, moto_endpoint):
    rng = random.Random(20261128)
    endpoint = moto_endpoint
    setup = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
    for bucket in (IN, OUT):
        setup.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="eu-west-1")
    dlq = sqs.create_queue(QueueName="soak-dlq")["QueueUrl"]
    items = corpus(articles, rng)
    for key, data in items:
        setup.put_object(Bucket=IN, Key=key, Body=data)

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-1",
        config=Config(retries={"mode": "standard", "max_attempts": 3}, max_pool_connections=16),
    )
    faults = FaultInjector(FAULT_RATE, seed=7)
    client.meta.events.register("before-send.s3.*", faults)
    store, enricher = S3Store(client), Enricher()
    settings = app.Settings(OUT, "")
    attempts = {"invocations": 0, "retries": 0}
    lock = threading.Lock()

    def invoke(key: str, size: int) -> None:
        event = {
            "Records": [
                {
                    "eventName": "ObjectCreated:Put",
                    "s3": {"bucket": {"name": IN}, "object": {"key": quote_plus(key, safe="/"), "size": size}},
                }
            ]
        }
        for attempt in range(1 + RETRIES):
            with lock:
                attempts["invocations"] += 1
                attempts["retries"] += attempt > 0
            try:
                app.process_event(S3Event(event), app.Services(store=store, enricher=enricher, settings=settings))
                return
            except app.TransientFailure as exc:
                error = str(exc)
        sqs.send_message(QueueUrl=dlq, MessageBody=json.dumps({"event": event, "error": error}))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda kv: invoke(kv[0], len(kv[1])), items))

    records: dict[str, str] = {}
    for page in setup.get_paginator("list_objects_v2").paginate(Bucket=OUT):
        for obj in page.get("Contents", []):
            body = setup.get_object(Bucket=OUT, Key=obj["Key"])["Body"].read()
            records[obj["Key"][: -len(".json")]] = json.loads(body)["status"]
    dead: list[str] = []
    errors: list[str] = []
    while True:
        msgs = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10).get("Messages", [])
        if not msgs:
            break
        for m in msgs:
            body = json.loads(m["Body"])
            key = body["event"]["Records"][0]["s3"]["object"]["key"]
            dead.append(key)
            errors.append(body["error"])
            sqs.delete_message(QueueUrl=dlq, ReceiptHandle=m["ReceiptHandle"])

    from urllib.parse import unquote_plus

    dead_keys = [unquote_plus(k) for k in dead]
    keys = [k for k, _ in items]
    both = [k for k in keys if k in records and k in dead_keys]
    neither = [k for k in keys if k not in records and k not in dead_keys]
    by_status: dict[str, int] = {}
    for status in records.values():
        by_status[status] = by_status.get(status, 0) + 1
    with capsys.disabled():
        print(
            f"\nsoak: {len(keys)} objects -> {len(records)} records {by_status}, {len(dead_keys)} dead-lettered; "
            f"{faults.injected} faults injected, {attempts['invocations']} invocations ({attempts['retries']} retries); "
            f"lost {len(neither)}, doubled {len(both)}"
        )
    assert not neither, neither[:5]
    assert all("hard-fail" in k for k in dead_keys), [e for k, e in zip(dead_keys, errors) if "hard-fail" not in k][:3]
    assert not both, both[:5]
    assert len(dead_keys) == len(set(dead_keys))
    assert set(records) | set(dead_keys) == set(keys)
    # Only the objects that are hard down end in the dead-letter queue.
    assert all("hard-fail" in k for k in dead_keys) and dead_keys
    assert faults.injected > 0.01 * len(keys)
