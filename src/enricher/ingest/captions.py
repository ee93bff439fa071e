"""Photo captions, photo credits and news-agency names.

A credit is a short line naming a photographer and/or an agency ("Jane Roe,
AFP", "EPA/File", "Photo: Jane Roe", "(Getty Images)"). A caption is the line
just before a credit, or the full line after a truncated copy of itself
("Soldiers stand guard outside the cou..." then the whole sentence).
"""

from __future__ import annotations

import re

from .dedupe import fingerprint, normalise

# Agencies and picture desks, spelt as they appear in credits and datelines.
AGENCIES = {
    "afp": "AFP", "agence france-presse": "AFP", "reuters": "Reuters", "ap": "AP", "associated press": "AP",
    "pa": "PA", "pa media": "PA", "press association": "PA", "epa": "EPA", "epa-efe": "EPA", "efe": "EFE",
    "dpa": "dpa", "ansa": "ANSA", "belga": "Belga", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "tass": "TASS", "upi": "UPI", "bloomberg": "Bloomberg", "ani": "ANI", "pti": "PTI", "ians": "IANS",
    "anadolu": "Anadolu", "aap": "AAP", "cp": "CP", "the canadian press": "CP", "getty images": "Getty Images",
    "getty": "Getty Images", "shutterstock": "Shutterstock", "istock": "iStock", "alamy": "Alamy",
    "sipa": "SIPA", "nurphoto": "NurPhoto", "zuma": "ZUMA", "rex": "Rex", "wire": "Wire",
}
# Agencies that write news (not only pictures): these may fill Article.agency.
NEWS_AGENCIES = {"AFP", "Reuters", "AP", "PA", "EFE", "dpa", "ANSA", "Xinhua", "Kyodo", "Yonhap", "TASS",
                 "UPI", "Bloomberg", "ANI", "PTI", "IANS", "Anadolu", "AAP", "CP", "Belga"}

_AGENCY_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True)) + r")(?![\w-])",
    re.I,
)
_CREDIT_LEAD = re.compile(
    r"^\(?\s*(photo(graph)?s?|image|picture|pic|credit|foto|bild|video|illustration|source)"
    r"(\s+(by|credit|courtesy|copyright))?\s*[:©]", re.I)
_CREDIT_BY = re.compile(r"^\(?\s*(photo(graph)?|image|picture)s?\s+(by|courtesy of|credit)\b", re.I)
_COPYRIGHT = re.compile(r"^\(?\s*(©|\(c\)|copyright\b|image copyright|image caption)", re.I)
_PERSON = r"[A-Z][\w'.-]+(?:\s+[\w'.-]+){0,3}"
# "Jane Roe, AFP", "Jane Roe / AFP / File", "Jane Roe for The Paper", "Jane Roe/Getty Images"
_NAME_AGENCY = re.compile(r"^" + _PERSON + r"\s*[,/|]\s*[A-Z][\w.-]*(\s*[/,]\s*[\w.-]+)*$")
# Caption prose of news agencies: "In this Dec. 12, 2006, file photo, ..." / "This image released by ..."
PHOTO_NOTE = re.compile(r"^(in this|this)\b.{0,80}?\b(photo|image|picture|handout|screenshot|screen grab|"
                        r"video still|frame grab)\b", re.I)
_AGENCY_HEADS = sorted({a.split()[0] for a in AGENCIES}, key=len, reverse=True)
_MAYBE_CREDIT = re.compile(r"[,/|:©(\[]|\b(?:" + "|".join(_AGENCY_HEADS) + r")\b|photo|image|picture|credit|copyright",
                           re.I)
# The same test without the regex for ASCII lines (the regex tries every alternative at every position).
# Every agency name starts with one of these words, as a whole word: "epa-efe" with "epa".
_HEAD_WORDS = frozenset(h for h in _AGENCY_HEADS if h.isalnum())
_WORD = re.compile(r"\w+")


def _may_be_credit(line: str, tokens: list[str] | None = None) -> bool:
    """Whether _MAYBE_CREDIT finds something in the line. tokens: _WORD.findall(line.lower()), when known."""
    if not line.isascii():
        return _MAYBE_CREDIT.search(line) is not None
    if "," in line or "/" in line or "|" in line or ":" in line or "(" in line or "[" in line:
        return True
    low = line.lower()  # the pattern's words, then the agency names
    return "photo" in low or "image" in low or "picture" in low or "credit" in low or "copyright" in low \
        or not _HEAD_WORDS.isdisjoint(_WORD.findall(low) if tokens is None else tokens)


_PARTICLES = frozenset("de da van von der al el bin le la du di dos das via for".split())
_UPPER_TOKEN = re.compile(r"\b[A-Z]{2,}\b")


def agencies_in(text: str) -> list[str]:
    return [AGENCIES[m.group(1).lower()] for m in _AGENCY_RE.finditer(text)
            if m.group(1).isupper() or m.group(1)[0].isupper()]


def is_credit(line: str, words: list[str] | None = None) -> bool:
    """A short photo-credit line. words: dedupe.words(line) when the caller has them (only read for an
    ASCII line, where they are its lower-cased \\w+ tokens)."""
    if len(line) > 120:
        return False
    tokens = words if words is not None and line.isascii() else None
    if not _may_be_credit(line, tokens):  # cheap test first: most short lines are menus
        return False
    text = normalise(line).strip()
    words = text.split()
    if not words or len(words) > 10 or text.endswith((".", "!", "?", ":")) and not text.endswith("File."):
        return False
    if _CREDIT_LEAD.match(text) or _CREDIT_BY.match(text) or _COPYRIGHT.match(text):
        return True
    # an ASCII line none of whose words starts an agency name needs no regex search
    has_agency = not (text.isascii() and _HEAD_WORDS.isdisjoint(
        _WORD.findall(text.lower()) if tokens is None else tokens)) \
        and bool(agencies_in(text))
    inner = text.strip("()[] ")
    if has_agency and len(words) <= 3 and (text.startswith("(") or "/" in text or len(words) == 1 or
                                           inner.lower() in AGENCIES):
        return True  # "(Reuters)", "AFP/File", "Getty Images"
    if _NAME_AGENCY.match(inner) and (has_agency or _UPPER_TOKEN.search(inner.split(",")[-1].split("/")[-1])
                                      or "/" in inner):
        return True  # "Jane Roe, AFP", "Jane Roe, BELGA/AFP/File", "J. Roe/KYODO"
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*|,\s+", inner) if p.strip()]
    if has_agency and 2 <= len(parts) <= 5 and all(
            len(p.split()) <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in p.split()) for p in parts):
        return True  # "Jane Roe | Bloomberg | Getty Images"
    return False


def strip_credit_suffix(line: str) -> tuple[str, str | None]:
    """Split "Protesters march (Image: GETTY)" into caption and credit; credit None if none."""
    m = _TRAILING_NOTE.search(line)
    if m and is_credit(m.group(0).strip()):
        return line[:m.start()].rstrip(), m.group(0).strip().strip("()[] ")
    return line, None


_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]{2,60}[)\]]\s*$")


def truncates(short: str, full: str) -> bool:
    """Whether `short` is `full` cut off and ended with an ellipsis."""
    if not short.rstrip().endswith(("...", "\u2026")):
        return False
    s = normalise(short).rstrip()
    head = fingerprint(s[:-3])
    whole = fingerprint(full)
    if len(head) < 12 or len(whole) <= len(head) - 2:
        return False
    # The cut may fall inside a word, so compare all but the last (possibly partial) word.
    cut = head.rsplit(" ", 1)[0]
    return whole.startswith(cut)
