"""Tag candidates: noun phrases and proper-name sequences found in POS-tagged sentences.

Each mention records where it was found (sentence, token offset) and the context cues
that later decide its kind: a title before a name (person), "in"/"at" before it (place),
an organisation word inside it or "group" after it (organization), a reporting verb
next to it (person, weak).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Iterable

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
MODIFIERS = frozenset({"JJ", "VBN"})
# Tags before a gerund that make it a modifier ("the fishing quotas", "on fishing quotas").
_GERUND_AFTER = frozenset({"DT", "PRP$", "POS", "IN", "JJ", "CC", "``", ",", "CD"})
PROPER = frozenset({"NNP", "NNPS"})
MAX_PHRASE = 4
MAX_NAME = 6

# Titles and honorifics: a capitalised name right after one is a person.
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. sen sen. rep rep. gov gov.
    gen gen. col col. lt lt. capt capt. sgt sgt. adm adm. maj maj. president vice-president premier chancellor
    minister secretary senator congressman congresswoman governor mayor judge justice ambassador king queen
    prince princess pope bishop archbishop cardinal rabbi imam sheikh general colonel lieutenant captain
    sergeant admiral commander chief chairman chairwoman chairperson director spokesman spokeswoman
    spokesperson professor doctor coach manager striker midfielder defender goalkeeper actor actress singer
    rapper author novelist economist analyst lawyer attorney prosecutor leader founder ceo executive
    candidate nominee deputy councillor councilman councilwoman officer detective inspector sheriff""".split()
) | frozenset(
    # roles in news copy ("said broker Shakil Rizvi", "veteran dissident Wang Donghai")
    """broker trader strategist editor journalist dissident activist diplomat envoy""".split()
)
# Words that make a capitalised sequence an organisation.
ORG_WORDS = frozenset(
    """inc inc. corp corp. co co. ltd ltd. llc plc group agency ministry department university college school
    institute institution bank company corporation association federation union council committee commission
    bureau board authority party army navy police court parliament congress senate assembly foundation
    fund trust society organisation organization office service services airlines airways motors
    industries holdings partners network times post news press club league church hospital museum
    laboratories labs systems technologies railway railways studios records newsroom desk radio television
    broadcasting""".split()
)
# A generic noun after a name that only says what the name is: "the Islamic State group".
ORG_TAILS = frozenset({"group", "groups", "militia", "movement", "organisation", "organization", "network"})
PLACE_CUES = frozenset({"in", "at", "near", "from", "across", "outside", "inside"})
_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "to", "with", "by", "near", "across"})
SAY_VERBS = frozenset({"said", "says", "told", "added", "asked", "stated", "argued", "explained", "wrote", "warned"})
# Lower-case words allowed inside a name when the part before them is an organisation or a title.
NAME_LINKS = frozenset({"of", "for", "&"})
# Leading modifiers that add nothing to a phrase ("other countries", "last week").
WEAK_MODIFIERS = frozenset(
    """other many several such same own much more most few last next first second third new old
    top major recent certain various further whole entire main key possible likely different
    former latter previous early late big small large high low good bad best great long little fewer less
    higher lower greater larger smaller bigger better worse""".split()
)
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug.
    sep sep. sept sept. oct oct. nov nov. dec dec. today yesterday tomorrow""".split()
)
_TITLE_OR_DATE = TITLES | CALENDAR
# Nouns that measure or date something but are no topic on their own (singular keys, as
# entities.word_key makes them): time words, units, currencies. Closed classes of English.
MEASURE_WORDS = frozenset(
    """second minute hour day night morning afternoon evening week weekend fortnight month quarter year
    decade century time period moment date percent per-cent pct percentage point metre meter kilometre
    kilometer km mile yard foot feet inch centimetre centimeter millimetre millimeter gram kilogram kg
    tonne ton pound lb ounce oz litre liter gallon barrel acre hectare degree celsius fahrenheit watt
    kilowatt megawatt gigawatt byte megabyte gigabyte dollar euro sterling stg yen yuan renminbi franc
    rupee peso rouble ruble lira krone krona kroner leu lei zloty forint won baht ringgit rand shekel
    dinar riyal dirham cent pence penny""".split()
)
# Between sentences in document_mentions' token and tag lists: no token (tokens hold no
# white space), tag, cue or name word, and no letter.
_SEP = "\n"
_LETTER = re.compile(r"[^\W\d_]")
_NAME_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|du|van|von|le|la|o|mc|mac)[-’'][A-Z]")
# Pure word tests that cost more than a lookup run many times per document; a bounded memo
# (per process, no state beyond the cache; a few MB at most) makes a repeat one lookup.
# Tests cheaper than a lookup go without: a miss (insertion, then eviction) costs ~0.4 us.
WORD_CACHE = 1 << 14


def is_capitalised(word: str) -> bool:
    # Not memoised: cheaper than a cache lookup for most words (name_runs' memo covers the rest).
    if not word:
        return False
    if word[0].isupper():
        return True
    if word[0].isdigit():  # "3M", "7-Eleven"
        return any(c.isupper() for c in word)
    # "al-Abadi" (the prefix pattern needs a hyphen or an apostrophe)
    return ("-" in word or "'" in word or "’" in word) and bool(_NAME_PREFIX.match(word))


def is_acronym(word: str) -> bool:
    # Not memoised: the upper-case test turns almost every word away faster than a cache
    # lookup, and about half the words asked about are new to a cache (a costly miss).
    # (Dropping ".", "&" and "-" cannot make a word upper-case: they are uncased.)
    if not word.isupper():
        return False
    letters = word.replace(".", "").replace("&", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalnum() and letters.isupper() and any(c.isalpha() for c in letters)


@dataclass(slots=True)
class Mention:
    words: tuple[str, ...]
    sentence: int
    offset: int  # token offset in the document
    name: bool  # a proper-name sequence
    initial: bool = False  # starts its sentence
    cues: dict[str, int] = field(default_factory=dict)
    paren: tuple[str, ...] | None = None  # the words in brackets right after it
    parent: tuple[str, ...] | None = None  # the noun phrase it sits in, when longer
    key: tuple[str, ...] = ()  # its words' keys (entities.phrase_key), set when grouped
    owns: str = ""  # the "'s" that belongs to the name, when the text uses "X's" as a name of its own


def _cue(mention: Mention, kind: str, weight: int = 1) -> None:
    mention.cues[kind] = mention.cues.get(kind, 0) + weight


AGE = 2
POSSESSIVE_NAMES = True
BARE_APPOSITION = True
# After "X's", words that show the "'s" is part of a name ("Boatmen's was", "for Boatmen's."),
# not a possessive ("Nordrail's chief").
_AFTER_OWN_NAME = frozenset({".", ",", ";", ":", ")", "?", "!", "was", "is", "has", "had", "said", "says", "will", "would", "could"})
EMPLOYER = 2
PLACE_OF = True
ORG_BEFORE = True
# "the town of X": nouns that say the name after "of" is a place.
PLACE_NOUNS = frozenset("town city village province region county district island port suburb capital".split())
# Common nouns for an organisation right before or after its name: "brewer Okocim", "Interfax news agency".
ORG_NOUNS = frozenset("""company firm group agency newspaper daily weekly broadcaster bank lender insurer brewer
    carrier airline conglomerate maker manufacturer producer retailer miner operator utility""".split())
# "Lund said he would": a pronoun right after the reporting verb says the speaker is a person.
SAID_HE = 2
_HE = frozenset({"he", "she"})
# Words between a place preposition and a place: "in neighbouring Korvik", "near downtown Harbury".
LOCATIVES = frozenset("neighbouring neighboring nearby northern southern eastern western central downtown".split())
# What a company reports and owns ("Nordrail's profit", "its subsidiary"), seldom said of a person.
COMPANY_HOLDINGS = frozenset(
    "profit profits output sales revenue revenues turnover subsidiary subsidiaries shareholders".split()
)
# What follows an age in commas: "Jane Roe, 42, said", "Jane Roe, 42 --".
_AFTER_AGE = frozenset({",", "--", "-", ")", _SEP})


def _company_after(toks: list[str], lows: list[str], k: int, stop: int) -> bool:
    """Whether toks[k:] opens with capitalised words ending in a company suffix ("Bancshares Inc.")."""
    for j in range(k, min(k + 4, stop)):
        if not is_capitalised(toks[j]):
            return False
        if j > k and lows[j] in COMPANY_SUFFIXES:
            return True
    return False


def _past_paren(toks: list[str], end: int) -> int:
    """The index right after the ")" closing a short bracket at toks[end] (end itself if none)."""
    for j in range(end + 1, min(end + 8, len(toks) - 1)):
        if toks[j] == ")":
            return j + 1
        if toks[j] == _SEP:
            break
    return end


def _he_after(lows: list[str], k: int) -> bool:
    """Whether lows[k:] opens with "he" or "she", "that" allowed before it ("said that she")."""
    return lows[k] in _HE or lows[k] == "that" and lows[k + 1] in _HE


def _holding_after(toks: list[str], lows: list[str], k: int, stop: int) -> bool:
    """Whether toks[k:] opens with what a company has and a person seldom does, one lower-case
    modifier allowed before it: "output rose", "six-month output", "net profit"."""
    if k < stop and lows[k] in COMPANY_HOLDINGS:
        return True
    return k + 1 < stop and toks[k].islower() and lows[k + 1] in COMPANY_HOLDINGS


def _age(tok: str) -> bool:
    return tok.isdigit() and len(tok) <= 2 and 10 <= int(tok)


def _paren_after(toks: list[str], end: int) -> tuple[str, ...] | None:
    """Words between brackets starting at toks[end], if short: "Islamic State (IS)"."""
    if end < len(toks) and toks[end] == "(":
        for j in range(end + 1, min(end + 7, len(toks))):
            if toks[j] == ")":
                inner = tuple(t for t in toks[end + 1 : j] if _LETTER.search(t) or t[:1].isdigit())
                return inner or None
            if not (_LETTER.search(toks[j]) or toks[j] in {"&", "-"}):
                return None
    return None


def name_runs(toks: list[str], tags: list[str], stopwords: frozenset[str], lows: list[str] | None = None) -> list[tuple[int, int]]:
    """Spans [start, end) of capitalised proper-noun sequences, joined by of/for/& inside names.

    toks may hold several sentences, each followed by _SEP (as document_mentions lays them out).
    """
    if lows is None:
        lows = [t.lower() for t in toks]
    runs: list[tuple[int, int]] = []
    n = len(toks)
    end = 0
    # Only tokens that may be capitalised (is_capitalised) can start a name: most are plain
    # lower-case words or punctuation.
    starts = [
        i for i, t in enumerate(toks) if t[0].isupper() or t[0].isdigit() or ("-" in t or "'" in t or "’" in t) and t[0].islower()
    ]
    word = _name_word
    for i in starts:
        if i < end:
            continue
        tok, tag = toks[i], tags[i]
        flags = word(tok, stopwords)
        if not flags & _NAME_WORD:
            continue
        # Off-sentence-start capitals the tagger called something else: "F-35", "COVID-19", "Daesh".
        if tag not in PROPER and not (
            i > 0 and toks[i - 1] != _SEP and tag in _OTHER_NAME_TAGS and (flags & _ACRONYM or "-" in tok or tag != "JJ")
        ):
            continue
        shouting = flags & _SHOUTING  # toks[j - 1]'s
        j = i + 1
        while j < n:  # (a _SEP ends a run: it is neither capitalised nor a link word)
            flags = word(toks[j], stopwords)
            if (flags & _SHOUTING) != shouting and not toks[j].endswith(".") and not (flags & _SHOUTING and _capitals_name(toks, lows, i, j, stopwords)):
                break  # "MBABANE" then "David": a dateline or a heading glued to a name
            if flags & _NAME_WORD and tags[j] in _NAME_TAGS:
                shouting = flags & _SHOUTING
                j += 1
                continue
            if (
                (lows[j] in NAME_LINKS or lows[j] == "and" and lows[j - 1] not in COMPANY_SUFFIXES and _suffix_ahead(lows, j + 1))
                and j + 1 < n
                and (toks[j] == "&" or lows[j] == "and" or lows[j - 1] in ORG_WORDS or lows[j - 1] in TITLES)
                and (flags := word(toks[j + 1], stopwords)) & _NAME_WORD
                and tags[j + 1] in _NAME_TAGS
            ):
                shouting = flags & _SHOUTING
                j += 2
                continue
            break
        runs.append((i, j))
        end = j
    return runs


def _capitals_name(toks: list[str], lows: list[str], start: int, end: int, stopwords: frozenset[str]) -> bool:
    """Whether a shouting word after toks[start:end] continues their name: they are all in
    capitals and open with no stopword ("LOS ANGELES", "NEW YORK": the first word reads as an
    acronym, the second as shouting). A short word after shouting ones does not ("... METALS"
    then "NY Dow"), nor a headline's "ON" before "STRONG DATA"."""
    return lows[start] not in stopwords and all(t.isupper() for t in toks[start:end])


# Company suffixes: "Nippon Telegraph and Telephone Corp" is one name, "and" inside it.
COMPANY_SUFFIXES = frozenset("inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv bv gmbh spa ab asa oyj kk".split())


def _suffix_ahead(lows: list[str], k: int) -> bool:
    """Whether a company suffix follows within three tokens (no sentence end between)."""
    for t in lows[k : k + 3]:
        if t == _SEP:
            return False
        if t in COMPANY_SUFFIXES:
            return True
    return False


_COMPOUND_ADJ = re.compile(r"-(?:led|based|backed|born|owned|run|made|style|funded|controlled|era)$", re.IGNORECASE)


# Tags a name word may have besides NNP/NNPS (the tagger's guesses for unusual capitals).
_OTHER_NAME_TAGS = frozenset({"NN", "NNS", "FW", "CD", "JJ"})
_NAME_TAGS = PROPER | _OTHER_NAME_TAGS
# _name_word's answers, as bits.
_NAME_WORD = 1  # may be part of a name, given a name's tag
_SHOUTING = 2  # _shouting
_ACRONYM = 4  # is_acronym


def _shouting(word: str) -> bool:
    """A word in capitals too long for an acronym: "CHATTANOOGA", "HONG"."""
    if word[1:].islower() or word.islower():  # (no upper-case letter, or one at most)
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


@lru_cache(maxsize=WORD_CACHE)
def _name_word(tok: str, stopwords: frozenset[str]) -> int:
    """Everything name_runs asks of a token but its tag, in one memo lookup (bits above):
    per word, not per word and tag, so that a word's later uses are hits whatever its tag."""
    flags = (_SHOUTING if _shouting(tok) else 0) | (_ACRONYM if is_acronym(tok) else 0)
    if not is_capitalised(tok) or not _LETTER.search(tok) or "-" in tok and _COMPOUND_ADJ.search(tok):
        return flags
    low = tok.lower()
    if low in stopwords and (not flags & _ACRONYM or len(tok) > 2) or low in CALENDAR:
        return flags
    return flags | _NAME_WORD


def sentence_mentions(
    toks: list[str], tags: list[str], sentence: int, offset: int, stopwords: frozenset[str]
) -> list[Mention]:
    """All candidate mentions of one tagged sentence."""
    return document_mentions([(toks, tags, sentence)], stopwords, offset)


def document_mentions(
    sentences: Iterable[tuple[list[str], list[str], int]], stopwords: frozenset[str], offset: int = 0
) -> list[Mention]:
    """All candidate mentions of a document's tagged sentences ((tokens, tags, sentence index)
    each), sentence by sentence, their offsets counted from `offset` over the non-empty ones.

    The sentences are scanned as one token list, each followed by _SEP, so that the per-token
    work (lower-casing, the name and noun-phrase scans) runs once per document, not per sentence.
    _SEP is no token, tag or cue word, so nothing crosses it; the cues that look further than
    one token past a name stop at its sentence's end explicitly.
    """
    toks, tags, spans = _joined(sentences)
    out: list[Mention] = []
    if not spans:
        return out
    lows = [t.lower() for t in toks]
    runs = name_runs(toks, tags, stopwords, lows)
    classes = _phrase_classes(toks, tags, lows, stopwords)
    phrases = [m.span() for m in _NOUN_PHRASE.finditer(classes)]
    name_at: dict[int, Mention] = {}
    covered: set[int] = set()  # tokens of names and of the roles before them
    r = p = 0
    for ordinal, (sentence, first, stop) in enumerate(spans):
        shift = offset - 1 - ordinal  # toks position -> document offset
        while r < len(runs) and runs[r][0] < stop:
            start, end = runs[r]
            r += 1
            covered.update(range(start, end))
            mention = _name_mention(toks, lows, start, end, first, stop, sentence, shift)
            if mention is None:
                continue
            start, end = mention.offset - shift, mention.offset - shift + len(mention.words)
            out.append(mention)
            for k in range(start, end):
                name_at[k] = mention
        while p < len(phrases) and phrases[p][0] < stop:
            start, end = phrases[p]
            p += 1
            mention = _phrase_mention(toks, tags, lows, start, end, first, sentence, shift, covered, name_at)
            if mention is not None:
                out.append(mention)
    return out


def _joined(
    sentences: Iterable[tuple[list[str], list[str], int]],
) -> tuple[list[str], list[str], list[tuple[int, int, int]]]:
    """The sentences as one token and one tag list, each sentence followed by _SEP, and
    (sentence index, first token, its _SEP) for each non-empty sentence."""
    toks: list[str] = [_SEP]
    tags: list[str] = [_SEP]
    spans: list[tuple[int, int, int]] = []
    for words, word_tags, index in sentences:
        if words:
            spans.append((index, len(toks), len(toks) + len(words)))
            toks += words
            toks.append(_SEP)
            tags += word_tags
            tags.append(_SEP)
    return toks, tags, spans


def _phrase_classes(toks: list[str], tags: list[str], lows: list[str], stopwords: frozenset[str]) -> str:
    """One letter per token for the noun-phrase pattern: N a noun, M a modifier, x neither.

    A phrase word is longer than one character, no stopword or calendar word, and has a letter
    (checked inline: this runs for every noun and modifier of the document).
    """
    return "".join(
        [
            "x"
            if c == "x" or len(w) < 2 or low in stopwords or low in CALENDAR or not (w[0].isalpha() or _LETTER.search(w))
            else c if c != "G" else "M" if _modifier(tags, j) else "x"
            for j, (w, low, c) in enumerate(zip(toks, lows, map(_TAG_CLASS.get, tags, repeat("x"))))
        ]
    )


def _name_mention(
    toks: list[str], lows: list[str], start: int, end: int, first: int, stop: int, sentence: int, shift: int
) -> Mention | None:
    """The name in toks[start:end] without a leading role, with its typing cues; None if only titles."""
    person_cue = lows[start - 1] in TITLES
    # Split off a leading role: "US Secretary of State John Kerry" -> "John Kerry".
    if not TITLES.isdisjoint(lows[start : end - 1]):
        last_title = max(k for k in range(start, end - 1) if lows[k] in TITLES)
        # "Secretary of State John Kerry", "Minister for Health Jane Roe": the role ends after its object.
        if last_title + 3 < end and lows[last_title + 1] in NAME_LINKS:
            last_title += 2
        start = last_title + 1
        person_cue = True
    # Titles alone ("President", "Mr.") are no names.
    while end > start and lows[end - 1] in TITLES:
        end -= 1
    if end <= start or _TITLE_OR_DATE.issuperset(lows[start:end]):
        return None
    mention = Mention(tuple(toks[start:end]), sentence, shift + start, True, initial=start == first)
    if person_cue:
        _cue(mention, "person", 3)
    if not ORG_WORDS.isdisjoint(lows[start + 1 : end]) or (
        end - start > 1 and lows[start] in {"university", "ministry", "bank", "department"}
    ):
        _cue(mention, "organization", 3)
    nxt = lows[end]  # (_SEP at the sentence's end)
    if nxt in ORG_TAILS:
        _cue(mention, "organization", 2)
    if AGE and nxt == "," and _age(toks[end + 1]) and lows[end + 2] in _AFTER_AGE:
        _cue(mention, "person", AGE)  # "Ines Moreau, 42, said": an age in commas
    elif nxt in SAY_VERBS:
        if lows[start - 1] in _PREPOSITIONS:
            pass  # "residents of Korvik said": the residents spoke
        elif _he_after(lows, end + 1):
            _cue(mention, "person", SAID_HE)  # "Lund said he would": the pronoun says who spoke
        elif lows[start - 1] == "the" and not lows[end - 1].endswith("s"):
            # "the Harbour Gazette said": a person speaks without "the"; a plural ("the Kurds said") is a people
            _cue(mention, "organization", 2)
        else:
            _cue(mention, "person", 1)  # "Lund said"
    elif nxt == "," and toks[end + 1].isdigit():
        _cue(mention, "person", 1)
    if PLACE_OF and lows[start - 1] == "of" and lows[start - 2] in PLACE_NOUNS:
        _cue(mention, "place", 3)  # "the town of Korvik", "the city of Arbil"
    if ORG_BEFORE and lows[start - 1] in ORG_NOUNS and lows[start - 2] not in ("of", "'s", "’s"):
        _cue(mention, "organization", 2)  # "equipment group Radiometer", "news agency Interfax"
    if ORG_BEFORE and (nxt in ORG_NOUNS or nxt == "news" and lows[end + 1] in ("agency", "service")):
        _cue(mention, "organization", 2)  # "Interfax news agency", "the Nordpost newspaper"
    elif nxt == "(" and lows[_past_paren(toks, end)] in ORG_NOUNS:
        _cue(mention, "organization", 2)  # "the Dagens Tidning (Daily Times) newspaper": a translation between
    possessive = nxt in ("'s", "’s")
    if POSSESSIVE_NAMES and possessive and (lows[end + 1] in _AFTER_OWN_NAME or end + 1 == stop):
        mention.owns = toks[end]  # "Boatmen's was the prize", "after Boatmen's.": the 's is the name's own
    if POSSESSIVE_NAMES and possessive and _company_after(toks, lows, end + 1, stop):
        _cue(mention, "organization", 2)  # "Boatmen's Bancshares Inc.": the name of a company or its owner
    if lows[start - 1] in SAY_VERBS and not possessive:
        _cue(mention, "person", 1)  # "said Jane Roe", but not "said Nordrail's chief executive"
    if possessive and _holding_after(toks, lows, end + 1, stop):
        _cue(mention, "organization", 2)  # "Nordrail's half-year profit": what a company reports
    if possessive and not TITLES.isdisjoint(lows[end + 1 : min(end + 3, stop)]):
        _cue(mention, "organization", 1)  # "Nordrail's chief executive": the name employs the person
    # Appositions: "chief executive, Maja Lund" and "Ines Moreau, a metals analyst".
    if lows[start - 1] == "," and lows[start - 2] in TITLES:
        _cue(mention, "person", 3)
    if nxt == "," and lows[end + 1] in ("a", "an", "the") and not TITLES.isdisjoint(lows[end + 2 : min(end + 5, stop)]):
        _cue(mention, "person", 2)
    elif BARE_APPOSITION and nxt == "," and toks[end + 1].islower() and (
        lows[end + 1] in TITLES or toks[end + 2].islower() and lows[end + 2] in TITLES
    ) and end + 3 < stop and lows[end + 3] in ("of", "at", "for", "with"):
        _cue(mention, "person", 2)  # "Xiao Qiang, executive director of ...", "Bill Jordan, general secretary of ..."
    if EMPLOYER and nxt in TITLES and toks[end].islower() and end + 1 < stop and is_capitalised(toks[end + 1]) and lows[end + 1] not in TITLES:
        _cue(mention, "organization", EMPLOYER)  # "Federal Reserve governor Lawrence Lindsey": the name employs the person
    if lows[start - 1] in PLACE_CUES or lows[start - 1] in LOCATIVES and lows[start - 2] in PLACE_CUES:
        _cue(mention, "place", 1)  # "in Korvik", "in neighbouring Korvik"
    if toks[end] == "-based":
        _cue(mention, "place", 1)
    mention.paren = _paren_after(toks, end)  # (stops at a _SEP: no letter in it)
    return mention


def _phrase_mention(
    toks: list[str], tags: list[str], lows: list[str], start: int, end: int, first: int, sentence: int,
    shift: int, covered: set[int], name_at: dict[int, Mention],
) -> Mention | None:
    """The noun phrase toks[start:end] without weak leading modifiers; None when a name stands for it."""
    while start < end and (tags[start] not in NOUNS and lows[start] in WEAK_MODIFIERS):
        start += 1
    if start >= end:
        return None
    if end - start > MAX_PHRASE:
        start = end - MAX_PHRASE
    if end - 1 in covered:
        return None  # ends with a name or a title: the name (and its role) stand as a mention
    words = tuple(toks[start:end])
    if not name_at.keys().isdisjoint(range(start, end)):
        names = {id(name_at[k]): name_at[k] for k in range(start, end) if k in name_at}
        # A name and a generic "group" after it is the name itself.
        only = next(iter(names.values())) if len(names) == 1 else None
        if only is not None and lows[end - 1] in ORG_TAILS and only.offset + len(only.words) == shift + end - 1:
            return None
        for m in names.values():
            m.parent = words
    return Mention(words, sentence, shift + start, False, initial=start == first)


# Letters for the noun-phrase pattern: modifiers (gerunds when one modifies a noun), then nouns.
_TAG_CLASS = {**dict.fromkeys(NOUNS, "N"), **dict.fromkeys(MODIFIERS, "M"), "VBG": "G"}
_NOUN_PHRASE = re.compile("M*N+")


def _modifier(tags: list[str], j: int) -> bool:
    # "fishing quotas": a gerund right before a common noun modifies it (a _SEP: a sentence start).
    return tags[j] in MODIFIERS or (
        tags[j] == "VBG"
        and j + 1 < len(tags)
        and tags[j + 1] in {"NN", "NNS"}
        and (j == 0 or tags[j - 1] in _GERUND_AFTER or tags[j - 1] == _SEP)
    )
