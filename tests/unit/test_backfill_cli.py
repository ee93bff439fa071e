"""`enricher backfill` argument handling, `enrich --output-dir`, the progress line and the event detail:
no AWS, no network."""

import io
import json
import sys

import pytest

from enricher import Enricher, cli
from enricher.progress import Progress
from enricher.record.event import MAX_DETAIL_BYTES, event_detail, to_json, validate_detail


def test_backfill_without_boto3_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "boto3", None)  # import boto3 -> ImportError
    assert cli.main(["backfill", "s3://in", "--output", "s3://out"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["enricher: error: backfill needs boto3: pip install 'article-enricher[lambda]'"]


@pytest.mark.parametrize("url", ["in-bucket/prefix", "s3://", "s3:///prefix"])
def test_backfill_refuses_malformed_urls(url, capsys):
    assert cli.main(["backfill", url, "--output", "s3://out"]) == 2
    assert "expected s3://BUCKET[/PREFIX]" in capsys.readouterr().err


def test_core_does_not_import_the_edge():
    import subprocess

    code = "import sys, enricher, enricher.cli, enricher.record.event; print(sorted(m for m in sys.modules if m.split('.')[0] in ('boto3', 'botocore', 'enricher_aws')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_output_dir_writes_one_file_per_input(tmp_path, articles, capsys):
    out = tmp_path / "out"
    paths = [str(articles / "tidal-barrier.txt"), str(articles / "night-trains.html")]
    assert cli.main(["enrich", "--output-dir", str(out), *paths]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["night-trains.html.json", "tidal-barrier.txt.json"]
    assert json.loads((out / "tidal-barrier.txt.json").read_text())["status"] == "ok"
    captured = capsys.readouterr()
    assert captured.out == "" and "2/2" in captured.err


def test_output_dir_refuses_two_inputs_with_one_name(tmp_path, articles, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "tidal-barrier.txt").write_bytes((articles / "tidal-barrier.txt").read_bytes())
    paths = [str(articles / "tidal-barrier.txt"), str(tmp_path / "a" / "tidal-barrier.txt")]
    assert cli.main(["enrich", "--output-dir", str(tmp_path / "out"), *paths]) == 2
    assert "would both be written" in capsys.readouterr().err


def test_progress_line_has_rate_eta_and_counts():
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, total=10, label="x ", every=0, clock=lambda: now[0])
    for status in ("ok", "ok", "failed", "done"):
        now[0] += 0.5
        progress.add(status)
    assert progress.line() == "x [#########...............] 4/10 2.0/s ETA 00:03 (done 1, failed 1, ok 2)"


def test_event_detail_is_deterministic_compact_and_valid(articles):
    enricher = Enricher()
    record = enricher.enrich((articles / "tidal-barrier.txt").read_bytes(), name="t.txt")
    body = record.to_json().encode()
    a = event_detail(record, bucket="out", key="t.txt.json", body=body)
    b = event_detail(record, bucket="out", key="t.txt.json", body=body)
    validate_detail(a)
    assert a == b and a["id"] != event_detail(record, bucket="out", key="other.json", body=body)["id"]
    assert "body" not in json.dumps(a["article"]) and a["summary"] and not a["truncated"]
    # A summary too long for an event is cut, and the event says so.
    import dataclasses

    long = dataclasses.replace(record.summary, sentences=record.summary.sentences * 400)
    big = event_detail(dataclasses.replace(record, summary=long), bucket="out", key="t.txt.json", body=body)
    validate_detail(big)
    assert big["truncated"] and len(to_json(big).encode()) <= MAX_DETAIL_BYTES
