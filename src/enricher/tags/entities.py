"""Merging mentions into tags (variants, acronyms, surnames) and typing them.

A group is one thing the article talks about: all its spellings, inflections, acronyms
and short forms. Its kind comes from the cues its mentions collected, then the place
gazetteer (pycountry: countries and their subdivisions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..ingest.captions import NEWS_AGENCIES
from .candidates import COMPANY_SUFFIXES, ORG_WORDS, WORD_CACHE, Mention, is_acronym, is_capitalised

# Common names of countries that pycountry spells otherwise.
_PLACE_ALIASES = (
    "US", "USA", "America", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales",
    "Russia", "Iran", "Syria", "South Korea", "North Korea", "Taiwan", "Vietnam", "Laos", "Bolivia",
    "Venezuela", "Tanzania", "Moldova", "Czech Republic", "Europe", "Asia", "Africa", "Middle East",
    "Latin America", "Turkey", "Gaza", "West Bank", "Kosovo", "Hong Kong", "Macau",
)
# A name ending with one of these is a place: "Cooke City", "Tornado Alley", "Yellowstone National Park".
PLACE_WORDS = frozenset(
    """city town village county province district region river lake sea ocean bay gulf coast beach
    island islands mountain mountains mount valley canyon desert forest park peninsula harbor harbour port
    street avenue road square airport alley plain plains strait channel heights hills falls""".split()
)
ACRONYM_ORG = 2
_AGENCIES = frozenset(a.lower() for a in NEWS_AGENCIES)
GIVEN = 2
PLACE_SURNAME = 2  # a surname that is also a place joins its full name with this much person evidence of its own
# Particles that open a surname of two words: "De Wilde", "van Boxmeer", "Da Silva", "al-" aside.
SURNAME_PARTICLES = frozenset("de da di del della van von der den le la du dos das bin ben ibn".split())
_SKIP_WORDS = frozenset({"of", "and", "the", "for", "&", "de", "la"})


def place_names() -> frozenset[str]:
    """Lower-cased names of countries and their main subdivisions (pycountry), plus common aliases."""
    names = {a.lower() for a in _PLACE_ALIASES}
    try:
        import pycountry
    except ImportError:  # the tagger still types places from context cues
        return frozenset(names)
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(value.lower())
    for sub in pycountry.subdivisions:
        if "," not in sub.name and "(" not in sub.name:
            names.add(sub.name.lower())
    return frozenset(names)


def singular(word: str) -> str:
    """Cheap inflection key for lower-case words: plurals to singular."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


@lru_cache(maxsize=WORD_CACHE)
def word_key(word: str) -> str:
    if is_acronym(word):
        return word.replace(".", "")
    return singular(word.lower().replace("’", "'"))


def phrase_key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(word_key, words))


@dataclass(slots=True)
class Group:
    keys: list[tuple[str, ...]]  # member phrase keys, the main one first
    mentions: list[Mention] = field(default_factory=list)
    name: bool = False
    label: str = ""
    kind: str = "keyphrase"
    key: tuple[str, ...] = ()  # the main one, keys[0] (set once the keys are ranked)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _initials(words: tuple[str, ...]) -> str:
    if len(words) > 2 and words[-1].lower().rstrip(".") in COMPANY_SUFFIXES:
        words = words[:-1]  # "Nippon Telegraph and Telephone Corp" is "NTT"
    return "".join(w[0].upper() for w in words if w.lower() not in _SKIP_WORDS and w[:1].isalpha())


def _surname(word: str) -> str:
    return word.split("-", 1)[1] if "-" in word and word[:1].islower() else word


def group_mentions(mentions: list[Mention], places: frozenset[str], given: frozenset[str] = frozenset()) -> list[Group]:
    """Merge mentions into groups and give each its label and kind."""
    by_key, name_keys = _keyed(mentions)
    names = {k: ms for k, ms in by_key.items() if k in name_keys}
    union = _Union()
    acronyms = [k for k in names if len(k) == 1 and is_acronym(k[0])]
    multi = [k for k in names if len(k) > 1]
    expanded = _unite_expansions(by_key, names, acronyms, multi, union)
    _unite_extended_acronyms(acronyms, expanded, union)
    _unite_surnames(by_key, names, multi, places, union)
    return _groups(by_key, name_keys, union, places, given)


def _keyed(mentions: list[Mention]) -> tuple[dict[tuple[str, ...], list[Mention]], set[tuple[str, ...]]]:
    """Mentions by their phrase key (each mention's key set), and the keys used as names."""
    by_key: dict[tuple[str, ...], list[Mention]] = {}
    name_keys: set[tuple[str, ...]] = set()
    # Each distinct phrase's key once. Memoised here, per document, not across documents:
    # about half an article's phrases are new to a process-wide cache, and a miss in a full
    # one (a lookup, an insertion and an eviction) costs more than the key itself.
    phrase_keys: dict[tuple[str, ...], tuple[str, ...]] = {}
    for m in mentions:
        key = phrase_keys.get(m.words)
        if key is None:
            key = phrase_keys[m.words] = phrase_key(m.words)
        m.key = key
        ms = by_key.get(key)
        if ms is None:
            by_key[key] = [m]
        else:
            ms.append(m)
        if m.name:
            name_keys.add(key)
    return by_key, name_keys


def _unite_expansions(
    by_key: dict[tuple[str, ...], list[Mention]],
    names: dict[tuple[str, ...], list[Mention]],
    acronyms: list[tuple[str, ...]],
    multi: list[tuple[str, ...]],
    union: "_Union",
) -> set[tuple[str, ...]]:
    """Unite names the article equates or abbreviates; returns the keys so resolved."""
    expanded: set[tuple[str, ...]] = set()
    # 1. "Islamic State (IS)", "Daesh (IS)": the article equates the two.
    for k, ms in names.items():
        for m in ms:
            if m.paren:
                inner = phrase_key(m.paren)
                if inner in by_key and inner != k and (len(inner) == 1 or len(k) == 1):
                    union.union(k, inner)
                    expanded.update((k, inner))
    # 2. An acronym and a name of the article whose initials spell it.
    initials: dict[str, list[tuple[str, ...]]] = {}
    if acronyms:  # each name's initials once, not once per acronym
        for k in multi:
            initials.setdefault(_initials(by_key[k][0].words), []).append(k)
    for a in acronyms:
        matches = initials.get(a[0], [])
        if matches:
            best = max(matches, key=lambda k: (len(by_key[k]), k))
            union.union(a, best)
            expanded.update((a, best))
    return expanded


def _unite_extended_acronyms(acronyms: list[tuple[str, ...]], expanded: set[tuple[str, ...]], union: "_Union") -> None:
    """A longer acronym that extends a resolved one by one or two letters: IS -> ISIL, ISIS."""
    for a in acronyms:
        if a in expanded:
            continue
        for b in acronyms:
            if b in expanded and len(b[0]) >= 2 and a[0].startswith(b[0]) and 0 < len(a[0]) - len(b[0]) <= 2:
                union.union(a, b)
                break


def _unite_surnames(
    by_key: dict[tuple[str, ...], list[Mention]],
    names: dict[tuple[str, ...], list[Mention]],
    multi: list[tuple[str, ...]],
    places: frozenset[str],
    union: "_Union",
) -> None:
    """A surname alone with the full name: "Kerry" with "John Kerry"."""
    full_by_last: dict[str, list[tuple[str, ...]]] = {}
    by_particle: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # "Filip De Wilde" under ("de", "wilde")
    for k in multi:
        words = by_key[k][0].words
        if person_like(words):
            full_by_last.setdefault(word_key(_surname(words[-1])), []).append(k)
            if len(k) >= 3 and k[-2] in SURNAME_PARTICLES:
                by_particle.setdefault(k[-2:], []).append(k)
    for k, ms in names.items():
        if len(k) == 2 and k in by_particle and len(by_particle[k]) == 1:
            union.union(k, by_particle[k][0])  # "De Wilde" with "Filip De Wilde"
            continue
        if len(k) != 1 or is_acronym(ms[0].words[0]):
            continue
        if not all(is_capitalised(m.words[0]) for m in ms):
            continue  # "world" is also used as a common word here
        fulls = full_by_last.get(word_key(_surname(ms[0].words[0])), [])
        if len(fulls) == 1 and (
            k[0].lower() not in places
            or _cued(by_key[fulls[0]], "person")
            or sum(m.cues.get("person", 0) for m in ms) >= PLACE_SURNAME  # "Bill Jordan", then "Jordan said" twice
        ):
            union.union(k, fulls[0])


def _groups(
    by_key: dict[tuple[str, ...], list[Mention]],
    name_keys: set[tuple[str, ...]],
    union: "_Union",
    places: frozenset[str],
    given: frozenset[str] = frozenset(),
) -> list[Group]:
    """One labelled, typed group per set of united keys, in order of first mention."""
    groups: dict[tuple[str, ...], Group] = {}
    united = union.parent  # (a root is never in it; most keys are roots)
    for k in sorted(by_key, key=lambda k: by_key[k][0].offset):
        root = union.find(k) if k in united else k
        g = groups.get(root)
        if g is None:  # (not setdefault: that would build a Group for every key)
            g = groups[root] = Group(keys=[])
        g.keys.append(k)
        g.mentions.extend(by_key[k])
    out = list(groups.values())
    for g in out:
        if len(g.keys) > 1:
            g.name = any(k in name_keys for k in g.keys)
            g.keys.sort(key=lambda k: _main_rank(k, by_key[k]), reverse=True)
        else:
            g.name = g.keys[0] in name_keys
        if g.name and len(g.keys) == 1 and 2 * sum(m.name for m in g.mentions) < len(g.mentions):
            g.name = False  # "Yen" opening a sentence, "yen" everywhere else: a common noun
        g.key = g.keys[0]
        ms = by_key[g.key]
        g.label = " ".join(ms[0].words) if len(ms) == 1 else _label(ms)
        if g.name:
            g.kind = _kind(g, by_key, places, given)
            owns = [m.owns for m in g.mentions if m.owns] if g.kind != "person" else None
            if owns and 4 * len(owns) >= len(g.mentions):
                g.label += owns[0]  # "Boatmen's": the bank's name has the 's (a person's never has)
        elif g.label[1:2].islower() and g.label[:1].lower() != g.label[:1] and all(m.initial for m in g.mentions):
            g.label = g.label[:1].lower() + g.label[1:]  # "Allegations" opened a sentence
    _consistent(out)
    _first_names(out)
    return out


def _consistent(groups: list[Group]) -> None:
    """One name, one kind in a document: "Bre-X" alone is the company "Bre-X Minerals Ltd", and an
    untyped "Labour" the "Labour Party"."""
    companies: dict[str, Group] = {}
    bodies: set[str] = set()  # first words of organisations named by an organisation word: "Labour Party"
    for g in groups:
        if g.kind == "organization" and len(g.key) > 1:
            if g.key[-1].rstrip(".") in COMPANY_SUFFIXES:
                companies.setdefault(g.key[0], g)
            elif g.key[-1] in ORG_WORDS:
                bodies.add(g.key[0])
    if not companies and not bodies:
        return
    for g in groups:
        if g.name and len(g.key) == 1 and g.kind in ("entity", "person") and g.key[0] in companies:
            if not any(m.cues.get("person", 0) >= 3 for m in g.mentions):  # not "Mr Barrick"
                g.kind = "organization"
        elif g.name and len(g.key) == 1 and g.kind == "entity" and g.key[0] in bodies:
            g.kind = "organization"  # "Labour" beside "Labour Party"


def _first_names(groups: list[Group]) -> None:
    """A name alone that opens exactly one full name (of two words or more) is that person called
    by the first half of the name: "Anna and Marta" after "Marta Kellin, 19" (a given name), "Pak"
    after "Pak Tae-won" (a family name written first). Either one typed a person makes the other
    one a person too, when it is untyped: other evidence wins."""
    fulls: dict[str, list[Group]] = {}
    alone: list[Group] = []
    for g in groups:
        if not g.name:
            continue  # (most groups: one pass over them, then over the few names alone)
        if len(g.key) > 1:
            fulls.setdefault(g.key[0], []).append(g)  # "Pak Tae-won" and "Pak Min-ho": "Pak" is either
        else:
            alone.append(g)
    for g in alone:
        if len(fulls.get(g.key[0], ())) != 1:
            continue
        full = fulls[g.key[0]][0]
        if g.kind == "entity" and full.kind == "person":
            g.kind = "person"
        elif full.kind == "entity" and g.kind == "person" and person_like(full.mentions[0].words):
            full.kind = "person"  # "Jorvanek said he ...", then "Jorvanek Tesslo"


def _cued(ms: list[Mention], kind: str) -> bool:
    return any(m.cues.get(kind, 0) >= 3 for m in ms)


def _main_rank(key: tuple[str, ...], ms: list[Mention]) -> tuple:
    # The expansion before its acronym; a full name before its surname; then the most used.
    words = ms[0].words
    return (any(m.name for m in ms), len(key) > 1 and not is_acronym(words[0]), len(ms), len(key), -ms[0].offset)


def _label(ms: list[Mention]) -> str:
    """The spelling most used, preferring mentions that do not start a sentence."""
    counts: dict[str, list[int]] = {}
    for m in ms:
        form = " ".join(m.words)
        c = counts.setdefault(form, [0, 0, -m.offset])
        c[0] += 0 if m.initial else 1
        c[1] += 1
    return max(counts, key=lambda f: (counts[f][0], counts[f][1], counts[f][2], f))


def _kind(g: Group, by_key: dict[tuple[str, ...], list[Mention]], places: frozenset[str], given: frozenset[str] = frozenset()) -> str:
    """Weigh the evidence for each kind; a name without enough of it stays an "entity"."""
    if not g.name:
        return "keyphrase"
    votes = {"person": 0, "organization": 0, "place": 0}
    for m in g.mentions:
        for kind, n in m.cues.items():
            votes[kind] += n
    forms = {" ".join(m.words).lower().replace(".", "") if is_acronym(m.words[0]) else " ".join(m.words).lower() for m in g.mentions}
    if forms & places or g.label.lower() in places:
        votes["place"] += 4
    main = by_key[g.key][0].words
    if len(main) > 1 and " ".join(main).lower() in places:
        return "place"  # "West Bank", "Union City": the gazetteer has the whole name, organisation words and all
    lows = [w.lower() for w in main]
    if lows[-1] in PLACE_WORDS or (len(main) > 1 and lows[0] in {"lake", "mount", "mt.", "port", "fort", "cape"}):
        votes["place"] += 3
    if not ORG_WORDS.isdisjoint(lows) or len(g.keys) > 1 and any(is_acronym(k[0]) for k in g.keys if len(k) == 1):
        votes["organization"] += 2
    elif len(main) == 1 and main[0].lower() in _AGENCIES:
        votes["organization"] += 3  # "Reuters", "Xinhua": news agencies
    elif len(main) == 1 and is_acronym(main[0]) and len(g.key[0]) >= 3 and not votes["place"] >= 4:
        votes["organization"] += ACRONYM_ORG  # "NATO", "FIFA": an acronym of three letters or more names a body
    if (
        len(g.keys) > 1
        and person_like(main)
        and lows[0] not in places  # "Philadelphia Eagles", then "the Eagles"
        and any(len(k) == 1 and not is_acronym(by_key[k][0].words[0]) for k in g.keys if k != g.key)
    ):
        votes["person"] += 2  # "Kerry" alone after "John Kerry"
    if len(main) > 1 and lows[0] in given and person_like(main) and lows[-1] not in given:
        votes["person"] += GIVEN  # "Ana Ferreira": a given name, then a surname
    person, organization, place = votes["person"], votes["organization"], votes["place"]
    # The most votes (a tie of two kinds is no evidence for either).
    if sorted(votes.values())[-2] == max(votes.values()) >= 2:
        return "entity"  # "brewer Zywiec" (organization 2), "Zywiec said", "said Zywiec" (person 2)
    if person >= max(organization, place):
        best, most = "person", person
    elif place >= organization:
        best, most = "place", place
    else:
        best, most = "organization", organization
    if most >= 2:
        return best
    # A lone "in London" is enough when nothing points elsewhere.
    if best == "place" and place == 1 and person == organization == 0:
        return "place"
    return "entity"


def person_like(words: tuple[str, ...]) -> bool:
    return 2 <= len(words) <= 4 and all(is_capitalised(w) and not is_acronym(w) for w in words) and not any(
        w.lower() in ORG_WORDS or w.lower() in PLACE_WORDS for w in words
    )
