"""Cold start of the built function, side by side with a naive eager baseline.

    make build && python bench/coldstart.py [--build-dir .aws-sam/build] [--runs 10]

Each run is a fresh python3.13 process on the built artefact (function + layer, with
NLTK_DATA pointing only at the layer's nltk_data) that imports the handler module (the
handler builds its S3 client and loads the NLTK resources at INIT) and enriches one
article. Wall times (median of --runs) are split into interpreter start, import,
resource loading and first call. The baseline process, on the same layer, imports and
loads everything eagerly (all of nltk, every sumy summariser, numpy, boto3, Powertools;
punkt, stop words, nltk's tagger and NE chunker, and a pipeline for every summariser
and tagger, each warmed up), then enriches the same article with the default pipeline:
the difference is only what is loaded, and when.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "events" / "articles" / "tidal-barrier.txt"

OURS = r"""
import json, sys, time
t0 = time.perf_counter()
import app
t1 = time.perf_counter()
record = app.ENRICHER.enrich(open(sys.argv[1], "rb").read(), name="article.txt")
t2 = time.perf_counter()
assert record.status == "ok", record.reason
warm = app.INIT_TIMINGS["resources_ms"]
print(json.dumps({"import_ms": (t1 - t0) * 1000 - warm, "resources_ms": warm, "first_call_ms": (t2 - t1) * 1000}), flush=True)
import os; os._exit(0)  # a Lambda process is not torn down after its first response: neither is this one
"""

NAIVE = r"""
import json, sys, time
t0 = time.perf_counter()
# Eager: every module the project could use, imported up front.
import nltk, numpy, boto3
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.data_classes import S3Event
from sumy.parsers.plaintext import PlaintextParser
from sumy.nlp.tokenizers import Tokenizer
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
import enricher, enricher.resources
from enricher.summarize import REGISTRY as SUMMARIZERS
from enricher.tags import REGISTRY as TAGGERS
client = boto3.client("s3")
t1 = time.perf_counter()
# Eager: every resource and every algorithm loaded, whether this invocation needs it or not.
nltk.sent_tokenize("Warm up. Now."); nltk.corpus.stopwords.words("english")
nltk.ne_chunk(nltk.pos_tag(["John", "Kerry", "met", "Philip", "Hammond"]), binary=True)
shared = enricher.resources.Resources()  # one set of NLTK resources, as a careful eager loader would share
pipelines = {name: enricher.Enricher(enricher.Options(summarizer=name), shared) for name in ("default", *SUMMARIZERS)}
for name in TAGGERS:
    enricher.Enricher(enricher.Options(tagger=name), shared).warm()
for e in pipelines.values():
    e.warm()
t2 = time.perf_counter()
record = pipelines["default"].enrich(open(sys.argv[1], "rb").read(), name="article.txt")
assert record.status == "ok", record.reason
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "resources_ms": (t2 - t1) * 1000, "first_call_ms": (t3 - t2) * 1000}), flush=True)
import os; os._exit(0)
"""


def python313() -> str:
    # pyenv's shim for python3.13 fails unless 3.13 is selected, so look in its versions first.
    found = os.environ.get("PYTHON313")
    if not found:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() if shutil.which("pyenv") else ""
        matches = sorted(glob.glob(f"{root}/versions/3.13*/bin/python3.13")) if root else []
        found = matches[-1] if matches else shutil.which("python3.13")
    if not found:
        sys.exit("python3.13 not found: set PYTHON313")
    return found


def run(py: str, code: str, env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.run([py, "-c", code, str(ARTICLE)], capture_output=True, text=True, env=env)
    wall = (time.perf_counter() - start) * 1000
    if proc.returncode:
        sys.exit(f"child failed:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_ms"] = wall
    out["start_ms"] = wall - out["import_ms"] - out["resources_ms"] - out["first_call_ms"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=ROOT / ".aws-sam" / "build")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--full-nltk-data", type=Path, default=ROOT.parent / "shared" / "nltk_data",
                        help="NLTK data for the baseline's NE chunker (not in our layer)")
    args = parser.parse_args()
    fn, layer = args.build_dir / "EnrichFunction", args.build_dir / "DepsLayer"
    if not (fn / "app.py").exists() and not any(fn.glob("app*.pyc")) and not (fn / "__pycache__").exists():
        sys.exit(f"no built function in {fn}: run `make build` first")
    py = python313()
    # boto3 ships with the Lambda runtime, not in our layer: stand in for the runtime's copy.
    runtime = args.build_dir.parent / "runtime-boto3"
    if not (runtime / "boto3").exists():
        subprocess.run([py, "-m", "pip", "install", "-q", "--target", str(runtime), "boto3"], check=True)
    base = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_DEFAULT_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "OUTPUT_BUCKET": "bench-output",
        "POWERTOOLS_SERVICE_NAME": "article-enricher",
        "POWERTOOLS_METRICS_NAMESPACE": "ArticleEnricher",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    ours_env = {**base, "PYTHONPATH": f"{fn}:{layer / 'python'}:{runtime}", "NLTK_DATA": str(layer / "nltk_data")}
    naive_env = {**base, "PYTHONPATH": f"{fn}:{layer / 'python'}:{runtime}", "NLTK_DATA": f"{layer / 'nltk_data'}:{args.full_nltk_data}"}
    results = {}
    for label, code, env in (("ours", OURS, ours_env), ("naive eager baseline", NAIVE, naive_env)):
        runs = [run(py, code, env) for _ in range(args.runs)]
        results[label] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    version = subprocess.run([py, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# Cold start ({version}, median of {args.runs} fresh processes, {os.cpu_count()} cores)\n")
    print("| process | interpreter start | import | resource loading | first call | total wall |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, r in results.items():
        print(f"| {label} | {r['start_ms']:.0f} ms | {r['import_ms']:.0f} ms | {r['resources_ms']:.0f} ms "
              f"| {r['first_call_ms']:.0f} ms | **{r['wall_ms']:.0f} ms** |")
    ours, naive = results["ours"]["wall_ms"], results["naive eager baseline"]["wall_ms"]
    print(f"\nours vs baseline: {ours / naive:.2f}x ({(1 - ours / naive) * 100:.0f}% less); target: <= 1500 ms and >= 40% less")
    print("\nReproduce: `make build && .venv/bin/python bench/coldstart.py`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
