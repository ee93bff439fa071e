"""bandit over the shipped code (core and Lambda adapter): no high-severity finding."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_bandit_has_no_high_severity_finding():
    bandit = os.environ.get("BANDIT") or shutil.which("bandit") or shutil.which("bandit", path=str(ROOT / ".tools" / "bin"))
    if not bandit:
        message = "bandit not found: `make tools` installs it into .tools/bin"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    proc = subprocess.run(
        [bandit, "-r", "-q", "-f", "json", str(ROOT / "src"), str(ROOT / "functions")],
        capture_output=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    by_severity: dict[str, int] = {}
    for issue in report["results"]:
        by_severity[issue["issue_severity"]] = by_severity.get(issue["issue_severity"], 0) + 1
    print(f"bandit: {by_severity or 'no findings'} in {len(report['metrics']) - 1} files")
    high = [f"{i['filename']}:{i['line_number']} {i['test_id']} {i['issue_text']}" for i in report["results"] if i["issue_severity"] == "HIGH"]
    assert not high, high
    assert not report["errors"], report["errors"]
