"""Language detection on the dev sets, on whole texts and on their first N words.

Every dev text with a known language: the English summaries, keyphrases and entities sets
and the French, Portuguese and Polish keyphrase sets (Polish has no NLTK stop-word list, so
its right answer is "unknown"). Short prefixes stand in for the short articles and teasers
users also drop in the bucket. Per source and length: right, unknown, wrong (a wrong
language is worse than "unknown": it picks the wrong stemmer and tagger).

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/language.py
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from enricher.ingest.language import detect
from enricher.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SETS = ("summaries-dev.jsonl", "keyphrases-dev.jsonl", "entities-dev.jsonl", "keyphrases-multi-dev.jsonl")
LENGTHS = (25, 50, 100, None)  # None: the whole text
NO_STOPWORD_LIST = {"pl"}  # languages whose right answer is "unknown"


def load(corpus: Path) -> list[tuple[str, str, str]]:
    """(source, expected ISO code or None, text) for every dev text."""
    docs = []
    for name in SETS:
        with open(corpus / name, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                lang = doc.get("language", "en")
                expected = None if lang in NO_STOPWORD_LIST else lang
                docs.append((doc["source"], expected, doc["text"]))
    return docs


def prefix(text: str, words: int | None) -> str:
    return text if words is None else " ".join(text.split()[:words])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    resources = Resources()
    docs = load(args.corpus)
    tally: dict[tuple[str, int | None], Counter] = defaultdict(Counter)
    wrong_as: dict[tuple[str, int | None], Counter] = defaultdict(Counter)
    start = time.process_time()
    for source, expected, text in docs:
        for n in LENGTHS:
            got = detect(prefix(text, n), resources)
            verdict = "right" if got == expected else "unknown" if got is None else "wrong"
            tally[(source, n)][verdict] += 1
            if verdict == "wrong":
                wrong_as[(source, n)][got] += 1
    cpu = (time.process_time() - start) / (len(docs) * len(LENGTHS)) * 1000
    print("| source | docs | words | right | unknown | wrong (as) |")
    print("|---|---:|---|---:|---:|---|")
    for source in sorted({s for s, _ in tally}):
        for n in LENGTHS:
            t = tally[(source, n)]
            total = sum(t.values())
            detail = ", ".join(f"{k} {v}" for k, v in wrong_as[(source, n)].most_common())
            print(f"| {source} | {total} | {n or 'all'} | {t['right'] / total:.3f} | {t['unknown'] / total:.3f} "
                  f"| {t['wrong'] / total:.3f}{f' ({detail})' if detail else ''} |")
    print(f"\nCPU per detection (mean): {cpu:.3f} ms")


if __name__ == "__main__":
    main()
