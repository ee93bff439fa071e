"""The tag stage's CPU time per article (tagger.tag on prepared Documents), to compare two versions.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/tag_time.py LABEL
    NLTK_DATA=../shared/nltk_data PYTHONPATH=/tmp/old/src .venv/bin/python bench/tag_time.py before

Documents: every article of entities-dev and keyphrases-dev (257), analysed once; the tagger runs
once on all of them (warm caches), then three times on each, the best of three kept (the machine
is shared: the minimum is the least disturbed figure). Prints the median and p90 in ms and which
`enricher` was imported. Compare versions in the same session, alternating, as the issue asks
("no more than 25% above today's"): e.g. `git archive main src | tar -x -C /tmp/old` for today's.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    import enricher
    from enricher.model import Article
    from enricher.resources import Resources
    from enricher.tags import get_tagger
    from enricher.text.analyse import analyse

    resources = Resources()
    tagger = get_tagger("default", resources)
    docs = []
    for name in ("entities-dev.jsonl", "keyphrases-dev.jsonl"):
        with open(args.corpus / name, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n|\n", d["text"]) if p.strip())
                docs.append(analyse(Article(d.get("title"), paragraphs), "en", resources))
    for doc in docs:
        tagger.tag(doc, 10)
    per = []
    for doc in docs:
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            tagger.tag(doc, 10)
            best = min(best, time.process_time() - t)
        per.append(best)
    per.sort()
    print(f"{args.label}: median {statistics.median(per) * 1000:.3f} ms, p90 {per[int(0.9 * len(per))] * 1000:.3f} ms, "
          f"{len(per)} documents ({enricher.__file__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
