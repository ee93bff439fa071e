"""A catalogue of bad inputs, each with its expected status, through the CLI in one process.

Prints the counts; fails on any traceback, any unexpected status, more than 1 GB
peak memory or more than 2 minutes for the whole catalogue.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

SENTENCE = "The harbour council met on Tuesday to discuss the cost of the new tidal barrier. "


def english(articles: Path) -> str:
    return (articles / "tidal-barrier.txt").read_text(encoding="utf-8")


def build(tmp: Path, articles: Path, fixtures: Path) -> dict[str, tuple[Path, str]]:
    rng = random.Random(7)
    text = english(articles)
    html_scripts = "<html><head><script>var a = 1;</script></head><body><script>track();</script></body></html>"
    cases: dict[str, tuple[bytes, str, str]] = {
        "empty": (b"", "empty.txt", "skipped"),
        "whitespace only": (b"  \n\n\t \r\n  ", "blank.txt", "skipped"),
        "random bytes": (bytes(rng.getrandbits(8) for _ in range(50_000)), "random.txt", "skipped"),
        "PNG header": (b"\x89PNG\r\n\x1a\n" + bytes(2000), "image.txt", "skipped"),
        "PDF header": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 20, "doc.html", "skipped"),
        "20 MB text": ((SENTENCE * 250_000).encode(), "huge.txt", "skipped"),
        "gzip bomb": (gzip.compress(b"\0" * 200_000_000, compresslevel=9), "bomb.txt.gz", "failed"),
        "invalid UTF-8 in English": (text.encode("utf-8").replace(b"estuary", b"estu\xffary\xfe"), "bad-utf8.txt", "ok"),
        "UTF-16 with BOM": (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf16.txt", "ok"),
        "cp1252 typographic quotes": (text.encode("cp1252", errors="replace"), "cp1252.txt", "ok"),
        "HTML with only scripts": (html_scripts.encode(), "scripts.html", "skipped"),
        "malformed JSON": (b'{"title": "Barrier", "body": "The council', "broken.json", "failed"),
        "JSON of an unexpected shape": (b'{"items": [1, 2, 3], "count": 3}', "shape.json", "failed"),
        "2 MB single line": ((SENTENCE * 24_000).encode(), "one-line.txt", "ok"),
        "NUL bytes": (text.encode("utf-8").replace(b"\n\n", b"\n\x00\n", 5), "nul.txt", "ok"),
        "5,000 repeats of one sentence": ((SENTENCE.strip() + "\n\n") .encode() * 5000, "repeats.txt", "skipped"),
        "non-English article": ((fixtures / "german-article.txt").read_bytes(), "artikel.txt", "ok"),
    }
    out = {}
    for label, (data, name, status) in cases.items():
        path = tmp / name
        path.write_bytes(data)
        out[label] = (path, status)
    return out


def test_catalogue_through_the_cli(tmp_path, articles, root, capsys):
    cases = build(tmp_path, articles, root / "tests" / "fixtures")
    # The CLI's own entry point, in one process that reports its own peak memory on the way out:
    # VmHWM, the peak of its own address space (RUSAGE_CHILDREN would give the largest child of the
    # whole test session, and even RUSAGE_SELF keeps the forking test process's peak across exec).
    launcher = (
        "import resource, sys\n"
        "from enricher.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "try:\n"
        "    peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "except (OSError, StopIteration):\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "sys.stderr.write(f'PEAK_KB={peak}\\n')\n"
        "sys.exit(code)\n"
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", launcher, "enrich", *(str(p) for p, _ in cases.values())],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=300,
    )
    elapsed = time.monotonic() - started
    peak_mb = int(proc.stderr.rpartition("PEAK_KB=")[2].split()[0]) / 1024
    assert "Traceback" not in proc.stderr + proc.stdout
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(cases), proc.stderr
    counts: dict[str, int] = {}
    wrong = []
    lines = []
    for (label, (path, expected)), record in zip(cases.items(), records):
        assert record["source"]["name"] == str(path)
        counts[record["status"]] = counts.get(record["status"], 0) + 1
        reason = record["reason"] or ""
        lines.append(f"  {label:32} {record['status']:8} {reason[:90]}")
        if record["status"] != expected or reason.startswith("internal error"):
            wrong.append((label, expected, record["status"], reason))
    with capsys.disabled():  # the counts are part of the report, shown in CI's log
        print("\n" + "\n".join(lines))
        print(f"catalogue: {len(records)} inputs, {counts}, {elapsed:.1f} s, peak {peak_mb:.0f} MB; unexpected: {len(wrong)}")
    assert not wrong, wrong
    assert proc.returncode == (1 if counts.get("failed") else 0)
    assert elapsed < 120
    assert peak_mb < 1024
    german = records[list(cases).index("non-English article")]
    assert german["article"]["language"] == "de"
