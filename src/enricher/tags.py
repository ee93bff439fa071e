"""Topic taggers behind one small interface, chosen by name from Options.

Interface: a Tagger has a `name` and `tag(doc, limit) -> tuple[Tag, ...]`:
deduplicated tags, best first, each typed (model.TAG_KINDS) and scored.

The default, "keyphrase", finds noun phrases and proper names in the POS-tagged
sentences (postag, candidates), merges the mentions of one thing (entities) and
ranks them with statistics that need no training: frequency, first position,
spread, presence in the title and the rarity of their words in a background
English word-frequency table (wordfreq_idf). See docs/tags.md.
"""

from __future__ import annotations

import math
from bisect import insort
from collections import Counter
from itertools import chain
from typing import Any, Callable, Mapping, Protocol

from .errors import EnricherError
from .model import Document, Tag
from .registry import build
from .resources import Resources


class TagError(EnricherError):
    """Base of the tagger's errors."""


class UnknownTagger(TagError):
    pass


class Tagger(Protocol):
    name: str

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]: ...


class Capitalised:
    """Placeholder-grade tagger: runs of capitalised words not at a sentence start.

    Kept as the fallback for languages the part-of-speech tagger does not cover.
    """

    name = "capitalised"

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]:
        counts: Counter[str] = Counter()
        for sentence in doc.sentences:
            run: list[str] = []
            for i, word in enumerate(sentence.words + ("",)):
                if word[:1].isupper() and i > 0 and word.lower() not in doc.stopwords:
                    run.append(word)
                    continue
                if run:
                    counts[" ".join(run)] += 1
                run = []
        total = sum(counts.values()) or 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(Tag(label, "entity", round(n / total, 6)) for label, n in ranked[: max(limit, 0)])


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
        from .entities import place_names
        from .postag import FastPerceptron
        from .wordfreq_idf import load_zipf

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
        from .candidates import document_mentions
        from .entities import group_mentions, word_key
        from .postag import tokens

        sentence_tokens = [tokens(s.text) if s.tokens is None else s.tokens for s in doc.sentences]
        tagged = zip(sentence_tokens, self._pos.tag_sentences(sentence_tokens), [s.index for s in doc.sentences])
        mentions = document_mentions(tagged, doc.stopwords)
        if not mentions:
            return ()
        groups = group_mentions(mentions, self._places)
        n_sent = max(doc.sentences[-1].index + 1, 1)
        title_keys = {word_key(w) for w in (tokens(doc.title) if doc.title else ())}
        word_tf: Counter[str] = Counter(chain.from_iterable(m.key for m in mentions))
        p = self.params
        # How often each key is used inside a longer phrase that is used at least as often.
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
        scored: list[tuple[float, Any]] = []
        # Parameters and word weights looked up once per call, not once per group.
        sub_independent, length_power, single_all = p["sub_independent"], p["length_power"], p["single_all"]
        tf_power, position, spread, title = p["tf_power"], p["position"], p["spread"], p["title"]
        person, name = p["person"], p["name"]
        word_weight: dict[str, float] = {}
        for g in groups:
            main = g.key
            size = len(main)
            tf = len(g.mentions)
            if not g.name:
                within = inside.get(main)  # (a group has mentions: tf >= 1 > an absent key's 0)
                if within is not None and within >= max(tf, sub_independent):
                    continue  # "quotas" when "fishing quotas" says it as often
            elif size == 1 and g.kind in ("entity", "organization", "person") and 2 * sum(m.parent is not None for m in g.mentions) >= tf:
                continue  # only ever a modifier ("Iraqi army"): its phrases carry it
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
        order = lambda sg: (-sg[0], sg[1].label.lower(), sg[1].label)  # noqa: E731
        scored.sort(key=order)
        chosen: list[tuple[float, Any]] = []
        penalised: set[int] = set()
        superset = p["superset"]
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
                insort(scored, (score * superset, g), lo=i, key=order)
                continue
            chosen.append((score, g))
        top = chosen[0][0] if chosen else 1.0
        return tuple(Tag(g.label, g.kind, round(score / top, 6)) for score, g in chosen)


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


Factory = Callable[[Resources], Tagger]

REGISTRY: Mapping[str, Factory] = {
    "keyphrase": lambda resources: KeyphraseTagger(resources),
    "capitalised": lambda resources: Capitalised(),
}

DEFAULT = "keyphrase"


def get_tagger(name: str, resources: Resources) -> Tagger:
    return build(REGISTRY, name, DEFAULT, resources, UnknownTagger, "tagger")
