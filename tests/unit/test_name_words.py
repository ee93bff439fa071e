"""candidates' word tests take shortcuts (an upper-case gate, one memo per word for name_runs):
they must answer as the plain definitions below do, Unicode's odd letters included (ⅰ is a
lower-case numeral, 中 an uncased letter, ǅ a title-case one)."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from enricher.tags import candidates as c

ALPHABET = "AaBbCcZzǅ中ⅰⅠ19-.&'’_"
words = st.text(alphabet=ALPHABET, min_size=1, max_size=9)


def ref_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalnum() and letters.isupper() and any(ch.isalpha() for ch in letters)


def ref_capitalised(word: str) -> bool:
    if word[0].isupper():
        return True
    if word[0].isdigit():
        return any(ch.isupper() for ch in word)
    return bool(re.match(r"^(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|du|van|von|le|la|o|mc|mac)[-’'][A-Z]", word))


def ref_shouting(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def ref_name_word(tok: str, stopwords: frozenset[str]) -> bool:
    if not ref_capitalised(tok) or not re.search(r"[^\W\d_]", tok) or c._COMPOUND_ADJ.search(tok):
        return False
    low = tok.lower()
    return not (low in stopwords and (not ref_acronym(tok) or len(tok) > 2) or low in c.CALENDAR)


def ref_starts(tok: str, tag: str, later: bool, stopwords: frozenset[str]) -> bool:
    if not ref_name_word(tok, stopwords):
        return False
    if tag in c.PROPER:
        return True
    return later and tag in {"NN", "NNS", "FW", "CD", "JJ"} and (ref_acronym(tok) or "-" in tok or tag != "JJ")


def ref_continues(tok: str, tag: str, stopwords: frozenset[str]) -> bool:
    return ref_name_word(tok, stopwords) and tag in {"NNP", "NNPS", "NN", "NNS", "FW", "CD", "JJ"}


def ref_name_runs(toks: list[str], tags: list[str], stopwords: frozenset[str]) -> list[tuple[int, int]]:
    """name_runs as first written: every token tested on its own, no memo."""
    lows = [t.lower() for t in toks]
    runs, end, n = [], 0, len(toks)
    for i, tok in enumerate(toks):
        if i < end or not ref_starts(tok, tags[i], i > 0 and toks[i - 1] != c._SEP, stopwords):
            continue
        j = i + 1
        while j < n:
            if ref_shouting(toks[j]) != ref_shouting(toks[j - 1]) and not toks[j].endswith("."):
                if not (ref_shouting(toks[j]) and lows[i] not in stopwords and all(t.isupper() for t in toks[i:j])):
                    # ("LOS ANGELES" is one run)
                    break
            if ref_continues(toks[j], tags[j], stopwords):
                j += 1
                continue
            if (
                lows[j] in c.NAME_LINKS
                and j + 1 < n
                and ref_continues(toks[j + 1], tags[j + 1], stopwords)
                and (toks[j] == "&" or lows[j - 1] in c.ORG_WORDS or lows[j - 1] in c.TITLES)
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        end = j
    return runs


@settings(max_examples=400, deadline=None)
@given(words)
def test_word_tests_answer_as_their_definitions(word: str) -> None:
    stopwords = frozenset({"the", "of", "us", "it"})
    assert c.is_acronym(word) == ref_acronym(word)
    assert c.is_capitalised(word) == ref_capitalised(word)
    assert c._shouting(word) == ref_shouting(word)
    flags = c._name_word(word, stopwords)
    assert bool(flags & c._NAME_WORD) == ref_name_word(word, stopwords)
    assert bool(flags & c._SHOUTING) == ref_shouting(word)
    assert bool(flags & c._ACRONYM) == ref_acronym(word)


def test_odd_letters() -> None:
    assert c._shouting("ABCDⅰ") and not "ABCDⅰ".isupper()  # the reason _shouting has no upper-case gate
    assert not c._shouting("ABC中") and "ABC中".isupper()
    assert c.is_capitalised("al-Abadi") and not c.is_capitalised("al-abadi") and not c.is_capitalised("alabadi")
    assert c.is_acronym("U.S.") and not c.is_acronym("U.s.") and not c.is_acronym("...")


def test_name_runs_match_the_plain_scan() -> None:
    rng = random.Random(5)
    vocab = (
        "John Kerry MBABANE David US Secretary of State for & Bank University the The IS F-35 COVID-19 "
        "Monday al-Abadi US-led Daesh HONG KONG Co. Mr. said , . of the US UN it It ABCDⅰ"
    ).split()
    tag_set = "NNP NNPS NN NNS JJ FW CD IN DT VBD , .".split()
    stopwords = frozenset({"the", "of", "for", "us", "it", "said"})
    for _ in range(3000):
        toks, tags = [c._SEP], [c._SEP]
        for _ in range(rng.randint(1, 3)):
            n = rng.randint(1, 10)
            toks += [rng.choice(vocab) for _ in range(n)] + [c._SEP]
            tags += [rng.choice(tag_set) for _ in range(n)] + [c._SEP]
        assert c.name_runs(toks, tags, stopwords) == ref_name_runs(toks, tags, stopwords), (toks, tags)


def test_words_in_capitals_run_on_only_from_short_ones() -> None:
    stopwords = frozenset({"on", "the", "of"})

    def runs(words: str) -> list[str]:
        toks = [c._SEP, *words.split(), c._SEP]
        tags = [c._SEP] + ["NNP"] * (len(toks) - 2) + [c._SEP]
        return [" ".join(toks[a:b]) for a, b in c.name_runs(toks, tags, stopwords)]

    # A dateline: a short word in capitals (an acronym's length) then a shouting one.
    assert runs("SAN DIEGO") == ["SAN DIEGO"]
    # Not a shouting headline then a short word ("NY Dow" is a name of its own) ...
    assert runs("GOLD METALS NY Dow") == ["GOLD METALS", "NY Dow"]
    # ... nor a stopword in capitals then shouting words.
    assert "ON STRONG DATA" not in runs("JUMP ON STRONG DATA")
