import json
import subprocess
import sys
from pathlib import Path

from enricher.cli import main


def test_records_in_input_order(articles, capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [str(articles / "market-report.json"), str(empty), str(articles / "tidal-barrier.txt")]
    assert main(["enrich", *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["source"]["name"] for r in records] == paths
    assert [r["status"] for r in records] == ["ok", "skipped", "ok"]


def test_failed_record_exits_1_without_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    code = main(["enrich", str(bad), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["status"] for line in out.splitlines()] == ["failed", "failed"]
    assert "Traceback" not in err + out


def test_options_reach_the_record(articles, capsys):
    assert main(["enrich", "--sentences", "2", "--max-tags", "3", str(articles / "tidal-barrier.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert len(record["summary"]["sentences"]) == 2 and len(record["tags"]) <= 3


def test_usage_errors_exit_2(articles):
    for argv in (["enrich"], ["enrich", "--sentences", "0", "x"], ["enrich", "--summarizer", "nope", "x"], ["frobnicate"]):
        proc = subprocess.run([sys.executable, "-m", "enricher", *argv], capture_output=True, text=True)
        assert proc.returncode == 2, argv
        assert "Traceback" not in proc.stderr


def test_console_script_installed(articles):
    script = Path(sys.executable).with_name("enricher")  # the venv's console script
    proc = subprocess.run([str(script), "enrich", str(articles / "night-trains.html")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["status"] == "ok"
