"""Whole-pipeline speed, side by side with sumy's LexRank alone on the same texts.

    python bench/pipeline.py [--corpus ../shared/corpus] [--limit N]

Prints, for the dev articles (summaries-dev and keyphrases-dev texts, as plain text
files would arrive): CPU ms per article (median, p95) for the whole pipeline (decode,
clean, summarise, tag, schema-checked JSON record) and for sumy's LexRank alone (3
sentences, English stemmer and stop words, as a sumy user would call it), alternating per
article; their ratio; articles per second on one core; the median of each stage; and
10,000- and 100,000-word documents through the whole pipeline, each in a fresh process,
with CPU time and that process's peak memory (RSS).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from devtexts import load_texts

ROOT = Path(__file__).resolve().parents[1]


def cpu_ms(fn, *args) -> float:
    start = time.process_time()
    fn(*args)
    return (time.process_time() - start) * 1000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def lexrank_alone():
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(text: str) -> None:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)

    return run


LONG_DOC = r"""
import json, resource, sys, time
import enricher
text = open(sys.argv[1], encoding="utf-8").read()
e = enricher.Enricher()
e.enrich("Warm-up article. " * 3 + "\n\nThe council met on Tuesday to agree the budget for the new harbour wall.")
start = time.process_time()
record = e.enrich(text.encode("utf-8"), name="long.txt")
record.to_json(checked=True)
cpu = time.process_time() - start
try:  # this process's own peak (ru_maxrss can keep the parent's from before exec)
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": record.status, "reason": record.reason, "cpu_s": cpu,
                  "peak_rss_mb": peak / 1024,
                  "words": len(text.split())}))
"""


def long_document(texts: list[str], words: int, tmp: Path) -> dict:
    parts, count = [], 0
    while count < words:
        for t in texts:
            parts.append(t)
            count += len(t.split())
            if count >= words:
                break
    path = tmp / f"long-{words}.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", LONG_DOC, str(path)], capture_output=True, text=True, timeout=600)
    if proc.returncode:
        return {"error": proc.stderr[-500:]}
    return json.loads(proc.stdout.splitlines()[-1])


def stage_medians(texts: list[str]) -> dict[str, float]:
    """Median CPU ms of each stage, run one after the other on every article (no LexRank in
    between, so CPU caches are warmer than in the side-by-side loop: the sum is lower)."""
    import dataclasses

    from enricher import Enricher, Options
    from enricher.ingest.decode import decode
    from enricher.ingest.language import detect
    from enricher.pipeline import Source
    from enricher.record import Record
    from enricher.summarize import sentence_count
    from enricher.text.analyse import analyse

    # The language given, so that cleaning is timed without detection, which is timed apart.
    e = Enricher(Options(language="en"))
    e.warm()
    times: dict[str, list[float]] = {k: [] for k in ("decode", "clean", "language", "analyse", "summary", "tags", "record")}
    for i, text in enumerate(texts):
        t0 = time.process_time()
        decoded = decode(text.encode("utf-8"), name=f"{i}.txt", max_bytes=e.options.max_input_bytes,
                         max_ratio=e.options.max_compression_ratio)
        t1 = time.process_time()
        try:
            article = e._clean(decoded)
        except Exception:
            continue  # (not an article: skipped by the pipeline too)
        t2 = time.process_time()
        language = detect(article.body, e.resources) or "en"
        article = dataclasses.replace(article, language=language)
        t3 = time.process_time()
        doc = analyse(article, language, e.resources)
        t4 = time.process_time()
        summary = e.summarizer.summarize(doc, sentence_count(e.options, len(doc.sentences)))
        t5 = time.process_time()
        tags = e.tagger.tag(doc, e.options.max_tags)
        t6 = time.process_time()
        Record(status="ok", source=Source(name=f"{i}.txt"), pipeline=e._pipeline, article=article, summary=summary,
               tags=tags, cleaning=e._cleaning(decoded, article)).to_json(checked=True)
        t7 = time.process_time()
        marks = (t0, t1, t2, t3, t4, t5, t6, t7)
        for k, (a, b) in zip(times, zip(marks, marks[1:])):
            times[k].append((b - a) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    import enricher

    texts = load_texts(args.corpus, args.limit)
    e = enricher.Enricher()
    lex = lexrank_alone()
    e.enrich(texts[0].encode("utf-8"), name="warm.txt")  # resources loaded before timing
    lex(texts[0])
    ours, theirs, statuses = [], [], {}
    for i, text in enumerate(texts):
        data = text.encode("utf-8")
        start = time.process_time()
        record = e.enrich(data, name=f"{i}.txt")
        record.to_json(checked=True)  # the record as the handler writes it: schema-checked JSON
        ours.append((time.process_time() - start) * 1000)
        statuses[record.status] = statuses.get(record.status, 0) + 1
        theirs.append(cpu_ms(lex, text))
    med_o, med_t = statistics.median(ours), statistics.median(theirs)
    print(f"# Pipeline speed ({len(texts)} dev articles; Python {platform.python_version()}, {platform.machine()})\n")
    print(f"statuses: {statuses}\n")
    print("| what | CPU ms/article median | p95 | articles/s (one core) |")
    print("|---|---:|---:|---:|")
    print(f"| whole pipeline (decode, clean, summary, tags, checked JSON) | {med_o:.1f} | {pct(ours, 0.95):.1f} | {1000 / statistics.fmean(ours):.0f} |")
    print(f"| sumy LexRank alone (3 sentences) | {med_t:.1f} | {pct(theirs, 0.95):.1f} | {1000 / statistics.fmean(theirs):.0f} |")
    print(f"\nratio of medians, pipeline / LexRank: **{med_o / med_t:.2f}** (target <= 0.6); "
          f"ratio of means: {statistics.fmean(ours) / statistics.fmean(theirs):.2f}\n")

    stages = stage_medians(texts)
    print("Stages, each run in turn over the articles (median CPU ms): "
          + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()) + f"; sum {sum(stages.values()):.2f}\n")

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("| long document | status | CPU s | peak RSS MB |")
        print("|---|---|---:|---:|")
        for words in (10_000, 100_000):
            r = long_document(texts, words, Path(tmp))
            if "error" in r:
                print(f"| {words:,} words | error: {r['error'][-120:]!r} | | |")
            else:
                print(f"| {r['words']:,} words | {r['status']} | {r['cpu_s']:.2f} | {r['peak_rss_mb']:.0f} |")
    print("\nReproduce: `make setup && NLTK_DATA=../shared/nltk_data .venv/bin/python bench/pipeline.py`; under the "
          "Lambda's Python and packages: `make build && NLTK_DATA=../shared/nltk_data "
          "PYTHONPATH=src:.aws-sam/build/DepsLayer/python python3.13 bench/pipeline.py`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
