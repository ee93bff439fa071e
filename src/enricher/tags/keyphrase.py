"""The default tagger ("keyphrase"): noun phrases and names, merged, typed and scored.

Noun phrases and proper names are found in the POS-tagged sentences (candidates), the
mentions of one thing are merged (entities) and ranked with statistics that need no
training: frequency, first position, spread, presence in the title and the rarity of
their words in a background English word-frequency table (wordfreq). See docs/tags.md.
"""

from __future__ import annotations

import math
from bisect import insort
from collections import Counter
from itertools import chain
from typing import Any

from ..model import Document, Tag
from ..resources import Resources
from ..text.postag import FastPerceptron, tokens
from .candidates import document_mentions
from .capitalised import Capitalised
from .entities import group_mentions, place_names, word_key
from .wordfreq import load_zipf


# Scoring constants, tuned on the keyphrase dev set (docs/tags.md).
ZIPF_CEILING = 7.0  # idf(word) = ceiling - Zipf frequency
ACRONYM_ZIPF = 3.0  # an acronym counts as this frequent ("IS" is not the verb "is")
POSITION = 5.0  # boost of a tag first seen in the first sentence, fading with 1/(1+sentence)
TITLE = 1.2  # boost per share of the tag's words found in the title
SPREAD = 0.0  # boost of a tag seen from start to end
NAME = 1.0  # multiplier of proper names
PERSON = 1.2  # multiplier of people's names
TF_POWER = 0.6  # frequency counts, sub-linearly
LENGTH_POWER = 0.3  # the phrase's word weight is summed and divided by len**power
SINGLE_ALL = 0.5  # share of a word's occurrences inside longer phrases credited to it alone
SUPERSET = 0.7  # factor on a phrase that contains a better tag
SUB_INDEPENDENT = 2  # a sub-phrase of a better tag stays only if seen this often on its own


class KeyphraseTagger:
    """Noun phrases and names, merged and typed, scored without trained models."""

    name = "keyphrase"

    def __init__(self, resources: Resources, **params: float) -> None:
        self._resources = resources
        self._pos = FastPerceptron(resources.pos_tagger())
        self._zipf = load_zipf()
        self._places = place_names()
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
        scored = self._score(doc, mentions, group_mentions(mentions, self._places))
        chosen = self._choose(scored, limit)
        top = chosen[0][0] if chosen else 1.0
        return tuple(Tag(g.label, g.kind, round(score / top, 6)) for score, g in chosen)

    def _mentions(self, doc: Document) -> list[Any]:
        """Every candidate mention in the POS-tagged sentences, in document order."""
        sentence_tokens = [tokens(s.text) if s.tokens is None else s.tokens for s in doc.sentences]
        tagged = zip(sentence_tokens, self._pos.tag_sentences(sentence_tokens), [s.index for s in doc.sentences])
        return document_mentions(tagged, doc.stopwords)

    def _score(self, doc: Document, mentions: list[Any], groups: list[Any]) -> list[tuple[float, Any]]:
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
        word_weight: dict[str, float] = {}
        scored: list[tuple[float, Any]] = []
        for g in groups:
            main = g.key
            size = len(main)
            tf = len(g.mentions)
            if _carried_by_others(g, inside, sub_independent):
                continue
            total = 0.0
            for k in main:
                w = word_weight.get(k)
                if w is None:
                    w = word_weight[k] = self._idf(k) * (1.0 + math.log(word_tf[k]))
                total += w
            word_score = total / size**length_power
            # (one key's mentions come in document order; merged keys' do not)
            first = g.mentions[0].sentence if len(g.keys) == 1 else min([m.sentence for m in g.mentions])
            if size == 1 and not g.name:
                tf += single_all * (word_tf[main[0]] - tf)
            score = word_score * tf**tf_power
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

    def _choose(self, scored: list[tuple[float, Any]], limit: int) -> list[tuple[float, Any]]:
        """The best `limit` groups that do not repeat a better one."""
        chosen: list[tuple[float, Any]] = []
        penalised: set[int] = set()
        superset, sub_independent = self.params["superset"], self.params["sub_independent"]
        i = 0  # scored[i:] are still to consider, in order
        while i < len(scored) and len(chosen) < limit:
            score, g = scored[i]
            i += 1
            if _repeats(g, chosen, sub_independent):
                continue
            if id(g) not in penalised and superset < 1.0 and _contains_chosen(g, chosen):
                # "Stieg Larsson estate" after "Stieg Larsson": worth less, not nothing.
                penalised.add(id(g))
                # (after any equal to it, as appending and a stable sort would put it)
                insort(scored, (score * superset, g), lo=i, key=_order)
                continue
            chosen.append((score, g))
        return chosen


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
    return len(g.key) == 1 and g.kind in ("entity", "organization", "person") and 2 * sum(m.parent is not None for m in g.mentions) >= tf


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
