"""The backfill state machine's definition under moto's Step Functions interpreter.

What moto (5.2) can execute of it, and what it cannot:
- covered: the Settings state (template parameters turned into numbers by States.StringToJson),
  the Distributed Map's ItemReader (s3:listObjectsV2 over the input bucket and the execution's
  prefix), MaxConcurrencyPath and ToleratedFailurePercentagePath (read back from the map run),
  the ResultWriter (manifest under <prefix>_backfill/ in the output bucket), the map run's
  item counts, and `enricher backfill --state-machine` following the execution to its end;
- not executable there, so changed in the copy that runs: ItemBatcher (moto's parser refuses
  it: removed), EXPRESS children (moto accepts only STANDARD: switched), and the Lambda task
  (moto runs functions only in Docker: a Pass state). The batch shape the function receives
  ({"Items": [...], "BatchInput": {"bucket", "force"}}) is exercised against the real handler
  code in tests/e2e/test_backfill.py and below.
"""

from __future__ import annotations

import io
import json
import time

import boto3
import pytest
from moto import mock_aws

import app
from enricher import Enricher
from enricher_aws.backfill import run_state_machine
from enricher_aws.s3store import S3Store

REGION = "eu-west-1"
IN, OUT = "sfn-input", "sfn-output"
SUBSTITUTIONS = {
    "InputBucketName": IN,
    "OutputBucketName": OUT,
    "ResultPrefix": "enriched/_backfill",
    "FunctionArn": f"arn:aws:lambda:{REGION}:123456789012:function:enrich:live",
    "ItemsPerBatch": "3",
    "MaxConcurrency": "2",
    "ToleratedFailurePercentage": "5",
}


def _definition(template: dict) -> tuple[dict, dict]:
    props = template["Resources"]["BackfillStateMachine"]["Properties"]
    text = json.dumps(props["Definition"])
    assert set(SUBSTITUTIONS) == set(props["DefinitionSubstitutions"])
    for key, value in SUBSTITUTIONS.items():
        text = text.replace("${%s}" % key, value)
    original = json.loads(text)
    runnable = json.loads(text)
    map_state = runnable["States"]["EnrichObjects"]
    map_state.pop("ItemBatcher")
    map_state["ItemProcessor"]["ProcessorConfig"]["ExecutionType"] = "STANDARD"
    map_state["ItemProcessor"]["States"]["EnrichBatch"] = {"Type": "Pass", "End": True}
    return original, runnable


def test_definition_runs_under_moto(sam_template, capsys):
    original, runnable = _definition(sam_template)
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        s3 = boto3.client("s3", region_name=REGION)
        for bucket in (IN, OUT):
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        wanted = [f"archive/2019/a{i}.txt" for i in range(7)]
        for key in wanted + ["other/b.txt", "archived.txt"]:
            s3.put_object(Bucket=IN, Key=key, Body=b"text")
        sfn = boto3.client("stepfunctions", region_name=REGION)
        arn = sfn.create_state_machine(name="backfill", definition=json.dumps(runnable),
                                       roleArn="arn:aws:iam::123456789012:role/backfill")["stateMachineArn"]
        progress = io.StringIO()
        started = time.monotonic()
        desc = run_state_machine(arn, f"s3://{IN}/archive/", f"s3://{OUT}/enriched/", stream=progress, poll=0.1, client=sfn)
        elapsed = time.monotonic() - started
        (run,) = sfn.list_map_runs(executionArn=desc["executionArn"])["mapRuns"]
        map_run = sfn.describe_map_run(mapRunArn=run["mapRunArn"])
        history = sfn.get_execution_history(executionArn=desc["executionArn"])["events"]
        settings = next(json.loads(e["stateExitedEventDetails"]["output"]) for e in history
                        if e.get("stateExitedEventDetails", {}).get("name") == "Settings")
        results = [o["Key"] for o in s3.list_objects_v2(Bucket=OUT).get("Contents", [])]
    with capsys.disabled():
        print(f"\nstate machine under moto: {desc['status']} in {elapsed:.1f} s; items {map_run['itemCounts']}; "
              f"max concurrency {map_run['maxConcurrency']}, tolerated {map_run['toleratedFailurePercentage']}%; "
              f"results {results}; followed: {progress.getvalue().strip().splitlines()[-1]}")
    assert desc["status"] == "SUCCEEDED", desc
    assert settings == {"prefix": "archive/", "force": False, "itemsPerBatch": 3, "maxConcurrency": 2,
                        "toleratedFailurePercentage": 5}
    assert map_run["itemCounts"]["total"] == len(wanted) and map_run["itemCounts"]["succeeded"] == len(wanted)
    assert map_run["maxConcurrency"] == 2 and map_run["toleratedFailurePercentage"] == 5
    assert results and all(k.startswith("enriched/_backfill/") for k in results)
    assert "items total 7, succeeded 7" in progress.getvalue()
    # What moto could not run is still in the deployed definition.
    deployed = original["States"]["EnrichObjects"]
    assert deployed["ItemBatcher"]["MaxItemsPerBatchPath"] == "$.itemsPerBatch"
    assert deployed["ItemProcessor"]["ProcessorConfig"]["ExecutionType"] == "EXPRESS"
    assert deployed["ItemProcessor"]["States"]["EnrichBatch"]["Resource"] == "arn:aws:states:::lambda:invoke"


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def test_a_batch_as_the_map_sends_it(enricher, articles):
    """The payload the ItemBatcher builds from ListObjectsV2 items, through the real handler entry point:
    folder markers and the output's own keys are refused, a re-run skips what is done, force rewrites."""
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket=IN, CreateBucketConfiguration={"LocationConstraint": REGION})
        body = (articles / "tidal-barrier.txt").read_bytes()
        for key in ("archive/", "archive/a.txt", "archive/b c.txt", "archive/enriched/x.txt.json"):
            s3.put_object(Bucket=IN, Key=key, Body=b"" if key.endswith("/") else body)
        items = s3.list_objects_v2(Bucket=IN, Prefix="archive/")["Contents"]
        # As Step Functions passes them: JSON (dates as strings), ETags quoted.
        payload = json.loads(json.dumps({"Items": items, "BatchInput": {"bucket": IN, "force": False}}, default=str))
        store, settings = S3Store(s3), app.Settings(IN, "archive/enriched/")  # output beside the input
        first = app.process_items(payload, app.Services(store=store, enricher=enricher, settings=settings))
        second = app.process_items(payload, app.Services(store=store, enricher=enricher, settings=settings))
        payload["BatchInput"]["force"] = True
        forced = app.process_items(payload, app.Services(store=store, enricher=enricher, settings=settings))
    reasons = {r["key"]: r["status"] for r in first["results"]}
    assert reasons == {"archive/": "ignored", "archive/a.txt": "ok", "archive/b c.txt": "ok",
                       "archive/enriched/x.txt.json": "ignored"}
    assert second["counts"] == {"ok": 0, "skipped": 0, "failed": 0, "ignored": 2, "done": 2}
    assert forced["counts"] == {"ok": 2, "skipped": 0, "failed": 0, "ignored": 2}
