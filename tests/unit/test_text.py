"""The analyser's shortcuts give what the plain calls give."""

from hypothesis import given, settings
from hypothesis import strategies as st

from enricher.text.postag import TOKEN, treebank
from enricher.text.analyse import tagger_tokens

# Full stops after abbreviations, initials and plain words; quotes and apostrophes (which
# send a sentence the long way); tokens that look like them but are not.
PIECES = st.sampled_from(
    [
        "Mr", "Dr", "St", "U.S", "J", "e.g", "said", "the", "Smith", "1990", "3.5", "it's", "don’t", "‘so",
        ".", ".", "..", ". .", "?", ",", "-", '"', "'", "“", "”", "‘", "’", "(", ")", "&", "_", " ", " ", " ",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_tagger_tokens_are_treebanks(text):
    found = TOKEN.findall(text)
    assert tagger_tokens(found, text) == tuple(treebank(found))


def test_tagger_tokens_merge_abbreviations():
    text = "Mr. Smith met Dr. J. Jones in the U.S. on Monday."
    found = TOKEN.findall(text)
    assert tagger_tokens(found, text) == ("Mr.", "Smith", "met", "Dr.", "J", ".", "Jones", "in", "the", "U.S.", "on", "Monday", ".")
