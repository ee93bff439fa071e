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
from dataclasses import dataclass, field

from . import captions as cap
from . import metadata as meta
from .dedupe import Seen, fingerprint, normalise, words
from .errors import EnricherError
from .model import Article


class CleaningError(EnricherError):
    """Base of the cleaner's errors."""


class NotAnArticle(CleaningError):
    """The input is readable but holds no article; the record is 'skipped'."""


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
_SENTENCE_END = re.compile(r"[.!?。！？:;\"'”’»)\]]\s*$")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*[\"'”’)]?\s*$")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w")
# Section headers after which the article is over (teasers, comments, author box).
_END_MARK = re.compile(
    r"^\W*(\d+\s+)?(comments?|leave a (comment|reply)|join the (conversation|discussion)|discussion|"
    r"(you (may|might) (also )?like|recommended|related( articles| stories| posts| content| news| reading| links)?|"
    r"more (from|on|in|stories|news|articles)|most (read|popular|viewed|shared)|trending|popular|"
    r"latest (news|stories|videos|articles)|further reading|see also|what to read next|read next|up next|"
    r"about the author|written by|author|share this( article| story| post)?|tags?|topics|filed under|"
    r"sponsored( content| stories)?|around the web|from the web|promoted( stories)?|"
    # the same headers in the other languages we meet most (pt, es, fr, de, it, nl)
    r"coment[aá]rios?|deixe (um|seu) coment[aá]rio|sobre o autor|leia tamb[eé]m|posts? relacionad[oa]s|"
    r"artigos relacionados|art[ií]culos relacionados|sobre el autor|commentaires?|[àa] lire aussi|"
    r"articles? (li[ée]s|similaires)|kommentare?|[äa]hnliche artikel|lesen sie auch|mehr zum thema|"
    r"[üu]ber den autor|weitere (beitr[äa]ge|artikel)|commenti|articoli correlati|reacties|"
    r"gerelateerde artikelen)\b.{0,40})$", re.I)
# "About Jane Doe" / "Über Jane Doe": the author box of a blog post.
_ABOUT_PERSON = re.compile(r"^(?i:about|[üu]ber|sobre|[àa] propos de)\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){1,2}\s*$")
# Comment-thread evidence: a comments header, or "Jane on May 2, 2019 at 4:47 pm said:".
_COMMENTS_HEAD_RE = (r"^\W*(\d+\s+)?(comments?|responses?|replies|leave a (comment|reply)|join the (conversation|"
                     r"discussion)|discussion|reader comments|add (a|your) comment|post a comment|"
                     r"coment[aá]rios?|deixe (um|seu) coment[aá]rio|commentaires?|kommentare?|commenti|"
                     r"reacties)\b.{0,20}$|\d+\s+(coment[aá]rios|commentaires|kommentare|commenti)\b")
_COMMENTS_HEAD = re.compile(_COMMENTS_HEAD_RE, re.I)
_COMMENTS = re.compile(_COMMENTS_HEAD_RE + r"|\b(said|says|wrote|replied|commented)\s*:\s*$", re.I)
_AUTHOR_BOX = re.compile(r"^\W*(written by|about the author|about|author|by the author|more by|sobre|"
                         r"[üu]ber den autor|[àa] propos de l'auteur)\b", re.I)
# Where a header's first word starts: after leading punctuation and an optional count ("12 Comments").
_HEAD = re.compile(r"\W*(?:\d+\s+)?([^\W\d_]+)")
# ASCII spellings of the first words _END_MARK and _COMMENTS_HEAD can start with. Most lines are short,
# so these case-insensitive alternations ran on nearly every line; a set lookup rules most lines out.
# A non-ASCII first word always gets the regex (re.I folds some non-ASCII letters to ASCII ones).
_END_WORDS = frozenset("""comment comments leave join discussion you recommended related more most trending
popular latest further see what read up about written author share tag tags topics filed sponsored around from
promoted comentario comentarios deixe sobre leia post posts artigos articulos commentaire commentaires a
article articles kommentar kommentare ahnliche lesen mehr uber weitere commenti articoli reacties
gerelateerde""".split())
_COMMENTS_WORDS = frozenset("""comment comments response responses replies leave join discussion reader add post
comentario comentarios deixe commentaire commentaires kommentar kommentare commenti reacties""".split())


def _first_word(text: str) -> str:
    """The word a header regex would start at, "" if none."""
    m = _HEAD.match(text)
    return m.group(1) if m else ""


def _may_start(first: str, words: frozenset[str]) -> bool:
    """Whether a header regex starting with one of these words can match a line whose first word is this."""
    return first.lower() in words if first.isascii() else True


# Interruptions inside a body ("Read more:", "Don't miss") that are not its end.
_INLINE_MARK = re.compile(r"^\W*(read more|also read|read also|don'?t miss|advertisement|ad|watch|listen|"
                          r"see more|click here|related)\b", re.I)
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


def _boilerplate(text: str, tokens: list[str] | None = None) -> bool:
    low = text.lower()
    if tokens is None:
        tokens = _TOKENS.findall(low)
    if "\u00a9" in text or not _BOILER_WORDS.isdisjoint(tokens):
        return True
    # phrases: only look when one of their words is there; plain substring tests beat a regex alternation
    return not _PHRASE_KEYS.isdisjoint(tokens) and any(p in low for p in _BOILER_PHRASES)


_DATE_ONLY = re.compile(
    r"^\W*((updated|published|posted|last updated)\W*)?([A-Za-z]{3,9},?\s+)?"
    r"([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})([\s,|-]+.{0,30})?$", re.I)

_END_BARRIER = 30.0  # cost of running through an end-of-article header
_GAP_GROWTH = 2.0  # the k-th furniture line in a row costs (1 + k / this) times its own cost
_DAMP_AFTER_END = 0.3  # prose after such a header counts this much (comments, teasers)


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

    # Features asked for more than once, set once per line by _features().
    bullet: bool = False
    boiler: bool = False
    ellipsis: bool = False
    credit: bool = False
    byline: str | None = None
    dated: bool = False
    stop: float = 0.0  # share of function words
    seq: list[str] | None = None  # dedupe.words(text)
    split: list[str] | None = None  # text.split()


def _features(line: Line, known: dict[str, tuple] | None = None) -> None:
    """Set the line's text features. known: features by text, for this call only (pages repeat lines:
    menus, teasers, a second copy of the body), read and filled here; shared lists are never modified."""
    text = line.text
    if known is not None and text in known:
        (line.split, line.words, line.seq, line.stop, line.bullet, line.boiler, line.ellipsis, line.credit,
         line.byline, line.dated) = known[text]
        return
    line.split = text.split()
    line.words = w = _word_count(text, line.split)
    line.seq = words(text)  # folded word sequence, shared by the features and the repeat finder
    tokens = line.seq
    line.stop = _stop_density(tokens)
    line.bullet = bool(_BULLET.match(text))
    line.boiler = w <= 80 and _boilerplate(text, tokens)
    line.ellipsis = text.endswith(("...", "\u2026")) or bool(_ELLIPSIS.search(text[-6:]))
    line.credit = w <= 10 and not line.bullet and cap.is_credit(text)
    line.byline = meta.byline(text) if w <= 12 else None
    line.dated = w <= 12 and bool(_DIGIT.search(text)) and bool(_DATE_ONLY.match(text))
    if known is not None:
        known[text] = (line.split, line.words, line.seq, line.stop, line.bullet, line.boiler, line.ellipsis,
                       line.credit, line.byline, line.dated)


_DIGIT = re.compile(r"\d")
_WIDE = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def _split_dump(text: str) -> list[Line]:
    lines: list[Line] = []
    block = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            block += 1
            continue
        lines.append(Line(" ".join(raw.split()), block))
    return lines


def _word_count(text: str, split: list[str] | None = None) -> int:
    n = len(text.split() if split is None else split)
    if text.isascii():
        return n
    # Scripts written without spaces (CJK) count by characters.
    wide = len(_WIDE.findall(text))
    return max(n, wide // 2) if wide > len(text) // 3 else n


def _stop_density(tokens: list[str]) -> float:
    return sum(map(FUNCTION_WORDS.__contains__, tokens)) / len(tokens) if tokens else 0.0


_PUNCT = ".,:;!?()[]{}\"'“”‘’«»-–—"


def _quality(line: Line, stop_lang: bool) -> float:
    """How much a line looks like body prose, about -1 (furniture) to +1 (prose)."""
    text, w = line.text, line.words
    q = 0.0
    if _SENTENCE_END.search(text[-4:]):
        q += 0.35
    elif w < 20:
        q -= 0.5  # a short line that is not a sentence: a headline, a link, a label
    if stop_lang:
        q += 0.5 * min(1.0, line.stop / 0.25) - 0.2
    elif w >= 12:
        q += 0.15
    q += 0.25 if w >= 20 else 0.1 if w >= 10 else -0.45 if w <= 3 else -0.2 if w <= 6 else 0.0
    if line.bullet:
        q -= 0.6
    if line.ellipsis:
        q -= 0.5
    words = line.split if line.split is not None else text.split()
    if w <= 12 and words:
        caps = len([t for t in words if t[:1].isupper() or not t[:1].isalpha()]) / len(words)
        if caps > 0.7:
            q -= 0.3
    if line.boiler:
        q -= 0.35 if w >= 25 else 0.6
    if "|" in text or text.count(" / ") >= 2:
        q -= 0.3
    if ("http" in text or "www." in text or ".com" in text or "@" in text) and _URL.search(text):
        q -= 0.2
    if line.dated or line.byline:
        q -= 0.4
    return q + line.hint


def _mark_captions(lines: list[Line], html: bool = False) -> None:
    """Find caption groups: [truncated...] caption credit, or an HTML figcaption."""
    for i, line in enumerate(lines):
        if line.kind == "credit" or (line.kind in ("", "caption") and line.credit):
            line.role = "credit"
            prev = lines[i - 1] if i else None
            if prev is None or prev.bullet or prev.words < 3:
                continue
            if prev.role == "caption":
                line.extra["has_caption"] = True
            # in a dump the caption sits in the credit's block; HTML blocks are finer, so the line before
            elif prev.role == "" and prev.kind in ("", "caption") and (prev.block == line.block or html) \
                    and prev.words <= 80:
                prev.role = "caption"
                line.extra["has_caption"] = True
        elif line.kind == "caption":
            line.role = "caption"
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if cap.truncates(line.text, nxt.text):
            line.role = "caption_cut"
            if nxt.role == "":
                nxt.role = "caption"
        elif line.role == "" and nxt.role == "caption" and \
                fingerprint(line.text) == fingerprint(nxt.text):
            line.role = "caption_cut"  # alt text written just before the same caption
    for line in lines:
        if line.role == "" and line.kind in ("", "p") and line.words <= 60 and not line.bullet \
                and cap.PHOTO_NOTE.match(line.text):
            line.role = "caption"  # "In this Dec. 12 file photo, ..."
            body, credit = cap.strip_credit_suffix(line.text)
            if credit:
                line.extra["caption"], line.extra["credit"] = body, credit
        if line.role == "" and not line.kind and line.words <= 40 and "(" in line.text and not line.bullet:
            body, credit = cap.strip_credit_suffix(line.text)
            if credit and not _SENTENCE_END.search(body[-1:] or "") or credit and line.words <= 25:
                line.role = "caption"
                line.extra["caption"], line.extra["credit"] = body, credit


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
    if text.endswith((".", ":", "...", "\u2026", ",")) or "|" in text or _END_MARK.match(text) \
            or _NOT_TITLE.match(text) or _URL.search(text):
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
        and not line.dated and not line.boiler and len(line.text) <= 30 and not _INLINE_MARK.match(line.text) \
        and not _URL.search(line.text) and words[0].lower().strip(":") not in _NOT_SECTION \
        and not any(ch.isdigit() for ch in line.text)


def extract(lines: list[Line], *, title: str | None = None, html: bool = False) -> Article:
    """The article in a sequence of lines (from a dump or from HTML blocks)."""
    lines = [ln for ln in lines if ln.text]
    if not lines:
        raise NotAnArticle("empty page: no text")
    known: dict[str, tuple] = {}
    for line in lines:
        if line.kind == "junk":  # HTML furniture (nav, footer...): scored flat, no need to look closer
            line.words = _word_count(line.text)
            line.seq = []
        else:
            _features(line, known)
    long_lines = [ln for ln in lines if ln.words >= 8]
    stop_lang = bool(long_lines) and sum(ln.stop for ln in long_lines) / len(long_lines) > 0.12

    _mark_captions(lines, html)
    _mark_link_cards(lines)
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

    qualities: dict[tuple[str, float], float] = {}  # a repeated line has the same quality (text and hint)
    for line in lines:
        if line.kind == "junk":
            line.quality = -1.0
            continue
        key = (line.text, line.hint)
        q = qualities.get(key)
        if q is None:
            q = qualities[key] = _quality(line, stop_lang)
        line.quality = q
    # Score lines; an end-of-article header costs a lot and damps the prose after it.
    prose_so_far = 0.0
    damp = 1.0
    zone = ""  # the page part after the last end-of-article header, to name what is removed
    gap = 0  # furniture lines in a row so far
    scores = []
    for n, line in enumerate(lines):
        if line.kind == "junk":
            line.score = -3.0
        elif line.role in ("duplicate", "caption", "caption_cut", "credit"):
            line.score = 0.0
        elif line.role == "teaser":
            line.score = -3.0
        elif line.words <= 14 and _end_of_article(lines, n):
            line.role = "end_mark"
            line.score = -_END_BARRIER
            comments = _is_comments(line.text)
            zone = "comments" if comments else "author_box" if _AUTHOR_BOX.match(line.text) or \
                _ABOUT_PERSON.match(line.text) else "teaser"
            if prose_so_far >= 20:
                damp = min(damp, 0.1 if comments else _DAMP_AFTER_END)
        else:
            q = line.quality
            if q > 0:
                line.score = q * min(line.words, 150) * damp
                prose_so_far += line.score
            else:
                line.score = -(1.0 + min(line.words, 30) * 0.1 * min(1.0, -q * 2))
        # A long stretch of furniture separates two texts: each further line in a row costs more.
        if line.score < 0:
            line.score *= 1.0 + gap / _GAP_GROWTH
            gap += 1
        elif line.score > 0:
            gap = 0
        scores.append(line.score)
        if zone:
            line.extra["zone"] = zone

    i, j, total = _max_run(scores)
    # The run may have picked up weak lines at its edges (a greeting, the headline): trim them.
    while i < j and not _solid(lines[i]):
        i += 1
    while j > i and not _solid(lines[j]) and lines[j].role not in ("caption", "credit"):
        j -= 1
    region = lines[i:j + 1] if j >= i else []
    prose_words = sum(ln.words for ln in region if ln.quality > 0.3 and ln.role == "")
    if not region or prose_words < 25 or not any(ln.words >= 10 and ln.quality > 0.2 for ln in region):
        raise NotAnArticle(_why_not_article(lines))

    # Inside the run: keep prose, subheads between prose; set aside the rest.
    paragraphs: list[str] = []
    removed: Counter[str] = Counter()
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
        line.role = "junk_in_body"

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

    in_region = {id(ln) for ln in region}
    for line in lines:
        if id(line) in in_region and not line.role:
            paragraphs.append(line.text)
            continue
        removed[_reason(line, id(line) in in_region)] += 1

    # Title: the headline line just before the body; section: a short label just before it.
    title_line = None
    section = None
    start = i  # the run is lines[i:j + 1]
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
    if paragraphs and title and fingerprint(paragraphs[0]) == fingerprint(title):
        paragraphs.pop(0)
        removed["title"] += 1

    # Byline, date and author box near the body's edges.
    published = None
    for line in lines[max(0, start - 12):start + 3]:
        if byline is None and line.byline:
            byline = line.byline
            bylines.append(line.text)
        if published is None and line.words <= 12 and (line.dated or line.words <= 6):
            published = meta.iso_date(line.text)
    end = j
    for line in lines[max(0, start - 6):start] + lines[end + 1:end + 8]:
        if line.words <= 4 or re.search(r"\b(written by|about the author|staff|correspondent)\b", line.text, re.I):
            agency_evidence.append(line.text)

    dateline = None
    if paragraphs:
        dateline, dl_agency = meta.dateline(paragraphs[0])
        if dl_agency:
            agency_evidence.append(dl_agency)
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
    )


_ERROR_PAGE = re.compile(
    r"\b(404|403|500|not found|page (you requested )?(could not be|cannot be|can't be|was not) found|"
    r"no longer (exists|available)|access denied|forbidden|server error|something went wrong)\b", re.I)


def _why_not_article(lines: list[Line]) -> str:
    """A reason for the record: what the page looks like instead of an article."""
    head = " ".join(ln.text for ln in lines[:30])
    if _ERROR_PAGE.search(head) and sum(ln.words for ln in lines) < 400:
        return "error page: no article body (the page says it is an error or was not found)"
    short = sum(1 for ln in lines if ln.words <= 15 and not _SENTENCE_END.search(ln.text[-4:]))
    if len(lines) >= 8 and short >= 0.7 * len(lines):
        return f"index or navigation page: {short} of {len(lines)} lines are links or headlines, no run of prose"
    return "no article body: no run of prose long enough to be an article"


def _is_comments(text: str, first: str | None = None) -> bool:
    """first: _first_word(text) when the caller has it."""
    # the "said:" form only needs a look when the line ends with a colon
    if text.endswith(":"):
        return bool(_COMMENTS.search(text))
    if first is None:
        first = _first_word(text)
    return _may_start(first, _COMMENTS_WORDS) and bool(_COMMENTS_HEAD.match(text))


def _end_of_article(lines: list[Line], n: int) -> bool:
    """Whether line n is a header after which the article is over (comments, teasers, author box)."""
    line = lines[n]
    first = _first_word(line.text)
    if _is_comments(line.text, first):
        return True
    if line.bullet or line.words > 8:
        return False
    if _ABOUT_PERSON.match(line.text):
        return True
    if not _may_start(first, _END_WORDS) or not _END_MARK.match(line.text):
        return False
    return bool(_AUTHOR_BOX.match(line.text)) or not _prose_follows(lines, n)


def _prose_follows(lines: list[Line], n: int) -> bool:
    """Whether the body goes on right after line n: then a 'Related' header there is an inline box."""
    for line in lines[n + 1:n + 5]:
        if line.role in ("", "caption") and line.words >= 20 and line.quality >= 0.8:
            return True
    return False


def _solid(line: Line) -> bool:
    return line.role == "" and line.quality > 0.3 and line.words >= 8


def _subhead(region: list[Line], k: int) -> bool:
    """A short line between prose lines, not a list item nor a teaser: an in-body heading."""
    line = region[k]
    if line.words > 14 or line.bullet or line.ellipsis or line.boiler or line.dated or line.byline \
            or line.kind in ("junk", "li", "td") or line.hint < -0.3 or not re.search(r"[^\W\d_]", line.text) \
            or _INLINE_MARK.match(line.text) or line.credit or _URL.search(line.text):
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


def clean_dump(text: str) -> Article:
    """The article in a page-text dump (w3m, lynx, copy-paste) or plain text."""
    return extract(_split_dump(text.replace("\x00", "")))


__all__ = ["CleaningError", "NotAnArticle", "clean_dump", "extract", "Line", "fingerprint", "normalise"]
