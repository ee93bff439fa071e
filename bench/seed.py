"""The seed page dump against its hand-made expected cleaning (issue 2's acceptance check).

    python bench/seed.py [--samples ../shared/samples]

Runs `enricher enrich` on the seed dump and checks: status ok, the right title, the body
once (token F1 against the expected body, no junk line), the four captions, three summary
sentences taken from the body, at least five tags among them the people and the group the
article is about. Exit 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from scoring import prf  # bench/ is on the path when a bench script runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "samples")
    args = parser.parse_args()
    dump = args.samples / "seed-article.txt"
    expected = json.loads((args.samples / "seed-article.expected.json").read_text(encoding="utf-8"))
    proc = subprocess.run([sys.executable, "-m", "enricher", "enrich", str(dump)], capture_output=True, text=True)
    record = json.loads(proc.stdout)
    article = record["article"] or {}
    body = article.get("body", "")
    gold_paragraphs = expected["body"].split("\n\n")
    junk = [line for line in expected["removed_examples"] if line in article.get("paragraphs", [])]
    score = prf(body, expected["body"])
    tags = {t["label"]: t["kind"] for t in record["tags"]}
    checks = {
        "status ok": record["status"] == "ok",
        "title": article.get("title") == expected["title"],
        f"body token F1 >= 0.98 (got {score.f1:.3f})": score.f1 >= 0.98,
        "every paragraph once": len(article.get("paragraphs", [])) == len(set(article.get("paragraphs", []))),
        f"paragraph count {len(gold_paragraphs)} (got {len(article.get('paragraphs', []))})": len(article.get("paragraphs", [])) == len(gold_paragraphs),
        "no junk line in the body": not junk,
        "the four captions": sorted(article.get("captions", [])) == sorted(expected["captions"]),
        "the four credits": sorted(article.get("credits", [])) == sorted(expected["credits"]),
        "section": article.get("section") == expected["section"],
        "agency": article.get("agency") == expected["source"],
        "three summary sentences from the body": len(record["summary"]["sentences"]) == 3
        and all(s["text"] in body for s in record["summary"]["sentences"]),
        ">= 5 tags": len(tags) >= 5,
        "John Kerry is a person": tags.get("John Kerry") == "person",
        "Philip Hammond is a person": tags.get("Philip Hammond") == "person",
        "Islamic State is one tag": sum("islamic state" in t.lower() or t in ("IS", "ISIL", "Daesh") for t in tags) == 1,
    }
    print("| seed check | result |\n|---|---|")
    for name, ok in checks.items():
        print(f"| {name} | {'pass' if ok else 'FAIL'} |")
    print(f"\ntags: {', '.join(f'{k} ({v})' for k, v in tags.items())}")
    if junk:
        print(f"junk kept: {junk}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
