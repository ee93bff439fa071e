"""Names in tokenised sentences of any language: found, split so none is glued, merged, typed.

Found: runs of capitalised words, with the language's name particles inside ("Banque de
France", "Universidade do Porto"); all-capital acronyms are names too.

Split (no glued names):
- a capitalised word that opens a sentence (or follows a quote or colon) is kept only when the
  document also capitalises it mid-sentence, or it is not a common word (the document never
  writes it in lower case and its background Zipf frequency is below 4, or below 5 when another
  capitalised word follows: first names are frequent words);
- honorifics and roles at the start of a run are cues, not part of the name ("Président Macron");
- where a known name ends: a run whose right part is written as a name on its own elsewhere, and
  whose left part is a word the document writes in lower case (or a name on its own), is cut in
  two ("Transports Clément Beaune" -> "Transports" | "Clément Beaune", the first then dropped
  as a common word);
- where a given name opens a full name right after another capitalised word (split_at_given:
  "Toulon Marie Dupuis" -> "Toulon" | "Marie Dupuis"), even when the name occurs once.

Merged: a one-word name that is the last word of exactly one longer name ("Beaune"), or a
particle and the words after it that end one ("De Santis"), is that name's short form and counts
for it; an acronym in brackets after words whose initials spell it
counts for those words (acronym_expansions).

Typed from evidence, per mention, summed over the document (cues.py lists the words):
honorific before -> person; role right before (or in the few words before a comma right before:
"the party's general secretary, X"), or ", role" right after -> person; a company
suffix or an organisation word at the start -> organization; the gazetteer (countries in the
language, subdivisions; not a word the document also writes in lower case) or a place word at
the start -> place; a place preposition before at least half the mentions of a name that is no common word ->
place (weak); a full name whose last word the document also uses alone -> person; a given name
then one or two more words -> person (weak). The strongest
kind wins when it has at least one point more than the runner-up; otherwise `entity`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .cues import COMPANY_SUFFIXES, Cues

# Above this background frequency a capitalised sentence-opening word is a common word.
COMMON_ZIPF = 4.0
# ... and when another capitalised word follows it: first names are frequent words too ("Tomás
# Alvarenga" opens a sentence as often as "Ontem Paulo ..."); only very frequent words go then.
COMMON_BEFORE_NAME_ZIPF = 5.0
_OPENERS = frozenset('"“«‘\'(:—–-')


@dataclass(frozen=True)
class NameRun:
    sentence: int
    start: int  # token index of the first word
    end: int  # one past the last word
    words: tuple[str, ...]


def _capitalised(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


def _acronym(tok: str) -> bool:
    return len(tok) >= 2 and tok.replace(".", "").isalpha() and tok.replace(".", "").isupper()


def find_names(
    sentences: list[list[str]],
    stop: frozenset[str],
    cues: Cues,
    lower_words: set[str],
    zipf: dict[str, float],
) -> list[NameRun]:
    """Every name mention, in document order, none glued to a neighbour."""
    openers = _opening_positions(sentences)
    mid_capitalised = {
        t for s, toks in enumerate(sentences) for i, t in enumerate(toks) if _capitalised(t) and (s, i) not in openers
    }
    raw: list[NameRun] = []
    for s, toks in enumerate(sentences):
        i = 0
        while i < len(toks):
            if not _capitalised(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < len(toks):
                if _capitalised(toks[j]):
                    j += 1
                elif toks[j].lower() in cues.particles and j + 1 < len(toks) and _capitalised(toks[j + 1]):
                    j += 2
                else:
                    break
            found = _clean_run(s, i, j, toks, stop, cues, lower_words, zipf, openers, mid_capitalised)
            if cues.nouns_capitalised:
                found = [r for r in found if _name_in_noun_language(r, toks, cues)]
            raw.extend(found)
            i = j
    return _split_known(raw, cues, lower_words)


def _name_in_noun_language(r: NameRun, toks: list[str], cues: Cues) -> bool:
    """Where every noun is capitalised (German), one capitalised word is a name only with a cue:
    an acronym, an honorific, role or place preposition before it, or a company suffix after it."""
    if len(r.words) > 1 or _acronym(r.words[0]):
        return True
    prev = toks[r.start - 1].lower() if r.start > 0 else ""
    following = toks[r.end] if r.end < len(toks) else ""
    return prev in cues.honorifics or prev in cues.roles or prev in cues.place_preps or following in COMPANY_SUFFIXES


def _opening_positions(sentences: list[list[str]]) -> set[tuple[int, int]]:
    """(sentence, token) of words capitalised by convention: a sentence's first word, and a word
    right after an opening quote, a bracket, a colon or a dash."""
    out: set[tuple[int, int]] = set()
    for s, toks in enumerate(sentences):
        first = True
        for i, t in enumerate(toks):
            if t[:1].isalpha():
                if first:
                    out.add((s, i))
                first = False
            elif t in _OPENERS:
                first = True
    return out


def _common(word: str, lower_words: set[str], zipf: dict[str, float], floor: float = COMMON_ZIPF) -> bool:
    low = word.lower()
    return low in lower_words or zipf.get(low, 0.0) >= floor


def _clean_run(
    s: int,
    i: int,
    j: int,
    toks: list[str],
    stop: frozenset[str],
    cues: Cues,
    lower_words: set[str],
    zipf: dict[str, float],
    openers: set[tuple[int, int]],
    mid_capitalised: set[str],
) -> list[NameRun]:
    # A conventionally capitalised first word: a stop word or a common word goes.
    while i < j and (s, i) in openers and not _acronym(toks[i]):
        w = toks[i]
        floor = COMMON_BEFORE_NAME_ZIPF if i + 1 < j and _capitalised(toks[i + 1]) else COMMON_ZIPF
        # "Au-delà", "Peut-être": a compound led by a stop word is a common word too
        stop_led = "-" in w and w.split("-", 1)[0].lower() in stop
        if w.lower() in stop or stop_led or w.endswith(("'", "’")) or (w not in mid_capitalised and _common(w, lower_words, zipf, floor)):
            i += 1
            while i < j and toks[i] in cues.particles:  # lower case: "Selon Le Monde" keeps "Le"
                i += 1
        else:
            break
    # Honorifics and roles open the run: cues, not part of the name. A stop word capitalised
    # mid-sentence is part of one ("Le Monde", "São Paulo", "Las Vegas"): only openers drop it.
    while i < j and (toks[i].lower() in cues.honorifics or toks[i].lower() in cues.roles):
        i += 1
    # Particles and elisions never end or start a name, unless capitalised in mid-sentence:
    # "La Rochelle", "Le Havre", "De Gaulle".
    while i < j and (toks[i] in cues.particles or toks[i][-1:] in "'’" or (toks[i].lower() in cues.particles and (s, i) in openers)):
        i += 1
    while j > i and (toks[j - 1].lower() in cues.particles or toks[j - 1][-1:] in "'’"):
        j -= 1
    if i >= j:
        return []
    words = tuple(toks[i:j])
    if len(words) == 1 and len(words[0]) < 2:
        return []
    return [NameRun(s, i, j, words)]


def _split_known(runs: list[NameRun], cues: Cues, lower_words: set[str]) -> list[NameRun]:
    """Cut runs where a name the document uses on its own ends or begins (to a fixed point)."""
    for _ in range(3):
        alone = {r.words for r in runs}
        out: list[NameRun] = []
        changed = False
        for r in runs:
            cut = _cut_point(r.words, alone, cues, lower_words)
            if cut is None:
                out.append(r)
                continue
            changed = True
            left, right = r.words[:cut], r.words[cut:]
            keep_left = left in alone or not (len(left) == 1 and left[0].lower() in lower_words | cues.roles | cues.org_heads)
            if keep_left and left[-1].lower() not in cues.particles:
                out.append(NameRun(r.sentence, r.start, r.start + cut, left))
            start = r.start + cut
            while right and right[0].lower() in cues.particles:
                right, start = right[1:], start + 1
            if right:
                out.append(NameRun(r.sentence, start, r.end, right))
        runs = out
        if not changed:
            break
    return runs


def _cut_point(words: tuple[str, ...], alone: set[tuple[str, ...]], cues: Cues, lower_words: set[str]) -> int | None:
    if len(words) < 2:
        return None
    for cut in range(1, len(words)):
        left, right = words[:cut], words[cut:]
        if right[0].lower() in cues.particles or left[-1].lower() in cues.particles:
            continue  # "Banque de France" is one name
        if right not in alone:
            continue
        last = left[-1].lower()
        if left in alone or last in lower_words or last in cues.roles or last in cues.org_heads or last in cues.honorifics:
            return cut
    return None


def split_at_given(
    runs: list[NameRun],
    given: frozenset[str],
    places: frozenset[str],
    cues: Cues,
    lower_words: set[str] = frozenset(),  # type: ignore[assignment]
    zipf: dict[str, float] | None = None,
) -> list[NameRun]:
    """Cut a run where a person's name starts after another name: "Toulon Marie Dupuis" ->
    "Toulon" | "Marie Dupuis", "ministre de l'Économie Bruno Lemaire" -> "Bruno Lemaire". News in
    these languages writes a role's portfolio or a place right before a name without a comma, and
    the document need not use the name alone for the seam to be real."""
    out: list[NameRun] = []
    for r in runs:
        while (cut := _given_seam(r.words, given, places, cues)) is not None:
            left = r.words[:cut]
            if not (len(left) == 1 and _portfolio(left[0], places, cues, lower_words, zipf or {})):
                out.append(NameRun(r.sentence, r.start, r.start + cut, left))
            r = NameRun(r.sentence, r.start + cut, r.end, r.words[cut:])
        out.append(r)
    return out


def _portfolio(word: str, places: frozenset[str], cues: Cues, lower_words: set[str], zipf: dict[str, float]) -> bool:
    """A lone word cut off before a person that was no name of its own: a role, an organisation
    head or a common word ("Economía"); a known place stays ("Toulon" is a frequent word too)."""
    low = word.lower()
    if low in cues.roles or low in cues.org_heads:
        return True
    return low not in places and _common(word, lower_words, zipf)


# "São João da Madeira", "Sankt Peter Ording": a saint's given name opens a place, church or feast.
_SAINTS = frozenset("são santo santa san sant saint sainte st st. sankt sint".split())


def _given_seam(words: tuple[str, ...], given: frozenset[str], places: frozenset[str], cues: Cues) -> int | None:
    """Where a given name opens a full name (two or more words) right after a capitalised word
    that is no given name, initial, particle or saint; None in a known place ("San Francisco") or
    after a lone organisation or place head, usually named after the person ("Lycée Victor Hugo")."""
    if len(words) < 3 or " ".join(words).lower() in places:
        return None
    for k in range(1, len(words) - 1):
        prev = words[k - 1]
        if words[k].lower() not in given or not _capitalised(prev) or prev.endswith("."):
            continue
        low = prev.lower()
        if low in given or low in cues.particles or low in _SAINTS:
            continue
        if k == 1 and (low in cues.org_heads or low in cues.places_heads):
            return None
        return k
    return None


def _given_then_surname(words: tuple[str, ...], given: frozenset[str], places: frozenset[str], cues: Cues) -> bool:
    """"Rui Matoso": a given name, then one or two words, the last no given name. Weak (a street
    or a school is also named so, and their head words outvote it); longer runs are more often
    institutions named after someone ("Francine Clark Art Institute"), and a two-letter given
    name is more often an article ("Al Jazeera")."""
    if not 2 <= len(words) <= 3 or len(words[0]) < 3 or words[0].lower() not in given or words[-1].lower() in given:
        return False
    if " ".join(words).lower() in places:
        return False
    return not any(w.lower() in cues.particles or _acronym(w) for w in words[1:])


def acronym_expansions(names: list[NameRun], sentences: list[list[str]], stop: frozenset[str]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Acronym -> its expansion, from "Union européenne (UE)": the words right before the
    bracket whose initials (stop words skipped) spell the acronym."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for n in names:
        toks = sentences[n.sentence]
        if len(n.words) != 1 or not _acronym(n.words[0]) or n.start < 2 or toks[n.start - 1] != "(":
            continue
        letters = n.words[0].replace(".", "").lower()
        end = n.start - 1
        for start in range(end - 1, max(end - 2 * len(letters) - 2, -1), -1):
            span = toks[start:end]
            if not all(t[:1].isalpha() for t in span) or span[0].lower() in stop:
                continue
            initials = "".join(t[0].lower() for t in span if t.lower() not in stop)
            if initials == letters:
                out[n.words] = tuple(span)
                break
    return out


def _role(word: str, cues: Cues) -> bool:
    """A role word, also as the head of a compound: "secretário-geral", "vice-président"."""
    return word in cues.roles or ("-" in word and any(part in cues.roles for part in word.split("-")))


def aliases(names: list[NameRun], particles: frozenset[str] = frozenset()) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Short form -> the one longer name it ends: a last word ("Beaune" for "Clément Beaune"), or
    a particle and what follows it ("De Santis" for "Nick De Santis", "Poste" and "La Poste")."""
    counts = Counter(n.words for n in names)
    by_last: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for words in counts:
        if len(words) > 1 and not any(_acronym(w) for w in words):
            by_last[words[-1]].add(words)
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for words in counts:
        longer = {w for w in by_last.get(words[-1], ()) if len(w) > len(words) and w[-len(words) :] == words}
        if len(longer) == 1 and (len(words) == 1 or words[0].lower() in particles):
            out[words] = next(iter(longer))
    return out


def type_names(
    names: list[NameRun],
    sentences: list[list[str]],
    cues: Cues,
    places: frozenset[str],
    lower_words: set[str] = frozenset(),  # type: ignore[assignment]
    zipf: dict[str, float] | None = None,
    given: frozenset[str] = frozenset(),
) -> dict[tuple[str, ...], str]:
    """Name (as written) -> person / organization / place / entity, from the evidence above."""
    zipf = zipf or {}
    points: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    mentions: Counter[tuple[str, ...]] = Counter()
    after_prep: Counter[tuple[str, ...]] = Counter()
    singles = {n.words[0] for n in names if len(n.words) == 1}
    for n in names:
        toks, p = sentences[n.sentence], points[n.words]
        before = toks[: n.start]
        if not before and n.sentence > 0:  # "Sra." may have ended the previous "sentence"
            before = sentences[n.sentence - 1][-2:]
        prev = before[-1].lower() if before else ""
        prev2 = before[-2].lower() if len(before) > 1 else ""
        if prev in cues.honorifics or (prev == "." and prev2 + "." in cues.honorifics):
            p["person"] += 2
        elif _role(prev, cues) or (prev == "," and any(_role(t.lower(), cues) for t in before[-7:-1])):
            p["person"] += 1  # "ministre X", "le secrétaire général du parti, X"
        if n.end + 1 < len(toks) and toks[n.end] == "," and _role(toks[n.end + 1].lower(), cues):
            p["person"] += 1
        first, last = n.words[0].lower(), n.words[-1]
        following = toks[n.end] if n.end < len(toks) else ""
        if last in COMPANY_SUFFIXES or following in COMPANY_SUFFIXES or following.rstrip(".") in COMPANY_SUFFIXES:
            p["organization"] += 2
        if first in cues.org_heads:
            p["organization"] += 2
        label = " ".join(n.words).lower()
        if label in places and label not in lower_words:  # "Portuguesa" is a Venezuelan state and a pt adjective
            p["place"] += 2
        elif first in cues.places_heads and len(n.words) > 1:
            p["place"] += 1
        mentions[n.words] += 1
        if prev in cues.place_preps and len(n.words) <= 3 and not _acronym(n.words[0]):
            after_prep[n.words] += 1
        if (
            2 <= len(n.words) <= 4
            and n.words[-1] in singles
            and n.words[-1].lower() not in places
            and not any(w.lower() in cues.particles or _acronym(w) for w in n.words)
            and first not in cues.org_heads
            and label not in places
        ):
            p["person"] += 1
        if _given_then_surname(n.words, given, places, cues):
            p["person"] += 1
    # A place preposition is weak evidence ("à Apple", "no Parlamento"): it counts once, when it
    # comes before at least half of the mentions of a name that is not a common word.
    for words, n_prep in after_prep.items():
        if 2 * n_prep >= mentions[words] and not (len(words) == 1 and _common(words[0], lower_words, zipf)):
            points[words]["place"] += 1
    kinds: dict[tuple[str, ...], str] = {}
    for words, p in points.items():
        ranked = p.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            kinds[words] = ranked[0][0]
        else:
            kinds[words] = "entity"
    # Consistency: a short form takes its full name's kind, unless it has strong evidence of its own.
    for short, full in aliases(names, cues.particles).items():
        if kinds.get(full, "entity") != "entity" and points[short].get("place", 0) < 2:
            kinds[short] = kinds[full]
    return kinds
