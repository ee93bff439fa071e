"""enricher.text.stemming.stem gives nltk's English Snowball stems, quirks included."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import EnglishStemmer

from enricher.text.stemming import stem

NLTK = EnglishStemmer().stem


def nltk_or_error(word):
    try:
        return NLTK(word)
    except Exception as exc:  # the same words must fail the same way
        return type(exc)


def ours_or_error(word):
    try:
        return stem(word)
    except Exception as exc:
        return type(exc)


# Every suffix the steps know, endings that trigger their special cases, and starts that
# change R1 (gener-, commun-, arsen-), the y -> Y marking, apostrophes and exceptions.
SUFFIXES = (
    "'s' 's ' ’s ‘ sses ied ies us ss s eedly ingly edly eed ing ed y at bl iz bb dd ff gg mm nn pp rr tt "
    "ization ational fulness ousness iveness tional biliti lessli entli ation alism aliti ousli iviti fulli "
    "enci anci abli izer ator alli bli ogi logi li cli eli alize icate iciti ative ical ness ful ement ance "
    "ence able ible ment ant ent ism ate iti ous ive ize ion sion tion al er ic e l ll le"
).split()
STARTS = (
    "gener commun arsen y ' ’ ‘ a b ab ba bab str oy ay eye hop tap fil hope cont nat rel x w é ü 9 - _ sky news "
    "skis inning proceed"
).split()
WORDS = st.tuples(st.sampled_from(STARTS), st.lists(st.sampled_from(SUFFIXES + STARTS), max_size=3)).map(
    lambda parts: parts[0] + "".join(parts[1])
)
LETTERS = st.text(alphabet="aeiouybcdglmnrst'’Y", max_size=10)


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(WORDS, LETTERS))
def test_same_stem_as_nltk(word):
    assert ours_or_error(word) == nltk_or_error(word)


def test_same_stems_on_ordinary_words():
    text = """
        The council's engineers said the tidal barrier, designed in 1987 by Hartmann & Sons, was
        generously funded; communities along the estuary hoped its floodgates would protect homes
        during stormy winters. Critics argued that hopeful predictions were unrealistic and its
        operational effectiveness, reliability and sensitivity to silting remained questionable.
        Relational, conditional, rationalisation, hopefulness, callousness, decisiveness, feudalism,
        formality, sensibility, fruitfully, digitizer, operator, electricity, electrical, goodness,
        adjustment, dependence, allowance, adoption, controlling, agreed, feed, happily, crying, dying,
        skies, news, proceedings, succeeded, atlas, analogies, archaeology, y'all, yelling, sayings, abated,
        elated, visibly, ''
    """
    words = [w.strip(".,;'") for w in text.lower().split()] + ["'s", "''s", "’tis", "yyy", "eyes", "buyer"]
    assert [ours_or_error(w) for w in words] == [nltk_or_error(w) for w in words]
