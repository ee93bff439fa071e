"""Regenerate src/enricher/tags/data/<lang>_wordfreq.txt.gz, the tagger's background word frequencies.

Source: the `wordfreq` package (R. Speer, https://github.com/rspeer/wordfreq; code Apache-2.0,
word-list data CC BY-SA 4.0), English "large" list. It is a build-time input only: the
runtime reads the trimmed table written here, never wordfreq itself (its wheel is ~57 MB).

Kept: lower-case word forms that our word tokeniser can produce (letters/digits, inner
- ' & .), with a Zipf frequency >= --min-zipf (default 2.0: about 96k words). Zipf values
are rounded to 0.1 and grouped, one line per value: "<zipf>\t<word> <word> ...".

    python -m venv /tmp/wfenv && /tmp/wfenv/bin/pip install wordfreq==3.1.1
    /tmp/wfenv/bin/python bench/build_wordfreq.py
    for l in fr de es it pt nl; do /tmp/wfenv/bin/python bench/build_wordfreq.py --lang $l --min-zipf 3.0; done

Other languages (fr de es it pt nl) use the same source and format, cut at a higher floor
(--min-zipf 3.0, about 30-40k forms each) to keep the artefact small: words below the floor
count as rare, which is what the tagger needs to know about them.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

WORD = re.compile(r"^\w+(?:[-'&.]\w+)*$")
DATA = Path(__file__).resolve().parent.parent / "src" / "enricher" / "tags" / "data"


def main() -> None:
    import wordfreq

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=2.0)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    args.out = args.out or DATA / f"{args.lang}_wordfreq.txt.gz"
    groups: dict[float, list[str]] = defaultdict(list)
    for word in wordfreq.get_frequency_dict(args.lang, wordlist="large"):
        if not WORD.match(word) or word != word.lower():
            continue
        zipf = round(wordfreq.zipf_frequency(word, args.lang, wordlist="large"), 1)
        if zipf >= args.min_zipf:
            groups[zipf].append(word)
    from importlib.metadata import version

    lines = [f"# {args.lang} word frequencies (Zipf) from wordfreq {version('wordfreq')}, "
             f"large list, min zipf {args.min_zipf}; CC BY-SA 4.0 data; regenerate with bench/build_wordfreq.py"]
    for zipf in sorted(groups, reverse=True):
        lines.append(f"{zipf:.1f}\t" + " ".join(sorted(groups[zipf])))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives byte-identical output.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{args.out}: {sum(len(g) for g in groups.values())} words, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
