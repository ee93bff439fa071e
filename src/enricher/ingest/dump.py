"""Recover the article from a page-text dump or plain text.

Interface: clean_dump(text) -> Article. Raises NotAnArticle when the input holds
no article (an index page, an error page, nothing but navigation).

How: the text is cut into lines (w3m writes one paragraph per line, blocks
apart by blank lines). Each line is scored from evidence (length, sentence
punctuation, function-word density, bullets, teaser ellipses, title-case
link lists, repetition); captions with their credits and later copies of the
text are set aside first. The body is the contiguous run of lines with the
highest total score (a max-sum run), where section-ending headers such as
"Comments" or "You may also like" weigh heavily against crossing and damp the
prose after them, so a comment thread or a teaser list does not win. Inside
the run, junk lines are dropped and short lines between prose kept as
subheads. html.py feeds the same machinery with lines carrying structural
hints. Everything is local to the call: same input, same output.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import EnricherError
from ..model import Article
from . import captions as cap
from . import metadata as meta
from .dedupe import Seen, fingerprint
from .lines import SENTENCE_END, URL, Line, features, quality, split_lines, word_count
from .markers import ABOUT_PERSON, AUTHOR_BOX, COMMENTS_WORDS, END_MARK, END_WORDS, HEAD, INLINE_MARK, is_comments, \
    may_start


class CleaningError(EnricherError):
    """Base of the cleaner's errors."""


class NotAnArticle(CleaningError):
    """The input is readable but holds no article; the record is 'skipped'."""


_END_BARRIER = 30.0  # cost of running through an end-of-article header
_GAP_GROWTH = 2.0  # the k-th furniture line in a row costs (1 + k / this) times its own cost
_DAMP_AFTER_END = 0.3  # prose after such a header counts this much (comments, teasers)


def _mark_captions(lines: list[Line], html: bool = False) -> None:
    """Find caption groups: [truncated...] caption credit, or an HTML figcaption."""
    gallery = not html and _gallery(lines)
    if not html:
        _mark_slides(lines)
    for i, line in enumerate(lines):
        if line.kind == "credit" or (line.kind in ("", "caption") and line.credit):
            line.role = "credit"
            prev = lines[i - 1] if i else None
            if prev is None or prev.bullet or prev.words < 3:
                continue
            if prev.role == "caption":
                line.extra["has_caption"] = True
            # in a dump the caption sits in the credit's block (or, in a gallery, in the block before);
            # HTML blocks are finer, so the line before
            elif prev.role == "" and prev.kind in ("", "caption") and prev.words <= 80 and \
                    (prev.block == line.block or html or gallery and _bare_credit(line) and _alone(lines, i) and _alone(lines, i - 1)):
                prev.role = "caption"
                line.extra["has_caption"] = True
        elif line.kind == "caption":
            line.role = "caption"
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        text = line.text  # truncates() wants an ellipsis at the end, trailing spaces aside
        if (text.endswith(("...", "\u2026")) or text[-1:].isspace() and text.rstrip().endswith(("...", "\u2026"))) \
                and cap.truncates(text, nxt.text):
            line.role = "caption_cut"
            if nxt.role == "":
                nxt.role = "caption"
        elif line.role == "" and nxt.role == "caption" and \
                fingerprint(line.text) == fingerprint(nxt.text):
            line.role = "caption_cut"  # alt text written just before the same caption
    for line in lines:
        if not html and line.role == "" and "&" in line.text and _ENTITY.search(line.text):
            line.role = "caption_cut"  # a dump renders the page's entities: one left as is is image alt text
        if line.role == "" and line.kind in ("", "p") and line.words <= 60 and not line.bullet \
                and (line.text[0] in "iItT" or not line.text[0].isascii()) and cap.PHOTO_NOTE.match(line.text):
            line.role = "caption"  # "In this Dec. 12 file photo, ..."
            body, credit = cap.strip_credit_suffix(line.text)
            if credit:
                line.extra["caption"], line.extra["credit"] = body, credit
        if line.role == "" and not line.kind and line.words <= 40 and "(" in line.text and not line.bullet:
            body, credit = cap.strip_credit_suffix(line.text)
            if credit and not SENTENCE_END.search(body[-1:] or "") or credit and line.words <= 25:
                line.role = "caption"
                line.extra["caption"], line.extra["credit"] = body, credit


_ENTITY = re.compile(r"&(#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-z]{2,6});")


def _alone(lines: list[Line], i: int) -> bool:
    """Whether line i is a block of its own in a dump (blank lines before and after it)."""
    return (i == 0 or lines[i - 1].block != lines[i].block) and \
        (i + 1 == len(lines) or lines[i + 1].block != lines[i].block)


_GALLERY_MIN = 3
_SLIDE_WORDS = 4  # a slide's caption has at least this many words


def _mark_slides(lines: list[Line]) -> None:
    """A slideshow in a dump: blocks made of an empty bullet (the slide's picture) and one line of text,
    at least _GALLERY_MIN of them on the page; those lines are the slides' captions."""
    slides = [k + 1 for k in range(len(lines) - 1)
              if lines[k].bullet and lines[k].words == 1 and lines[k + 1].words >= _SLIDE_WORDS
              and lines[k + 1].block == lines[k].block and (k == 0 or lines[k - 1].block != lines[k].block)
              and (k + 2 == len(lines) or lines[k + 2].block != lines[k].block)]
    if len(slides) >= _GALLERY_MIN:
        for k in slides:
            if lines[k].role == "" and not lines[k].kind:
                lines[k].role = "caption"


def _gallery(lines: list[Line]) -> bool:
    """A photo gallery in a dump: at least _GALLERY_MIN credits alone in their block, each just after a
    line alone in its block (picture, caption, credit, picture...)."""
    n = 0
    for i in range(1, len(lines)):
        if _bare_credit(lines[i]) and _alone(lines, i) and _alone(lines, i - 1):
            n += 1
            if n >= _GALLERY_MIN:
                return True
    return False


def _bare_credit(line: Line) -> bool:
    """A credit and nothing else ("Jane Doe/AFP", "Getty Images"), not a "Photos: ..." link or a copyright."""
    return line.credit and line.words <= 6 and ":" not in line.text and not line.boiler


def _mark_link_cards(lines: list[Line]) -> None:
    """A line written twice in a row (image alt or link, then the same headline) is a teaser card."""
    prints = [" ".join(ln.seq or ()) if 3 <= ln.words <= 30 and ln.kind != "junk" and not ln.text.endswith(".")
              else "" for ln in lines]
    for k, key in enumerate(prints):
        if not key or lines[k].role:
            continue
        for d in (1, 2):
            if k + d < len(lines) and prints[k + d] == key and not lines[k + d].role:
                lines[k].role = lines[k + d].role = "teaser"
                break


def _max_run(scores: list[float]) -> tuple[int, int, float]:
    best, best_i, best_j = 0.0, 0, -1
    run, start = 0.0, 0
    for j, s in enumerate(scores):
        if run <= 0:
            run, start = s, j
        else:
            run += s
        if run > best:
            best, best_i, best_j = run, start, j
    return best_i, best_j, best


def _is_title(line: Line) -> bool:
    """A headline: a few words, not a sentence, not a date, credit, byline, menu or breadcrumb."""
    text = line.text
    if not 3 <= line.words <= 30 or line.bullet or line.dated or line.byline or line.credit or line.boiler:
        return False
    if text.endswith((".", ":", "...", "\u2026", ",")) or "|" in text or END_MARK.match(text) \
            or _NOT_TITLE.match(text) or URL.search(text):
        return False
    tokens = text.split()
    if sum(1 for t in tokens if any(ch.isdigit() for ch in t)) > 0.25 * len(tokens) or meta.has_date(text):
        return False
    if len(_GLUED.findall(text)) >= 2:  # "HomeNewsBusiness": links glued together by the dump
        return False
    return not (line.words <= 4 and cap.agencies_in(text)) and any(ch.isalpha() for ch in text)


_NOT_TITLE = re.compile(r"^\W*(share|you are here|published|posted|updated|last updated|by\b|home\b|menu|"
                        r"search|sign|log ?in|subscribe|advertisement|\d+\.\s)", re.I)
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
# Words of buttons and menus that sit where a section label would.
_NOT_SECTION = frozenset("""home menu search share save copy print email close open next previous back more
learn read login subscribe advertisement sponsored video photos article news latest""".split())


def _is_section(line: Line) -> bool:
    words = line.text.split()
    return 1 <= len(words) <= 3 and words[0][:1].isupper() and not line.bullet \
        and not line.dated and not line.boiler and len(line.text) <= 30 and not INLINE_MARK.match(line.text) \
        and not URL.search(line.text) and words[0].lower().strip(":") not in _NOT_SECTION \
        and not any(ch.isdigit() for ch in line.text)


def extract(lines: list[Line], *, title: str | None = None, html: bool = False, safety_net: bool = True) -> Article:
    """The article in a sequence of lines (from a dump or from HTML blocks). safety_net: reconsider a
    body far shorter than the page's prose (dumps only; HTML has its own net in safety_net.py)."""
    lines = [ln for ln in lines if ln.text]
    if not lines:
        raise NotAnArticle("empty page: no text")
    _read_lines(lines, html)
    i, j = _body_run(lines, html=html)
    net: dict[str, int] = {}
    if safety_net and not html:
        i, j, net = _reconsider(lines, i, j)
    region = lines[i:j + 1]
    byline, bylines = _sort_region(region)
    captions, credits, agency_evidence = _captions_and_credits(lines)
    paragraphs, removed = _paragraphs(lines, region)
    title, section = _title_and_section(lines, i, title)
    if paragraphs and title and fingerprint(paragraphs[0]) == fingerprint(title):
        paragraphs.pop(0)
        removed["title"] += 1

    # Byline, date and author box near the body's edges.
    published = None
    for line in lines[max(0, i - 12):i + 3]:
        if byline is None and line.byline:
            byline = line.byline
            bylines.append(line.text)
        if published is None and line.words <= 12 and (line.dated or line.words <= 6):
            published = meta.iso_date(line.text)
    for line in lines[max(0, i - 6):i] + lines[j + 1:j + 8]:
        if line.words <= 4 or re.search(r"\b(written by|about the author|staff|correspondent)\b", line.text, re.I):
            agency_evidence.append(line.text)

    dateline = None
    if paragraphs:
        dateline, dl_agency = meta.dateline(paragraphs[0])
        if dl_agency:
            agency_evidence.append(dl_agency)
    dateline = meta.dateline_line([ln.text for ln in lines[max(0, i - 12):i + 3]]) or dateline  # "VIENNA 1996-12-06"
    agency = meta.main_agency(agency_evidence + bylines)
    if not paragraphs:
        raise NotAnArticle("no article body left after removing page furniture")
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        section=section,
        byline=byline,
        agency=agency,
        dateline=dateline,
        published=published,
        captions=tuple(captions),
        credits=tuple(credits),
        removed=dict(sorted(removed.items())),
        safety_net=net,
    )


def _read_lines(lines: list[Line], html: bool) -> None:
    """Every line's features, role (caption, credit, teaser card, duplicate) and prose quality."""
    known: dict[str, Line] = {}
    for line in lines:
        if line.kind == "junk":  # HTML furniture (nav, footer...): scored flat, no need to look closer
            line.words = word_count(line.text)
            line.seq = []
        else:
            features(line, known)
    long_lines = [ln for ln in lines if ln.words >= 8]
    stop_lang = bool(long_lines) and sum(ln.stop for ln in long_lines) / len(long_lines) > 0.12

    _mark_captions(lines, html)
    _mark_link_cards(lines)
    _mark_duplicates(lines)
    qualities: dict[tuple[str, float], float] = {}  # a repeated line has the same quality (text and hint)
    for line in lines:
        if line.kind == "junk":
            line.quality = -1.0
            continue
        key = (line.text, line.hint)
        q = qualities.get(key)
        if q is None:
            q = qualities[key] = quality(line, stop_lang)
        line.quality = q


def _mark_duplicates(lines: list[Line]) -> None:
    """Later copies of a text (a second render of the body, a repeated caption) are duplicates."""
    seen = Seen()
    for line in lines:
        if line.kind == "junk":
            continue  # HTML furniture scores as junk whatever it repeats
        if line.role in ("caption", "credit", "caption_cut"):
            seen.add(line.text, line.seq)  # so that a second copy of a caption is a duplicate too
            continue
        if line.words >= 4 and not (line.bullet and line.words <= 6):
            if seen.check(line.text, seq=line.seq):
                line.role = "duplicate"
        else:
            seen.add(line.text, line.seq)


def _body_run(lines: list[Line], damping: bool = True, html: bool = False) -> tuple[int, int]:
    """lines[i:j + 1], the body: the max-sum run of line scores, weak edges trimmed.

    Raises NotAnArticle when the run holds too little prose to be an article.
    """
    i, j, _ = _max_run(_line_scores(lines, damping, html))
    # The run may have picked up weak lines at its edges (a greeting, the headline): trim them.
    while i < j and not _solid(lines[i]):
        i += 1
    while j > i and not _solid(lines[j]) and lines[j].role not in ("caption", "credit"):
        j -= 1
    region = lines[i:j + 1] if j >= i else []
    prose_words = sum(ln.words for ln in region if ln.quality > 0.3 and ln.role == "")
    if not region or prose_words < 25 or not any(ln.words >= 10 and ln.quality > 0.2 for ln in region):
        raise NotAnArticle(_why_not_article(lines))
    return i, j


# The dump safety net: a body far shorter than the page's densest run of prose is reconsidered.
_NET_RATIO = 2.5  # the run holds at least this many times the body's solid prose...
_NET_MIN_WORDS = 300  # ...and at least this many words of it


def _solid_words(lines: list[Line]) -> int:
    """Words in full paragraphs of prose (20 words or more, sentence-like), the evidence of an article."""
    return sum(ln.words for ln in lines if ln.role == "" and ln.quality > 0.5 and ln.words >= 20)


def _reconsider(lines: list[Line], i: int, j: int) -> tuple[int, int, dict[str, int]]:
    """The safety net for dumps: when the page holds a run of prose far longer than the chosen body,
    found without the damping that end-of-article headers put on what follows them and without crossing
    any such header, and that run does not read like comments, it becomes the body (joined to the chosen
    body when they touch). Returns the body's bounds and the decisions {checked, replaced}."""
    body = _solid_words(lines[i:j + 1])
    if _solid_words(lines) < _NET_RATIO * max(body, 1):
        return i, j, {"checked": 0, "replaced": 0}  # the page holds no such run: most pages stop here
    scores = [-1e9 if ln.role == "end_mark" else sc for ln, sc in zip(lines, _line_scores(lines, damping=False))]
    a, b, _ = _max_run(scores)
    while a < b and not _solid(lines[a]):
        a += 1
    while b > a and not _solid(lines[b]):
        b -= 1
    run = lines[a:b + 1]
    if b < a or (a, b) == (i, j) or _solid_words(run) < _NET_RATIO * max(body, 1):
        return i, j, {"checked": 0, "replaced": 0}
    if _solid_words(run) < _NET_MIN_WORDS or _comment_like(run):
        return i, j, {"checked": 1, "replaced": 0}
    if a <= j + 1 and i <= b + 1:  # they overlap or touch: the body grows
        a, b = min(a, i), max(b, j)
    return a, b, {"checked": 1, "replaced": 1}


def _comment_like(run: list[Line]) -> bool:
    """A comment thread: dated lines, a short line repeated ("Reply"), or "Jane said:" lines."""
    dated = sum(1 for ln in run if ln.dated)
    short = Counter(ln.text.lower() for ln in run if ln.words <= 3)
    return dated >= 2 or max(short.values(), default=0) >= 3 or any(is_comments(ln.text) for ln in run)


def _line_scores(lines: list[Line], damping: bool = True, html: bool = False) -> list[float]:
    """Each line's score; an end-of-article header costs a lot and damps the prose after it."""
    prose_so_far = 0.0
    damp = 1.0
    zone = ""  # the page part after the last end-of-article header, to name what is removed
    gap = 0  # furniture lines in a row so far
    scores = []
    is_code, code = ([], frozenset()) if html else _code_lines(lines)
    listed = frozenset() if html else _template_lists(lines)
    for n, line in enumerate(lines):
        if line.kind == "junk":
            line.score = -3.0
        elif line.role in ("duplicate", "caption", "caption_cut", "credit"):
            line.score = 0.0
        elif not html and line.quality <= 0 and not line.bullet and (n in code or is_code[n]):
            line.score = 0.0  # a line of source code: a tutorial's example neither ends nor makes the body
        elif not html and line.quality <= 0 and n in listed:
            line.score = 0.0  # a repeated section label of the text and its list (a review's pros, cons): likewise
            line.extra["listed"] = True
        elif not html and line.quality <= 0 and line.bullet and _written_item(line):
            line.score = 0.0  # an item of a list written in the article (a review's pros and cons): likewise
        elif line.role == "teaser":
            line.score = -3.0
        elif line.words <= 14 and _end_of_article(lines, n, html, code):
            line.role = "end_mark"
            line.score = -_END_BARRIER
            comments = is_comments(line.text)
            zone = "comments" if comments else "author_box" if AUTHOR_BOX.match(line.text) or \
                ABOUT_PERSON.match(line.text) else "teaser"
            if prose_so_far >= 20 and damping:
                damp = min(damp, 0.1 if comments else _DAMP_AFTER_END)
        else:
            q = line.quality
            if q > 0:
                w = line.words
                line.score = q * (w if w < 150 else 150) * damp  # min(), without the call
                prose_so_far += line.score
            else:
                w, neg = line.words, -q * 2
                line.score = -(1.0 + (w if w < 30 else 30) * 0.1 * (neg if neg < 1.0 else 1.0))
        # A long stretch of furniture separates two texts: each further line in a row costs more.
        if line.score < 0:
            line.score *= 1.0 + gap / _GAP_GROWTH
            gap += 1
        elif line.score > 0:
            gap = 0
        scores.append(line.score)
        if zone:
            line.extra["zone"] = zone
    return scores


def _sort_region(region: list[Line]) -> tuple[str | None, list[str]]:
    """Inside the run: keep prose and subheads between prose; mark the byline and the rest as junk.

    Returns the byline found there (or None) and the lines it came from.
    """
    byline = None
    bylines: list[str] = []
    for k, line in enumerate(region):
        if line.role:
            continue
        if line.byline and (byline is None):
            byline = line.byline
            bylines.append(line.text)
            line.role = "byline"
            continue
        if line.quality > 0.1 or line.kind in ("p", "quote", "pre") and line.quality > -0.2:
            continue
        if (line.kind == "h" and line.hint > -0.3) or _subhead(region, k):
            line.extra["subhead"] = True
            continue
        if line.extra.get("listed") and 0 < k < len(region) - 1:
            continue
        line.role = "junk_in_body"
    _keep_inner_lists(region)
    _keep_inner_code(region)
    return byline, bylines


_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+\S")


def _list_item(line: Line) -> bool:
    """A dump line that reads as an item of a list written in the article (not a link or a menu entry)."""
    return not line.kind and line.words >= 2 and (line.bullet or bool(_NUMBERED.match(line.text))) \
        and not line.boiler and not line.ellipsis and not line.dated and not line.credit \
        and not URL.search(line.text) and not line.text.startswith("[")


def _template_lists(lines: list[Line]) -> frozenset[int]:
    """Lists under a repeated label: a short heading ("Pros", "Best for", "Features") written at least
    _TEMPLATE_MIN times on the page, each time over a list of two items or more, is the template of a
    review's sections; those headings and their lists belong to the text (a menu's heading is not
    repeated over lists through the page). Returns their line indices."""
    bullets = [line.bullet for line in lines]
    starts = [k for k in range(len(lines) - 2) if bullets[k + 1] and bullets[k + 2] and not bullets[k]
              and 1 <= lines[k].words <= 4 and lines[k].text[0].isalpha() and lines[k].text[-1].isalnum()]
    counts = Counter(lines[k].text for k in starts)
    found: set[int] = set()
    for k in starts:
        if counts[lines[k].text] >= _TEMPLATE_MIN:
            found.add(k)
            j = k + 1
            while j < len(lines) and bullets[j]:
                found.add(j)
                j += 1
    return frozenset(found)


_TEMPLATE_MIN = 3
_ITEM_WORDS = 5  # a written list item has at least this many words (with its bullet)...
_ITEM_CAPS = 0.5  # ...and at most this share of them capitalised (a menu or a headline is title case)


def _written_item(line: Line) -> bool:
    """A bulleted item written as text in the article ("• Limited sinkage for memory foam lovers"), not a
    menu entry (a word or two) nor a linked headline (title case, a teaser ellipsis, a URL)."""
    if not line.bullet or line.words < _ITEM_WORDS or line.boiler or line.ellipsis or line.dated or line.credit \
            or line.text.startswith("[") or URL.search(line.text):
        return False
    if not line.text.endswith((".", "!", "?")) or line.text.endswith(".."):  # "..": a cut headline
        return False
    tokens = line.split or line.text.split()
    return sum(1 for t in tokens if t[0].isupper() or not t[0].isalpha()) <= _ITEM_CAPS * len(tokens)


def _code(text: str) -> bool:
    """Whether a line reads like source code (braces, semicolons, calls, assignments, comments).

    The same as: ("=" in text or "(" in text or text[-1:] in _CODE_LAST or text[:1] in _CODE_FIRST) and
    _CODE.search(text), one alternative of _CODE at a time and each only when its characters are there
    (most lines have none of them, and _CODE tried every alternative at every position)."""
    if "\n" in text:  # never in a dump line; the whole pattern, where "." stops at a newline
        return ("=" in text or "(" in text or text[-1:] in _CODE_LAST or text[:1] in _CODE_FIRST) \
            and bool(_CODE.search(text))
    if text[-1:] in _CODE_LAST:  # ends with a brace or a semicolon
        return True
    first = text[:1]
    if first in _CODE_FIRST and _CODE_HEAD.match(text):  # a closing bracket, a comment, a tag
        return True
    if "=" in text and _CODE_ASSIGN.search(text):
        return True
    if "(" in text:
        call = _CODE_CALL.search(text)  # the first "x(" has the most text after it for the ")"
        if call is not None and ")" in text[call.end():]:
            return True
    # a brace or a semicolon followed by trailing spaces (the string tests above must have let it through)
    return text[-1:].isspace() and ("=" in text or "(" in text or first in _CODE_FIRST) \
        and _CODE_END.search(text) is not None


_CODE_LAST = frozenset("{};")
_CODE_FIRST = frozenset("}])/*<#-")
_CODE = re.compile(r"[{};]\s*$|^[}\])]|^(//|/\*|\*/|<\w|</|#\s|--\s)|\w\s*=\s*\S|\w\(.*\)")
_CODE_END = re.compile(r"[{};]\s*$")
_CODE_HEAD = re.compile(r"[}\])]|//|/\*|\*/|<\w|</|#\s|--\s")
_CODE_ASSIGN = re.compile(r"\w\s*=\s*\S")
_CODE_CALL = re.compile(r"\w\(")


def _keep_inner_code(region: list[Line]) -> None:
    """A block of source code between two paragraphs of the body (a tutorial's example) is kept whole:
    most of its lines read like code (braces, semicolons, calls, assignments, comments)."""
    k, n = 0, len(region)
    while k < n:
        if region[k].role not in ("junk_in_body", "") or region[k].kind or not _code(region[k].text):
            k += 1
            continue
        end = k
        while end + 1 < n and region[end + 1].role in ("junk_in_body", "", "duplicate") and \
                not (region[end + 1].role == "" and _solid(region[end + 1])):
            end += 1
        block = region[k:end + 1]
        codeish = sum(1 for ln in block if _code(ln.text))
        before = next((ln for ln in reversed(region[:k]) if not ln.role), None)
        after = region[end + 1] if end + 1 < n else None
        if len(block) >= 3 and 2 * codeish >= len(block) and before is not None and after is not None \
                and before.quality > 0.3:
            for line in block:
                if line.role in ("junk_in_body", "duplicate"):
                    line.role = ""
        k = end + 1


def _keep_inner_lists(region: list[Line]) -> None:
    """A list between two paragraphs of the body, announced by a colon or made of sentences, belongs to
    the article: its items are kept (a list of headlines there links to other stories)."""
    k = 0
    n = len(region)
    while k < n:
        if region[k].role != "junk_in_body" or not _list_item(region[k]):
            k += 1
            continue
        end = k
        while end + 1 < n and region[end + 1].role == "junk_in_body" and _list_item(region[end + 1]):
            end += 1
        before = next((ln for ln in reversed(region[:k]) if not ln.role), None)
        after = next((ln for ln in region[end + 1:] if not ln.role), None)
        items = region[k:end + 1]
        # announced by the text ("... as follows:") or made of sentences: not a list of links to other stories
        written = before is not None and before.text.endswith(":") or \
            2 * sum(1 for ln in items if SENTENCE_END.search(ln.text[-2:])) > len(items)
        if written and before is not None and after is not None and before.quality > 0.3 and after.quality > 0.3:
            for line in items:
                line.role = ""
        k = end + 1


def _captions_and_credits(lines: list[Line]) -> tuple[list[str], list[str], list[str]]:
    """Captions (each once), credits, and the credit lines that may name an agency."""
    captions: list[str] = []
    credits: list[str] = []
    cap_seen: set[str] = set()
    agency_evidence: list[str] = []
    for line in lines:
        if line.role == "caption":
            text = line.extra.get("caption", line.text)
            key = fingerprint(text)
            if key and key not in cap_seen:
                cap_seen.add(key)
                captions.append(text)
            if line.extra.get("credit"):
                credit = line.extra["credit"]
                if credit not in credits:
                    credits.append(credit)
                agency_evidence.append(credit)
        elif line.role == "credit" and line.extra.get("has_caption"):
            if line.text not in credits:
                credits.append(line.text)
            agency_evidence.append(line.text)
    return captions, credits, agency_evidence


def _paragraphs(lines: list[Line], region: list[Line]) -> tuple[list[str], Counter[str]]:
    """The body's paragraphs, and every other line counted by why it was removed."""
    paragraphs: list[str] = []
    reasons: list[str] = []
    # the region is a slice of the lines: membership by position
    first = lines.index(region[0]) if region else 0
    last = first + len(region) - 1
    for k, line in enumerate(lines):
        inside = first <= k <= last
        if inside and not line.role:
            paragraphs.append(line.text)
        else:
            reasons.append(_reason(line, inside))
    return paragraphs, Counter(reasons)


def _title_and_section(lines: list[Line], start: int, title: str | None) -> tuple[str | None, str | None]:
    """Title: the headline line just before the body (or the given one); section: a short label before it."""
    title_line = None
    section = None
    if title is None:
        # the nearest headline-like line, preferring fuller headlines over short labels a little further
        best = 0.0
        for back in range(start - 1, max(-1, start - 12), -1):
            cand = lines[back]
            if cand.kind in ("h", "") and cand.role in ("", "duplicate") and _is_title(cand):
                merit = min(cand.words, 15) - 0.5 * (start - back)
                if merit > best:
                    best, title_line = merit, back
        if title_line is not None:
            title = lines[title_line].text
    else:
        key = fingerprint(title)
        for back in range(start - 1, max(-1, start - 40), -1):
            if fingerprint(lines[back].text) == key:
                title_line = back
                break
    if title_line is not None:
        for back in range(title_line - 1, max(-1, title_line - 3), -1):
            text = lines[back].text
            if _is_section(lines[back]):
                section = text
                break
            if any(ch.isalnum() for ch in text):
                break
    return title, section


_ERROR_PAGE = re.compile(
    r"\b(404|403|500|not found|page (you requested )?(could not be|cannot be|can't be|was not) found|"
    r"no longer (exists|available)|access denied|forbidden|server error|something went wrong)\b", re.I)


def _why_not_article(lines: list[Line]) -> str:
    """A reason for the record: what the page looks like instead of an article."""
    head = " ".join(ln.text for ln in lines[:30])
    if _ERROR_PAGE.search(head) and sum(ln.words for ln in lines) < 400:
        return "error page: no article body (the page says it is an error or was not found)"
    short = sum(1 for ln in lines if ln.words <= 15 and not SENTENCE_END.search(ln.text[-4:]))
    if len(lines) >= 8 and short >= 0.7 * len(lines):
        return f"index or navigation page: {short} of {len(lines)} lines are links or headlines, no run of prose"
    return "no article body: no run of prose long enough to be an article"


def _end_of_article(lines: list[Line], n: int, html: bool = False, code: frozenset[int] = frozenset()) -> bool:
    """Whether line n is a header after which the article is over (comments, teasers, author box).
    code: the lines of a code example in a dump (_code_lines), where such words are the example's."""
    line = lines[n]
    head = HEAD.match(line.text)  # first_word, inlined: this runs on most short lines
    first = head.group(1) if head else ""
    # every header below starts with a word of these sets (ABOUT_PERSON's too) or ends with ":" (said:)
    if first.isascii() and first.lower() not in _HEAD_WORDS and not line.text.endswith(":"):
        return False
    if is_comments(line.text, first):
        return n not in code
    if line.bullet or line.words > 8:
        return False
    if ABOUT_PERSON.match(line.text):
        return True
    if not may_start(first, END_WORDS) or not END_MARK.match(line.text):
        return False
    if n in code:
        return False
    return bool(AUTHOR_BOX.match(line.text)) or not _prose_follows(lines, n, html)


_CODE_BLOCK = 2  # a dump block with at least this many lines that read like code...
_CODE_SHARE = 1 / 3  # ...making at least this share of its lines is a code example


def _code_lines(lines: list[Line]) -> tuple[list[bool], frozenset[int]]:
    """Which lines read like code (_code), and the lines of code examples in a dump: there "author: User!"
    or "# Tags" is a field or a comment of the example, not a header, and a line that does not look like
    code is still part of it. A block is a code example when it holds _CODE_BLOCK code lines, a third of
    its lines or one opening a brace; and so is a span from a line opening a brace to the line that closes
    it (_BRACE_SPAN lines at most), which a dump often cuts into several blocks."""
    # A prose line alone in its block is never read as code (_line_scores asks only about furniture, and a
    # code block needs two code lines): long prose lines, where the pattern costs most, are skipped.
    blocks = [line.block for line in lines]
    alone = [a != b != c for a, b, c in zip([-1] + blocks, blocks, blocks[1:] + [-1])]
    # _code's own first test inlined: most lines fail it, and a call per line costs more than the test
    flags = [(line.quality <= 0 or not single) and ("=" in (text := line.text) or "(" in text or text[-1:] in _CODE_LAST
                                                      or text[:1] in _CODE_FIRST) and _code(text)
             for line, single in zip(lines, alone)]
    found: set[int] = set()
    code = Counter(line.block for line, flag in zip(lines, flags) if flag)
    if code:
        many = {b for b, k in code.items() if k >= _CODE_BLOCK}
        if many:
            size = Counter(line.block for line in lines if line.block in many)
            braces = {line.block for line, flag in zip(lines, flags)  # a line opening a type, a function...
                      if flag and line.block in many and line.text.endswith("{")}
            blocks = {b for b in many if code[b] >= _CODE_SHARE * size[b] or b in braces}
            found.update(n for n, line in enumerate(lines) if line.block in blocks)
    opened: list[int] = []
    for n in [n for n, line in enumerate(lines) if "{" in line.text or "}" in line.text]:
        for ch in lines[n].text:
            if ch == "{":
                opened.append(n)
            elif ch == "}" and opened:
                start = opened.pop()
                if not opened and n - start <= _BRACE_SPAN:
                    found.update(range(start, n + 1))
    return flags, frozenset(found)


_BRACE_SPAN = 80


def _prose_follows(lines: list[Line], n: int, html: bool = False) -> bool:
    """Whether the body goes on right after line n: then a 'Related' header there is an inline box."""
    for line in lines[n + 1:n + 5]:
        if line.role in ("", "caption") and line.words >= 20 and line.quality >= 0.8:
            return True
    if html:
        return False
    # a box of a few short links in a dump, then the body again: two full paragraphs right after it
    for k in range(n + 5, min(n + 1 + _BOX_LINES, len(lines))):
        if not all(ln.words <= 15 for ln in lines[n + 1:k]):
            return False
        nxt = lines[k:k + 2]
        if len(nxt) == 2 and all(ln.role == "" and ln.words >= 20 and ln.quality >= 0.8 for ln in nxt):
            return True
    return False


_HEAD_WORDS = END_WORDS | COMMENTS_WORDS
_BOX_LINES = 10  # an inline box of links in a dump has at most this many lines


def _solid(line: Line) -> bool:
    return line.role == "" and line.quality > 0.3 and line.words >= 8


def _subhead(region: list[Line], k: int) -> bool:
    """A short line between prose lines, not a list item nor a teaser: an in-body heading."""
    line = region[k]
    if line.words > 14 or line.bullet or line.ellipsis or line.boiler or line.dated or line.byline \
            or line.kind in ("junk", "li", "td") or line.hint < -0.3 or not re.search(r"[^\W\d_]", line.text) \
            or INLINE_MARK.match(line.text) or line.credit or URL.search(line.text):
        return False
    before = next((ln for ln in reversed(region[:k]) if not ln.role), None)
    after = next((ln for ln in region[k + 1:] if not ln.role), None)
    return bool(before and after and before.quality > 0.3 and after.quality > 0.3)


def _reason(line: Line, in_region: bool) -> str:
    if line.role in ("duplicate", "caption", "credit", "byline", "teaser"):
        return line.role
    if line.role == "caption_cut":
        return "caption"
    if line.role == "end_mark":
        return "section_header"
    if line.boiler:
        return "boilerplate"
    if not in_region and line.extra.get("zone"):
        return line.extra["zone"]
    if line.ellipsis:
        return "teaser"
    if line.kind == "junk" or line.bullet or line.words <= 6:
        return "navigation"
    return "inline_junk" if in_region else "outside_body"


def clean_dump(text: str, *, safety_net: bool = True) -> Article:
    """The article in a page-text dump (w3m, lynx, copy-paste) or plain text.
    safety_net=False: never reconsider the chosen body (Article.safety_net stays empty)."""
    return extract(split_lines(text.replace("\x00", "")), safety_net=safety_net)


__all__ = ["CleaningError", "NotAnArticle", "clean_dump", "extract", "Line"]
