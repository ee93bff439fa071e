"""The default tagger ("keyphrase"): noun phrases and names, merged, typed and scored.

Noun phrases and proper names are found in the POS-tagged sentences (candidates), the
mentions of one thing are merged (entities) and ranked with statistics that need no
training: frequency, first position, spread, presence in the title and the rarity of
their words in a background English word-frequency table (wordfreq). See docs/tags.md.
"""

from __future__ import annotations

import math
import re
from bisect import insort
from collections import Counter
from itertools import chain
from typing import Any

from ..model import Document, Tag
from ..resources import Resources
from ..text.postag import FastPerceptron, tokens
from .candidates import MEASURE_WORDS, TITLES, Mention, document_mentions, is_acronym, is_capitalised
from .capitalised import Capitalised
from .entities import person_like, group_mentions, place_names, word_key
from .wordfreq import load_gazetteer, load_zipf


# Scoring constants, tuned on the keyphrase dev set (docs/tags.md).
ZIPF_CEILING = 7.0  # idf(word) = ceiling - Zipf frequency
ACRONYM_ZIPF = 3.0  # an acronym counts as this frequent ("IS" is not the verb "is")
POSITION = 5.0  # boost of a tag first seen in the first sentence, fading with 1/(1+sentence)
TITLE = 1.2  # boost per share of the tag's words found in the title
SPREAD = 0.0  # boost of a tag seen from start to end
NAME = 1.0  # multiplier of proper names
PERSON = 1.2  # multiplier of people's names
TF_POWER = 0.5  # frequency counts, sub-linearly (0.6 until the third round: docs/tags.md)
LENGTH_POWER = 0.3  # the phrase's word weight is summed and divided by len**power
SINGLE_ALL = 0.5  # share of a word's occurrences inside longer phrases credited to it alone
SUPERSET = 0.7  # factor on a phrase that contains a better tag
SUB_INDEPENDENT = 2  # a sub-phrase of a better tag stays only if seen this often on its own
GENERIC_ZIPF = 5.0  # a single common noun at least this frequent in general English ...
GENERIC = 0.2  # ... is worth this much: "people", "report" are seldom a story's topic
ALONE = 3.0  # a sub-phrase stays beside its longer same-kind tag only if used alone this many times more
SPAN = 10  # tags are chosen at least this many at a time
NAME_SLOTS = 7  # slots kept for the most-mentioned names ...
MODIFIER_MAX = 3  # a name mentioned this often keeps its tag even if mostly a modifier ("NATO troops")
MODIFIER_KINDS = ("entity",)  # ... of this kind (a typed name is a tag of its own: "Interfax news agency")
NAME_REL = 0.0  # ... and at least this share of the most-mentioned candidate's mentions
NAME_MIN = 2  # ... mentioned at least this often
NAME_PER_SENTENCES = 10.0  # ... and at least once every this many sentences
ROLES_GENERIC = True  # a role word alone ("spokesman") counts like a common noun
DATELINE_MENTION = 1  # the dateline's place counts as a mention of it, in the first sentence


class KeyphraseTagger:
    """Noun phrases and names, merged and typed, scored without trained models."""

    name = "keyphrase"

    def __init__(self, resources: Resources, **params: float) -> None:
        self._resources = resources
        self._pos = FastPerceptron(resources.pos_tagger())
        self._zipf = load_zipf()
        gazetteer = load_gazetteer()
        self._places = place_names() | gazetteer.get("city", frozenset())
        self._given = gazetteer.get("given", frozenset())
        self._common = frozenset(w for w in resources.pos_tagger().tagdict if w.islower())  # common words
        self._fallback = Capitalised()
        self.params = {
            "zipf_ceiling": ZIPF_CEILING,
            "acronym_zipf": ACRONYM_ZIPF,
            "position": POSITION,
            "title": TITLE,
            "spread": SPREAD,
            "name": NAME,
            "person": PERSON,
            "tf_power": TF_POWER,
            "length_power": LENGTH_POWER,
            "sub_independent": SUB_INDEPENDENT,
            "single_all": SINGLE_ALL,
            "superset": SUPERSET,
            "name_slots": NAME_SLOTS,
            "name_min": NAME_MIN,
            "name_rel": NAME_REL,
            "generic_zipf": GENERIC_ZIPF,
            "generic": GENERIC,
            "alone": ALONE,
            "dateline_mention": DATELINE_MENTION,
            "name_per_sentences": NAME_PER_SENTENCES,
        }
        self.params.update(params)

    def _idf(self, key: str) -> float:
        p = self.params
        if key.isupper():
            zipf = min(self._zipf.get(key.lower(), 1.5), p["acronym_zipf"])
        else:
            zipf = self._zipf.get(key, 1.5) if self._zipf else 3.0
        return max(p["zipf_ceiling"] - zipf, 0.1)

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]:
        if limit <= 0 or not doc.sentences:
            return ()
        if doc.language != "en":
            return self._fallback.tag(doc, limit)
        mentions = self._mentions(doc)
        if not mentions:
            return ()
        places = self._places
        dateline = dateline_place(doc.dateline)
        if dateline and dateline not in self._common and not _written_lower(dateline, doc):
            places = places | {dateline}  # "KORVIK (Reuters) -": a dateline names a place
            if self.params["dateline_mention"]:
                _dateline_mention(doc, dateline, mentions)
        scored = self._score(doc, mentions, group_mentions(mentions, places, self._given), places)
        # Chosen as ten (or more) and cut, so that fewer tags are the first of the ten.
        chosen = self._choose(scored, max(limit, SPAN), len(doc.sentences))[:limit]
        top = chosen[0][0] if chosen else 1.0
        return tuple(Tag(g.label, g.kind, round(score / top, 6)) for score, g in chosen)

    def _mentions(self, doc: Document) -> list[Any]:
        """Every candidate mention in the POS-tagged sentences, in document order."""
        loud = [s for s in doc.sentences if shouted(s.words)]
        loud_ids = {id(s) for s in loud}  # by identity: comparing Sentence values field by field is slow
        sentences = [s for s in doc.sentences if id(s) not in loud_ids]
        sentence_tokens = [tokens(s.text) if s.tokens is None else s.tokens for s in sentences]
        tagged = zip(sentence_tokens, self._pos.tag_sentences(sentence_tokens), [s.index for s in sentences])
        mentions = document_mentions(tagged, doc.stopwords)
        if self._given:
            named = [m for m in mentions if m.name and len(m.words) > 1]  # (all the two passes below look at)
            _person_starts(named, self._given)
            _nationality_starts(named, self._places, self._given)
        if loud:
            mentions = sorted(mentions + _shouted_mentions(loud, mentions), key=lambda m: m.sentence)
        return mentions

    def _score(self, doc: Document, mentions: list[Any], groups: list[Any], places: frozenset[str] = frozenset()) -> list[tuple[float, Any]]:
        """(score, group) for every group worth ranking, best first."""
        n_sent = max(doc.sentences[-1].index + 1, 1)
        title_keys = {word_key(w) for w in (tokens(doc.title) if doc.title else ())}
        word_tf: Counter[str] = Counter(chain.from_iterable(m.key for m in mentions))
        inside = _inside_counts(groups)
        p = self.params
        # Parameters and word weights looked up once per call, not once per group.
        sub_independent, length_power, single_all = p["sub_independent"], p["length_power"], p["single_all"]
        tf_power, position, spread, title = p["tf_power"], p["position"], p["spread"], p["title"]
        person, name = p["person"], p["name"]
        generic_zipf, generic_factor = p["generic_zipf"], p["generic"]
        word_weight: dict[str, float] = {}
        scored: list[tuple[float, Any]] = []
        for g in groups:
            main = g.key
            size = len(main)
            tf = len(g.mentions)
            if _carried_by_others(g, inside, sub_independent):
                continue
            if size == 1 and g.kind != "person" and g.label[:1].isupper() and demonym_of(g.label, places):
                continue  # "Libyans", "Iraqi": a nationality says where, the place's own tag says it better
            total = 0.0
            for k in main:
                w = word_weight.get(k)
                if w is None:
                    w = word_weight[k] = self._idf(k) * (1.0 + math.log(word_tf[k]))
                total += w
            word_score = total / size**length_power
            # (one key's mentions come in document order; merged keys' do not)
            first = g.mentions[0].sentence if len(g.keys) == 1 else min([m.sentence for m in g.mentions])
            generic = 1.0
            if size == 1 and not g.name:
                if main[0] in MEASURE_WORDS:
                    continue  # "week", "percent", "euros", "tonne": no topic on their own
                if self._zipf.get(main[0], 0.0) >= generic_zipf or ROLES_GENERIC and main[0] in TITLES:
                    generic = generic_factor  # "people", "report"; "spokesman", "officer": a role, not a topic
                tf += single_all * (word_tf[main[0]] - tf)
            score = word_score * tf**tf_power * generic
            score *= 1.0 + position / (1.0 + first)
            if spread:
                score *= 1.0 + spread * (max([m.sentence for m in g.mentions]) - first) / n_sent
            if title_keys:
                score *= 1.0 + title * (main[0] in title_keys if size == 1 else sum(k in title_keys for k in main)) / size
            if g.name:
                score *= person if g.kind == "person" else name
            scored.append((score, g))
        scored.sort(key=_order)
        return scored

    def _choose(self, scored: list[tuple[float, Any]], limit: int, sentences: int = 0) -> list[tuple[float, Any]]:
        """The best `limit` groups that do not repeat a better one; the most-mentioned names first."""
        chosen = self._names_first(scored, limit, sentences)
        reserved = {id(g) for _, g in chosen}
        penalised: set[int] = set()
        superset, sub_independent = self.params["superset"], self.params["sub_independent"]
        alone = self.params["alone"]
        i = 0  # scored[i:] are still to consider, in order
        while i < len(scored) and len(chosen) < limit:
            score, g = scored[i]
            i += 1
            if id(g) in reserved or _repeats(g, chosen, sub_independent):
                continue
            if alone and not self._one_of_a_kind(score, g, chosen, alone, reserved):
                continue
            if id(g) not in penalised and superset < 1.0 and _contains_chosen(g, chosen):
                # "Stieg Larsson estate" after "Stieg Larsson": worth less, not nothing.
                penalised.add(id(g))
                # (after any equal to it, as appending and a stable sort would put it)
                insort(scored, (score * superset, g), lo=i, key=_order)
                continue
            chosen.append((score, g))
        chosen.sort(key=_order)
        return chosen

    @staticmethod
    def _one_of_a_kind(score: float, g: Any, chosen: list[tuple[float, Any]], alone: float, reserved: set[int]) -> bool:
        """Whether g may join: of a tag and a longer one of the same kind ("barrier", "tidal
        barrier") only one stays, the shorter only if used on its own `alone` times as often."""
        words = _label_words(g.label)
        for j, (_, c) in enumerate(chosen):
            if c.kind != g.kind:
                continue
            other = _label_words(c.label)
            if len(words) < len(other) and _inside(words, other):
                return len(g.mentions) >= alone * len(c.mentions)  # (both stay then)
            if len(other) < len(words) and _inside(other, words):
                if len(c.mentions) >= alone * len(g.mentions) or id(c) in reserved:
                    return False
                del chosen[j]  # the longer says it: "tidal barrier" for "barrier"
                return True
        return True

    def _names_first(self, scored: list[tuple[float, Any]], limit: int, sentences: int = 0) -> list[tuple[float, Any]]:
        """Slots kept for the names the story mentions most (at least `name_min` times, and at
        least once every `name_per_sentences` sentences)."""
        slots = min(int(self.params["name_slots"]), limit)
        least = self.params["name_min"]
        if slots <= 0:
            return []
        if self.params["name_rel"]:
            least = max(least, self.params["name_rel"] * max(len(g.mentions) for _, g in scored))
        per = self.params["name_per_sentences"]
        if per:  # and at least once every `per` sentences: twice is much in 8 sentences, little in 40
            least = max(least, sentences / per)
        names = [(s, g) for s, g in scored if g.name and len(g.mentions) >= least]
        names.sort(key=lambda sg: (-len(sg[1].mentions), _order(sg)))
        chosen: list[tuple[float, Any]] = []
        for s, g in names:
            if len(chosen) >= slots:
                break
            if not _repeats(g, chosen, self.params["sub_independent"]):
                chosen.append((s, g))
        return chosen


_DATELINE_PLACE = re.compile(r"^\s*([^\W\d_][^,(\-\u2013\u2014:/]*?)\s*(?:[,(\-\u2013\u2014:/]|\d|$)")


def dateline_place(dateline: str | None) -> str | None:
    """The place a dateline opens with, lower-cased: "OSLO, March 3 (Reuters) -" -> "oslo"."""
    m = _DATELINE_PLACE.match(dateline or "")
    return " ".join(m.group(1).lower().split()) or None if m else None


# Endings of nationality words, and what the place's name ends with instead: "Libyan" (Libya),
# "Canadians" (Canada), "Iraqi" (Iraq), "Sudanese" (Sudan), "Brazilian" (Brazil).
_DEMONYM_ENDINGS = (("ians", "ia"), ("ians", "a"), ("ians", ""), ("ian", "ia"), ("ian", "a"), ("ian", ""), ("ans", "a"),
                    ("ans", ""), ("an", "a"), ("an", ""), ("ese", ""), ("is", ""), ("i", ""))


# Nationality words not made by those endings (a closed class of English), and their places.
IRREGULAR_DEMONYMS = {
    **dict.fromkeys(("french", "frenchman", "frenchmen"), "france"),
    **dict.fromkeys(("british", "briton", "britons", "brit", "brits"), "britain"),
    **dict.fromkeys(("english", "englishman", "englishmen"), "england"),
    **dict.fromkeys(("scot", "scots", "scottish"), "scotland"),
    **dict.fromkeys(("welsh", "welshman"), "wales"),
    **dict.fromkeys(("irish", "irishman"), "ireland"),
    **dict.fromkeys(("dutch", "dutchman"), "netherlands"),
    **dict.fromkeys(("dane", "danes", "danish"), "denmark"),
    **dict.fromkeys(("swede", "swedes", "swedish"), "sweden"),
    **dict.fromkeys(("finn", "finns", "finnish"), "finland"),
    **dict.fromkeys(("norwegian", "norwegians"), "norway"),
    **dict.fromkeys(("pole", "poles", "polish"), "poland"),
    **dict.fromkeys(("czech", "czechs"), "czech republic"),
    **dict.fromkeys(("slovak", "slovaks"), "slovakia"),
    **dict.fromkeys(("serb", "serbs"), "serbia"),
    **dict.fromkeys(("croat", "croats"), "croatia"),
    **dict.fromkeys(("turk", "turks", "turkish"), "turkey"),
    **dict.fromkeys(("greek", "greeks"), "greece"),
    **dict.fromkeys(("spanish", "spaniard", "spaniards"), "spain"),
    **dict.fromkeys(("portuguese",), "portugal"),
    **dict.fromkeys(("swiss",), "switzerland"),
    **dict.fromkeys(("chinese",), "china"),
    **dict.fromkeys(("thai", "thais"), "thailand"),
    **dict.fromkeys(("filipino", "filipinos"), "philippines"),
    **dict.fromkeys(("chechen", "chechens"), "chechnya"),
    **dict.fromkeys(("afghan", "afghans"), "afghanistan"),
    **dict.fromkeys(("saudi", "saudis"), "saudi arabia"),
    **dict.fromkeys(("kuwaiti", "kuwaitis"), "kuwait"),
    **dict.fromkeys(("mexican", "mexicans"), "mexico"),
    **dict.fromkeys(("moroccan", "moroccans"), "morocco"),
    **dict.fromkeys(("peruvian", "peruvians"), "peru"),
    **dict.fromkeys(("argentine", "argentines", "argentinian", "argentinians"), "argentina"),
    **dict.fromkeys(("cypriot", "cypriots"), "cyprus"),
    **dict.fromkeys(("icelandic", "icelander", "icelanders"), "iceland"),
    **dict.fromkeys(("new zealander", "new zealanders", "kiwi", "kiwis"), "new zealand"),
}


def demonym_of(word: str, places: frozenset[str]) -> str | None:
    """The place a nationality word is made from, if the gazetteer knows it: "Libyans" -> "libya"."""
    low = word.lower()
    if low in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[low]  # "French", "Britons", "Serbs"
    for ending, base in _DEMONYM_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            place = low[: -len(ending)] + base
            if place in places:
                return place
    return None


def _dateline_mention(doc: Document, place: str, mentions: list[Any]) -> None:
    """The dateline's place is a mention of it ("VIENNA 1996-12-06", then "in Vienna"), spelt as
    the body spells it (else in title case: "VIENNA" is no acronym), in the first sentence. A
    dateline that opens the first sentence ("VIENNA (Reuters) - ...") is that mention already."""
    first = doc.sentences[0].index
    for m in mentions:
        if m.sentence == first and m.name and " ".join(m.words).lower() == place:
            m.words = _spelt(doc, place, m.words)
            return
        if m.sentence > first:
            break
    words = _spelt(doc, place, tuple(w.title() if w.isupper() else w for w in tokens(place.upper())))
    offset = min((m.offset for m in mentions), default=0) - 1
    mentions.insert(0, Mention(words, first, offset, True, initial=True))


def _spelt(doc: Document, place: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a place as the body writes it in mixed case ("Vienna"), else title case."""
    pattern = re.compile(r"(?<!\w)" + re.escape(place) + r"(?!\w)", re.IGNORECASE)
    for s in doc.sentences:
        for m in pattern.finditer(s.text):
            if not m.group(0).isupper():
                return tuple(tokens(m.group(0)))
    return tuple(w.title() if w.isupper() and len(w) > 1 and "." not in w else w for w in words)


def _written_lower(word: str, doc: Document) -> bool:
    """Whether the document writes the word in lower case ("TENNIS -" when the text says "tennis")."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    return any(pattern.search(s.text) for s in doc.sentences)


def shouted(words: tuple[str, ...]) -> bool:
    """A sentence in capitals (a headline, a heading): its capitals say nothing about names.

    At least three words of two or more characters, four in five of them in capitals. Runs on
    every sentence, so it stops at the first lower-case words that already rule it out.
    """
    limit = 0.2 * len(words)  # more lower-case words than this can never be a fifth or less
    upper = lower = 0
    for w in words:
        if len(w) > 1 and w[0].isalpha():
            if w.isupper():
                upper += 1
            else:
                lower += 1
                if lower > limit:
                    return False
    return upper + lower >= 3 and upper >= 0.8 * (upper + lower)


def _label_words(label: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(label.lower()))


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _person_starts(mentions: list[Any], given: frozenset[str]) -> None:
    """A given name starts a person's name: "American Dennis Mitchell" is "Dennis Mitchell"
    (the words before it, a nationality or an epithet, are no part of the name)."""
    for m in mentions:
        words = m.words
        if not m.name or len(words) < 3:
            continue
        lows = [w.lower() for w in words]
        for k in range(1, len(words) - 1):
            if lows[k] in given:
                if not given.isdisjoint(lows[:k]) or not person_like(words[k:]):
                    break
                m.words = words[k:]
                m.offset += k
                m.initial = False
                m.cues["person"] = m.cues.get("person", 0) + 1
                break


def _nationality_starts(mentions: list[Any], places: frozenset[str], given: frozenset[str]) -> None:
    """A nationality word before the surname of a person the article names in full is no part of
    the name: "American Lund" after "Maja Lund" is Lund, an American (as news writes of athletes).
    The full name must open with a given name: "Harbour City Open" then "Danish Open" name no person "Open"."""
    # (the caller passes only names of two words or more)
    surnames = {m.words[-1].lower() for m in mentions if m.words[0].lower() in given and person_like(m.words)}
    if not surnames:
        return
    for m in mentions:
        words = m.words
        if words[-1].lower() not in surnames or words[0].lower() in given:
            continue
        if not demonym_of(words[0], places) or not all(is_capitalised(w) and not is_acronym(w) for w in words[1:]):
            continue
        m.words = words[1:]
        m.offset += 1
        m.initial = False
        m.cues["person"] = m.cues.get("person", 0) + 1


def _shouted_mentions(loud: list[Any], mentions: list[Any]) -> list[Any]:
    """Mentions, in sentences written in capitals, of names the rest of the document writes in
    mixed case: "MITCHELL DEFEATS BAILEY" names "Mitchell" and "Bailey" if the body does."""
    known: dict[tuple[str, ...], tuple[str, ...]] = {}
    for m in mentions:
        if m.name:
            known.setdefault(tuple(w.lower() for w in m.words), m.words)
            if len(m.words) > 1:  # a surname alone
                known.setdefault((m.words[-1].lower(),), (m.words[-1],))
    out: list[Any] = []
    offset = -1  # before every body mention, so body spellings label the group
    for s in loud:
        lows = [w.lower() for w in s.words]
        i = 0
        while i < len(lows):
            for n in (4, 3, 2, 1):
                words = known.get(tuple(lows[i : i + n]))
                if words is not None:
                    out.append(Mention(words, s.index, offset, True, initial=True))
                    offset -= 1
                    i += n
                    break
            else:
                i += 1
    return out


def _order(scored: tuple[float, Any]) -> tuple[float, str, str]:
    return (-scored[0], scored[1].label.lower(), scored[1].label)


def _inside_counts(groups: list[Any]) -> dict[tuple[str, ...], int]:
    """How often each key is used inside a longer phrase that is used at least as often."""
    inside: dict[tuple[str, ...], int] = {}
    for g in groups:
        key = g.key
        if len(key) > 1 and not g.name:
            n = len(g.mentions)
            for size in range(1, len(key)):
                for i in range(len(key) - size + 1):
                    sub = key[i : i + size]
                    if inside.get(sub, 0) < n:
                        inside[sub] = n
    return inside


def _carried_by_others(g: Any, inside: dict[tuple[str, ...], int], sub_independent: float) -> bool:
    """Whether the group's longer phrases already say it, so it need not be ranked."""
    tf = len(g.mentions)
    if not g.name:
        within = inside.get(g.key)  # (a group has mentions: tf >= 1 > an absent key's 0)
        # "quotas" when "fishing quotas" says it as often
        return within is not None and within >= max(tf, sub_independent)
    # only ever a modifier ("Iraqi army"): its phrases carry it
    return tf < MODIFIER_MAX and len(g.key) == 1 and g.kind in MODIFIER_KINDS and 2 * sum(m.parent is not None for m in g.mentions) >= tf


def _contains_chosen(g: Any, chosen: list[tuple[float, Any]]) -> bool:
    key = g.key
    for _, better in chosen:
        if not better.name:
            continue
        for k in better.keys:
            n = len(k)
            if n < len(key) and any(key[i : i + n] == k for i in range(len(key) - n + 1)):
                return True
    return False


def _repeats(g: Any, chosen: list[tuple[float, Any]], independent: float) -> bool:
    """Whether g merely repeats part of a better tag (and is seldom seen on its own)."""
    keys = set(g.key)
    label = g.label.lower()
    for _, better in chosen:
        if better.label.lower() == label:
            return True
        for k in better.keys:
            if len(k) > len(g.key) and keys <= set(k):
                if g.kind in ("person", "place", "organization") and better.kind != g.kind:
                    break
                if len(g.mentions) < independent:
                    return True
                break
    return False
