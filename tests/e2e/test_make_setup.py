"""`make nltk-data` (and so `make demo`) where the NLTK data is missing and cannot be downloaded."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_missing_nltk_data_one_line_no_prompt(tmp_path: Path) -> None:
    target = tmp_path / "nltk"
    # No network here, so the download fails; stdin is closed, so a prompt would show as a traceback.
    proc = subprocess.run(["make", "-s", "nltk-data", f"NLTK_DATA={target}"], cwd=ROOT, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300, env={**os.environ, "NLTK_DATA": str(target)})
    if proc.returncode == 0:
        pytest.skip("the NLTK download worked here (network reachable)")
    assert "Retry?" not in proc.stdout + proc.stderr and "Traceback" not in proc.stdout + proc.stderr
    ours = [line for line in proc.stderr.splitlines() if not line.startswith("make")]
    assert len(ours) == 1, proc.stderr
    assert "NLTK_DATA" in ours[0] and "allow the download" in ours[0]
