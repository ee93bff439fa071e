"""Language of an article, from stop-word evidence.

NLTK's stop-word lists (29 languages) already ship with the NLTK data we need,
so this costs no extra dependency: the language whose function words cover the
most tokens wins, provided the evidence is clear.
"""

from __future__ import annotations

import re
from collections import Counter

from ..resources import Resources

# ISO 639-1 code <-> NLTK's language names (stop words, punkt, snowball).
ISO_TO_NLTK = {
    "ar": "arabic", "az": "azerbaijani", "bn": "bengali", "ca": "catalan", "da": "danish",
    "de": "german", "el": "greek", "en": "english", "es": "spanish", "eu": "basque",
    "fi": "finnish", "fr": "french", "he": "hebrew", "hu": "hungarian", "id": "indonesian",
    "it": "italian", "kk": "kazakh", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sl": "slovene", "sv": "swedish",
    "tg": "tajik", "tr": "turkish", "zh": "chinese",
}
NLTK_TO_ISO = {v: k for k, v in ISO_TO_NLTK.items()}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z]+")  # _WORD on lower-cased ASCII text, about twice as fast
# Inspect at most this many words: enough evidence, bounded cost on huge inputs.
_SAMPLE_WORDS = 2000
# Least share of the words that must be the winning language's function words.
MIN_SHARE = 0.2


def detect(text: str, resources: Resources) -> str | None:
    """ISO 639-1 code of the text's language, or None ("unknown") when the evidence is too thin."""
    return detect_with_method(text, resources)[0]


def detect_with_method(text: str, resources: Resources) -> tuple[str | None, str]:
    """(ISO code or None, how it was decided): "stopwords", "script" or "unknown"."""
    sample = text[:40000]
    if sample.isascii():  # lower-casing first is then the same, and one call instead of one a word
        words = _ASCII_WORD.findall(sample.lower())[:_SAMPLE_WORDS]
    else:
        # one lower() over the joined words: the same as one per word (a space is no cased letter)
        words = " ".join(_WORD.findall(sample)[:_SAMPLE_WORDS]).lower().split(" ")
    if len(words) < 5:
        return None, "unknown"
    # Count each distinct word once and look it up once in an index of all the stop-word
    # lists, instead of testing every word against each of the 29 lists.
    names, index = resources.stopword_index()
    hits_by = [0] * len(names)
    distinct_by = [0] * len(names)  # how many different stop words of each list occur
    counts = Counter(words)
    # Only the stop words need the Python loop: the intersection runs in C.
    for word in counts.keys() & index.keys():
        n = counts[word]
        for position in index[word]:
            hits_by[position] += n
            distinct_by[position] += 1
    best, best_hits, second_hits, best_distinct = None, 0, 0, 0
    best_at = -1
    for at, (name, hits, distinct) in enumerate(zip(names, hits_by, distinct_by)):  # list order breaks ties
        code = NLTK_TO_ISO.get(name)
        if code is None:
            continue
        if hits > best_hits:
            best, best_hits, second_hits, best_distinct, best_at = code, hits, best_hits, distinct, at
        elif hits > second_hits:
            second_hits = hits
    # Function words make up a third or more of running text: demand a fifth of the words, from
    # at least three different function words, and a clear margin over the runner-up. Below
    # that the answer is "unknown" (None), never a guess: a Polish text (no NLTK list) shares
    # "a", "i", "o", "to" with other lists, which once made it "English" at a tenth of its words.
    if (
        best is None
        or best_hits < max(3, MIN_SHARE * len(words))
        or best_distinct < min(3, len(words) // 3)
        or (best_hits < 1.2 * second_hits and not _rare_words_agree(best_at, counts, index, names))
    ):
        if _mostly_non_latin(words):
            guess = _script_guess(text)
            return (guess, "script") if guess else (None, "unknown")
        return None, "unknown"
    return best, "stopwords"


def _rare_words_agree(best_at: int, counts: Counter[str], index: dict[str, tuple[int, ...]], names: tuple[str, ...]) -> bool:
    """A second chance for a close count: related languages share their commonest function words
    ("de", "la", "a"), so a short French text full of names can tie with Spanish. The words few
    lists share decide then, if they point at the same language 1.5 times more than any other.
    (Computed only for close counts, off the common path.)"""
    rare_by = [0.0] * len(names)  # hits weighted by 1 / how many lists share the word
    for word in counts.keys() & index.keys():
        positions = index[word]
        for position in positions:
            rare_by[position] += counts[word] / len(positions)
    others = [w for at, w in enumerate(rare_by) if at != best_at and NLTK_TO_ISO.get(names[at])]
    return bool(others) and rare_by[best_at] >= 1.5 * max(others)


def _mostly_non_latin(words: list[str]) -> bool:
    letters = "".join(words[:300])
    if not letters:
        return False
    return sum(1 for ch in letters if ord(ch) > 0x24F) > 0.5 * len(letters)


def _script_guess(text: str) -> str | None:
    """Languages with no stop-word list here, told apart by script alone."""
    sample = text[:5000]
    counts = {"ko": 0, "ja": 0, "zh": 0}
    for ch in sample:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7AF:
            counts["ko"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
    if counts["ja"] > 10:
        return "ja"
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return code if n > 20 else None
