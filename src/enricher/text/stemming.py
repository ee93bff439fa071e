"""English stems exactly as nltk's Snowball EnglishStemmer gives them, at a fraction of its cost.

nltk's stem() tries each step's suffixes one by one with str.endswith (some seventy calls a
word) and walks the word letter by letter in Python (~8 us a word; this: ~3.5). The
summariser stems each new word of an article: on a cold cache, much of its time. This is the same
algorithm, step for step and quirk for quirk (nltk's handling of R1 and R2 differs from the
Snowball reference in places; nltk's is kept): only the searches are cheaper. A step's
suffixes are tried longest first, as nltk's lists are ordered, so "the first of the list
that ends the word" is "the longest of the set that ends it". tests/unit/test_stemming.py
checks it against nltk.

stem() stays one function on purpose: it is Snowball's steps 0 to 5 in their fixed order, each a
few lines under its own comment, sharing the word and its regions (R1, R2) as locals. Split into
a function per step, those would travel as arguments and return values on every call of the
summariser's hottest loop, and the steps would read no easier than they do in sequence.
"""

from __future__ import annotations

import re

_VOWELS = "aeiouy"
# Where R1 (and R2 within R1) starts: after the first non-vowel that follows a vowel.
_REGION = re.compile(r"[aeiouy][^aeiouy]")
_VOWEL = re.compile("[aeiouy]")
_Y_AFTER_VOWEL = re.compile(r"([aeiouy])y")  # left to right: a "Y" made here is no vowel
_DOUBLES = frozenset(("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"))
_LI_ENDING = "cdeghkmnrt"

_SPECIAL = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    "inning": "inning", "innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
    "cannings": "canning", "herring": "herring", "herrings": "herring", "earring": "earring",
    "earrings": "earring", "proceed": "proceed", "proceeds": "proceed", "proceeded": "proceed",
    "proceeding": "proceed", "exceed": "exceed", "exceeds": "exceed", "exceeded": "exceed",
    "exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed", "succeeded": "succeed",
    "succeeding": "succeed",
}


_Table = dict[str, tuple[tuple[int, frozenset[str]], ...]]


def _by_length(suffixes: str) -> _Table:
    """Suffixes by last letter, then grouped by length, longest first (most words end in a
    letter that ends no suffix of a step)."""
    table: _Table = {}
    for last in {w[-1] for w in suffixes.split()}:
        words = [w for w in suffixes.split() if w[-1] == last]
        lengths = sorted({len(w) for w in words}, reverse=True)
        table[last] = tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)
    return table


_STEP1B = _by_length("eedly ingly edly eed ing ed")
_STEP2 = _by_length(
    "ization ational fulness ousness iveness tional biliti lessli entli ation alism aliti ousli iviti "
    "fulli enci anci abli izer ator alli bli ogi li"
)
_STEP3 = _by_length("ational tional alize icate iciti ative ical ness ful")
_STEP4 = _by_length("ement ance ence able ible ment ant ent ism ate iti ous ive ize ion al er ic")
# Step 2: suffix -> replacement (others have rules of their own below), and the suffixes after
# which R2 becomes "e" when it is shorter than the suffix (nltk's quirk for -ate and -ive).
_STEP2_TO = {
    "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al",
    "aliti": "al", "alli": "al", "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive",
    "biliti": "ble", "bli": "ble",
}
_STEP2_R2_E = frozenset(("ational", "ation", "ator", "iveness", "iviti"))
_STEP2_LAST_E = frozenset(("enci", "anci", "abli"))  # the last letter becomes "e"
_STEP2_CUT = {"tional": 2, "entli": 2, "fulness": 4, "fulli": 2, "lessli": 2}
_STEP3_TO = {"ational": "ate", "icate": "ic", "iciti": "ic", "ical": "ic"}
_STEP3_CUT = {"tional": 2, "alize": 3, "ful": 3, "ness": 4}


def _longest(word: str, table: _Table) -> str | None:
    for n, suffixes in table.get(word[-1:], ()):
        end = word[-n:]
        if end in suffixes:
            return end
    return None


def _replace(region: str, suffix: str, new: str, short: str = "") -> str:
    """nltk's rule for R1 and R2 on a suffix replacement: replaced if the region holds the
    whole suffix, else `short` (the region itself is then shorter than the suffix)."""
    return region[: -len(suffix)] + new if len(region) >= len(suffix) else short


def _cut(word: str, r1: str, r2: str, n: int) -> tuple[str, str, str]:
    # word[:-n] and each region likewise (a region shorter than n becomes "").
    return word[:-n], r1[:-n], r2[:-n]


def stem(word: str) -> str:
    """nltk's SnowballStemmer("english").stem(word)."""
    word = word.lower()
    if len(word) <= 2:
        return word
    special = _SPECIAL.get(word)
    if special is not None:
        return special
    if "\u2019" in word or "\u2018" in word or "\u201b" in word:
        word = word.replace("\u2019", "'").replace("\u2018", "'").replace("\u201b", "'")
    if word[0] == "'":
        word = word[1:]
    if word[:1] == "y":
        word = "Y" + word[1:]
    if "y" in word:
        word = _Y_AFTER_VOWEL.sub(r"\1Y", word)

    if word.startswith(("gener", "commun", "arsen")):
        r1 = word[6:] if word.startswith("commun") else word[5:]
        m = _REGION.search(r1)
        r2 = r1[m.end() :] if m else ""
    else:
        m = _REGION.search(word)
        r1 = word[m.end() :] if m else ""
        m = _REGION.search(r1) if r1 else None
        r2 = r1[m.end() :] if m else ""

    # Step 0: possessives.
    if word.endswith("'"):
        n = 3 if word.endswith("'s'") else 1
        word, r1, r2 = _cut(word, r1, r2, n)
    elif word.endswith("'s"):
        word, r1, r2 = _cut(word, r1, r2, 2)

    # Step 1a: plurals (suffixes sses ied ies us ss s, longest first).
    if word.endswith("s"):
        if word.endswith("sses"):
            word, r1, r2 = _cut(word, r1, r2, 2)
        elif word.endswith(("ied", "ies")):
            word, r1, r2 = _cut(word, r1, r2, 2 if len(word) > 4 else 1)
        elif word.endswith(("us", "ss")):
            pass
        elif _VOWEL.search(word, 0, len(word) - 2):  # a vowel before the last two letters
            word, r1, r2 = _cut(word, r1, r2, 1)
    elif word.endswith(("ied", "ies")):
        word, r1, r2 = _cut(word, r1, r2, 2 if len(word) > 4 else 1)

    # Step 1b.
    suffix = _longest(word, _STEP1B)
    if suffix is not None:
        if suffix in ("eed", "eedly"):
            if r1.endswith(suffix):
                word = word[: -len(suffix)] + "ee"
                r1 = _replace(r1, suffix, "ee")
                r2 = _replace(r2, suffix, "ee")
        elif _VOWEL.search(word, 0, len(word) - len(suffix)):  # a vowel before the suffix
            word, r1, r2 = _cut(word, r1, r2, len(suffix))
            if word.endswith(("at", "bl", "iz")):
                word += "e"
                r1 += "e"
                if len(word) > 5 or len(r1) >= 3:
                    r2 += "e"
            elif word[-2:] in _DOUBLES:
                word, r1, r2 = _cut(word, r1, r2, 1)
            elif r1 == "" and (
                (
                    len(word) >= 3
                    and word[-1] not in _VOWELS
                    and word[-1] not in "wxY"
                    and word[-2] in _VOWELS
                    and word[-3] not in _VOWELS
                )
                or (len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS)
            ):
                word += "e"
                if r2:
                    r2 += "e"

    # Step 1c: y -> i after a non-vowel.
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word = word[:-1] + "i"
        r1 = r1[:-1] + "i" if r1 else ""
        r2 = r2[:-1] + "i" if r2 else ""

    # Steps 2 and 3 need the suffix in R1, step 4 in R2: none when the region is empty.
    # Step 2.
    suffix = _longest(word, _STEP2) if r1 else None
    if suffix is not None and r1.endswith(suffix):
        new = _STEP2_TO.get(suffix)
        if suffix in _STEP2_LAST_E:
            word = word[:-1] + "e"
            r1 = r1[:-1] + "e" if r1 else ""
            r2 = r2[:-1] + "e" if r2 else ""
        elif new is not None:
            word = word[: -len(suffix)] + new
            r1 = _replace(r1, suffix, new)
            r2 = _replace(r2, suffix, new, "e" if suffix in _STEP2_R2_E else "")
        elif suffix in _STEP2_CUT:
            word, r1, r2 = _cut(word, r1, r2, _STEP2_CUT[suffix])
        elif suffix == "ogi":
            if word[-4] == "l":
                word, r1, r2 = _cut(word, r1, r2, 1)
        elif suffix == "li" and word[-3] in _LI_ENDING:
            word, r1, r2 = _cut(word, r1, r2, 2)

    # Step 3.
    suffix = _longest(word, _STEP3) if r1 else None
    if suffix is not None and r1.endswith(suffix):
        new = _STEP3_TO.get(suffix)
        if new is not None:
            word = word[: -len(suffix)] + new
            r1 = _replace(r1, suffix, new)
            r2 = _replace(r2, suffix, new)
        elif suffix in _STEP3_CUT:
            word, r1, r2 = _cut(word, r1, r2, _STEP3_CUT[suffix])
        elif suffix == "ative" and r2.endswith(suffix):
            word, r1, r2 = _cut(word, r1, r2, 5)

    # Step 4.
    suffix = _longest(word, _STEP4) if r2 else None
    if suffix is not None and r2.endswith(suffix):
        if suffix != "ion":
            word, r1, r2 = _cut(word, r1, r2, len(suffix))
        elif word[-4] in "st":
            word, r1, r2 = _cut(word, r1, r2, 3)

    # Step 5.
    if r2.endswith("l") and word[-2] == "l":
        word = word[:-1]
    elif r2.endswith("e"):
        word = word[:-1]
    elif r1.endswith("e"):
        if len(word) >= 4 and (
            word[-2] in _VOWELS or word[-2] in "wxY" or word[-3] not in _VOWELS or word[-4] in _VOWELS
        ):
            word = word[:-1]

    return word.replace("Y", "y")
