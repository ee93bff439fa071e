"""Background word frequencies for the tagger's inverse document frequency.

Reads data/en_wordfreq.txt.gz: a trimmed English table (about 100k lower-case words with
their Zipf frequency, log10 of occurrences per billion words: 7.7 for "the", 4.2 for
"census", 2 for a rare word)
made at build time from the `wordfreq` package by bench/build_wordfreq.py.
"""

from __future__ import annotations

import gzip
from importlib import resources as _resources

# Words absent from the table are rarer than its floor (Zipf 2.0).
UNSEEN_ZIPF = 1.5
TABLE = "en_wordfreq.txt.gz"


def load_zipf(name: str = TABLE) -> dict[str, float]:
    """word -> Zipf frequency; empty when the table is not shipped (the caller degrades)."""
    try:
        data = _resources.files(__package__).joinpath("data", name).read_bytes()
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return {}
    table: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        value, _, words = line.partition("\t")
        zipf = float(value)
        table.update(dict.fromkeys(words.split(" "), zipf))
    return table


GAZETTEER = "en_gazetteer.txt.gz"


def load_gazetteer(name: str = GAZETTEER) -> dict[str, frozenset[str]]:
    """Section -> lower-cased names ("city", "given"), from data/en_gazetteer.txt.gz (made by
    bench/build_gazetteer.py); empty when the table is not shipped (typing then uses cues only)."""
    try:
        data = _resources.files(__package__).joinpath("data", name).read_bytes()
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return {}
    out: dict[str, frozenset[str]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            section, _, names = line.partition("\t")
            out[section] = frozenset(names.lower().split("|"))
    return out
