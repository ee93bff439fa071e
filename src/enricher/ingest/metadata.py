"""Article metadata found in the text: byline, dateline, dates.

Kept apart from the body choice so that the dump and HTML paths share it.
"""

from __future__ import annotations

import re
from datetime import datetime

from .captions import NEWS_AGENCIES, agencies_in
from .dedupe import normalise

_BYLINE = re.compile(r"^\s*(?:written\s+)?by[:\s]+(?P<name>[A-Z][\w'.-]+(?:[\s,]+(?:and\s+)?[A-Z][\w'.-]+){0,5})"
                     r"(?:\s*[,|/-]\s*.*)?$", re.I)
# "LONDON (Reuters) -", "PARIS, Jan 5 (AFP) -", "WASHINGTON -"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{1,40}?(?:,\s*[A-Z][\w. ]{1,30}?)?)\s*(?:,\s*[\w .]{3,20}?)?\s*"
    r"(?:\((?P<agency>[\w ]{2,25})\))?\s*[-\u2013\u2014:]+\s+(?=\S)")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_TEXT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>\d{4})|"
    r"(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b")


# Where the names in a byline stop: "on", "updated", a separator, a number, a weekday or a month.
_NAME_END = re.compile(
    r"\s+(?:on|updated|published|posted)\b|\s*[|]\s*|\s+\d|,?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)


def byline(line: str) -> str | None:
    """The author names of a 'By Jane Doe' line, else None."""
    head = line.lstrip()[:8].lower()
    if not (head.startswith("by") or head.startswith("written")) or len(line.split()) > 12:
        return None
    text = " ".join(normalise(line).split())
    m = _BYLINE.match(text)
    if not m:
        return None
    name = _NAME_END.split(m.group("name"), maxsplit=1)[0]
    return name.strip(" ,") or None


def dateline(paragraph: str) -> tuple[str | None, str | None]:
    """The dateline opening a paragraph ('LONDON (Reuters) -') and the agency named in it."""
    m = _DATELINE.match(normalise(paragraph))
    if not m:
        return None, None
    place = m.group("place").strip()
    if not any(c.isupper() for c in place) or place != place.upper() and not m.group("agency"):
        return None, None
    agency = None
    if m.group("agency"):
        found = agencies_in(m.group("agency"))
        agency = found[0] if found else None
        if agency is None:
            return None, None
    return m.group(0).strip(" -\u2013\u2014:"), agency


# A dateline on a line of its own: "VIENNA 1996-12-06", "NICE, France 1996-08-30", "OSLO, March 3",
# "WASHINGTON, Jan. 5, 2024": a place in capitals (a region after a comma may be in mixed case),
# then a date and nothing else.
_DATELINE_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})(?:,\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})?,?\s+"
    r"(?:\d{4}-\d{2}-\d{2}|(?P<month>[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,\s*\d{4})?)$")


_NOT_PLACE = re.compile(r"(?:updated|published|posted|last updated|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", re.I)


def dateline_line(texts: list[str]) -> str | None:
    """The first of a few lines (those around the body's start) that is a dateline alone:
    "VIENNA 1996-12-06" -> "VIENNA 1996-12-06". The place must be in capitals and have a
    letter that is no full stop's; a month written out must be a month."""
    for text in texts:
        line = " ".join(text.split())
        if len(line) > 60:
            continue
        m = _DATELINE_LINE.match(line)
        if not m or sum(c.isalpha() for c in m.group("place")) < 3 or _NOT_PLACE.match(m.group("place")):
            continue
        month = m.group("month")
        if month and not any(name.startswith(month.lower()) for name in _MONTHS):
            continue
        return line
    return None


def has_date(text: str) -> bool:
    """Whether a line names a date (e.g. 'Nov 19, 2019', '2019-11-19', '19/11/2019')."""
    return bool(_TEXT_DATE.search(text) or _ISO_DATE.search(text) or _NUM_DATE.search(text))


_NUM_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


def iso_date(value: str) -> str | None:
    """An ISO 8601 date (or date-time) from a machine or human date string, else None."""
    value = value.strip()
    m = _ISO_DATE.search(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200):  # 0001-01-01: a CMS placeholder
            return None
        if m.group(4):
            tz = m.group(7) or ""
            if tz and tz != "Z" and ":" not in tz:
                tz = tz[:3] + ":" + tz[3:]
            return f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}:{m.group(6) or '00'}{tz}"
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _TEXT_DATE.search(value)
    if m:
        day, month, year = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1") else (
            m.group("d2"), m.group("m2"), m.group("y2"))
        month_no = next((n for name, n in _MONTHS.items() if name.startswith(month.lower()[:3])), None)
        if month_no:
            try:
                return datetime(int(year), month_no, int(day)).date().isoformat()
            except ValueError:
                return None
    return None


def main_agency(evidence: list[str]) -> str | None:
    """The news agency most often named in credits, bylines, datelines and author boxes."""
    counts: dict[str, int] = {}
    for text in evidence:
        for agency in agencies_in(text):
            if agency in NEWS_AGENCIES:
                counts[agency] = counts.get(agency, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda a: counts[a])
