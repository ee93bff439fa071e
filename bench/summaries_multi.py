"""Do summaries stay sensible in French and Portuguese? A check without gold summaries.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/summaries_multi.py [--corpus DIR]

keyphrases-multi-dev.jsonl (../shared/corpus) has no reference summaries, so this measures, per
source, how many of a document's gold keyphrases (README-keyphrases-multi.md normal form: Snowball
stems) the three summary sentences contain, for: the default summariser with the language's
Snowball stemmer and NLTK stop words (what the pipeline does); the same with English stemming and
stop words (what an article of unknown language gets); the first three sentences; three random
sentences (seeded). It also counts summaries made of three distinct sentences of >= 8 words.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
from pathlib import Path

from entities import Normaliser, load

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    from enricher.model import Article
    from enricher.resources import Resources
    from enricher.summarize.centroid_lead import CentroidLead
    from enricher.text.analyse import analyse

    docs = [d for d in load(args.corpus / "keyphrases-multi-dev.jsonl") if d["language"] in ("fr", "pt")]
    resources, summariser, rng = Resources(), CentroidLead(), random.Random(1)
    print("| source | docs | centroid-lead, language's stemmer | same, English stemmer and stop words | lead-3 | random 3 | well-formed |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for source in sorted({d["source"] for d in docs}):
        part = [d for d in docs if d["source"] == source]
        lang = part[0]["language"]
        normaliser = Normaliser(lang)
        scores: dict[str, list[float]] = {"lang": [], "en": [], "lead": [], "random": []}
        well_formed = 0
        for d in part:
            article = Article(title=d["title"], paragraphs=tuple(p for p in d["text"].split("\n\n") if p.strip()), language=lang)
            doc = analyse(article, lang, resources)
            gold = {normaliser.form(g) for g in d["keyphrases"]} - {""}

            def coverage(sentences: list[str]) -> float:
                text = " " + normaliser.form(" ".join(sentences)) + " "
                return sum(f" {g} " in text for g in gold) / len(gold)

            summary = summariser.summarize(doc, 3)
            scores["lang"].append(coverage([s.text for s in summary.sentences]))
            well_formed += len({s.text for s in summary.sentences}) == min(3, len(doc.sentences)) and all(
                len(s.text.split()) >= 8 for s in summary.sentences
            )
            english = dataclasses.replace(doc, language="en", stopwords=resources.stopwords("english"))
            scores["en"].append(coverage([s.text for s in summariser.summarize(english, 3).sentences]))
            scores["lead"].append(coverage([s.text for s in doc.sentences[:3]]))
            scores["random"].append(coverage([s.text for s in rng.sample(doc.sentences, min(3, len(doc.sentences)))]))
        m = {k: statistics.fmean(v) for k, v in scores.items()}
        print(f"| {source} ({lang}) | {len(part)} | {m['lang']:.3f} | {m['en']:.3f} | {m['lead']:.3f} | {m['random']:.3f} | {well_formed}/{len(part)} |")
    print("\nShare of each document's gold keyphrases found in the three summary sentences (macro).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
