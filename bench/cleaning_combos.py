"""Experiments: our HTML cleaner (without its safety net) combined with a DOM extractor's output (bench only).

Caches each page's outputs under --cache (default /tmp) so combinations can be compared quickly.
Prints per-source F1 of each combination on cleaning-more, by split (tune/check sites).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from cleaning import NET, ROOT, load_more, ours_html, trafilatura_html  # bench/ is on sys.path
from scoring import prf, tokens


def words(text: str) -> int:
    return sum(tokens(text).values())


def cached(pages, name, fn, cache: Path):
    path = cache / f"{name}.json"
    if path.exists():
        return json.loads(path.read_text())
    out = {p["id"]: fn(p) for p in pages}
    path.write_text(json.dumps(out))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/c14"))
    args = ap.parse_args(argv)
    args.cache.mkdir(exist_ok=True)
    pages = load_more(args.corpus)
    NET["on"] = False  # our HTML cleaner alone: the combinations below are the net's candidates
    ours = cached(pages, "ours_html", lambda p: ours_html(p["html"]), args.cache)
    traf = cached(pages, "traf_html", lambda p: trafilatura_html(p["html"]), args.cache)

    def net(lo, hi):
        def run(p):
            a, b = ours[p["id"]], traf[p["id"]]
            wa, wb = words(a), words(b)
            if wb >= 50 and (wa < lo * wb or wa > hi * wb):
                return b
            return a
        return run

    combos = {"ours": lambda p: ours[p["id"]], "trafilatura": lambda p: traf[p["id"]],
              "oracle": lambda p: max((ours[p["id"]], traf[p["id"]]), key=lambda t: prf(t, p["gold"]).f1)}
    for lo in (0.3, 0.5, 0.6, 0.7):
        for hi in (1.5, 2.0, 3.0, 99):
            combos[f"net {lo}-{hi}"] = net(lo, hi)
    sources = sorted({p["source"] for p in pages})
    print("| combo | split | " + " | ".join(sources) + " | all | <0.5 |")
    for name, fn in combos.items():
        f1 = {p["id"]: prf(fn(p), p["gold"]).f1 for p in pages}
        for split in ("tune", "check", None):
            sel = [p for p in pages if split is None or p["split"] == split]
            cells = []
            for s in sources:
                v = [f1[p["id"]] for p in sel if p["source"] == s]
                cells.append(f"{statistics.fmean(v):.3f}" if v else "-")
            low = sum(1 for p in sel if f1[p["id"]] < 0.5)
            print(f"| {name} | {split or 'all'} | " + " | ".join(cells)
                  + f" | {statistics.fmean(f1[p['id']] for p in sel):.3f} | {low} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
