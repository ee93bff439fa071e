"""The tagger for languages other than English ("multilingual"): keyphrases and typed names.

No part-of-speech model is needed, only what NLTK ships for the language (stop words, Snowball
stemmer) and a background word-frequency table (data/<lang>_wordfreq.txt.gz, from wordfreq):

1. Tokens per sentence; elisions split at the apostrophe ("l'État" -> "l'" + "État").
2. Keyphrase candidates: 1-3-word n-grams inside runs of words bounded by stop words,
   punctuation, numbers and one-letter words; each is keyed by its stemmed, lower-cased words.
3. Name candidates: runs of capitalised words (name particles such as "de", "da", "van" allowed
   inside), split so that no two things are glued (namesplit.py).
4. Score: frequency x the mean rarity of the words (a Zipf ceiling minus the word's
   background frequency) x a boost for the first sentences and for the title.
5. Typing (namesplit.type_names): the language's honorifics, roles, organisation words and
   company suffixes, place prepositions, a gazetteer of countries (in the language),
   subdivisions and cities, given names, and consistency within the document (a surname takes
   its full name's type).
   Without evidence a name stays `entity`.

Languages with NLTK stop words but without cue lists or a frequency table still get the same
method, with what is missing named in the tagging note (see `describe`).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources as _resources
from typing import Callable

from ..ingest.language import ISO_TO_NLTK
from ..model import Document, Tag
from ..resources import Resources
from .cues import cues_for
from .namesplit import NameRun, acronym_expansions, aliases, find_names, split_at_given, type_names
from .wordfreq import load_gazetteer, load_zipf

# One set of constants for every language, chosen on the French and Portuguese dev sets together
# (docs/tags.md): plain tf x mean word rarity, as a TF-IDF with background frequencies would be.
ZIPF_CEILING = 7.0  # rarity(word) = ceiling - Zipf frequency
UNSEEN_ZIPF = 3.0  # a word missing from a table cut at Zipf 3.0 counts as the floor (inflections, names)
NO_TABLE_ZIPF = 4.0  # every word, when the language has no table
TF_POWER = 1.0
LENGTH_POWER = 1.0  # rarity summed over the words and divided by len**power (1: the mean)
POSITION = 1.0  # boost of a candidate first seen in the first sentence, fading with 1/(1+index)
TITLE = 1.0  # boost per share of the candidate's words found in the title
NAME_BONUS = 1.2  # names, typed or untyped, against keyphrases of the same score
SUB_KEEP = 2.0  # a one-word candidate inside a chosen longer one stays if this much more frequent

# Snowball stemmers NLTK has (ISO codes); other languages are keyed by their lower-case words.
SNOWBALL = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "fi": "finnish", "fr": "french", "de": "german",
    "hu": "hungarian", "it": "italian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "es": "spanish", "sv": "swedish",
}
FREQUENCY_TABLES = ("fr", "de", "es", "it", "pt", "nl")

TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d[\d.,]*[^\W\d_]*|[^\w\s]", re.UNICODE)
_APOSTROPHES = "'’"


def tokenize(text: str, stopwords: frozenset[str]) -> list[str]:
    """Word and punctuation tokens; an elided article or preposition becomes its own token."""
    out: list[str] = []
    for tok in TOKEN.findall(text):
        cut = min((i for i in (tok.find("'"), tok.find("’")) if i > 0), default=-1)
        if cut > 0:
            head = tok[:cut]
            if len(head) <= 2 or head.lower() in stopwords:
                out.append(head + "'")
                rest = tok[cut + 1 :]
                if rest:
                    out.append(rest)
                continue
        out.append(tok)
    return out


def is_word(tok: str) -> bool:
    return tok[:1].isalpha()


@dataclass
class _Candidate:
    key: tuple[str, ...]
    forms: Counter = field(default_factory=Counter)
    tf: int = 0
    first: int = 1 << 30


class MultilingualTagger:
    """Stop-word-bounded keyphrases and cue-typed names for any language with NLTK stop words."""

    name = "multilingual"

    def __init__(self, resources: Resources) -> None:
        self._resources = resources
        self._zipf: dict[str, dict[str, float]] = {}
        self._stemmers: dict[str, Callable[[str], str]] = {}
        self._stems: dict[str, dict[str, str]] = {}
        self._places: dict[str, frozenset[str]] = {}
        self._whole_places: dict[str, frozenset[str]] = {}
        self._gazetteer: dict[str, frozenset[str]] | None = None

    # --- what the record says about the method ------------------------------------------------

    def describe(self, language: str, stopwords: frozenset[str]) -> tuple[str, str | None]:
        """(method, fallback note or None) for a document of this language."""
        if not stopwords:
            return "capitalised", f"no stop words for {language!r}: capitalised runs, untyped"
        missing = []
        if language not in SNOWBALL:
            missing.append("no Snowball stemmer (words keyed as written)")
        if language not in FREQUENCY_TABLES:
            missing.append("no background frequency table (word rarity not used)")
        if cues_for(language).roles == frozenset():
            missing.append("no name cues (names left untyped unless in the gazetteer)")
        return self.name, "; ".join(missing) or None

    # --- resources, per language, loaded on first use ----------------------------------------

    def _table(self, language: str) -> dict[str, float]:
        if language not in self._zipf:
            self._zipf[language] = load_zipf(f"{language}_wordfreq.txt.gz") if language in FREQUENCY_TABLES else {}
        return self._zipf[language]

    def _stemmer(self, language: str) -> Callable[[str], str]:
        if language not in self._stemmers:
            name = SNOWBALL.get(language)
            if name:
                from nltk.stem.snowball import SnowballStemmer

                self._stemmers[language] = SnowballStemmer(name).stem
            else:
                self._stemmers[language] = str.lower
        return self._stemmers[language]

    def _stem(self, language: str, word: str) -> str:
        cache = self._stems.setdefault(language, {})
        low = word.lower()
        s = cache.get(low)
        if s is None:
            if len(cache) > 200_000:
                cache.clear()
            s = cache[low] = self._stemmer(language)(low)
        return s

    def places(self, language: str) -> frozenset[str]:
        if language not in self._places:
            self._places[language] = load_places(language)
        return self._places[language]

    def given_names(self) -> frozenset[str]:
        """The English tagger's given names: the table holds names of every language."""
        return self._gazetteer_part("given")

    def whole_places(self, language: str) -> frozenset[str]:
        """Places a name run is never cut inside: the language's places and the table's cities."""
        if language not in self._whole_places:
            self._whole_places[language] = self.places(language) | self._gazetteer_part("city")
        return self._whole_places[language]

    def _gazetteer_part(self, section: str) -> frozenset[str]:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer.get(section, frozenset())

    # --- tagging -------------------------------------------------------------------------------

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]:
        if limit <= 0 or not doc.sentences:
            return ()
        lang, stop = doc.language, doc.stopwords
        if not stop:
            from .capitalised import Capitalised

            return Capitalised().tag(doc, limit)
        cues = cues_for(lang)
        sentences = [tokenize(s.text, stop) for s in doc.sentences]
        title = tokenize(doc.title, stop) if doc.title else []
        lower_words = {t for toks in sentences for i, t in enumerate(toks) if is_word(t) and t.islower()}
        names = find_names(sentences, stop, cues, lower_words, self._table(lang))
        given, places = self.given_names(), self.whole_places(lang)
        names = split_at_given(names, given, places, cues, lower_words, self._table(lang))
        kinds = type_names(names, sentences, cues, places, lower_words, self._table(lang), given)
        return self._rank(doc, sentences, title, names, kinds, limit)

    def _rank(
        self,
        doc: Document,
        sentences: list[list[str]],
        title: list[str],
        names: list[NameRun],
        kinds: dict[tuple[str, ...], str],
        limit: int,
    ) -> tuple[Tag, ...]:
        lang, stop = doc.language, doc.stopwords
        stem = self._stem
        cands: dict[tuple[str, ...], _Candidate] = {}

        def add(words: list[str], sentence: int) -> None:
            key = tuple(stem(lang, w) for w in words)
            c = cands.get(key)
            if c is None:
                c = cands[key] = _Candidate(key)
            c.tf += 1
            c.forms[" ".join(words)] += 1
            c.first = min(c.first, sentence)

        # Name spans: their n-grams are not counted again as keyphrases.
        name_at: dict[tuple[int, int], NameRun] = {(n.sentence, n.start): n for n in names}
        short = aliases(names, cues_for(lang).particles)
        # An acronym counts for its expansion ("UE" for "Union européenne"), typed as the better typed.
        for acronym, expansion in acronym_expansions(names, sentences, stop).items():
            short[acronym] = expansion
            kinds[expansion] = next((k for k in (kinds.get(expansion), kinds.get(acronym)) if k and k != "entity"), "entity")
            if kinds[expansion] == "entity" and expansion[0].lower() in cues_for(lang).org_heads:
                kinds[expansion] = "organization"
        for s_index, toks in enumerate(sentences):
            run: list[str] = []
            i = 0
            while i <= len(toks):
                n = name_at.get((s_index, i))
                tok = toks[i] if i < len(toks) else "."
                if n is not None or not (is_word(tok) and len(tok) > 1 and tok[-1] not in _APOSTROPHES and tok.lower() not in stop):
                    _grams(run, s_index, add)
                    run = []
                    if n is not None:
                        add(list(short.get(n.words, n.words)), s_index)
                        i = n.end
                        continue
                else:
                    run.append(tok)
                i += 1

        table = self._table(lang)
        word_tf: Counter[str] = Counter()
        for c in cands.values():
            for k in c.key:
                word_tf[k] += c.tf
        title_keys = {stem(lang, t) for t in title if is_word(t)}
        name_kind = {
            tuple(stem(lang, w) for w in short.get(n.words, n.words)): kinds.get(short.get(n.words, n.words), "entity")
            for n in names
        }
        scored: list[tuple[float, _Candidate]] = []
        for c in cands.values():
            words = c.forms.most_common(1)[0][0].split(" ")
            if c.key in name_kind and len(words) > 1:
                # a name's articles and particles say nothing of its rarity ("La Poste", "Banco de Portugal")
                words = [w for w in words if w.lower() not in stop] or words
            rarity = 0.0
            for form_word in words:
                zipf = table.get(form_word.lower(), UNSEEN_ZIPF) if table else NO_TABLE_ZIPF
                rarity += max(ZIPF_CEILING - zipf, 0.1)
            score = c.tf**TF_POWER * rarity / len(words) ** LENGTH_POWER
            score *= 1.0 + POSITION / (1.0 + c.first)
            if title_keys:
                score *= 1.0 + TITLE * sum(k in title_keys for k in c.key) / len(c.key)
            if c.key in name_kind:
                score *= NAME_BONUS
            scored.append((score, c))
        scored.sort(key=lambda sc: (-sc[0], sc[1].key))
        return _choose(scored, name_kind, limit)


def _grams(run: list[str], sentence: int, add: Callable[[list[str], int], None]) -> None:
    for size in (1, 2, 3):
        for i in range(len(run) - size + 1):
            gram = run[i : i + size]
            if size == 1 and len(gram[0]) < 3:
                continue
            add(gram, sentence)


def _label(c: _Candidate, name: bool) -> str:
    form = c.forms.most_common(1)[0][0]
    if name:
        written = [f for f in c.forms if f[:1].isupper()]  # the name as written, not a derived word
        return max(written, key=lambda f: c.forms[f]) if written else form
    # A keyphrase is written in lower case unless every occurrence is capitalised mid-sentence.
    lower = [f for f in c.forms if f == f.lower()]
    return max(lower, key=lambda f: c.forms[f]) if lower else form


def _choose(scored: list[tuple[float, _Candidate]], name_kind: dict[tuple[str, ...], str], limit: int) -> tuple[Tag, ...]:
    chosen: list[tuple[float, _Candidate]] = []
    labels: set[str] = set()
    for score, c in scored:
        if len(chosen) >= limit:
            break
        # A candidate inside a chosen one (or containing one) goes unless used far more on its own.
        skip = False
        for _, other in chosen:
            if _contains(other.key, c.key) and c.tf < SUB_KEEP * other.tf:
                skip = True
                break
            if _contains(c.key, other.key) and other.key in name_kind and c.key not in name_kind:
                skip = True  # "ministre Clément Beaune" beside the name itself
                break
        if skip:
            continue
        label = _label(c, c.key in name_kind)
        if label.lower() in labels:
            continue
        labels.add(label.lower())
        chosen.append((score, c))
    top = chosen[0][0] if chosen else 1.0
    return tuple(Tag(_label(c, c.key in name_kind), name_kind.get(c.key, "keyphrase"), round(s / top, 6)) for s, c in chosen)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    if n >= len(longer):
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def load_places(language: str) -> frozenset[str]:
    """Lower-case place names valid in this language (data/places_multi.txt.gz); empty if absent."""
    try:
        data = _resources.files(__package__).joinpath("data", "places_multi.txt.gz").read_bytes()
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return frozenset()
    names: set[str] = set()
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        lang, _, values = line.partition("\t")
        if lang in ("*", language):
            names.update(values.split("|"))
    return frozenset(names)


def supported(language: str) -> bool:
    return language in ISO_TO_NLTK


