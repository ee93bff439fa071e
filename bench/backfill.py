"""Local backfill throughput: `enricher backfill` against moto's S3 server on loopback.

    python bench/backfill.py [--corpus ../shared/corpus] [--limit 350] [--workers 1 2]

Uploads the dev articles (plain text, from the corpus at run time; nothing is copied into
the repository) to an input bucket, then for each worker count runs the real command as a
subprocess with AWS_ENDPOINT_URL pointing at the server: a first pass (every object
enriched and written), a second pass (every object skipped as done: the resume cost), and
prints objects per second from the command's own summary line. The S3 server runs on the
same machine and takes CPU too: on AWS, S3 is elsewhere and the figures are a lower bound.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import boto3

from devtexts import load_texts

ROOT = Path(__file__).resolve().parents[1]


def run(endpoint: str, bucket: str, out: str, workers: int, force: bool) -> tuple[float, str]:
    env = {**os.environ, "AWS_ENDPOINT_URL": endpoint, "AWS_DEFAULT_REGION": "eu-west-1",
           "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench"}
    cmd = [str(Path(sys.executable).with_name("enricher")), "backfill", f"s3://{bucket}/", "--output", f"s3://{out}/",
           "--workers", str(workers)] + (["--force"] if force else [])
    started = time.monotonic()
    before_c, before_s = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
    after_c, after_s = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    wall = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(proc.stderr[-3000:])
    line = [x for x in proc.stderr.splitlines() if x.startswith("backfill finished")][-1]
    # CPU of the command and its worker processes (reaped, so counted), and of the S3 server (threads of this process).
    client = (after_c.ru_utime + after_c.ru_stime) - (before_c.ru_utime + before_c.ru_stime)
    server = (after_s.ru_utime + after_s.ru_stime) - (before_s.ru_utime + before_s.ru_stime)
    return wall, line, client, server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=350)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    texts = load_texts(args.corpus, args.limit)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    try:
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1",
                          aws_access_key_id="bench", aws_secret_access_key="bench")
        s3.create_bucket(Bucket="bench-in", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        for i, text in enumerate(texts):
            s3.put_object(Bucket="bench-in", Key=f"dev/{i:04d}.txt", Body=text.encode("utf-8"))
        print(f"{len(texts)} dev articles on moto's S3 server; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        print("| workers | pass | objects | wall s (incl. process start) | objects/s (command's own) "
              "| command CPU ms/object (incl. start-up) | S3 server CPU ms/object |")
        print("|---:|---|---:|---:|---:|---:|---:|")
        for workers in args.workers:
            out = f"bench-out-{workers}"
            s3.create_bucket(Bucket=out, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
            for label, force in (("enrich and write", False), ("resume: all done", False)):
                wall, line, client, server_cpu = run(endpoint, "bench-in", out, workers, force)
                m = re.search(r"(\d+)/(\d+) objects in ([\d.]+) s \(([\d.]+)/s\)", line)
                assert m, line
                n = int(m.group(1))
                print(f"| {workers} | {label} | {n} | {wall:.1f} | {m.group(4)} | {client * 1000 / n:.1f} | {server_cpu * 1000 / n:.1f} |")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
