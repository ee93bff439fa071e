"""The handler against moto's S3: real boto3 calls, events built as AWS sends them."""

import json
from urllib.parse import quote_plus

import boto3
import pytest
from aws_lambda_powertools.utilities.data_classes import S3Event
from botocore.exceptions import ClientError
from moto import mock_aws

import app
from enricher import Enricher
from enricher_aws.s3store import S3Store

IN, OUT = "enricher-in", "enricher-out"


def put_event(key, version_id=None, size=None, name="ObjectCreated:Put"):
    # AWS encodes keys like a form value: space as '+', everything else non-safe as %XX.
    obj = {"key": quote_plus(key, safe="/"), "sequencer": "00AB"}
    if version_id:
        obj["versionId"] = version_id
    if size is not None:
        obj["size"] = size
    return {"Records": [{"eventName": name, "s3": {"bucket": {"name": IN}, "object": obj}}]}


@pytest.fixture()
def s3():
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        for bucket in (IN, OUT):
            client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        client.put_bucket_versioning(Bucket=IN, VersioningConfiguration={"Status": "Enabled"})
        yield client


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def handle(s3, event, enricher, prefix="enriched/"):
    services = app.Services(store=S3Store(s3), enricher=enricher, settings=app.Settings(OUT, prefix))
    return app.process_event(S3Event(event), services)


@pytest.mark.parametrize(
    "key",
    ["plain.txt", "with space/and+plus.txt", "unicodé/日本 (1).txt", "parens (final) [v2] & more.html", "a%20b.txt"],
)
def test_keys_round_trip(s3, enricher, articles, key):
    body = (articles / ("night-trains.html" if key.endswith(".html") else "tidal-barrier.txt")).read_bytes()
    version = s3.put_object(Bucket=IN, Key=key, Body=body)["VersionId"]
    out = handle(s3, put_event(key, version, len(body)), enricher)
    (result,) = out["results"]
    assert result["key"] == key and result["status"] == "ok", result
    obj = s3.get_object(Bucket=OUT, Key="enriched/" + key + ".json")
    assert obj["ContentType"] == "application/json"
    record = json.loads(obj["Body"].read())
    assert record["source"]["key"] == key and record["source"]["version_id"] == version
    assert record["source"]["size"] == len(body)


def test_skipped_and_failed_records(s3, enricher):
    s3.put_object(Bucket=IN, Key="photo.txt", Body=b"\x89PNG\r\n\x1a\n" + bytes(500))
    s3.put_object(Bucket=IN, Key="broken.json", Body=b'{"title": "x", "body": ')
    for key, status in (("photo.txt", "skipped"), ("broken.json", "failed")):
        out = handle(s3, put_event(key), enricher)
        assert out["results"][0]["status"] == status
        record = json.loads(s3.get_object(Bucket=OUT, Key=f"enriched/{key}.json")["Body"].read())
        assert record["status"] == status and record["reason"]


def test_delete_event_is_ignored(s3, enricher):
    out = handle(s3, put_event("gone.txt", name="ObjectRemoved:Delete"), enricher)
    assert out["counts"]["ignored"] == 1
    assert s3.list_objects_v2(Bucket=OUT).get("KeyCount", 0) == 0


def test_object_deleted_before_processing(s3, enricher):
    out = handle(s3, put_event("never-there.txt"), enricher)
    assert out["results"][0]["status"] == "skipped"


def test_oversize_object_is_not_downloaded(s3, articles):
    small = Enricher(options=__import__("enricher").Options(max_input_bytes=1000))
    body = (articles / "tidal-barrier.txt").read_bytes()
    s3.put_object(Bucket=IN, Key="big.txt", Body=body)
    # Event without a size: the capped ranged read finds it too large.
    out = handle(s3, put_event("big.txt"), small)
    assert out["results"][0]["status"] == "skipped" and "limit" in out["results"][0]["reason"]
    record = json.loads(s3.get_object(Bucket=OUT, Key="enriched/big.txt.json")["Body"].read())
    assert record["source"]["size"] == len(body)


def test_oversize_body_is_never_read(s3, articles, monkeypatch):
    small = Enricher(options=__import__("enricher").Options(max_input_bytes=1000))
    s3.put_object(Bucket=IN, Key="big2.txt", Body=(articles / "tidal-barrier.txt").read_bytes())
    real_get = s3.get_object
    reads = []

    def spying_get(**kwargs):
        resp = real_get(**kwargs)
        stream_read = resp["Body"].read
        resp["Body"].read = lambda *a: reads.append(a) or stream_read(*a)
        return resp

    monkeypatch.setattr(s3, "get_object", spying_get)
    out = handle(s3, put_event("big2.txt"), small)
    assert out["results"][0]["status"] == "skipped" and reads == []


class RecordingMetrics:
    def __init__(self):
        self.names = []

    def add_metric(self, name, unit, value):
        self.names.append(name)


def _failing(client, op, code):
    real = getattr(client, op)

    def fail(**kwargs):
        raise ClientError({"Error": {"Code": code, "Message": code}}, op)

    return real, fail


def test_access_denied_gives_failed_record(s3, enricher, monkeypatch):
    s3.put_object(Bucket=IN, Key="secret.txt", Body=b"text")
    _, fail = _failing(s3, "get_object", "AccessDenied")
    monkeypatch.setattr(s3, "get_object", fail)
    metrics = RecordingMetrics()
    services = app.Services(store=S3Store(s3), enricher=enricher, settings=app.Settings(OUT, "enriched/"), metrics=metrics)
    out = app.process_event(S3Event(put_event("secret.txt")), services)
    assert out["results"][0]["status"] == "failed" and "access denied" in out["results"][0]["reason"]
    assert metrics.names.count("AccessDenied") == 1 and "RecordsFailed" in metrics.names
    monkeypatch.undo()
    record = json.loads(s3.get_object(Bucket=OUT, Key="enriched/secret.txt.json")["Body"].read())
    assert record["error"]["type"] == "AccessDenied"


@pytest.mark.parametrize("op", ["get_object", "put_object"])
def test_throttling_is_raised_for_lambda_retry(s3, enricher, articles, monkeypatch, op):
    s3.put_object(Bucket=IN, Key="a.txt", Body=(articles / "tidal-barrier.txt").read_bytes())
    _, fail = _failing(s3, op, "SlowDown")
    monkeypatch.setattr(s3, op, fail)
    with pytest.raises(app.TransientFailure, match="SlowDown"):
        handle(s3, put_event("a.txt"), enricher)


def test_out_of_order_versions_keep_the_newest_record(s3, enricher, articles):
    old_body = (articles / "tidal-barrier.txt").read_bytes()
    new_body = (articles / "night-trains.html").read_bytes()
    v1 = s3.put_object(Bucket=IN, Key="story.html", Body=old_body)["VersionId"]
    v2 = s3.put_object(Bucket=IN, Key="story.html", Body=new_body)["VersionId"]
    first, second = put_event("story.html", v1), put_event("story.html", v2)
    first["Records"][0]["s3"]["object"]["sequencer"] = "0055AED6DCD90281E5"
    second["Records"][0]["s3"]["object"]["sequencer"] = "0055AED6DCD90281E6"
    # The later event arrives first, then the earlier one.
    assert handle(s3, second, enricher)["counts"]["ok"] == 1
    out = handle(s3, first, enricher)
    assert out["counts"]["ignored"] == 1 and out["results"][0]["reason"].startswith("stale")
    record = json.loads(s3.get_object(Bucket=OUT, Key="enriched/story.html.json")["Body"].read())
    assert record["source"]["version_id"] == v2
    # A replay of the newest event rewrites identical bytes.
    before = s3.get_object(Bucket=OUT, Key="enriched/story.html.json")["Body"].read()
    handle(s3, second, enricher)
    assert s3.get_object(Bucket=OUT, Key="enriched/story.html.json")["Body"].read() == before


def test_sequencer_order_pads_shorter_values():
    from enricher_aws.s3store import newer

    assert newer("0055AED6DCD90281E6", "0055AED6DCD90281E5")
    assert newer("0055AED6DCD90281E5", "0055AED6DCD90281")  # right-padded with zeros
    assert not newer("0055AED6DCD90281E5", "0055AED6DCD90281E5")
    assert not newer(None, "01") and not newer("01", None)


def test_empty_object_is_skipped_not_retried(s3, enricher):
    # A ranged GET of an empty object is answered 416 InvalidRange by S3 (found by the soak test).
    s3.put_object(Bucket=IN, Key="empty.txt", Body=b"")
    out = handle(s3, put_event("empty.txt", size=0), enricher)
    assert out["results"][0]["status"] == "skipped" and "empty" in out["results"][0]["reason"]
