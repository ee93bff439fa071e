"""Records before and after a change: one digest per input, compared byte for byte.

    python bench/identity.py --write digests.json     # before the change
    python bench/identity.py --check digests.json     # after it: exit 1 on any difference

Inputs: every page (HTML and dump) under ../shared/corpus/cleaning-*, the seed sample, the
texts of the JSON Lines sets (as plain text), and events/articles. Each is enriched with the
default options and with a second summariser and tagger, so both registries are exercised.
Only SHA-256 digests are written (never corpus text), so the file can live anywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from enricher import Enricher, Options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VARIANTS = {"default": Options(), "lexrank-capitalised": Options(summarizer="lexrank", tagger="capitalised")}


def inputs(shared: Path):
    """(name, bytes) for every input, in a stable order."""
    for folder in ("cleaning-dev", "cleaning-more"):
        for path in sorted((shared / "corpus" / folder).glob("*")):
            if path.suffix in {".html", ".txt"}:
                yield f"{folder}/{path.name}", path.read_bytes()
    yield "samples/seed-article.txt", (shared / "samples" / "seed-article.txt").read_bytes()
    for jsonl in sorted((shared / "corpus").glob("*.jsonl")):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            yield f"{jsonl.name}/{item['id']}.txt", item["text"].encode("utf-8")
    for path in sorted((ROOT / "events" / "articles").glob("*")):
        yield f"events/{path.name}", path.read_bytes()


def digests(shared: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    enrichers = {label: Enricher(options) for label, options in VARIANTS.items()}
    for name, data in inputs(shared):
        for label, enricher in enrichers.items():
            # The lexrank variant is slow on long texts; the default covers every input.
            if label != "default" and len(data) > 60_000:
                continue
            record = enricher.enrich(data, name=name.rsplit("/", 1)[-1])
            out[f"{label}:{name}"] = hashlib.sha256(record.to_json().encode("utf-8")).hexdigest()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the digests to this file")
    mode.add_argument("--check", type=Path, help="compare with the digests in this file")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    current = digests(args.shared)
    if args.write:
        args.write.write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(current)} record digests written to {args.write}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() & current.keys() if before[k] != current[k])
    missing, added = sorted(before.keys() - current.keys()), sorted(current.keys() - before.keys())
    for label, names in (("changed", changed), ("missing", missing), ("new", added)):
        for name in names[:20]:
            print(f"{label}: {name}")
    same = len(before.keys() & current.keys()) - len(changed)
    print(f"{same} identical, {len(changed)} changed, {len(missing)} missing, {len(added)} new")
    return 1 if changed or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())
