"""The Lambda adapter against an in-memory store: no AWS, no network."""

import dataclasses
import io
import json
from urllib.parse import unquote_plus

import pytest
from aws_lambda_powertools.utilities.data_classes import S3Event

import app
from enricher import Enricher
from enricher_aws.s3records import object_refs
from fakes import MemoryStore

IN = "article-enricher-input"


def load_event(root, name):
    return json.loads((root / "events" / name).read_text(encoding="utf-8"))


@pytest.fixture()
def store(root):
    uploads = json.loads((root / "events" / "uploads.json").read_text(encoding="utf-8"))
    s = MemoryStore()
    for key, path in uploads["objects"].items():
        s.objects[(IN, key)] = (root / "events" / path).read_bytes()
    return s


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def run(event, store, enricher, prefix=""):
    services = app.Services(store=store, enricher=enricher, settings=app.Settings("out-bucket", prefix))
    return app.process_event(S3Event(event), services)


def test_every_key_is_decoded(root):
    event = load_event(root, "s3-put-multi.json")
    keys = [ref.key for ref in object_refs(S3Event(event))]
    assert keys == ["incoming/tidal-barrier.txt", "incoming/2026/night trains (draft).html"]
    # Not only the first: the second record's raw key is encoded too.
    assert event["Records"][1]["s3"]["object"]["key"] != keys[1]


def test_nasty_key_round_trip(root, store, enricher):
    out = run(load_event(root, "s3-put-nasty-key.json"), store, enricher, prefix="enriched/")
    (result,) = out["results"]
    assert result["key"] == "incoming/Città report (final) + notes 2026.txt"
    assert result["output_key"] == "enriched/incoming/Città report (final) + notes 2026.txt.json"
    body, content_type, _ = store.written[("out-bucket", result["output_key"])]
    assert content_type == "application/json"
    assert json.loads(body)["source"]["key"] == result["key"]


def test_put_events_write_ok_records(root, store, enricher):
    for name in ("s3-put-dump.json", "s3-put-html.json", "s3-put-json.json"):
        out = run(load_event(root, name), store, enricher)
        assert out["counts"]["ok"] == 1, out
        key = unquote_plus(load_event(root, name)["Records"][0]["s3"]["object"]["key"])
        record = json.loads(store.written[("out-bucket", key + ".json")][0])
        assert record["status"] == "ok" and record["source"]["bucket"] == IN


def test_delete_and_test_events_are_ignored(root, store, enricher):
    assert run(load_event(root, "s3-delete.json"), store, enricher)["counts"]["ignored"] == 1
    assert run(load_event(root, "s3-test-event.json"), store, enricher)["results"] == []
    assert store.written == {}


def test_oversize_is_skipped_without_download(root, enricher):
    store = MemoryStore()  # holds nothing: a download attempt would give "deleted", not "over the limit"
    out = run(load_event(root, "s3-put-oversize.json"), store, enricher)
    (result,) = out["results"]
    assert result["status"] == "skipped" and "limit" in result["reason"]
    assert json.loads(store.written[("out-bucket", result["output_key"])][0])["status"] == "skipped"


def test_deleted_before_processing_is_skipped(root, enricher):
    out = run(load_event(root, "s3-put-dump.json"), MemoryStore(), enricher)
    assert out["results"][0]["status"] == "skipped"
    assert "deleted" in out["results"][0]["reason"]


def test_binary_object_gets_a_skipped_record(root, enricher):
    store = MemoryStore({(IN, "incoming/tidal-barrier.txt"): b"%PDF-1.4\n" + bytes(300)})
    out = run(load_event(root, "s3-put-dump.json"), store, enricher)
    assert out["results"][0]["status"] == "skipped"
    assert "PDF" in json.loads(store.written[("out-bucket", "incoming/tidal-barrier.txt.json")][0])["reason"]


def test_own_outputs_are_refused(root, store, enricher):
    event = load_event(root, "s3-put-dump.json")
    event["Records"][0]["s3"]["bucket"]["name"] = "out-bucket"
    event["Records"][0]["s3"]["object"]["key"] = "enriched/incoming/tidal-barrier.txt.json"
    out = run(event, store, enricher, prefix="enriched/")
    assert out["counts"]["ignored"] == 1 and store.written == {}


def test_key_too_long_for_its_output_key_gets_a_digest_key(root, store, enricher):
    import hashlib

    event = load_event(root, "s3-put-long-key.json")
    long_key = unquote_plus(event["Records"][0]["s3"]["object"]["key"])
    # a valid input key (S3 allows 1,024 bytes) that ".json" would take over the limit
    assert 1024 - len(".json") < len(long_key.encode("utf-8")) <= 1024
    out = run(event, store, enricher, prefix="enriched/")
    (result,) = out["results"]
    digest = hashlib.sha256(long_key.encode("utf-8")).hexdigest()
    assert result["status"] == "ok" and result["output_key"] == f"enriched/_long-keys/{digest}.json"
    record = json.loads(store.written[("out-bucket", result["output_key"])][0])
    assert record["source"]["key"] == long_key
    # and it is recognised as the function's own output, like any record
    assert app.Settings("out-bucket", "enriched/").is_own_output("out-bucket", result["output_key"])


class FlakyStore(MemoryStore):
    def put(self, *args, **kwargs):
        raise ConnectionError("network went away")


def test_write_failure_is_raised_for_a_retry(root, store, enricher):
    flaky = FlakyStore(objects=store.objects)
    with pytest.raises(app.TransientFailure, match="ConnectionError"):
        run(load_event(root, "s3-put-multi.json"), flaky, enricher)


def test_handler_entry_point_with_context(root, monkeypatch, store, capsys):
    monkeypatch.setattr(app, "SERVICES", dataclasses.replace(app.SERVICES, store=store))
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "false")
    logs = io.StringIO()
    previous = app.logger.registered_handler.setStream(logs)  # the handler kept the stdout of import time

    class Ctx:
        function_name = "f"
        memory_limit_in_mb = 1024
        invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:f"
        aws_request_id = "req-1"

    out = app.lambda_handler(load_event(root, "s3-put-json.json"), Ctx())
    assert out["counts"] == {"ok": 1, "skipped": 0, "failed": 0, "ignored": 0}
    assert ("test-output", "incoming/market-report.json.json") in store.written
    app.logger.registered_handler.setStream(previous)
    out_lines = (logs.getvalue() + capsys.readouterr().out).splitlines()
    lines = [json.loads(line) for line in out_lines if line.startswith("{")]
    # Powertools Logger: bucket, key and request id on the record's log line.
    written = [line for line in lines if line.get("message") == "record written"]
    assert written and written[0]["key"] == "incoming/market-report.json"
    assert written[0]["bucket"] == IN and written[0]["function_request_id"] == "req-1"
    # Powertools Metrics (EMF): records by status and latency.
    emf = [line for line in lines if "_aws" in line]
    names = {m["Name"] for line in emf for d in line["_aws"]["CloudWatchMetrics"] for m in d["Metrics"]}
    assert {"RecordsOk", "EnrichLatency"} <= names


def test_record_failing_the_schema_is_written_as_failed(root, store, enricher, monkeypatch):
    import dataclasses

    from enricher.model import Tag

    real = enricher.enrich

    def broken(*args, **kwargs):  # a core bug: a tag kind outside schema v1
        return dataclasses.replace(real(*args, **kwargs), tags=(Tag("x", "colour", 1.0),))

    monkeypatch.setattr(enricher, "enrich", broken)
    out = run(load_event(root, "s3-put-json.json"), store, enricher)
    assert out["results"][0]["status"] == "failed"
    record = json.loads(store.written[("out-bucket", "incoming/market-report.json.json")][0])
    assert record["error"]["type"] == "InvalidRecord" and record["tags"] == []
