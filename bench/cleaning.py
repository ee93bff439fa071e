"""Cleaning benchmark: our cleaner against baselines on the cleaning dev set.

Run from the repository root:

    make setup && NLTK_DATA=../shared/nltk_data .venv/bin/python bench/cleaning.py [--corpus DIR]

--corpus defaults to ../shared/corpus relative to the repository root; it must hold
cleaning-dev/ and the seed sample is read from ../samples/ next to it. Prints Markdown.
trafilatura and boilerpy3 are baselines only (never imported by src/enricher).

When the corpus also holds cleaning-more/ (341 pages, four sources, ~300 sites), the run
scores it too, with trafilatura (favor_precision) in the same run: per source and pooled,
per format; the pages under F1 0.5; and the same figures on a held-out split by site
(`tune` / `check`: a site's group name hashed, so a site is always on one side; tune rules
on `tune` sites only and read `check`). Per-source rows are the leave-one-source-out view:
a rule tuned on three sources is read on the fourth's row. --more-only skips cleaning-dev;
--per-site prints F1 per site group; --no-net / --no-dump-net switch off the HTML / dump safety net
(the dump rows always show the dump figure without its net too, and the net's decisions).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from enricher.ingest.dump import NotAnArticle, clean_dump
from enricher.ingest.dedupe import fingerprint
from enricher.ingest.html import html_to_article
from scoring import PRF, mean_prf, prf, tokens  # bench/scoring.py: the script's own folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent


def load_pages(corpus: Path) -> list[dict]:
    dev = corpus / "cleaning-dev"
    pages = []
    for gold_path in sorted(dev.glob("*.gold.json")):
        pid = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pages.append({
            "id": pid,
            "gold": gold["body"],
            "title": gold.get("title"),
            "dump": (dev / f"{pid}.txt").read_text(encoding="utf-8"),
            "html": (dev / f"{pid}.html").read_text(encoding="utf-8", errors="replace"),
        })
    return pages


def load_more(corpus: Path) -> list[dict]:
    """cleaning-more pages with their source and site group; [] when the folder is absent."""
    more = corpus / "cleaning-more"
    manifest = more / "manifest.json"
    if not manifest.exists():
        return []
    pages = []
    for entry in json.loads(manifest.read_text(encoding="utf-8"))["pages"]:
        pid = entry["id"]
        gold = json.loads((more / f"{pid}.gold.json").read_text(encoding="utf-8"))
        pages.append({
            "id": pid,
            "source": entry["source"],
            "site": entry["group"],
            "split": split_of(entry["source"], entry["group"]),
            "gold": gold["body"],
            "title": gold.get("title"),
            "dump": (more / f"{pid}.txt").read_text(encoding="utf-8"),
            "html": (more / f"{pid}.html").read_text(encoding="utf-8", errors="replace"),
        })
    return pages


def split_of(source: str, site: str) -> str:
    """'check' for about a third of the sites of each source (by a hash of the site), else 'tune'."""
    digest = hashlib.sha256(f"{source}/{site}".encode()).digest()
    return "check" if digest[0] % 3 == 0 else "tune"


# The HTML safety net (enricher.safety_net) on top of our HTML cleaner; --no-net switches it off.
# The dump safety net (dump._reconsider); --no-dump-net switches it off.
NET = {"on": True, "dump": True}


def ours_dump(text: str, net: bool | None = None) -> str:
    try:
        article = clean_dump(text, safety_net=NET["dump"] if net is None else net)
    except NotAnArticle:
        return ""
    return article.body


def dump_net_decisions(text: str) -> tuple[int, int]:
    """(checked, replaced) of the dump safety net on this page."""
    try:
        decision = clean_dump(text).safety_net
    except NotAnArticle:
        return 0, 0
    return decision.get("checked", 0), decision.get("replaced", 0)


def ours_html(html: str) -> str:
    try:
        return html_to_article(html, safety_net=NET["on"]).body
    except NotAnArticle:
        return ""


def trafilatura_html(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, favor_precision=True, deduplicate=False) or ""


def trafilatura_dump(text: str) -> str:
    import trafilatura
    # The dump as a page: one <p> per line, so trafilatura sees the same units we do.
    from html import escape
    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return trafilatura.extract(f"<html><body>{body}</body></html>", favor_precision=True, deduplicate=False) or ""


def boilerpy_html(html: str) -> str:
    from boilerpy3 import extractors
    try:
        return extractors.ArticleExtractor().get_content(html) or ""
    except Exception:  # boilerpy3 raises on some malformed pages
        return ""


def boilerpy_dump(text: str) -> str:
    from html import escape
    from boilerpy3 import extractors
    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    try:
        return extractors.ArticleExtractor().get_content(f"<html><body>{body}</body></html>") or ""
    except Exception:
        return ""


_OPEN_DQ = re.compile(r'(^|[\s(\[])"')
_OPEN_SQ = re.compile(r"(^|[\s(\[])'")


def typographic(text: str) -> str:
    """Straight quotes to curly, ' - ' to en dash, '--' to em dash, '...' to an ellipsis (as in the seed)."""
    text = text.replace("--", "\u2014").replace(" - ", " \u2013 ").replace("...", "\u2026")
    text = _OPEN_DQ.sub("\\1\u201c", text).replace('"', "\u201d")
    text = _OPEN_SQ.sub("\\1\u2018", text).replace("'", "\u2019")
    return text


def article_end(dump_lines: list[str], gold: str) -> int:
    """Index just past the last dump line that is mostly gold text (the article region's end)."""
    bag = tokens(gold)
    last = 0
    for k, line in enumerate(dump_lines):
        t = tokens(line)
        n = sum(t.values())
        if n >= 5 and sum((t & bag).values()) >= 0.8 * n:
            last = k + 1
    return last


def duplicated_variants(page: dict) -> list[str]:
    copy = "\n\n".join(typographic(p) for p in page["gold"].split("\n") if p.strip())
    lines = page["dump"].split("\n")
    cut = article_end(lines, page["gold"])
    after_region = "\n".join(lines[:cut]) + "\n\n" + copy + "\n\n" + "\n".join(lines[cut:])
    at_end = page["dump"].rstrip("\n") + "\n\n" + copy + "\n"
    return [after_region, at_end]


def paragraph_counts(text: str) -> Counter[str]:
    return Counter(fingerprint(p) for p in text.split("\n\n") if p.strip())


def table(rows: list[tuple[str, PRF, str]]) -> str:
    out = ["| System | Input | Precision | Recall | F1 |", "|---|---|---:|---:|---:|"]
    for name, score, kind in rows:
        out.append(f"| {name} | {kind} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--per-page", action="store_true", help="also print F1 per page for our cleaner")
    ap.add_argument("--per-site", action="store_true", help="also print cleaning-more F1 per site")
    ap.add_argument("--no-net", action="store_true", help="score our HTML cleaner without its safety net")
    ap.add_argument("--no-dump-net", action="store_true", help="score our dump cleaner without its safety net")
    ap.add_argument("--more-only", action="store_true", help="score cleaning-more only (skip cleaning-dev)")
    args = ap.parse_args(argv)
    NET["on"] = not args.no_net
    NET["dump"] = not args.no_dump_net
    more = load_more(args.corpus)
    if more:
        print(more_report(more, score_more(more), per_site=args.per_site))
        dump_more_ms = cpu_ms(ours_dump, [p["dump"] for p in more], repeat=1)
        html_more_ms = cpu_ms(ours_html, [p["html"] for p in more], repeat=1)
        print(f"\n- CPU per page on cleaning-more (median, time.process_time): dump {dump_more_ms:.2f} ms, "
              f"HTML {html_more_ms:.2f} ms\n")
        if args.more_only:
            return 0
    pages = load_pages(args.corpus)
    if not pages:
        print(f"no pages under {args.corpus / 'cleaning-dev'}", file=sys.stderr)
        return 2

    systems = [
        ("ours", "dump", lambda p: ours_dump(p["dump"])),
        ("ours", "HTML", lambda p: ours_html(p["html"])),
        ("no cleaning", "dump", lambda p: p["dump"]),
        ("trafilatura (favor_precision, no dedup)", "HTML", lambda p: trafilatura_html(p["html"])),
        ("trafilatura (favor_precision, no dedup)", "dump", lambda p: trafilatura_dump(p["dump"])),
        ("boilerpy3 ArticleExtractor", "HTML", lambda p: boilerpy_html(p["html"])),
        ("boilerpy3 ArticleExtractor", "dump", lambda p: boilerpy_dump(p["dump"])),
    ]
    rows = []
    per_page: dict[str, dict[str, float]] = {}
    for name, kind, run in systems:
        scores = []
        for page in pages:
            s = prf(run(page), page["gold"])
            scores.append(s)
            if name == "ours":
                per_page.setdefault(page["id"][:8], {})[kind] = s.f1
        rows.append((name, mean_prf(scores), kind))

    # Duplicated-body variants: the gold body, made typographic, injected after the article or at the end.
    dup_scores = []
    leftovers = 0
    for page in pages:
        plain = paragraph_counts(ours_dump(page["dump"]))
        for variant in duplicated_variants(page):
            out = ours_dump(variant)
            dup_scores.append(prf(out, page["gold"]))
            counts = paragraph_counts(out)
            if any(n > max(plain.get(key, 0), 1) for key, n in counts.items()):
                leftovers += 1
    rows.append(("ours", mean_prf(dup_scores), "dump + typographic body copy"))

    # The seed: a real dump with the body twice, captions and credits.
    seed_dir = args.corpus.parent / "samples"
    seed_text = (seed_dir / "seed-article.txt").read_text(encoding="utf-8")
    expected = json.loads((seed_dir / "seed-article.expected.json").read_text(encoding="utf-8"))
    seed = clean_dump(seed_text)
    seed_prf = prf(seed.body, expected["body"])
    expected_paras = [p for p in expected["body"].split("\n\n") if p.strip()]
    junk = [p for p in seed.paragraphs if p not in expected_paras]
    captions_found = sum(1 for c in expected["captions"] if fingerprint(c) in {fingerprint(x) for x in seed.captions})
    credits_found = sum(1 for c in expected["credits"] if c in seed.credits)

    # CPU per article (dump and HTML), median of process time.
    dump_ms = cpu_ms(ours_dump, [p["dump"] for p in pages] + [seed_text])
    seed_ms = cpu_ms(ours_dump, [seed_text], repeat=9)
    html_ms = cpu_ms(ours_html, [p["html"] for p in pages])

    # Determinism: repeated calls in one process give equal Articles.
    same = all(clean_dump(p["dump"]) == clean_dump(p["dump"]) if ours_dump(p["dump"]) else True for p in pages)
    same = same and all(_safe(html_to_article, p["html"]) == _safe(html_to_article, p["html"]) for p in pages)
    same = same and all(ours_dump(p["dump"]) == ours_dump(p["dump"]) and ours_html(p["html"]) == ours_html(p["html"])
                        for p in pages)

    print(f"## Cleaning benchmark ({len(pages)} dev pages, token bag P/R/F1, mean over pages)\n")
    print(table(rows))
    print()
    print(f"- Duplicated-body variants: {len(dup_scores)} ({len(pages)} pages x 2 positions); "
          f"variants with an injected copy left: {leftovers}")
    print(f"- Seed article: F1 {seed_prf.f1:.3f} (P {seed_prf.precision:.3f}, R {seed_prf.recall:.3f}); "
          f"paragraphs {len(seed.paragraphs)}/{len(expected_paras)}; junk paragraphs {len(junk)}; "
          f"captions {captions_found}/{len(expected['captions'])}; credits {credits_found}/{len(expected['credits'])}; "
          f"title {'ok' if seed.title == expected['title'] else repr(seed.title)}; "
          f"section {seed.section!r}; agency {seed.agency!r}")
    print(f"- CPU per article (median over pages, time.process_time): dump {dump_ms:.2f} ms, HTML {html_ms:.2f} ms "
          f"(seed dump alone: {seed_ms:.2f} ms)")
    print(f"- Repeated calls give identical output: {'yes' if same else 'NO'}")
    print("\nReproduce: `make setup && NLTK_DATA=../shared/nltk_data .venv/bin/python bench/cleaning.py`")
    if args.per_page:
        print("\n| page | dump F1 | HTML F1 |\n|---|---:|---:|")
        for pid, s in per_page.items():
            print(f"| {pid} | {s.get('dump', 0):.3f} | {s.get('HTML', 0):.3f} |")
    return 0


MORE_SYSTEMS = {
    ("ours", "dump"): lambda p: ours_dump(p["dump"]),
    ("ours, no dump net", "dump"): lambda p: ours_dump(p["dump"], net=False),
    ("ours", "HTML"): lambda p: ours_html(p["html"]),
    ("trafilatura", "dump"): lambda p: trafilatura_dump(p["dump"]),
    ("trafilatura", "HTML"): lambda p: trafilatura_html(p["html"]),
}


def score_more(pages: list[dict], systems: dict | None = None) -> dict[tuple[str, str], list[float]]:
    """F1 per page for each (system, format), pages in the given order."""
    systems = systems or MORE_SYSTEMS
    return {key: [prf(run(page), page["gold"]).f1 for page in pages] for key, run in systems.items()}


def more_report(pages: list[dict], f1: dict[tuple[str, str], list[float]], per_site: bool = False) -> str:
    """Markdown: per source and pooled, then per held-out split, then pages under 0.5 (and per site)."""
    out = []
    sources = sorted({p["source"] for p in pages})
    net = [dump_net_decisions(p["dump"]) for p in pages]

    def rows(select) -> list[str]:
        lines = ["| source | n | ours dump | ours dump, no net | dump net checked/replaced | trafilatura dump "
                 "| ours HTML | trafilatura HTML | HTML margin | dump pages < 0.5 | HTML pages < 0.5 |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name in sources + ["all"]:
            idx = [i for i, p in enumerate(pages) if select(p) and (name == "all" or p["source"] == name)]
            if not idx:
                continue
            m = {key: statistics.fmean(f1[key][i] for i in idx) for key in f1}
            low = {fmt: sum(1 for i in idx if f1[("ours", fmt)][i] < 0.5) for fmt in ("dump", "HTML")}
            label = f"**{name}**" if name == "all" else name
            lines.append(
                f"| {label} | {len(idx)} | {m[('ours', 'dump')]:.3f} | {m[('ours, no dump net', 'dump')]:.3f} "
                f"| {sum(net[i][0] for i in idx)}/{sum(net[i][1] for i in idx)} | {m[('trafilatura', 'dump')]:.3f} "
                f"| {m[('ours', 'HTML')]:.3f} | {m[('trafilatura', 'HTML')]:.3f} "
                f"| {m[('ours', 'HTML')] - m[('trafilatura', 'HTML')]:+.3f} "
                f"| {low['dump']} ({low['dump'] / len(idx):.1%}) | {low['HTML']} ({low['HTML'] / len(idx):.1%}) |")
        return lines

    out.append(f"## cleaning-more ({len(pages)} pages, {len({(p['source'], p['site']) for p in pages})} sites; "
               "token F1, mean over pages; trafilatura 'favor_precision' in the same run)\n")
    out += rows(lambda p: True)
    for split in ("tune", "check"):
        n_sites = len({(p["source"], p["site"]) for p in pages if p["split"] == split})
        out.append(f"\n### Sites held {'in (tune)' if split == 'tune' else 'out (check)'}: {n_sites} sites\n")
        out += rows(lambda p, split=split: p["split"] == split)
    out.append("\n### Pages under F1 0.5 (ours)\n")
    out.append("| page | source | split | dump F1 | HTML F1 | trafilatura HTML F1 |")
    out.append("|---|---|---|---:|---:|---:|")
    for i, p in enumerate(pages):
        if f1[("ours", "dump")][i] < 0.5 or f1[("ours", "HTML")][i] < 0.5:
            out.append(f"| {p['id']} | {p['source']} | {p['split']} | {f1[('ours', 'dump')][i]:.3f} "
                       f"| {f1[('ours', 'HTML')][i]:.3f} | {f1[('trafilatura', 'HTML')][i]:.3f} |")
    if per_site:
        out.append("\n### Per site (ours dump / ours HTML / trafilatura HTML)\n")
        out.append("| source | site | split | n | dump | HTML | trafilatura HTML |\n|---|---|---|---:|---:|---:|---:|")
        for key in sorted({(p["source"], p["site"]) for p in pages}):
            idx = [i for i, p in enumerate(pages) if (p["source"], p["site"]) == key]
            m = [statistics.fmean(f1[k][i] for i in idx) for k in
                 (("ours", "dump"), ("ours", "HTML"), ("trafilatura", "HTML"))]
            out.append(f"| {key[0]} | {key[1]} | {pages[idx[0]]['split']} | {len(idx)} | {m[0]:.3f} | {m[1]:.3f} "
                       f"| {m[2]:.3f} |")
    return "\n".join(out)


def cpu_ms(fn, inputs: list[str], repeat: int = 3) -> float:
    """Median over inputs of the best of `repeat` process-time runs, in ms."""
    times = []
    for text in inputs:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            fn(text)
            best = min(best, time.process_time() - t0)
        times.append(best * 1000)
    return statistics.median(times)


def _safe(fn, text):
    try:
        return fn(text)
    except NotAnArticle as exc:
        return str(exc)


if __name__ == "__main__":
    sys.exit(main())
