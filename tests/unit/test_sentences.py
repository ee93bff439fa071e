"""FastPunkt answers exactly as nltk's Punkt does, on its shortcuts and off them."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktTokenizer

from enricher.resources import Resources
from enricher.text.sentences import FastPunkt


@pytest.fixture(scope="module")
def pair():
    Resources().sentence_splitter("english")  # raises ResourceMissing, saying what to install
    return PunktTokenizer("english"), FastPunkt("english")


# Pieces near the rules' edges: abbreviations, initials and numbers (collocations' first
# words), sentence starters, marks, quotes and brackets, ellipses, hyphens, and white space
# the stdlib and the `regex` engine disagree on (\x1c) or that is not ASCII.
PIECES = st.sampled_from(
    [
        "said", "The", "the", "however", "Mr", "mr", "U.S", "Co", "Jan", "St", "ill", "ore", "B", "j", "e.g", "I",
        "Bach", "Smith", "smith", "Levine", "credit", "Credit", "who", "1990", "4%", "3.5", "-2", "No", "x",
        "well-known", "a-b", "co-", "-ill", "Über", "ça", "état", "ſ", "İ", "日本",
        ".", ".", ".", "?", "!", "?!", "...", ". . .", "..", ",", ";", ":", "-", "--", "—", "…",
        '"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}", "*", "@", "&", "#", "`", "%",
        " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r", "\f", "\v", "\xa0", "\x1c", "\x85", "\u2003", "\u3000", "\u200b",
    ]
)
TEXT = st.lists(PIECES, max_size=30).map("".join)
# Shaped like the contexts Punkt asks about: a word, a mark, and what follows it.
WORD = st.sampled_from(["x", "K", "mr", "Mr", "Co", "U.S", "1990", "said", "The", "ill", "a-b", "co-ill", "‘Mr", "(Jan", '"Bach'])
CONTEXT = st.tuples(TEXT, WORD, st.sampled_from([".", "?", "!", "...", '."', ".)", "”."]), PIECES, WORD, TEXT).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TEXT, CONTEXT))
def test_contexts_decided_as_punkt_decides_them(pair, text):
    # The shortcut must hold for any string, not only for the contexts Punkt builds.
    punkt, fast = pair
    assert fast.text_contains_sentbreak(text) == punkt.text_contains_sentbreak(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_text_split_as_punkt_splits_it(pair, text):
    punkt, fast = pair
    assert fast.tokenize(text) == punkt.tokenize(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT, CONTEXT), min_size=1, max_size=4).map(" ".join))
def test_spans_as_punkt_finds_them(pair, text):
    # Several candidate ends a text, overlapping words before them, closing marks to realign.
    punkt, fast = pair
    assert list(fast.span_tokenize(text)) == list(punkt.span_tokenize(text))
    assert list(fast.span_tokenize(text, False)) == list(punkt.span_tokenize(text, False))


def test_shortcuts_are_taken(pair, monkeypatch):
    # Count the contexts Punkt itself still has to decide: the common ends must not be among them.
    punkt, fast = pair
    asked: list[str] = []
    slow = PunktTokenizer.text_contains_sentbreak

    def counting(self, text):
        asked.append(text)
        return slow(self, text)

    monkeypatch.setattr(PunktTokenizer, "text_contains_sentbreak", counting)
    text = (
        'The barrier opened. It held? Yes! "Stop." She left. Mr. Smith stayed in the U.S. until 1990. '
        "Then it rained... and the river rose."
    )
    assert fast.tokenize(text) == [
        "The barrier opened.", "It held?", "Yes!", '"Stop."', "She left.", "Mr. Smith stayed in the U.S. until 1990.",
        "Then it rained... and the river rose.",
    ]
    assert asked == ["Mr. Smith", "U.S. until", "1990. Then", "rained... and"]


@pytest.mark.parametrize(
    "text",
    [
        "He left. mr. Jones stayed.",  # abbreviation, lower case
        "It was x. the end.",  # an initial
        "Go to co-ill. The end.",  # an abbreviation after a hyphen
        "“Mr. Smith” came.",
        "Look at J. Bach. He wrote.",  # initial and collocation-like
        "It rose 4%. Then fell.",
        "It was 1990. Who knew?",  # ("##number##", "who") is a collocation
        "It ended. . . . Then more.",  # spaced ellipsis
        "It ended.\x1cThen more.",  # a separator: white space for re, not for Punkt's engine
        "It ended.\xa0Then more.",
        "Quoted.” Then more.",
        "Word.) (Then more.)",
    ],
)
def test_edge_cases(pair, text):
    punkt, fast = pair
    assert fast.tokenize(text) == punkt.tokenize(text)
