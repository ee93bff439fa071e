"""Events for consumers and the queue path, against moto (S3, SQS, EventBridge): no network.

- Events: a rule on a moto event bus with an SQS target receives the handler's events;
  each validates against the published schema; a replayed S3 event gives the same id;
  a refused PutEvents is a transient failure and the retry rewrites the same bytes.
- Queue: S3 notifications go to an SQS queue (with a redrive policy to a dead-letter queue);
  the SQS handler runs on real received batches the way Lambda's event source mapping
  does; only the transiently failing message is reported, and nothing is lost.
"""

from __future__ import annotations

import json
from urllib.parse import quote_plus

import boto3
import jsonschema
import pytest
from moto import mock_aws

import app
from enricher import Enricher
from enricher.record.event import schema as event_schema
from enricher.record.event import validate as validate_event
from enricher_aws.publish import EventBridgePublisher
from enricher_aws.s3store import S3Store

REGION = "eu-west-1"
IN, OUT, BUS = "events-in", "events-out", "enricher-bus"
PERSON = "Ana Ferreira"  # a person named in events/articles/tidal-barrier.txt


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def s3_event(key, version_id=None, size=None, etag=None):
    obj = {"key": quote_plus(key, safe="/"), "sequencer": "00AB"}
    if version_id:
        obj["versionId"] = version_id
    if size is not None:
        obj["size"] = size
    if etag:
        obj["eTag"] = etag
    return {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
                         "s3": {"bucket": {"name": IN}, "object": obj}}]}


def _buckets(s3):
    for bucket in (IN, OUT):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_versioning(Bucket=IN, VersioningConfiguration={"Status": "Enabled"})


def _drain(sqs, url):
    out = []
    while True:
        msgs = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])
        if not msgs:
            return out
        for m in msgs:
            out.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


class RefusingEvents:
    """An events client whose PutEvents answers like EventBridge refusing the entry."""

    def __init__(self):
        self.calls = 0

    def put_events(self, Entries):
        self.calls += 1
        return {"FailedEntryCount": 1, "Entries": [{"ErrorCode": "InternalFailure", "ErrorMessage": "try again"}]}


def test_events_reach_a_rule_target_validate_and_replays_keep_the_id(enricher, articles, capsys):
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        events = boto3.client("events", region_name=REGION)
        sqs = boto3.client("sqs", region_name=REGION)
        _buckets(s3)
        events.create_event_bus(Name=BUS)
        all_url = sqs.create_queue(QueueName="all-enriched")["QueueUrl"]
        person_url = sqs.create_queue(QueueName="person-tagged")["QueueUrl"]
        arn = lambda url: sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]  # noqa: E731
        events.put_rule(Name="all", EventBusName=BUS,
                        EventPattern=json.dumps({"source": ["article-enricher"], "detail-type": ["Article Enriched"]}))
        events.put_targets(Rule="all", EventBusName=BUS, Targets=[{"Id": "q", "Arn": arn(all_url)}])
        # The README's example rule: records tagged with a given person. EventBridge matches a field
        # of objects inside an array (detail.tags[].label); moto's matcher does not descend into
        # arrays of objects, so here the rule is only accepted, and its deliveries are printed, not checked.
        events.put_rule(Name="person", EventBusName=BUS, EventPattern=json.dumps(
            {"source": ["article-enricher"], "detail-type": ["Article Enriched"], "detail": {"tags": {"label": [PERSON]}}}))
        events.put_targets(Rule="person", EventBusName=BUS, Targets=[{"Id": "q", "Arn": arn(person_url)}])

        uploads = {"coast/tidal-barrier.txt": "tidal-barrier.txt", "trains (night).html": "night-trains.html",
                   "feed/market.json": "market-report.json", "bad/image.txt": None}
        sent = []
        for key, name in uploads.items():
            body = (articles / name).read_bytes() if name else b"\x89PNG\r\n\x1a\n" + bytes(200)
            put = s3.put_object(Bucket=IN, Key=key, Body=body)
            sent.append(s3_event(key, put["VersionId"], len(body), put["ETag"].strip('"')))
        publisher = EventBridgePublisher(events, BUS)
        store, settings = S3Store(s3), app.Settings(OUT, "enriched/")
        for event in sent:
            app.process_event(event, app.Services(store=store, enricher=enricher, settings=settings, publisher=publisher))
        first = _drain(sqs, all_url)
        person = _drain(sqs, person_url)
        # Replays (S3 delivers at least once; Lambda retries): same records, same ids.
        for event in sent:
            app.process_event(event, app.Services(store=store, enricher=enricher, settings=settings, publisher=publisher))
        again = _drain(sqs, all_url)

        # A refused PutEvents is transient: the invocation fails, and its retry publishes.
        refusing = RefusingEvents()
        key = "coast/tidal-barrier.txt"
        before = s3.get_object(Bucket=OUT, Key="enriched/" + key + ".json")["Body"].read()
        with pytest.raises(app.TransientFailure, match="PublishFailed"):
            app.process_event(sent[0], app.Services(store=store, enricher=enricher, settings=settings,
                              publisher=EventBridgePublisher(refusing, BUS)))
        app.process_event(sent[0], app.Services(store=store, enricher=enricher, settings=settings, publisher=publisher))
        retried = _drain(sqs, all_url)
        after = s3.get_object(Bucket=OUT, Key="enriched/" + key + ".json")["Body"].read()

    reference = jsonschema.Draft4Validator(event_schema())
    for event in first + again + retried:
        reference.validate(event)  # the reference validator, on the schema as published
        validate_event(event)  # and ours
        assert event["source"] == "article-enricher" and event["detail-type"] == "Article Enriched"
        assert len(json.dumps(event)) < 256 * 1024
    ids = {e["detail"]["input"]["key"]: e["detail"]["id"] for e in first}
    with capsys.disabled():
        print(f"\nevents: {len(first)} on first delivery, {len(again)} on replay, {len(person)} matched the person rule, "
              f"{refusing.calls} refused PutEvents then {len(retried)} on retry; "
              f"statuses {sorted(e['detail']['status'] for e in first)}")
    assert set(ids) == set(uploads)
    assert {e["detail"]["input"]["key"]: e["detail"]["id"] for e in again} == ids
    assert len(ids) == len(set(ids.values()))
    tidal = next(e for e in first if e["detail"]["input"]["key"] == key)
    assert any(t["label"] == PERSON and t["kind"] == "person" for t in tidal["detail"]["tags"])
    bad = next(e for e in first if e["detail"]["input"]["key"] == "bad/image.txt")
    assert bad["detail"]["status"] != "ok" and bad["detail"]["reason"] and bad["detail"]["article"] is None
    assert refusing.calls == 1 and before == after
    assert [e["detail"]["id"] for e in retried] == [ids[key]]


class FlakyStore(S3Store):
    """S3 whose reads of keys containing 'flaky' fail like a 503 that outlived the SDK's retries."""

    def get(self, bucket, key, version_id, max_bytes):
        if "flaky" in key:
            raise ConnectionError("injected: S3 unavailable")
        return super().get(bucket, key, version_id, max_bytes)


def _lambda_batch(messages, queue_arn):
    return {"Records": [{
        "messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
        "attributes": m.get("Attributes", {}), "messageAttributes": {}, "md5OfBody": m["MD5OfBody"],
        "eventSource": "aws:sqs", "eventSourceARN": queue_arn, "awsRegion": REGION,
    } for m in messages]}


def test_queue_path_reports_only_the_failing_item_and_loses_nothing(enricher, articles, capsys):
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        sqs = boto3.client("sqs", region_name=REGION)
        _buckets(s3)
        dlq = sqs.create_queue(QueueName="ingest-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue = sqs.create_queue(QueueName="ingest", Attributes={
            "VisibilityTimeout": "30",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "3"})})["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        # As the template configures it in queue mode (moto sends the s3:TestEvent too).
        s3.put_bucket_notification_configuration(Bucket=IN, NotificationConfiguration={"QueueConfigurations": [
            {"QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"]}]})
        uploads = {
            "news/tidal barrier+1.txt": (articles / "tidal-barrier.txt").read_bytes(),
            "news/trains.html": (articles / "night-trains.html").read_bytes(),
            "news/bad.json": b'{"title": "x", "body": ',  # bad input: a failed record, not a retry
            "news/flaky.txt": (articles / "tidal-barrier.txt").read_bytes(),  # transient failure every time
        }
        for key, body in uploads.items():
            s3.put_object(Bucket=IN, Key=key, Body=body)
        store, settings = FlakyStore(s3), app.Settings(OUT, "")

        # Lambda's event source mapping: receive a batch, invoke, delete all but the reported failures;
        # a reported message becomes visible again and, after maxReceiveCount receives, moves to the DLQ.
        batches, reported, test_events = [], [], 0
        while True:
            msgs = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, AttributeNames=["All"]).get("Messages", [])
            if not msgs:
                break
            test_events += sum(json.loads(m["Body"]).get("Event") == "s3:TestEvent" for m in msgs)
            response = app.process_sqs(_lambda_batch(msgs, queue_arn), app.Services(store=store, enricher=enricher, settings=settings))
            failed = {f["itemIdentifier"] for f in response["batchItemFailures"]}
            batches.append((len(msgs), len(failed)))
            for m in msgs:
                if m["MessageId"] in failed:
                    reported.append(json.loads(m["Body"])["Records"][0]["s3"]["object"]["key"])
                    sqs.change_message_visibility(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=0)
                else:
                    sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
        dead = _drain(sqs, dlq)
        records = {o["Key"][: -len(".json")]: json.loads(s3.get_object(Bucket=OUT, Key=o["Key"])["Body"].read())["status"]
                   for o in s3.list_objects_v2(Bucket=OUT).get("Contents", [])}

        # A message that is not an S3 notification is reported too (the redrive policy dead-letters it).
        junk = sqs.send_message(QueueUrl=queue, MessageBody="not json")["MessageId"]
        msgs = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        junk_response = app.process_sqs(_lambda_batch(msgs, queue_arn), app.Services(store=store, enricher=enricher, settings=settings))

    from urllib.parse import unquote_plus

    dead_keys = [unquote_plus(m["Records"][0]["s3"]["object"]["key"]) for m in dead]
    with capsys.disabled():
        print(f"\nqueue: {len(uploads)} uploads + {test_events} s3:TestEvent; batches (messages, reported) {batches}; "
              f"records {records}; dead-lettered {dead_keys}")
    assert test_events == 1
    first_batch = batches[0]
    assert first_batch[1] == 1, batches  # exactly the failing item, not the bad input nor the batch
    assert {unquote_plus(k) for k in reported} == {"news/flaky.txt"} and len(reported) == 3  # maxReceiveCount
    assert dead_keys == ["news/flaky.txt"]
    assert records["news/bad.json"] == "failed" and records["news/tidal barrier+1.txt"] == "ok"
    # Nothing lost: every upload has a record or a dead-letter message, never both.
    assert set(records) | set(dead_keys) == set(uploads) and not set(records) & set(dead_keys)
    assert junk_response == {"batchItemFailures": [{"itemIdentifier": junk}]}
