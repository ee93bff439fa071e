"""Names, filler and non-English keyphrases: the issue-15 figures, side by side with baselines.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/entities.py [--corpus DIR] [--only names|filler|multi]

Three parts, each on a dev set of ../shared/corpus (definitions: README-entities.md and
README-keyphrases-multi.md there; nothing of those files goes into the repository):

1. names (entities-dev.jsonl): typing precision (with its floor), named recall@10 micro/macro,
   untyped share, false-name rate; per source and overall; baseline nltk ne_chunk(binary=True),
   10 most frequent chunks (recall only: its chunks are untyped).
2. filler (entities-dev.jsonl and keyphrases-dev.jsonl, our tags): the share of tags that are a
   sub-phrase (a contiguous run of whole words, case-insensitive) of another tag of the same kind in
   the same record; and the share of tags that are one-word keyphrases occurring (as a word,
   case-insensitive) in more than 8% of the set's documents.
3. multi (keyphrases-multi-dev.jsonl): F1@10 by the README's rule, per source, ours vs YAKE and
   TF-IDF (re-implemented from the README's description); for ours also the share of name-like
   tags (kind person/organization/place/entity) that are typed, and a glued-name check (below).

Glued-name check: a name-like tag of two or more words is "glued" when it runs two names (or a
common word and a name) together. Either of two tests flags it:
(a) parts apart: at a seam between two capitalised words (a particle such as "de", also when
    capitalised as in "Nick De Santis", makes one name by construction) the document writes the right part as a whole name on its own
    (not the tail of a longer capitalised run) and uses the left part apart: its last word in lower
    case somewhere (a common word, "transports"), or the left part as a whole name not continued by
    a capitalised word; a one-word left part counts only off the start of a sentence, where a
    capital says nothing. "Transports Clément Beaune" when the text also has "Clément Beaune"
    alone and "transports" elsewhere.
(b) given-name seam: a given name (the gazetteer's list) starts a run of two or more words right
    after a capitalised word that is neither a given name nor an initial ("Québec Pauline Marois"),
    unless the whole tag is a known place ("San Francisco").
The first, looser form of (a) (every cut; a capital anywhere counts) is printed beside it. On
English, where every name is marked, the check is also held against gold glue: a name-like tag
that is not itself a gold name but holds two gold names one after the other ("India Mahela
Jayawardene").
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import statistics
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
NAMED = ("person", "organization", "place")
GOLD_OF = {"person": "PER", "organization": "ORG", "place": "LOC"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --- 1. names ----------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


def norm(s: str) -> str:
    """NFKC, curly quotes straightened, spaces collapsed, outer punctuation stripped, lower case."""
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = " ".join(s.split())
    s = s.strip("".join(c for c in map(chr, range(0x21, 0x7F)) if not c.isalnum()) + " ")
    return s.lower()


def match(label: str, gold: list[dict]) -> dict | None:
    """The gold entity a tag label matches: exact first, then (one-word tag) a PER's last word."""
    n = norm(label)
    if not n:
        return None
    for e in gold:
        if norm(e["text"]) == n:
            return e
    if " " not in n:
        for e in gold:
            if e["type"] == "PER":
                words = norm(e["text"]).split()
                if len(words) > 1 and words[-1] == n:
                    return e
    return None


def gold_glued(label: str, gold: list[dict]) -> bool:
    """Gold glue: the tag is no gold name but holds two gold names, one after the other."""
    words = norm(label).split()
    names = {tuple(norm(e["text"]).split()) for e in gold} - {()}
    if tuple(words) in names:
        return False
    spans = [
        (i, i + len(n)) for n in names for i in range(len(words) - len(n) + 1) if tuple(words[i : i + len(n)]) == n
    ]
    return any(a_end <= b_start for _, a_end in spans for b_start, _ in spans)


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isalpha()).upper()


def top_groups(gold: list[dict]) -> list[list[dict]]:
    """The document's top PER/ORG/LOC entities, each with the short forms grouped with it."""
    ents = [e for e in gold if e["type"] in ("PER", "ORG", "LOC")]
    # Short forms -> their full form (recall only), when unambiguous.
    owner: dict[int, int] = {}
    for i, e in enumerate(ents):
        words = norm(e["text"]).split()
        if e["type"] == "PER" and len(words) == 1:
            fulls = [j for j, f in enumerate(ents) if f["type"] == "PER" and len(norm(f["text"]).split()) > 1
                     and words[0] in (norm(f["text"]).split()[0], norm(f["text"]).split()[-1])]
            if len(fulls) == 1:
                owner[i] = fulls[0]
        raw = e["text"].strip()
        if len(words) == 1 and raw.isupper() and raw.isalpha() and len(raw) >= 2:
            fulls = [j for j, f in enumerate(ents) if f["type"] == e["type"] and len(f["text"].split()) > 1
                     and _initials(f["text"]) == raw]
            if len(fulls) == 1:
                owner[i] = fulls[0]
    groups: dict[int, list[int]] = {}
    for i in range(len(ents)):
        groups.setdefault(owner.get(i, i), []).append(i)
    counted = [(sum(ents[i]["count"] for i in members), root, members) for root, members in groups.items()]
    # (the gold list is by count, then first position: a stable sort keeps that order on ties)
    counted.sort(key=lambda c: -c[0])
    top = [c for c in counted if c[0] >= 2]
    if len(top) < 3:
        top = counted[:3]
    return [[ents[i] for i in members] for _, _, members in top]


def names_scores(docs: list[dict], tags_of: Callable[[dict], list[tuple[str, str]]]) -> dict[str, float]:
    typed_ok = typed_n = 0
    gold_types: Counter[str] = Counter()
    found = total = 0
    macro: list[float] = []
    untyped = matched_any = 0
    false_names = named_tags = 0
    n_tags = 0
    for d in docs:
        tags = tags_of(d)[:10]
        n_tags += len(tags)
        gold = d["entities"]
        for label, kind in tags:
            e = match(label, gold)
            if kind in NAMED:
                named_tags += 1
                if e is None:
                    false_names += 1
            if e is None:
                continue
            matched_any += 1
            if kind in ("entity", "keyphrase"):
                untyped += 1
            if kind in NAMED and e["type"] in ("PER", "ORG", "LOC"):
                typed_n += 1
                gold_types[e["type"]] += 1
                typed_ok += GOLD_OF[kind] == e["type"]
        groups = top_groups(gold)
        hit = 0
        for members in groups:
            if any(match(label, members) is not None for label, _ in tags):
                hit += 1
        found += hit
        total += len(groups)
        if groups:
            macro.append(hit / len(groups))
    return {
        "docs": len(docs),
        "tags": n_tags,
        "typing_precision": typed_ok / typed_n if typed_n else float("nan"),
        "typing_floor": max(gold_types.values()) / typed_n if typed_n else float("nan"),
        "typing_n": typed_n,
        "recall_micro": found / total if total else float("nan"),
        "recall_macro": statistics.fmean(macro) if macro else float("nan"),
        "recall_n": total,
        "untyped_share": untyped / matched_any if matched_any else float("nan"),
        "untyped_n": matched_any,
        "false_name_rate": false_names / named_tags if named_tags else float("nan"),
        "false_name_n": named_tags,
    }


def nltk_chunks(text: str) -> list[tuple[str, str]]:
    import nltk

    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for sent in nltk.sent_tokenize(text):
        tree = nltk.ne_chunk(nltk.pos_tag(nltk.word_tokenize(sent)), binary=True)
        for sub in tree.subtrees(lambda t: t.label() == "NE"):
            label = " ".join(w for w, _ in sub.leaves())
            counts[label] += 1
            first.setdefault(label, len(first))
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
    return [(k, "entity") for k in ranked[:10]]


# --- 2. filler ---------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(s: str) -> list[str]:
    return _WORDS.findall(s.lower())


def filler(records: list[tuple[str, list[tuple[str, str]]]], whole: list[tuple[str, list[tuple[str, str]]]] | None = None) -> dict[str, float]:
    """records: (document text, [(label, kind)]) per document; document frequencies are counted
    over `whole` (the whole set, when records are one source of it), else over records."""
    df: Counter[str] = Counter()
    for text, _ in whole or records:
        df.update(set(words(text)))
    n_docs = len(whole or records)
    n = sub = common = 0
    examples_sub: Counter[str] = Counter()
    examples_common: Counter[str] = Counter()
    for _, tags in records:
        seqs = [(tuple(words(label)), kind, label) for label, kind in tags]
        n += len(tags)
        for ws, kind, label in seqs:
            if not ws:
                continue
            for other, okind, _ in seqs:
                if okind == kind and len(other) > len(ws) and any(
                    other[i : i + len(ws)] == ws for i in range(len(other) - len(ws) + 1)
                ):
                    sub += 1
                    examples_sub[label.lower()] += 1
                    break
            if kind == "keyphrase" and len(ws) == 1 and df[ws[0]] > 0.08 * n_docs:
                common += 1
                examples_common[label.lower()] += 1
    return {
        "tags": n,
        "sub_share": sub / n if n else 0.0,
        "common_share": common / n if n else 0.0,
        "sub_examples": ", ".join(w for w, _ in examples_sub.most_common(8)),
        "common_examples": ", ".join(w for w, _ in examples_common.most_common(8)),
    }


# --- 3. multi-language keyphrases --------------------------------------------------------------

NLTK_NAME = {"fr": "french", "pt": "portuguese", "pl": None}
_TOKEN = re.compile(r"[^\W_]+")


class Normaliser:
    def __init__(self, language: str) -> None:
        name = NLTK_NAME.get(language)
        if name:
            from nltk.stem import SnowballStemmer

            self._stem = SnowballStemmer(name).stem
        else:
            self._stem = lambda w: w
        self._cache: dict[str, str] = {}

    def form(self, s: str) -> str:
        out = []
        for tok in _TOKEN.findall(s.lower()):
            st = self._cache.get(tok)
            if st is None:
                st = self._cache[tok] = self._stem(tok)
            out.append(st)
        return " ".join(out)


def f1_at_10(pred: Sequence[str], gold: Sequence[str], normaliser: Normaliser) -> float:
    forms: list[str] = []
    for p in pred:
        f = normaliser.form(p)
        if f and f not in forms:
            forms.append(f)
    forms = forms[:10]
    golds = {normaliser.form(g) for g in gold} - {""}
    if not forms or not golds:
        return 0.0
    hits = sum(f in golds for f in forms)
    p, r = hits / len(forms), hits / len(golds)
    return 2 * p * r / (p + r) if p + r else 0.0


def stopwords_for(language: str) -> frozenset[str]:
    from nltk.corpus import stopwords

    if language == "pl":
        import yake

        path = Path(yake.__file__).parent / "core" / "StopwordsList" / "stopwords_pl.txt"
        if not path.exists():
            path = next(Path(yake.__file__).parent.rglob("stopwords_pl.txt"))
        return frozenset(path.read_text(encoding="utf-8", errors="ignore").lower().split())
    return frozenset(stopwords.words(NLTK_NAME[language]))


_TFIDF_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def tfidf_candidates(text: str, stop: frozenset[str]) -> list[str]:
    """1-3-word n-grams inside runs bounded by stop words, punctuation and one-letter words;
    single words of >= 3 letters. French elisions are split at the apostrophe (l'État -> l | État)."""
    out: list[str] = []
    run: list[str] = []
    for tok in _TFIDF_TOKEN.findall(text) + ["."]:
        low = tok.lower()
        if tok[0].isalpha() and len(tok) > 1 and low not in stop:
            run.append(tok)
            continue
        for size in (1, 2, 3):
            for i in range(len(run) - size + 1):
                gram = run[i : i + size]
                if size == 1 and len(gram[0]) < 3:
                    continue
                out.append(" ".join(gram))
        run = []
    return out


class TfidfMulti:
    def __init__(self, docs: list[str], stop: frozenset[str], normaliser: Normaliser) -> None:
        self.stop, self.norm = stop, normaliser
        self.df: Counter[str] = Counter()
        for text in docs:
            self.df.update({normaliser.form(c) for c in tfidf_candidates(text, stop)})
        self.n = len(docs)

    def tag(self, text: str) -> list[str]:
        tf: Counter[str] = Counter()
        label: dict[str, str] = {}
        for c in tfidf_candidates(text, self.stop):
            f = self.norm.form(c)
            tf[f] += 1
            label.setdefault(f, c)
        score = {f: tf[f] * math.log((self.n + 1) / (self.df[f] + 1)) for f in tf}
        return [label[f] for f in sorted(score, key=lambda f: (-score[f], f))[:10]]


_SENTENCE_OPENERS = ".!?:;\n\"'«»“”‘’(–—-"
_WORD = r"[^\W\d_][\w'’.-]*"


def _opens_sentence(text: str, i: int) -> bool:
    """True when position i starts a sentence, line, quotation or aside."""
    before = text[:i].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


def _capital_before(text: str, i: int) -> bool:
    """A capitalised word right before position i (same sentence): i continues a longer name."""
    head = text[max(0, i - 80) : i]  # a word is shorter than that; keeps the search linear
    m = re.search(r"(?<![\w'’.-])" + _WORD + r"[ \t]+$", head)
    return bool(m) and m.group()[0].isupper() and not _opens_sentence(text, i - len(head) + m.start())


def _capital_after(text: str, j: int) -> bool:
    """A capitalised word right after position j: the run goes on into a longer name."""
    m = re.match(r"[ \t]+" + _WORD, text[j:])
    return bool(m) and m.group().lstrip()[0].isupper()


def _runs(part: str, text: str) -> list[re.Match]:
    return list(re.finditer(r"(?<!\w)" + re.escape(part) + r"(?!\w)", text))


def _right_alone(right: str, text: str) -> bool:
    """The right part written as a whole name: not the tail of a longer capitalised run."""
    return any(not _capital_before(text, m.start()) for m in _runs(right, text))


def _left_alone(left: str, text: str) -> bool:
    """The left part used apart from the rest: its last word written in lower case (a common word),
    or the part written as a whole name, neither continued by a capitalised word nor (one word
    only) at the start of a sentence, where a capital says nothing."""
    last = left.split()[-1]
    if last.lower() != last and _runs(last.lower(), text):
        return True
    return any(
        not _capital_after(text, m.end()) and (" " in left or not _opens_sentence(text, m.start()))
        for m in _runs(left, text)
    )


# Name particles, also written capitalised ("Nick De Santis", "Vincent Van Gogh").
_PARTICLES = frozenset("al bin da das de del della der des di do dos du el ibn la le los van von".split())


def parts_apart(label: str, text: str, given: frozenset[str] = frozenset()) -> bool:
    """Test (a) of the glued-name check: a seam the document itself takes apart."""
    ws = label.split()
    for cut in range(1, len(ws)):
        if any(w.islower() or w.lower() in _PARTICLES for w in ws[cut - 1 : cut + 1]):
            continue  # a particle ("de", "do", "of", "De Santis") joins the parts: one name by construction
        if cut == 1 and ws[0].lower() in given:
            continue  # a given name, then the surname: news calls a person by either alone
        if _right_alone(" ".join(ws[cut:]), text) and _left_alone(" ".join(ws[:cut]), text):
            return True
    return False


def given_seam(label: str, given: frozenset[str], places: frozenset[str]) -> bool:
    """Test (b) of the glued-name check: a person's name (a given name and at least one more word)
    starts after a capitalised word that is neither a given name nor an initial."""
    if label.lower() in places:
        return False  # "San Francisco", "Santa Maria": a place named after a saint
    ws = label.split()
    return any(
        ws[i].lower() in given and ws[i - 1][:1].isupper() and ws[i - 1].lower() not in given and not ws[i - 1].endswith(".")
        for i in range(1, len(ws) - 1)
    )


class GluedCheck:
    """The glued-name check of the module docstring: test (a) or test (b)."""

    def __init__(self, gazetteer: Path = ROOT / "src" / "enricher" / "tags" / "data" / "en_gazetteer.txt.gz") -> None:
        # Read from the repository, not through the package under test, so earlier versions of the
        # tagger are checked against the same lists.
        import pycountry

        sections = {}
        with gzip.open(gazetteer, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#") and "\t" in line:
                    key, names = line.rstrip("\n").split("\t", 1)
                    sections[key] = frozenset(n.lower() for n in names.split("|"))
        self.given = sections["given"]
        countries = {c.name.lower() for c in pycountry.countries}
        self.places = sections["city"] | countries | {s.name.lower() for s in pycountry.subdivisions}

    def __call__(self, label: str, text: str) -> bool:
        return parts_apart(label, text, self.given) or given_seam(label, self.given, self.places)


def glued_screen(label: str, text: str) -> bool:
    """The first, looser form of the check (issue 15's earlier figures): every cut, and a capital
    anywhere counts as the left part written on its own. Kept to show what the check now skips."""
    ws = label.split()
    if len(ws) < 2:
        return False
    low_text = text.lower()
    for cut in range(1, len(ws)):
        left, right = ws[:cut], " ".join(ws[cut:])
        alone = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(right) + r"(?!\w)", text)]
        before_ok = any(not text[:i].rstrip().endswith(left[-1]) for i in alone)
        if not before_ok:
            continue
        lw = left[-1]
        if re.search(r"(?<!\w)" + re.escape(lw.lower()) + r"(?!\w)", text) or len(
            re.findall(r"(?<!\w)" + re.escape(" ".join(left)) + r"(?!\w)", text)
        ) > len(re.findall(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text)):
            if lw.lower() != lw or lw.lower() in low_text:
                return True
    return False


# --- runner ------------------------------------------------------------------------------------


def our_tags(enrich: Callable, text: str, name: str, times: list[float]) -> list[tuple[str, str]]:
    t = time.process_time()
    rec = enrich(text.encode("utf-8"), name=name)
    times.append(time.process_time() - t)
    return [(tag.label, tag.kind) for tag in rec.tags[:10]]


def fmt(x: float) -> str:
    return "n/a" if x != x else f"{x:.3f}"


def run_names(corpus: Path, enrich: Callable, baselines: bool, out: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    docs = load(corpus / "entities-dev.jsonl")
    times: list[float] = []
    ours = {d["id"]: our_tags(enrich, d["text"], d["id"] + ".txt", times) for d in docs}
    systems = {"ours": lambda d: ours[d["id"]]}
    if baselines:
        chunks = {d["id"]: nltk_chunks(d["text"]) for d in docs}
        systems["nltk ne_chunk binary, top-10"] = lambda d: chunks[d["id"]]
    print("## Names (entities-dev; README-entities.md definitions)\n")
    print("| system | source | docs | tags | typing precision (floor, n) | named recall@10 micro (n) / macro | untyped share (n) | false-name rate (n) |")
    print("|---|---|---:|---:|---|---|---|---|")
    for name, fn in systems.items():
        for source in sorted({d["source"] for d in docs}) + ["all"]:
            part = [d for d in docs if source in ("all", d["source"])]
            s = names_scores(part, fn)
            out.setdefault("names", {}).setdefault(name, {})[source] = s
            print(f"| {name} | {source} | {s['docs']} | {s['tags']} | {fmt(s['typing_precision'])} ({fmt(s['typing_floor'])}, {s['typing_n']}) "
                  f"| {fmt(s['recall_micro'])} ({s['recall_n']}) / {fmt(s['recall_macro'])} | {fmt(s['untyped_share'])} ({s['untyped_n']}) "
                  f"| {fmt(s['false_name_rate'])} ({s['false_name_n']}) |")
    print("\nTargets: typing precision >= 0.95, named recall@10 >= 0.75, untyped share <= 0.12.")
    print(f"Enrich (whole pipeline) median CPU ms per document: {statistics.median(times) * 1000:.1f}\n")
    check_against_gold(docs, ours, out)
    return [(d["text"], ours[d["id"]]) for d in docs]


def check_against_gold(docs: list[dict], ours: dict[str, list[tuple[str, str]]], out: dict) -> None:
    """The glued-name check beside gold glue on English: how far the multi-language figure can be trusted."""
    check = GluedCheck()
    rows = [
        (gold_glued(label, d["entities"]), check(label, d["text"]), label)
        for d in docs
        for label, kind in ours[d["id"]]
        if kind in NAMED + ("entity",)
    ]
    gold = [r for r in rows if r[0]]
    flagged = [r for r in rows if r[1]]
    both = [r for r in gold if r[1]]
    out["glued_en"] = {"name_like": len(rows), "gold_glued": len(gold), "flagged": len(flagged), "both": len(both)}
    print("| glued names, English (entities-dev) | name-like tags | gold glued | flagged by the check | flagged and gold glued |")
    print("|---|---:|---:|---:|---:|")
    print(f"| ours | {len(rows)} | {len(gold)} ({'; '.join(r[2] for r in gold[:4])}) | {len(flagged)} | {len(both)} |\n")


def run_filler(corpus: Path, enrich: Callable, entity_records: list, out: dict) -> None:
    docs = load(corpus / "keyphrases-dev.jsonl")
    times: list[float] = []
    kp = []
    for d in docs:
        text = ((d.get("title") or "") + "\n\n" + d["text"]).strip()
        kp.append((d["text"], our_tags(enrich, text, d["id"] + ".txt", times)))
    print("## Filler (our tags)\n")
    print("Per source too (document frequencies always over the whole set).\n")
    print("| set | source | docs | tags | sub-phrase of a same-kind tag | one-word keyphrase in > 8% of docs | examples (sub / common) |")
    print("|---|---|---:|---:|---:|---:|---|")
    entity_sources = [d["source"] for d in load(corpus / "entities-dev.jsonl")] if entity_records else []
    for name, recs, sources in (("entities-dev", entity_records, entity_sources), ("keyphrases-dev", kp, [d["source"] for d in docs])):
        if not recs:
            continue
        for source in sorted(set(sources)) + ["all"]:
            part = [r for r, s in zip(recs, sources) if source in ("all", s)]
            f = filler(part, recs)
            out.setdefault("filler", {}).setdefault(name, {})[source] = f
            print(f"| {name} | {source} | {len(part)} | {f['tags']} | {f['sub_share']:.3f} | {f['common_share']:.3f} | {f['sub_examples']} / {f['common_examples']} |")
    print("\nTargets: sub-phrase share <= 0.02, common one-word keyphrase share <= 0.01.\n")


def run_multi(corpus: Path, enrich: Callable, baselines: bool, out: dict) -> None:
    docs = load(corpus / "keyphrases-multi-dev.jsonl")
    print("## Non-English keyphrases (keyphrases-multi-dev; README-keyphrases-multi.md rule), F1@10\n")
    print("| source | lang | docs | ours | YAKE | TF-IDF | ours: name-like tags typed | glued names (check) | first, looser screen | examples: check; screen |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    check = GluedCheck()
    for source in sorted({d["source"] for d in docs}, key=lambda s: ("pak" in s, s)):
        part = [d for d in docs if d["source"] == source]
        lang = part[0]["language"]
        normaliser = Normaliser(lang)
        texts = [(d["title"] + "\n\n" + d["text"]) if d.get("title") else d["text"] for d in part]
        times: list[float] = []
        ours = [our_tags(enrich, t, d["id"] + ".txt", times) for t, d in zip(texts, part)]
        f_ours = statistics.fmean(f1_at_10([l for l, _ in tags], d["keyphrases"], normaliser) for tags, d in zip(ours, part))
        named = [(l, k) for tags in ours for l, k in tags if k in NAMED + ("entity",)]
        typed = sum(k in NAMED for _, k in named)
        glue = [l for tags, t in zip(ours, texts) for l, k in tags if k in NAMED + ("entity",) and check(l, t)]
        glue_screen = [l for tags, t in zip(ours, texts) for l, k in tags if k in NAMED + ("entity",) and glued_screen(l, t)]
        f_yake = f_tfidf = float("nan")
        if baselines:
            stop = stopwords_for(lang)
            tfidf = TfidfMulti(texts, stop, normaliser)
            f_tfidf = statistics.fmean(f1_at_10(tfidf.tag(t), d["keyphrases"], normaliser) for t, d in zip(texts, part))
            try:
                import yake

                ex = yake.KeywordExtractor(lan=lang, n=3, top=10)
                f_yake = statistics.fmean(
                    f1_at_10([k for k, _ in ex.extract_keywords(t)], d["keyphrases"], normaliser) for t, d in zip(texts, part)
                )
            except ImportError:
                pass
        out.setdefault("multi", {})[source] = {"ours": f_ours, "yake": f_yake, "tfidf": f_tfidf, "typed": typed, "named": len(named), "glued": len(glue), "glued_screen": len(glue_screen)}
        share = typed / len(named) if named else float("nan")
        print(f"| {source} | {lang} | {len(part)} | {f_ours:.3f} | {fmt(f_yake)} | {fmt(f_tfidf)} | {fmt(share)} ({typed}/{len(named)}) "
              f"| {len(glue)}/{len(named)} | {len(glue_screen)}/{len(named)} | {'; '.join(glue[:4]) or '-'}; {'; '.join(glue_screen[:4]) or '-'} |")
    print("\nTargets: wikinews (fr) >= TF-IDF, ptbn (pt) >= 0.26, >= 1/5 of name-like tags typed, no glued names.")
    print("pak2018 (Polish abstracts) is reported apart, never averaged with the news sources.\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only", choices=("names", "filler", "multi"))
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from enricher import Enricher

    enrich = Enricher().enrich
    out: dict = {}
    entity_records: list = []
    if args.only in (None, "names", "filler"):
        entity_records = run_names(args.corpus, enrich, not args.no_baselines and args.only != "filler", out)
    if args.only in (None, "filler"):
        run_filler(args.corpus, enrich, entity_records, out)
    if args.only in (None, "multi"):
        run_multi(args.corpus, enrich, not args.no_baselines, out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
