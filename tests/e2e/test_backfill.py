"""`enricher backfill` against moto's S3 server on loopback, as a user would run it.

600 objects (articles of three formats, bad inputs, folder markers, nasty keys, some
already enriched by the function's own Distributed Map path). The command runs as a
subprocess with 2 worker processes, pointed at the server by AWS_ENDPOINT_URL only.
Afterwards every object has exactly one record at the function's key with the function's
bytes; a second run writes nothing; --force rewrites everything. Counts are printed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

import app
from enricher import Enricher
from enricher_aws.keys import Settings
from enricher_aws.s3store import S3Store

IN, OUT, PREFIX = "backfill-input", "backfill-output", "enriched/"
OBJECTS = 520
PRE_ENRICHED = 40
ENRICHER_CLI = Path(sys.executable).with_name("enricher")


def corpus(articles: Path, rng: random.Random) -> tuple[list[tuple[str, bytes]], list[str]]:
    dump = (articles / "tidal-barrier.txt").read_bytes()
    html = (articles / "night-trains.html").read_bytes()
    js = (articles / "market-report.json").read_bytes()
    bad = [
        ("empty.txt", b""),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        ("broken.json", b'{"title": "x", "body": '),
        ("bomb.txt.gz", gzip.compress(b"\0" * 2_000_000)),
        ("random.bin", bytes(rng.getrandbits(8) for _ in range(500))),
    ]
    nasty = ["with space/and+plus %d.txt", "unicodé/日本 (%d).txt", "parens (final) [v%d] & more.html", "a%%20b %d.txt"]
    items: list[tuple[str, bytes]] = []
    for i in range(OBJECTS):
        roll = rng.random()
        if roll < 0.15:
            name, data = bad[i % len(bad)]
            items.append((f"archive/bad/{i} {name}", data))
        elif roll < 0.25:
            items.append((f"archive/{nasty[i % len(nasty)] % i}", dump))
        else:
            name, data = [("2019/article-%d.txt", dump), ("2020/page-%d.html", html), ("2021/feed-%d.json", js)][i % 3]
            # A few distinct bodies, so that records differ by more than their key.
            items.append((f"archive/{name % i}", data.replace(b"spring", f"spring {i % 7}".encode())))
    markers = ["archive/", "archive/2019/", "archive/empty-folder/"]
    return items, markers


def _versions(client, bucket: str) -> int:
    n = 0
    for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket):
        n += len(page.get("Versions", []))
    return n


def _run(endpoint: str, *args: str) -> tuple[dict[str, int], str]:
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_DEFAULT_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    env.pop("EVENT_BUS_NAME", None)
    proc = subprocess.run(
        [str(ENRICHER_CLI), "backfill", f"s3://{IN}/archive/", "--output", f"s3://{OUT}/{PREFIX}", *args],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    last = [line for line in proc.stderr.splitlines() if line.startswith("backfill finished")][-1]
    counts = dict(
        (part.rsplit(" ", 1)[0].strip(), int(part.rsplit(" ", 1)[1])) for part in last.rsplit("): ", 1)[1].split(", ")
    )
    return counts, last


@pytest.mark.slow
def test_backfill_against_moto_server(articles, capsys, moto_endpoint):
    rng = random.Random(20261205)
    endpoint = moto_endpoint
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
    for bucket in (IN, OUT):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    items, markers = corpus(articles, rng)
    for key, data in items:
        s3.put_object(Bucket=IN, Key=key, Body=data)
    for key in markers:
        s3.put_object(Bucket=IN, Key=key, Body=b"")
    s3.put_object(Bucket=IN, Key="elsewhere/not-in-prefix.txt", Body=b"outside the prefix")

    # Some objects are already enriched, by the function's own Distributed Map path.
    settings = Settings(OUT, PREFIX)
    store, enricher = S3Store(s3), Enricher()
    listed = {o["Key"]: o for o in s3.list_objects_v2(Bucket=IN, Prefix="archive/", MaxKeys=1000)["Contents"]}
    pre = [listed[k] for k, _ in items[:PRE_ENRICHED]]
    out = app.process_items({"Items": pre, "BatchInput": {"bucket": IN, "force": False}},
                            app.Services(store=store, enricher=enricher, settings=settings))
    assert sum(out["counts"].values()) == PRE_ENRICHED
    function_bytes = {o["Key"]: s3.get_object(Bucket=OUT, Key=settings.output_key(o["Key"]))["Body"].read() for o in pre}

    started = time.monotonic()
    first, first_line = _run(endpoint, "--workers", "2")
    t_first = time.monotonic() - started
    versions_after_first = _versions(s3, OUT)

    records: dict[str, bytes] = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=OUT, Prefix=PREFIX):
        for obj in page.get("Contents", []):
            records[obj["Key"]] = s3.get_object(Bucket=OUT, Key=obj["Key"])["Body"].read()

    second, second_line = _run(endpoint, "--workers", "2")
    versions_after_second = _versions(s3, OUT)
    third, third_line = _run(endpoint, "--workers", "2", "--force")
    versions_after_third = _versions(s3, OUT)

    # The function writes the same bytes as the backfill, for objects the backfill wrote.
    sample = [listed[k] for k, _ in items[PRE_ENRICHED : PRE_ENRICHED + 30]]
    app.process_items({"Items": sample, "BatchInput": {"bucket": IN, "force": True}},
                      app.Services(store=store, enricher=enricher, settings=settings))
    same = sum(
        s3.get_object(Bucket=OUT, Key=settings.output_key(o["Key"]))["Body"].read() == records[settings.output_key(o["Key"])]
        for o in sample
    )

    expected = {settings.output_key(k) for k, _ in items}
    statuses: dict[str, int] = {}
    for body in records.values():
        status = json.loads(body)["status"]
        statuses[status] = statuses.get(status, 0) + 1
    with capsys.disabled():
        print(f"\nbackfill: {len(items)} objects + {len(markers)} folder markers + 1 outside the prefix; "
              f"{PRE_ENRICHED} enriched beforehand; {len(records)} records {statuses}; first run {t_first:.1f} s")
        print("  run 1: " + first_line)
        print("  run 2: " + second_line)
        print("  run 3 (--force): " + third_line)
        print(f"  output versions after each run: {versions_after_first}, {versions_after_second}, {versions_after_third}; "
              f"function and backfill bytes equal for {same}/{len(sample)} sampled objects")

    # Exactly one record per object, at the function's key; nothing for markers or other prefixes.
    assert set(records) == expected, (sorted(set(records) - expected)[:5], sorted(expected - set(records))[:5])
    for key, body in records.items():
        assert json.loads(body)["source"]["key"] + ".json" == key[len(PREFIX):] or "_long-keys/" in key
    assert first["done"] == PRE_ENRICHED and first["error"] == 0
    assert first["ok"] + first["skipped"] + first["failed"] == len(items) - PRE_ENRICHED
    assert first["ok"] > 0 and first["skipped"] + first["failed"] > 0
    # The records the function wrote beforehand were left alone, byte for byte.
    assert all(records[settings.output_key(k)] == b for k, b in function_bytes.items())
    assert versions_after_first == len(items)
    # A second run rewrites nothing.
    assert second["done"] == len(items) and versions_after_second == versions_after_first
    # --force rewrites every record.
    assert third["done"] == 0 and third["ok"] + third["skipped"] + third["failed"] == len(items)
    assert versions_after_third == versions_after_first + len(items)
    assert same == len(sample)
