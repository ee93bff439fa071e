"""Lines of a page and the evidence each carries: the cleaner's unit of text.

A page dump is cut into lines (w3m writes one paragraph per line, blocks apart by
blank lines); HTML blocks become lines carrying structural hints (html.py). Each line
gets its text features once (features) and a prose quality from about -1 (furniture)
to +1 (prose) (quality); dump.py chooses the body from them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import captions as cap
from . import metadata as meta
from .dedupe import words

# Function words of the languages we meet most; their density tells prose from lists of names.
FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just may me might more most must my no nor not
now of off on once only or other our out over own same she should so some such than that the their them
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your said says
der die das und ist nicht ein eine zu den mit von auf für sich dem des im auch es an als wie wir werden
le la les et est un une des du en que qui dans pour pas sur au avec ce il elle sont
el los las y es un una que en por con para del se lo al como más
o os as e um uma que em por com para do da dos das não no na se mais
il lo gli e di che è per con del della non una un
de het een en van ik te dat op zijn niet met voor
""".split())

_BULLET = re.compile(r"^\s*([•□◦▪▫■●○◆◇►▶»›·*+]|\[[^\]]*\]$|\d+\.\s*$)")
SENTENCE_END = re.compile(r"[.!?。！？:;\"'”’»)\]]\s*$")
_SENTENCE_CHARS = frozenset(".!?。！？:;\"'”’»)]")  # SENTENCE_END's class
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*[\"'”’)]?\s*$")
URL = re.compile(r"https?://|www\.|\.com\b|@\w")

# Words and phrases of page furniture (cookie prompts, share bars, sign-up boxes): one piece of evidence.
_BOILER_WORDS = frozenset("""cookie cookies newsletter newsletters subscribe subscribers subscription unsubscribe
facebook twitter whatsapp linkedin pinterest instagram reddit javascript inbox notifications login signup
copyright ©""".split())
_BOILER_PHRASES = ("privacy policy", "terms of use", "terms of service", "all rights reserved", "sign up",
                   "sign in", "log in", "follow us", "share on", "share this", "share via", "email this",
                   "print this", "skip to", "ad blocker", "your browser", "click here", "download the app",
                   "download our app", "accept all", "(c) ")


_TOKENS = re.compile(r"[^\W\d_]+")
_PHRASE_KEYS = frozenset(w for p in _BOILER_PHRASES for w in _TOKENS.findall(p))


_BOILER_KEYS = _BOILER_WORDS | _PHRASE_KEYS


def _boilerplate(text: str, tokens: list[str] | None = None) -> bool:
    if "\u00a9" in text:
        return True
    if tokens is None:
        tokens = _TOKENS.findall(text.lower())
    hit = _BOILER_KEYS.intersection(tokens)  # one pass over the words: most lines have none of them
    if not hit:
        return False
    if not _BOILER_WORDS.isdisjoint(hit):
        return True
    # phrases: only look when one of their words is there; plain substring tests beat a regex alternation
    low = text.lower()
    for phrase in _BOILER_PHRASES:  # a loop, not any(generator): this runs on most prose lines
        if phrase in low:
            return True
    return False


_DATE_ONLY = re.compile(
    r"^\W*((updated|published|posted|last updated)\W*)?([A-Za-z]{3,9},?\s+)?"
    r"([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})([\s,|-]+.{0,30})?$", re.I)


@dataclass(eq=False, slots=True)
class Line:
    """One line of input with what we learn about it. HTML fills kind and hint."""

    text: str
    block: int
    kind: str = ""  # from HTML: "p", "h", "li", "caption", "credit", "pre", "quote", "junk"
    hint: float = 0.0  # structural evidence from HTML, added to the line's quality
    words: int = 0
    role: str = ""  # why it is not body: "duplicate", "caption", "credit", ...
    score: float = 0.0
    quality: float = 0.0
    extra: dict = field(default_factory=dict)

    # Features asked for more than once, set once per line by features().
    bullet: bool = False
    boiler: bool = False
    ellipsis: bool = False
    credit: bool = False
    byline: str | None = None
    dated: bool = False
    stop: float = 0.0  # share of function words
    seq: list[str] | None = None  # dedupe.words(text)
    split: list[str] | None = None  # text.split()


def features(line: Line, known: dict[str, Line] | None = None) -> None:
    """Set the line's text features. known: the first line of each text, for this call only (pages repeat lines:
    menus, teasers, a second copy of the body), read and filled here; shared lists are never modified."""
    text = line.text
    if known is not None:
        first = known.get(text)  # the first line with this text: its features are this one's
        if first is not None:
            line.split, line.words, line.seq, line.stop, line.bullet, line.boiler, line.ellipsis, line.credit, \
                line.byline, line.dated = first.split, first.words, first.seq, first.stop, first.bullet, \
                first.boiler, first.ellipsis, first.credit, first.byline, first.dated
            return
    line.split = split = text.split()
    line.words = w = len(split) if text.isascii() else word_count(text, split)  # word_count's ASCII case
    line.seq = tokens = words(text)  # folded word sequence, shared by the features and the repeat finder
    line.stop = sum(map(FUNCTION_WORDS.__contains__, tokens)) / len(tokens) if tokens else 0.0  # _stop_density
    line.bullet = bool(_BULLET.match(text))
    line.boiler = w <= 80 and _boilerplate(text, tokens)
    # a teaser: cut off ("...") or a link to more ("... \u00bb")
    tail = text[-6:]
    line.ellipsis = text.endswith(("...", "\u2026")) or ("..." in tail or "\u2026" in tail) and \
        bool(_ELLIPSIS.search(tail)) or text.endswith(("\u00bb", "\u203a")) and _link_arrow(text)
    line.credit = w <= 10 and not line.bullet and cap.is_credit(text, tokens)
    # a byline starts with "by" or "written" (after spaces, in any case): only B and W lower to b and w
    line.byline = meta.byline(text) if w <= 12 and text.lstrip()[:1] in "bBwW" else None
    line.dated = w <= 12 and bool(_DIGIT.search(text)) and bool(_DATE_ONLY.match(text))
    if known is not None:
        known[text] = line


def _link_arrow(text: str) -> bool:
    """A line ending with an arrow to more ("Full story \u00bb"), not with a closing guillemet (« ... »)."""
    return text.endswith(("\u00bb", "\u203a")) and "\u00ab" not in text and "\u2039" not in text


_DIGIT = re.compile(r"\d")
_WIDE = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def split_lines(text: str) -> list[Line]:
    """A dump's lines, one per paragraph: blank lines separate blocks; a block laid out in columns (a page
    table rendered side by side) is read column by column; hard-wrapped text is joined again."""
    lines: list[Line] = []
    block = 0
    raws: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.strip():
            raws.append(raw)
        elif raws:
            block = _add_block(lines, raws, block) + 1
            raws = []
    if raws:
        _add_block(lines, raws, block)
    return lines


def _add_block(lines: list[Line], raws: list[str], block: int) -> int:
    """Append a block's lines (one block per column); returns the last block number used."""
    if len(raws) == 1:  # most blocks: one line
        lines.append(Line(" ".join(raws[0].split()), block))
        return block
    columns = _columns(raws)
    for k, column in enumerate(columns):
        rows = [" ".join(raw.split()) for raw in column if raw.strip()]
        lines.extend(Line(row, block + k) for row in _unwrap(rows))
    return block + len(columns) - 1


_CELL_START = re.compile(r"(?<=  )\S")
_LETTER = re.compile(r"[^\W\d_]")
_COLUMN_ROWS = 8  # a block laid out in columns has at least this many rows...
_COLUMN_SHARE = 0.35  # ...and at least this share of them start a cell at the gutter...
_COLUMN_CROSS = 0.1  # ...and at most this share of them has a word across it...
_COLUMN_MIN = 10  # ...which lies at least this many characters from the left edge


def _columns(raws: list[str]) -> list[list[str]]:
    """The block's columns, left to right, when its rows are cells side by side: a gutter is a character
    position that no word crosses and where many rows (with text on both sides) start a new cell after
    two spaces. Other blocks come back whole."""
    if len(raws) < _COLUMN_ROWS or "   " not in "\n".join(raws):
        return [raws]
    rows = [raw.expandtabs().rstrip() for raw in raws]
    need = _COLUMN_SHARE * len(rows)
    # a cell start has two spaces after the row's first letter: too few rows with any, no gutter
    if len([row for row in rows if "  " in row.lstrip()]) < need:
        return [raws]
    cross_max = max(1, int(_COLUMN_CROSS * len(rows)))  # a title or a rule may run across the columns
    # where cells start: after two spaces, with a letter somewhere to their left
    starts: Counter[int] = Counter()
    for row in rows:
        letter = _LETTER.search(row)
        if letter is not None:
            starts.update(m.start() for m in _CELL_START.finditer(row, max(_COLUMN_MIN, letter.start() + 1)))
    cuts: list[int] = []
    for c in sorted(c for c, n in starts.items() if n >= need):
        crossing = sum(1 for row in rows if len(row) > c and row[c] != " " and row[c - 1] != " ")
        if crossing <= cross_max and (not cuts or c > cuts[-1] + _COLUMN_MIN):
            cuts.append(c)
    width = max(map(len, rows))
    if not cuts:
        return [raws]
    bounds = [0] + cuts + [width + 1]
    columns = [[row[a:b] for row in rows] for a, b in zip(bounds, bounds[1:])]
    # a page laid out in columns has its text wrapped down one of them; a data table's cells stand alone
    for column in columns:
        cells = [" ".join(raw.split()) for raw in column if raw.strip()]
        if len(cells) - len(_unwrap(cells)) >= _COLUMN_WRAPS:
            return columns
    return [raws]


_COLUMN_WRAPS = 3  # wrapped lines joined again in one column for the block to count as laid out in columns


_WRAP_MIN = 40  # a block whose longest line is shorter is a menu or a list, never wrapped prose
_WRAP_MAX = 132  # longer lines are paragraphs written out whole, never wrapped ones (the width is left to the rest)
_CONTINUES = re.compile(r"^[^\W\d_]")  # a wrapped line goes on with a word, not a bullet, digit or mark


def _unwrap(rows: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped paragraph (text wrapped at a fixed width, as in <pre> or a
    narrow table cell): a line is a wrap when the next line's first word would not have fitted on it.
    The width is the block's longest line up to _WRAP_MAX; a block of short lines (a menu) is left alone."""
    if len(rows) < 2:
        return rows
    width = max((n for n in map(len, rows) if n <= _WRAP_MAX), default=0)
    if width < _WRAP_MIN:
        return rows
    wraps = [width >= len(prev) > width - 1 - len(row.split(" ", 1)[0]) and _CONTINUES.match(row) is not None
             and not _BULLET.match(row) and not _ELLIPSIS.search(prev[-6:])
             # a line written twice (an image's alt text, then its caption) or a credit is no wrap
             and row.split()[:3] != prev.split()[:3] and not (len(row) <= 60 and cap.is_credit(row))
             for prev, row in zip(rows, rows[1:])]
    # one wrap alone in a block must go on in lower case (two captions or headlines can fill a width too)
    many = sum(wraps) >= 2
    out = [rows[0]]
    for wrap, row in zip(wraps, rows[1:]):
        if wrap and (many or row[0].islower()):
            out[-1] += " " + row
        else:
            out.append(row)
    return out


def word_count(text: str, split: list[str] | None = None) -> int:
    n = len(text.split() if split is None else split)
    if text.isascii():
        return n
    # Scripts written without spaces (CJK) count by characters.
    wide = len(_WIDE.findall(text))
    return max(n, wide // 2) if wide > len(text) // 3 else n


def _stop_density(tokens: list[str]) -> float:
    return sum(map(FUNCTION_WORDS.__contains__, tokens)) / len(tokens) if tokens else 0.0




def quality(line: Line, stop_lang: bool) -> float:
    """How much a line looks like body prose, about -1 (furniture) to +1 (prose)."""
    text, w = line.text, line.words
    q = 0.0
    end = text[-4:].rstrip()  # SENTENCE_END.search(text[-4:]) without the regex
    if end and end[-1] in _SENTENCE_CHARS and not (line.ellipsis and _link_arrow(text)):
        q += 0.35
    elif w < 20:
        q -= 0.5  # a short line that is not a sentence: a headline, a link, a label
    if stop_lang:
        share = line.stop / 0.25
        q += 0.5 * (share if share < 1.0 else 1.0) - 0.2
    elif w >= 12:
        q += 0.15
    q += 0.25 if w >= 20 else 0.1 if w >= 10 else -0.45 if w <= 3 else -0.2 if w <= 6 else 0.0
    if line.bullet:
        q -= 0.6
    if line.ellipsis:
        q -= 0.5
    words = line.split if line.split is not None else text.split()
    if w <= 12 and words:
        caps = len([t for t in words if t[0].isupper() or not t[0].isalpha()]) / len(words)  # split: no ""
        if caps > 0.7:
            q -= 0.3
    if line.boiler:
        q -= 0.35 if w >= 25 else 0.6
    if "|" in text or text.count(" / ") >= 2:
        q -= 0.3
    if ("http" in text or "www." in text or ".com" in text or "@" in text) and URL.search(text):
        q -= 0.2
    if line.dated or line.byline:
        q -= 0.4
    return q + line.hint
