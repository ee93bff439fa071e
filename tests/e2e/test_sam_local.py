"""`make sam-local`: the built function in a Lambda container (sam local invoke) against the embedded S3.

Every record is checked as the container wrote it, read back from the embedded S3. Needs Docker:
where it cannot run, the test says so in one line and is skipped, except in CI (CI=true), where
that is a failure (.ci/run installs and starts Docker).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from enricher.record import validate

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"

pytestmark = pytest.mark.slow


def _docker_problem() -> str | None:
    if not shutil.which("docker"):
        return "no docker command"
    try:
        proc = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return "docker info did not answer"
    return None if proc.returncode == 0 else "the Docker daemon is not running"


@pytest.fixture(scope="module")
def sam_local(tmp_path_factory: pytest.TempPathFactory) -> dict:
    problem = _docker_problem()
    if problem:
        message = f"Docker cannot run here ({problem}): sam local not tested"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    report = tmp_path_factory.mktemp("sam-local") / "report.json"
    proc = subprocess.run(["make", "-s", "sam-local", f"SAM_LOCAL_FLAGS=--json {report}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-6000:]
    return json.loads(report.read_text(encoding="utf-8"))


def _results(report: dict, event: str) -> list[dict]:
    found = [inv for inv in report["invocations"] if inv["event"] == event]
    assert found, f"{event} was not invoked"
    return found[0]["results"]


@pytest.mark.parametrize(
    "event, key, kind",
    [
        ("s3-put-dump.json", "incoming/tidal-barrier.txt", "dump"),
        ("s3-put-html.json", "incoming/night-trains.html", "html"),
        ("s3-put-json.json", "incoming/market-report.json", "json"),
        ("s3-put-nasty-key.json", "incoming/Città report (final) + notes 2026.txt", "dump"),
    ],
)
def test_ok_records_written_by_the_container(sam_local: dict, event: str, key: str, kind: str) -> None:
    (result,) = _results(sam_local, event)
    assert result["status"] == "ok", result
    assert result["key"] == key
    record = result["record"]  # read back from the embedded S3
    validate(record)  # schema v1
    assert record["status"] == "ok"
    assert record["article"]["word_count"] > 50
    assert record["summary"]["sentences"], record["summary"]
    assert record["tags"], "no tags"
    assert result["output_key"] == key + ".json"


def test_oversize_is_skipped_and_delete_ignored(sam_local: dict) -> None:
    (oversize,) = _results(sam_local, "s3-put-oversize.json")
    assert oversize["status"] == "skipped" and "limit" in oversize["reason"]
    if oversize.get("record"):
        assert oversize["record"]["status"] == "skipped"
    (delete,) = _results(sam_local, "s3-delete.json")
    assert delete["status"] == "ignored" and not delete.get("output_key")


def test_queue_and_backfill_batches_ran_in_the_container(sam_local: dict) -> None:
    # The SQS batch: the HTML page's notification and an s3:TestEvent message, none reported failed.
    sqs = next(inv for inv in sam_local["invocations"] if inv["event"] == "sqs-batch.json")
    assert sqs["output"] == {"batchItemFailures": []}
    assert [r["status"] for r in sqs["results"]] == ["ok"] and sqs["results"][0]["record"]["article"]["title"]
    # The Map batch (force): two articles enriched, the folder marker never processed.
    (dump, report, marker) = _results(sam_local, "map-batch.json")
    assert dump["status"] == report["status"] == "ok"
    assert marker["status"] == "ignored" and not marker.get("output_key")


def test_every_sample_event_ran_in_the_container(sam_local: dict) -> None:
    samples = sorted(p.name for p in (ROOT / "events").glob("*.json") if p.name != "uploads.json")
    assert sorted(inv["event"] for inv in sam_local["invocations"]) == samples
    assert all(inv["output"] is not None for inv in sam_local["invocations"])
