"""Run the function locally on an embedded S3: the main job on its default sample.

Starts moto's S3 server on loopback, creates the input and output buckets,
uploads the sample articles (events/uploads.json), invokes the real handler
with every sample event in events/, and prints the enriched records.
No AWS account, no Docker, no network: `make demo` runs this.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
INPUT_BUCKET = "article-enricher-input"
OUTPUT_BUCKET = "article-enricher-output"
REGION = "eu-west-1"


class _Context:
    """The few LambdaContext fields Powertools reads."""

    function_name = "article-enricher-local"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:article-enricher-local"
    aws_request_id = "local-demo"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 900_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", nargs="*", help="event files (default: every events/*.json sample)")
    parser.add_argument("--full", action="store_true", help="print whole records, not a digest")
    args = parser.parse_args(argv)

    import warnings

    warnings.filterwarnings("ignore", message="No application metrics to publish")
    with embedded_s3() as (s3, endpoint, uploaded):
        # The handler builds its S3 client at import: point it at the embedded S3 first.
        os.environ.update(
            {
                "AWS_ENDPOINT_URL": endpoint,
                "OUTPUT_BUCKET": OUTPUT_BUCKET,
                "POWERTOOLS_SERVICE_NAME": "article-enricher",
                "POWERTOOLS_METRICS_NAMESPACE": "ArticleEnricher",
                "POWERTOOLS_METRICS_DISABLED": "true",
                "POWERTOOLS_LOG_LEVEL": os.environ.get("POWERTOOLS_LOG_LEVEL", "WARNING"),
            }
        )
        app = importlib.import_module("app")
        # Puts first, then deletes and the test event, as they would arrive after uploads.
        files = [Path(p) for p in args.events] or sample_events()
        failed = 0
        for path in files:
            event = as_sent(json.loads(path.read_text(encoding="utf-8")), uploaded)
            try:
                out = app.lambda_handler(event, _Context())
            except Exception as exc:  # shown, counted, and reflected in the exit status
                print(f"\n== {path.name}: the handler raised {type(exc).__name__}: {exc}")
                failed += 1
                continue
            show_output(path.name, out, s3, full=args.full, event=event)
        return 1 if failed else 0


@contextmanager
def embedded_s3(address: str = "127.0.0.1") -> Iterator[tuple[Any, str, dict[str, dict[str, Any]]]]:
    """moto's S3 server on loopback (or address) with both buckets and the sample articles (events/uploads.json).

    Yields (an S3 client on it, its endpoint URL, {key: versionId/eTag/size of each upload}).
    Sets fake credentials and the region in this process's environment (no AWS account is used).
    """
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the embedded server's request log
    server = ThreadedMotoServer(ip_address=address, port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        os.environ.update(
            {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_DEFAULT_REGION": REGION}
        )
        import boto3

        s3 = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
        for bucket in (INPUT_BUCKET, OUTPUT_BUCKET):
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        # Versioned like the deployed input bucket, so events carry real version ids.
        s3.put_bucket_versioning(Bucket=INPUT_BUCKET, VersioningConfiguration={"Status": "Enabled"})
        uploads = json.loads((HERE / "uploads.json").read_text(encoding="utf-8"))
        uploaded = {}
        for key, path in uploads["objects"].items():
            body = (HERE / path).read_bytes()
            resp = s3.put_object(Bucket=INPUT_BUCKET, Key=key, Body=body)
            uploaded[key] = {"versionId": resp.get("VersionId"), "eTag": resp["ETag"].strip('"'), "size": len(body)}
        print(f"embedded S3 at {host}:{port}: uploaded {len(uploads['objects'])} objects to s3://{INPUT_BUCKET}/")
        yield s3, endpoint, uploaded
    finally:
        server.stop()


def sample_events(pattern: str = "*.json") -> list[Path]:
    """The sample events matching pattern: S3 puts first, then deletes and the test event, as they would
    arrive, then the SQS and Distributed Map batches (which name objects the puts have enriched already)."""
    events = [p for p in HERE.glob(pattern) if p.name != "uploads.json"]
    return sorted(events, key=lambda p: (not p.name.startswith("s3-"), "-put" not in p.name, p.name))


def show_output(name: str, out: dict, s3: Any, *, full: bool = False, event: dict | None = None) -> list[dict[str, Any]]:
    """Print the handler's output for one event and the digest of each record it wrote (read back from S3).

    Returns the results, each with the record read back under "record" when there is one. An SQS
    batch's output only lists failed messages, so its records are read back by the keys the event names.
    """
    if "batchItemFailures" in out:
        print(f"\n== {name}: {len(out['batchItemFailures'])} failed messages")
        out = {"results": [{"status": "queued", "bucket": INPUT_BUCKET, "key": key, "output_key": f"{key}.json"}
                           for key in sqs_objects(event or {})]}
    else:
        print(f"\n== {name}: {json.dumps(out['counts'])}")
    shown = []
    for result in out["results"]:
        print(f"   {result['status']:8} s3://{result['bucket']}/{result['key']}  {result.get('reason') or ''}")
        result = dict(result)
        if result.get("output_key"):
            body = s3.get_object(Bucket=OUTPUT_BUCKET, Key=result["output_key"])["Body"].read()
            result["record"] = record = json.loads(body)
            result["status"] = record["status"] if result["status"] == "queued" else result["status"]
            print(f"   -> s3://{OUTPUT_BUCKET}/{result['output_key']}")
            print(json.dumps(record, ensure_ascii=False, indent=2) if full else _digest(record))
        shown.append(result)
    return shown


def as_sent(event: dict, uploaded: dict) -> dict:
    """Fill the sample event with the uploaded objects' real version id, ETag and size, as S3 would.

    Also inside an SQS batch's message bodies (S3 notifications) and a Distributed Map batch's items.
    """
    from urllib.parse import unquote_plus

    for record in event.get("Records", []):
        if record.get("eventSource") == "aws:sqs":
            body = json.loads(record["body"])
            record["body"] = json.dumps(as_sent(body, uploaded), ensure_ascii=False)
            continue
        obj = record["s3"]["object"]
        real = uploaded.get(unquote_plus(obj["key"]))
        if real and record["eventName"].startswith("ObjectCreated"):
            obj.update({k: v for k, v in real.items() if v is not None})
    for item in event.get("Items", []):  # ListObjectsV2 entries: keys are not URL-encoded there
        real = uploaded.get(item["Key"])
        if real:
            item.update({"ETag": f'"{real["eTag"]}"', "Size": real["size"]})
    return event


def sqs_objects(event: dict) -> list[str]:
    """The object keys (decoded) that an SQS batch's S3 notifications name, in order."""
    from urllib.parse import unquote_plus

    keys = []
    for record in event.get("Records", []):
        if record.get("eventSource") == "aws:sqs":
            body = json.loads(record["body"])
            keys += [unquote_plus(r["s3"]["object"]["key"]) for r in body.get("Records", [])]
    return keys


def _digest(record: dict) -> str:
    lines = []
    article = record.get("article")
    if article:
        lines.append(f"      title:    {article['title']}")
        lines.append(
            f"      article:  {article['word_count']} words, {len(article['paragraphs'])} paragraphs, "
            f"{len(article['captions'])} captions, language {article['language']}"
        )
    summary = record.get("summary")
    if summary:
        lines.append(f"      summary ({summary['method']}):")
        lines.extend(f"        [{s['index']}] {s['text']}" for s in summary["sentences"])
    if record.get("tags"):
        lines.append("      tags:     " + ", ".join(f"{t['label']} ({t['kind']})" for t in record["tags"]))
    if record.get("reason"):
        lines.append(f"      reason:   {record['reason']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
