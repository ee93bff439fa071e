"""Summarisation benchmark: ROUGE on the dev set, CPU time per document, scaling to long texts.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/summaries.py [--corpus DIR] [--no-scaling]

Documents are built with enricher.text.analyse.analyse(Article(title, paragraphs), "en", Resources()),
i.e. the pipeline's own sentence splitter; only summarize(doc, 3) is timed. Every method sees
the same Documents in the same run. A second pass flattens each text to one paragraph and
drops its title. Scaling: one subprocess per (method, size), long documents made by
concatenating dev articles in memory; CPU time (time.process_time) of summarize() and the
worker's peak RSS; runs past --timeout seconds are stopped and reported as such.
Needs rouge-score (the "bench" extra).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]

from enricher.model import Article, Document  # noqa: E402
from enricher.resources import Resources  # noqa: E402
from enricher.summarize import get_summarizer  # noqa: E402
from enricher.text.analyse import analyse, words as word_tokens  # noqa: E402

SOURCES = ("bbc_news_summary", "cnndm_test")
# Ours first, then the baselines at the same sentence count.
METHODS = ("default", "lead", "lexrank", "lsa", "textrank", "luhn")
SCALING_METHODS = ("default", "lexrank")
SIZES = (1_000, 10_000, 50_000, 100_000)


def summarizer(name: str, resources: Resources) -> Any:
    s = get_summarizer(name, resources)
    if hasattr(s, "max_sentences") and name != "default":
        s.max_sentences = None  # sumy's algorithms as published: no sentence cap in the benchmark
    return s


def load(corpus: Path) -> list[dict[str, Any]]:
    with open(corpus / "summaries-dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def build(records: list[dict[str, Any]], flat: bool, resources: Resources) -> list[Document]:
    docs = []
    for r in records:
        paras = paragraphs(r["text"])
        title = r.get("title")
        if flat:
            paras = (" ".join(" ".join(p.split()) for p in paras),)
            title = None
        docs.append(analyse(Article(title=title, paragraphs=paras), "en", resources))
    return docs


def evaluate(records: list[dict[str, Any]], docs: list[Document], methods: Iterable[str], count: int) -> dict[str, Any]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    resources = Resources()
    results: dict[str, Any] = {}
    for name in methods:
        s = summarizer(name, resources)
        s.summarize(docs[0], count)  # warm-up: imports, stemmer, stop words
        scores: dict[str, list[tuple[float, float, float]]] = {src: [] for src in SOURCES}
        cpu: dict[str, list[float]] = {src: [] for src in SOURCES}
        method = None
        for r, doc in zip(records, docs):
            t0 = time.process_time()
            summary = s.summarize(doc, count)
            cpu[r["source"]].append(time.process_time() - t0)
            method = method or summary.method
            hyp = "\n".join(x.text for x in summary.sentences)
            sc = scorer.score(r["reference"], hyp)
            scores[r["source"]].append(tuple(sc[k].fmeasure * 100 for k in ("rouge1", "rouge2", "rougeL")))
        results[name] = {
            "method": method if name == "default" else name,
            "rouge": {src: tuple(statistics.fmean(v[i] for v in scores[src]) for i in range(3)) for src in SOURCES},
            "cpu_ms": statistics.median([t for src in SOURCES for t in cpu[src]]) * 1000,
            "cpu_ms_by_source": {src: statistics.median(cpu[src]) * 1000 for src in SOURCES},
        }
    return results


def cold_cpu(docs: list[Document], count: int) -> float:
    """Median CPU with a fresh default summariser per document (empty stem cache)."""
    resources = Resources()
    summarizer("default", resources).summarize(docs[0], count)  # imports
    times = []
    for doc in docs:
        s = summarizer("default", resources)
        t0 = time.process_time()
        s.summarize(doc, count)
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1000


def rouge_table(results: dict[str, Any], title: str) -> str:
    lines = [
        f"**{title}**",
        "",
        "| method | BBC R-1 | BBC R-2 | BBC R-L | CNN/DM R-1 | CNN/DM R-2 | CNN/DM R-L | median CPU ms/doc |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        label = r["method"] + (" (default)" if name == "default" else "")
        if name == "lead":
            label = "LEAD-3"
        b, c = r["rouge"]["bbc_news_summary"], r["rouge"]["cnndm_test"]
        lines.append(
            f"| {label} | {b[0]:.2f} | {b[1]:.2f} | {b[2]:.2f} | {c[0]:.2f} | {c[1]:.2f} | {c[2]:.2f} | {r['cpu_ms']:.2f} |"
        )
    return "\n".join(lines)


def targets(results: dict[str, Any], label: str) -> list[str]:
    ours = results["default"]["rouge"]
    lead = results["lead"]["rouge"]["cnndm_test"][0]
    textrank = results["textrank"]["rouge"]["bbc_news_summary"][0]
    out = []
    ok = ours["cnndm_test"][0] >= lead - 1.5
    out.append(
        f"- {label}: CNN/DM ROUGE-1 {ours['cnndm_test'][0]:.2f} >= LEAD-3 {lead:.2f} - 1.5 = {lead - 1.5:.2f}: "
        f"{'PASS' if ok else 'FAIL'}"
    )
    ok = ours["bbc_news_summary"][0] >= textrank - 2.0
    out.append(
        f"- {label}: BBC ROUGE-1 {ours['bbc_news_summary'][0]:.2f} >= TextRank {textrank:.2f} - 2.0 = {textrank - 2.0:.2f}: "
        f"{'PASS' if ok else 'FAIL'}"
    )
    return out


# -- scaling -------------------------------------------------------------------------------

def long_document(records: list[dict[str, Any]], words: int, resources: Resources) -> Document:
    """Dev articles concatenated (cycling) until the document holds `words` word tokens."""
    paras: list[str] = []
    total = 0
    i = 0
    while total < words:
        for p in paragraphs(records[i % len(records)]["text"]):
            paras.append(p)
            total += len(word_tokens(p))
            if total >= words:
                break
        i += 1
    return analyse(Article(title=None, paragraphs=tuple(paras)), "en", resources)


def peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM where /proc has it (ru_maxrss keeps the parent's peak
    across fork and exec)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_worker(corpus: Path, method: str, words: int, count: int) -> None:
    """Runs in a subprocess: prints one JSON line with CPU seconds and memory."""
    warnings.simplefilter("ignore")
    resources = Resources()
    records = load(corpus)
    doc = long_document(records, words, resources)
    s = summarizer(method, resources)
    s.summarize(build(records[:1], False, resources)[0], count)  # imports and warm-up, not timed
    rss_before = peak_rss_mb()
    t0 = time.process_time()
    summary = s.summarize(doc, count)
    cpu = time.process_time() - t0
    rss_peak = peak_rss_mb()
    traced = None
    if cpu < 20:  # a second, traced run (tracemalloc slows Python code down) for the summariser's own peak
        import tracemalloc

        tracemalloc.start()
        s.summarize(doc, count)
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    print(json.dumps({
        "method": summary.method,
        "words": sum(len(x.words) for x in doc.sentences),
        "sentences": len(doc.sentences),
        "cpu_s": cpu,
        "peak_rss_mb": rss_peak,
        "rss_growth_mb": rss_peak - rss_before,
        "traced_peak_mb": traced,
        "picked": len(summary.sentences),
        "note": summary.note,
    }))


def scaling(corpus: Path, count: int, timeout: float, sizes: Iterable[int]) -> str:
    lines = [
        "| method | words | sentences | CPU s | peak RSS MB (whole process) | RSS growth MB (summarise) "
        "| traced peak MB (summarise) | note |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    for method in SCALING_METHODS:
        gave_up = False
        for words in sizes:
            label = "centroid-lead (default)" if method == "default" else method
            if gave_up:
                lines.append(f"| {label} | {words} | | | | | | skipped: a smaller size already exceeded {timeout:.0f} s |")
                continue
            cmd = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus), "--count", str(count),
                   "--scale-worker", method, str(words)]
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 60, env=env, check=True)
            except subprocess.TimeoutExpired:
                lines.append(f"| {label} | {words} | | > {timeout:.0f} | | | | stopped: did not finish in time |")
                gave_up = True
                continue
            except subprocess.CalledProcessError as exc:
                lines.append(f"| {label} | {words} | | | | | | failed: {exc.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            note = r["note"] or ""
            if r["cpu_s"] > timeout:
                note = (note + "; " if note else "") + f"over {timeout:.0f} s: larger sizes skipped"
                gave_up = True
            lines.append(
                f"| {label} | {r['words']} | {r['sentences']} | {r['cpu_s']:.3f} | {r['peak_rss_mb']:.0f} | "
                f"{r['rss_growth_mb']:.0f} | {'' if r['traced_peak_mb'] is None else format(r['traced_peak_mb'], '.1f')} | {note} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--count", type=int, default=3, help="sentences per summary (default 3)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the long-document runs")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per scaling run")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="scaling sizes in words")
    parser.add_argument("--scale-worker", nargs=2, metavar=("METHOD", "WORDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # sumy's LSA warns on short documents
    if args.scale_worker:
        scale_worker(args.corpus, args.scale_worker[0], int(args.scale_worker[1]), args.count)
        return 0

    records = load(args.corpus)
    resources = Resources()
    print("# Summarisation benchmark\n")
    print(f"Corpus: {args.corpus / 'summaries-dev.jsonl'} ({len(records)} docs: "
          + ", ".join(f"{src} {sum(r['source'] == src for r in records)}" for src in SOURCES)
          + f"); {args.count} sentences per summary; ROUGE F1 x100 (rouge-score, use_stemmer=True).")
    print(f"Python {sys.version.split()[0]}; CPU = time.process_time() of summarize() only, Document given.\n")
    verdicts = []
    for flat, title in ((False, "As given (paragraphs, BBC titles)"), (True, "Flattened to one paragraph, title removed")):
        docs = build(records, flat, resources)
        results = evaluate(records, docs, METHODS, args.count)
        print(rouge_table(results, title))
        print()
        if not flat:
            print("Median CPU ms/doc by source (default): "
                  + ", ".join(f"{k} {v:.2f}" for k, v in results["default"]["cpu_ms_by_source"].items())
                  + f"; with an empty stem cache per document: {cold_cpu(docs, args.count):.2f}\n")
        verdicts += targets(results, title)
    print("**Targets**\n")
    print("\n".join(verdicts))
    print()
    if not args.no_scaling:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        print(f"**Scaling** ({args.count} sentences; one subprocess per run; timeout {args.timeout:.0f} s)\n")
        print(scaling(args.corpus, args.count, args.timeout, sizes))
        print()
    print("Reproduce: `NLTK_DATA=../shared/nltk_data .venv/bin/python bench/summaries.py"
          + (f" --corpus {args.corpus}" if args.corpus != REPO.parent / "shared" / "corpus" else "") + "`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
