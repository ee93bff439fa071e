"""Benchmark the topic tagger on the keyphrase dev set, side by side with two baselines.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/tags.py [--corpus DIR] [--limit N]

Systems, each asked for 10 tags per document:
- ours: enricher's default tagger, on Documents built by enricher.text.analyse.analyse;
- YAKE: yake.KeywordExtractor(lan="en", n=3, top=10) on the raw text (title first);
- TF-IDF/NP: noun phrases (adjectives then nouns, POS by nltk's perceptron tagger),
  tf * log(N / df), df counted over the documents of the benchmark corpus itself.

Scores: P/R/F1 at 5 and 10, macro-averaged over documents, per source and overall.
Exact match: lower-case, split on non-alphanumerics, Porter-stem every token, compare the
token tuples. Partial match: the sets of stemmed non-stop-word tokens overlap by at least
half of the larger set. CPU ms per document (median, time.process_time): ours and TF-IDF
include sentence splitting and POS tagging; YAKE runs on the raw text.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent

from enricher.model import Article, Document  # noqa: E402
from enricher.resources import Resources  # noqa: E402
from enricher.text.analyse import analyse  # noqa: E402

SPLIT = re.compile(r"[^a-z0-9]+")
PARAGRAPHS = re.compile(r"\n\s*\n")


class Matcher:
    def __init__(self, stopwords: frozenset[str]) -> None:
        from nltk.stem.porter import PorterStemmer

        self._stem = PorterStemmer().stem
        self._cache: dict[str, str] = {}
        self.stopwords = stopwords

    def stems(self, phrase: str) -> tuple[str, ...]:
        out = []
        for tok in SPLIT.split(phrase.lower()):
            if tok:
                if tok not in self._cache:
                    self._cache[tok] = self._stem(tok)
                out.append(self._cache[tok])
        return tuple(out)

    def content(self, stems: tuple[str, ...]) -> frozenset[str]:
        return frozenset(s for s in stems if s not in self.stopwords)


def _dedupe(items: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def prf(pred: Sequence[tuple[str, ...]], gold: Sequence[tuple[str, ...]], k: int, match: Callable) -> tuple[float, float, float]:
    top = pred[:k]
    if not top or not gold:
        return 0.0, 0.0, 0.0
    hits_p = sum(any(match(p, g) for g in gold) for p in top)
    hits_r = sum(any(match(p, g) for p in top) for g in gold)
    p, r = hits_p / len(top), hits_r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(pred_labels: Sequence[str], gold_labels: Sequence[str], m: Matcher) -> dict[str, float]:
    pred = _dedupe(m.stems(x) for x in pred_labels)
    gold = _dedupe(m.stems(x) for x in gold_labels)
    exact = lambda a, b: a == b  # noqa: E731

    def partial(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        ca, cb = m.content(a), m.content(b)
        if not ca or not cb:
            return a == b
        return len(ca & cb) * 2 >= max(len(ca), len(cb))

    out: dict[str, float] = {}
    for k in (5, 10):
        for name, fn in (("", exact), ("partial ", partial)):
            p, r, f = prf(pred, gold, k, fn)
            out[f"{name}P@{k}"], out[f"{name}R@{k}"], out[f"{name}F1@{k}"] = p, r, f
    return out


# --- TF-IDF over noun phrases (baseline) ---------------------------------------------------

class TfidfNP:
    name = "TF-IDF/NP"

    def __init__(self, resources: Resources) -> None:
        self._tagger = resources.pos_tagger()
        self._df: Counter[tuple[str, ...]] = Counter()
        self._n = 0

    def phrases(self, doc: Document) -> list[tuple[str, ...]]:
        out = []
        for s in doc.sentences:
            toks = re.findall(r"\w+(?:[-'’&.]\w+)*|[^\w\s]", s.text)
            tags = [t for _, t in self._tagger.tag(toks)]
            run: list[str] = []
            for tok, tag in zip(toks + ["."], tags + ["."]):
                ok = (tag.startswith("NN") or tag == "JJ") and tok.lower() not in doc.stopwords and re.search(r"[^\W\d_]", tok)
                if ok and not (tag == "JJ" and run and run[-1][1].startswith("NN")):
                    run.append((tok, tag))
                    continue
                while run and not run[-1][1].startswith("NN"):
                    run.pop()
                if run:
                    out.append(tuple(t for t, _ in run))
                run = [(tok, tag)] if ok else []
        return out

    def fit(self, docs: Sequence[Document]) -> None:
        for doc in docs:
            self._df.update({tuple(w.lower() for w in p) for p in self.phrases(doc)})
        self._n = len(docs)

    def tag(self, doc: Document, limit: int) -> list[str]:
        tf: Counter[tuple[str, ...]] = Counter()
        label: dict[tuple[str, ...], str] = {}
        for p in self.phrases(doc):
            key = tuple(w.lower() for w in p)
            tf[key] += 1
            label.setdefault(key, " ".join(p))
        scored = sorted(tf, key=lambda k: (-tf[k] * math.log((self._n + 1) / (self._df[k] or 1)), k))
        return [label[k] for k in scored[:limit]]


# --- runner ------------------------------------------------------------------------------------

def load_corpus(path: Path) -> list[dict]:
    file = path / "keyphrases-dev.jsonl" if path.is_dir() else path
    with open(file, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def make_doc(rec: dict, resources: Resources) -> Document:
    paragraphs = tuple(p.strip() for p in PARAGRAPHS.split(rec["text"]) if p.strip())
    return analyse(Article(rec.get("title"), paragraphs), "en", resources)


def table(rows: list[tuple[str, str, dict[str, float], int]], keys: Sequence[str]) -> str:
    head = "| system | source | docs | " + " | ".join(keys) + " |"
    sep = "|---|---|---:|" + "---:|" * len(keys)
    lines = [head, sep]
    for system, source, vals, n in rows:
        lines.append(f"| {system} | {source} | {n} | " + " | ".join(f"{vals[k]:.3f}" for k in keys) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the topic tagger (keyphrase dev set).")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--tagger", default="default")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--json", type=Path, help="also write per-system, per-source numbers here")
    args = parser.parse_args(argv)

    # Load time of our tagger: NLTK imports, POS model, word frequencies, gazetteer.
    t_cpu, t_wall = time.process_time(), time.perf_counter()
    import nltk.tag.perceptron  # noqa: F401  (nltk itself: the sentence splitter needs it too)

    import_cpu = time.process_time() - t_cpu
    resources = Resources()
    resources.pos_tagger()
    pos_cpu = time.process_time() - t_cpu - import_cpu
    from enricher.tags import get_tagger

    tagger = get_tagger(args.tagger, resources)
    load_cpu, load_wall = time.process_time() - t_cpu, time.perf_counter() - t_wall

    records = load_corpus(args.corpus)
    resources.sentence_splitter("english")  # the splitter's load is not the tagger's
    resources.stopwords("english")
    # The first document after loading runs with empty per-word caches (a Lambda's first event).
    t = time.process_time()
    tagger.tag(make_doc(records[0], resources), args.limit)
    first_doc = time.process_time() - t
    resources.sentence_splitter("english")
    resources.stopwords("english")
    matcher = Matcher(resources.stopwords("english"))
    systems: dict[str, Callable[[dict, Document | None], list[str]]] = {}
    times: dict[str, list[float]] = {}

    def ours(rec: dict) -> list[str]:
        doc = make_doc(rec, resources)
        return [t.label for t in tagger.tag(doc, args.limit)]

    systems["ours"] = ours
    if not args.no_baselines:
        import yake

        extractor = yake.KeywordExtractor(lan="en", n=3, top=args.limit)

        def run_yake(rec: dict) -> list[str]:
            text = (rec.get("title") or "") + "\n\n" + rec["text"]
            return [kw for kw, _ in extractor.extract_keywords(text)]

        tfidf = TfidfNP(resources)
        tfidf.fit([make_doc(r, resources) for r in records])

        def run_tfidf(rec: dict) -> list[str]:
            return tfidf.tag(make_doc(rec, resources), args.limit)

        systems["YAKE"] = run_yake
        systems[TfidfNP.name] = run_tfidf

    results: dict[str, list[tuple[str, dict[str, float]]]] = {}
    for name, run in systems.items():
        times[name] = []
        results[name] = []
        for rec in records:
            t = time.process_time()
            labels = run(rec)
            times[name].append(time.process_time() - t)
            results[name].append((rec["source"], score_doc(labels, rec["keyphrases"], matcher)))

    # Our tagging alone, on prepared Documents (no splitting).
    docs = [make_doc(r, resources) for r in records]
    tag_only = []
    for doc in docs:
        t = time.process_time()
        tagger.tag(doc, args.limit)
        tag_only.append(time.process_time() - t)

    sources = sorted({r["source"] for r in records})
    rows = []
    exact_keys = ["P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10"]
    partial_keys = ["partial F1@5", "partial F1@10"]
    summary: dict[str, dict[str, dict[str, float]]] = {}
    for name in systems:
        for source in sources + ["all"]:
            vals = [v for s, v in results[name] if source in ("all", s)]
            mean = {k: statistics.fmean(v[k] for v in vals) for k in vals[0]}
            rows.append((name, source, mean, len(vals)))
            summary.setdefault(name, {})[source] = mean

    print("## Exact match (lower-case, Porter-stemmed tokens), macro over documents\n")
    print(table(rows, exact_keys))
    print("\n## Lenient partial match\n")
    print(table(rows, partial_keys))
    print("\n## Cost\n")
    print("| system | median CPU ms / doc | p90 CPU ms / doc |")
    print("|---|---:|---:|")
    for name in systems:
        ts = sorted(times[name])
        what = " (split + POS + tag)" if name != "YAKE" else ""
        print(f"| {name}{what} | {statistics.median(ts) * 1000:.1f} | {ts[int(0.9 * (len(ts) - 1))] * 1000:.1f} |")
    ts = sorted(tag_only)
    print(f"| ours, tagging only (POS + tag) | {statistics.median(ts) * 1000:.1f} | {ts[int(0.9 * (len(ts) - 1))] * 1000:.1f} |")
    print(f"\nOur tagger's load time (Resources + get_tagger: NLTK, POS weights, word frequencies, gazetteer): "
          f"{load_cpu * 1000:.0f} ms CPU, {load_wall * 1000:.0f} ms wall; of which importing nltk "
          f"{import_cpu * 1000:.0f} ms (shared with the sentence splitter), POS weights {pos_cpu * 1000:.0f} ms, "
          f"word frequencies + gazetteer {(load_cpu - pos_cpu - import_cpu) * 1000:.0f} ms."
          f" First document after load (cold caches, split + tag): {first_doc * 1000:.1f} ms CPU.")
    print(f"\n{len(records)} documents from {args.corpus}. Reproduce from the repository root with:\n")
    print("    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/tags.py" + (f" --corpus {args.corpus}" if args.corpus != ROOT.parent / "shared" / "corpus" else ""))
    if args.json:
        args.json.write_text(json.dumps({"scores": summary, "load_ms": load_cpu * 1000}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
