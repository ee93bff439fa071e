"""Main content of an HTML page.

Interface: html_to_article(html) -> Article. The page is parsed with the
standard library into text blocks, each carrying what the markup says about
it: its block tag (p, h1-h6, li, figcaption, blockquote), whether it sits in
page furniture (nav, aside, footer, forms) or in a container whose class/id
says 'related', 'comment', 'share', 'newsletter', 'caption', 'credit',
'byline', and whether it sits in <article>/<main> or a body-like container.
The page-text cleaner (dump.extract) then scores these blocks with that
evidence added, so both input kinds share one algorithm. Around it, the DOM is read three more
ways: a negative container holding most of the page's prose is a layout wrapper, not furniture
(_lift_misleading_negatives); short list items, cells and paragraphs between body lines, and short
paragraphs at the body's ends inside an article-body container, are body (_complete); and the
number of article-body containers the body draws on tells the safety net to look for a runaway. Title and dates come
from h1, og:title, <title>, article:published_time, <time> and JSON-LD.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape

from ..model import Article
from . import metadata as meta
from .dump import CleaningError, Line, NotAnArticle, _reason, extract
from .lines import SENTENCE_END, URL
from .markers import INLINE_MARK
from .dedupe import fingerprint
from .safety_net import reconsider


class HtmlError(CleaningError):
    """Base of the HTML extractor's errors."""


_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
         "textarea", "button", "option", "math"}
_FURNITURE = {"nav", "footer", "aside", "menu", "dialog"}  # not form: ASP.NET pages wrap everything in one
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "keygen"}
_BLOCK_KIND = {"p": "p", "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li",
               "figcaption": "caption", "blockquote": "quote", "pre": "pre", "dd": "li", "dt": "li", "td": "td",
               "th": "td", "caption": "caption"}
_BLOCK = set(_BLOCK_KIND) | {"div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol",
                             "dl", "table", "tr", "tbody", "thead", "figure", "form", "br", "hr", "address",
                             "center", "details", "summary", "fieldset", "legend", "label"}
# class/id words of containers. A class token counts when its first or last hyphen/underscore part
# is one of these words (so "related-posts" and "article-comments" count, "content-with-sidebar-wrp" not).
_NEG_WORDS = frozenset("""related relatedposts comment comments commentlist disqus share sharing sharebar social
newsletter subscribe subscription promo promos sidebar widget widgets menu navbar nav navigation breadcrumb
breadcrumbs advert advertisement ad ads adslot adunit sponsor sponsored recommended recommendations recirc
popular trending mostread cookie cookies consent gdpr modal popup signup outbrain taboola tags tag taglist
bio authorbio masthead toolbar pagination pager teaser teasers rail skip yarpp crp jp newsletter-signup
footer header readmore alsoread moreStories authorbox authorbio aboutauthor abouttheauthor authorinfo
authorcard sharebar sharetools socialshare relatedstories relatedarticles""".lower().split())
_POS_WORDS = frozenset("""articlebody article-body articlecontent article-content article-text articletext
storybody story-body story-content storycontent entry-content entrycontent post-content postcontent post-body
postbody body-text bodytext main-content maincontent content-body articleBody storytext story-text text-body
rich-text richtext prose article__body article__content c-entry-content body-copy article-copy""".lower().split())
_CAPTION_WORDS = frozenset("caption captions figcaption wp-caption-text image-caption photo-caption".split())
_CREDIT_WORDS = frozenset("credit credits photo-credit image-credit copyright photographer".split())
_BYLINE_WORDS = frozenset("byline by-line author author-name authors contributor".split())


# Flags kept per element on _Page.stack, so that a block knows its ancestry.
_NEG, _POS, _FURN, _CAPTION, _CREDIT, _BYLINE, _ARTICLE, _HIDDEN = 1, 2, 4, 8, 16, 32, 64, 128
_CAPTION_CREDIT = _CAPTION | _CREDIT
_SEPARATORS = re.compile(r"[-_]+")


def _token_flag(token: str) -> int:
    """The flag one lowercase class/id token gives, 0 if none."""
    parts = _SEPARATORS.split(token) if "-" in token or "_" in token else [token]
    joined = "".join(parts)
    ends = {parts[0], parts[-1], token}
    if joined in _NEG_WORDS:
        return _NEG
    if token in _POS_WORDS or joined in _POS_WORDS:
        return _POS
    if not ends.isdisjoint(_CAPTION_WORDS):
        return _CAPTION
    if not ends.isdisjoint(_CREDIT_WORDS):
        return _CREDIT
    if not ends.isdisjoint(_BYLINE_WORDS):
        return _BYLINE
    if not ends.isdisjoint(_NEG_WORDS):
        return _NEG
    return 0


def _class_flags(hints: str, known: dict[str, int] | None = None) -> int:
    """known: token flags of this page so far (class tokens repeat across elements), read and filled here."""
    if known is None:
        known = {}
    flags = 0
    for token in hints.lower().split():
        flag = known.get(token)
        if flag is None:
            flag = known[token] = _token_flag(token)
        flags |= flag
    if flags & _POS:
        flags &= ~_NEG
    return flags


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,40}$")


# A small regex tokenizer: html.parser's pure-Python scanner costs ~3x more CPU for the same events.
# Raw-text elements (scripts, styles) and comments are cut out first; JSON-LD is read before that.
# The lookahead (case-folded like the rest) rules out most "<" before the slow case-insensitive alternation.
# Tag names are ASCII: re.A keeps IGNORECASE from folding look-alikes ('ſ' to 's', 'ı' to 'i').
_RAW_START = re.compile(r"<(?=[sntim!])(?:(script|style|noscript|svg|template|iframe|textarea|math)\b|!--|!\[CDATA\[)",
                        re.I | re.A)
# Inline tags whose attributes never matter to us: skip parsing them.
_PLAIN = frozenset("a b i em strong img small sup sub u s font abbr cite code mark q br wbr".split())
# Tags the handlers treat apart before anything else.
_SPECIAL_START = _DROP | {"meta", "time", "title"}
_SPECIAL_END = _DROP | _VOID | {"title"}
# Inline tags that never start a block nor carry hints: feed() handles them itself.
_INLINE = frozenset(_PLAIN - _BLOCK - _VOID - _SPECIAL_START - set(_BLOCK_KIND) - _FURNITURE)
_JSONLD = re.compile(r"<script\b[^<>]*application/ld\+json[^<>]*>", re.I)
# A tag may not contain "<", even inside quotes: a stray quote then costs one tag, not a scan of the page
# for every later "<" (which made broken pages quadratic).
# Possessive quantifiers (Python 3.11+): no backtracking state is kept, and giving characters back could
# never lead to another match here (each run stops at a character that it cannot hold).
_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w:-]*+)([^<>\"']*+(?:(?:\"[^<\"]*+\"|'[^<']*+')[^<>\"']*+)*+)>|"
                    r"<![^<>]*+>|<\?[^<>]*+>|([^<]++|<)")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def _strip_raw(html: str) -> str:
    """The page without scripts, styles, comments and other raw-text elements."""
    out: list[str] = []
    pos = 0
    while True:
        m = _RAW_START.search(html, pos)
        if not m:
            out.append(html[pos:])
            return " ".join(out)
        out.append(html[pos:m.start()])
        if m.group(1):
            close = _CLOSE_RAW[m.group(1).lower()].search(html, m.end())
            pos = close.end() if close else len(html)
        else:
            closer = "-->" if m.group(0) == "<!--" else "]]>"
            end = html.find(closer, m.end())
            pos = len(html) if end < 0 else end + len(closer)


_CLOSE_RAW = {tag: re.compile(rf"</{tag}\b[^>]*>", re.I | re.A)
              for tag in ("script", "style", "noscript", "svg", "template", "iframe", "textarea", "math")}


def _jsonld_chunks(html: str) -> list[str]:
    chunks: list[str] = []
    pos = 0
    while m := _JSONLD.search(html, pos):
        close = _CLOSE_RAW["script"].search(html, m.end())
        if not close:
            break
        chunks.append(html[m.end():close.start()])
        pos = close.end()
    return chunks


# The attributes handle_starttag reads; the others (src, href, data-*...) are not kept.
_WANTED = frozenset("class id itemprop role hidden aria-hidden style property name content datetime".split())


def _attrs(raw: str) -> dict[str, str]:
    """Wanted attribute names (lowercase) to values ("" when absent); a repeated name keeps its last value."""
    out: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        name = name.lower()
        if name not in _WANTED:
            continue
        if value:
            if value[0] in ("'", '"'):
                value = value[1:-1]
            if "&" in value:
                value = unescape(value)
        out[name] = value
    return out


class _Page:
    """Collects text blocks with their structural context; one instance per page."""

    def feed(self, html: str) -> None:
        self.jsonld = _jsonld_chunks(html)
        start, end = self.handle_starttag, self.handle_endtag  # hot loop: locals
        stack, junk, current, open_ = self.stack, _FURN | _HIDDEN, self.current, self.open
        for close, tag, raw, text in _TOKEN.findall(_strip_raw(html)):
            if text:  # handle_data, inlined: text is the most frequent token
                if "&" in text:
                    text = unescape(text)
                if self.in_title:
                    self.title_text.append(text)
                elif not self.drop:
                    if text.isspace():
                        if current:  # indentation between tags: one space at most, never a block of its own
                            current.append(" ")
                    else:
                        current.append(text)
                        if open_.get("a"):
                            self.link_chars += len(text.strip())
            elif tag:
                tag = tag.lower()
                if tag in _INLINE:  # a, b, em...: the most frequent tags, and the simplest
                    if not close:
                        # what handle_starttag does for them: no attributes read, the parent's flags
                        stack.append((tag, *stack[-1][1:]) if stack else (tag, 0, (), 0))
                        open_[tag] = open_.get(tag, 0) + 1
                        if raw and raw[-1] == "/":
                            end(tag)
                    elif stack and stack[-1][0] == tag:
                        # what _pop does for them when they are on top (same flags as the parent: no flush)
                        open_[tag] -= 1
                        stack.pop()
                    else:
                        end(tag)
                    continue
                if close:
                    end(tag)
                elif raw:
                    # inside nav, footer or hidden markup every block is junk: its attributes need not be read
                    needs = "=" in raw and tag not in _PLAIN and (tag == "meta" or not (stack and stack[-1][1] & junk))
                    start(tag, raw if needs else "")
                    if raw[-1] == "/" and tag not in _VOID:
                        end(tag)
                else:
                    start(tag, "")

    def close(self) -> None:
        self._flush()

    def __init__(self) -> None:
        # (tag, flags, negative containers, element id) of open elements; inline elements repeat their
        # parent's flags, negative containers and id
        self.stack: list[tuple[str, int, tuple[int, ...], int]] = []
        self.elements = 0  # elements opened so far: the last one's id
        self.body_root = 0  # id of the outermost open container named as the article body (see _flush)
        self.lines: list[Line] = []
        self.current: list[str] = []
        self.link_chars = 0  # characters of the current block inside <a>
        self.open: dict[str, int] = {}  # open elements by tag name
        self.hint_cache: dict[str, int] = {}  # flags by class/id/itemprop/role string
        self.attr_flags: dict[str, int] = {}  # flags by attribute text
        self.token_flags: dict[str, int] = {}  # flags by class/id token
        self.block = 0
        self.drop = 0
        self.in_title = False
        self.title_text: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.jsonld: list[str] = []

    def _flush(self, new_block: bool = True) -> None:
        current = self.current
        if not current:
            self.block += new_block
            return
        raw = "".join(current)
        current.clear()
        tokens = raw.split()
        if tokens:
            text = " ".join(tokens)
            link_share = min(1.0, self.link_chars / max(1, len(raw.strip())))
            stack = self.stack
            flags = stack[-1][1] if stack else 0
            kind = ""
            for tag, *_ in reversed(stack):
                if tag in _BLOCK_KIND:
                    kind = _BLOCK_KIND[tag]
                    break
            hint = 0.0
            if flags & (_FURN | _HIDDEN):
                kind = "junk"
            if flags & _NEG:
                hint -= 1.0
            if flags & _POS:
                hint += 0.35
            elif flags & _ARTICLE:
                hint += 0.15
            if kind == "p":
                hint += 0.1
            if link_share > 0.5:
                hint -= 0.8 * link_share  # a block that is mostly links is a menu or a teaser
            if flags & _CREDIT and kind != "junk" and len(tokens) <= 12:
                kind = "credit"
            elif flags & _CAPTION and kind != "junk":
                kind = "caption"
            elif flags & _BYLINE and len(tokens) <= 12:
                hint -= 0.5
            line = Line(text, self.block, kind, hint)
            if flags & _NEG:
                line.extra["negs"] = stack[-1][2]
            if flags & _POS:
                line.extra["body_root"] = self.body_root
            self.lines.append(line)
        self.link_chars = 0
        if new_block:
            self.block += 1

    def handle_starttag(self, tag: str, raw: str) -> None:
        """raw: the tag's attribute text, "" when its attributes need not be read."""
        if tag in _SPECIAL_START:  # rare tags first, in one test
            a = _attrs(raw) if raw else {}
            if tag == "meta":
                key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
                if key and a.get("content"):
                    self.meta.setdefault(key, a["content"])
                return
            if tag == "time" and a.get("datetime"):
                self.times.append(a["datetime"])
            if tag in _DROP:
                if tag not in _VOID:
                    self.drop += 1
                return
            if tag == "title" and not self.drop:
                self.in_title = True
                return
        flags = 0
        if raw and tag not in ("html", "body"):  # page-wide classes say nothing about a block
            cached = self.attr_flags.get(raw)  # the same attributes recur (menu items, list entries)
            if cached is None:
                cached = self.attr_flags[raw] = self._attr_flags(_attrs(raw))
            flags = cached
        if tag in _BLOCK:
            if self.current:
                self._flush()
            else:
                self.block += 1  # what _flush does with no text, without the call
        elif flags & _CAPTION_CREDIT and self.current:
            self._flush(new_block=False)  # a credit <span> inside a caption is a line of its own
        if tag in _VOID:
            return  # img alt text is not body text (w3m dumps show it, article bodies do not)
        stack = self.stack
        if stack and (tag == "p" or tag == "li") and stack[-1][0] == tag:
            self._pop(tag)  # an unclosed <p> or <li> ends where the next one starts
        if tag in _FURNITURE:
            flags |= _FURN
        elif tag == "article" or tag == "main":
            flags |= _ARTICLE
        parent, negs = stack[-1][1:3] if stack else (0, ())
        self.elements = eid = self.elements + 1
        if flags & _POS:
            if not parent & _POS:
                self.body_root = eid
            parent &= ~(_NEG | _FURN)  # a body container wins over a 'widget' around it
            negs = ()
        elif flags & _NEG:
            negs = (*negs, eid)  # the containers a class/id word marks negative, outermost first
        stack.append((tag, flags | parent, negs, eid))  # flags accumulate down the tree
        open_ = self.open
        open_[tag] = open_.get(tag, 0) + 1

    def _attr_flags(self, a: dict[str, str]) -> int:
        """The flags an element's own attributes give (class, id, itemprop, role, hidden, style)."""
        if not a:
            return 0
        hints = " ".join((a.get("class", ""), a.get("id", ""), a.get("itemprop", ""), a.get("role", "")))
        flags = self.hint_cache.get(hints)
        if flags is None:
            flags = self.hint_cache[hints] = _class_flags(hints, self.token_flags) if hints.strip() else 0
        if "itemprop" in a and a["itemprop"].lower() == "articlebody":
            flags |= _POS | _ARTICLE
        if "role" in a and a["role"].lower() in ("navigation", "complementary", "contentinfo", "banner", "search"):
            flags |= _FURN
        if "hidden" in a or ("aria-hidden" in a and a["aria-hidden"].lower() == "true") or \
                ("style" in a and _HIDDEN_STYLE.search(a["style"])):
            flags |= _HIDDEN
        return flags

    def _pop(self, tag: str) -> None:
        stack, open_ = self.stack, self.open
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == tag:
                if tag in _BLOCK or tag in _BLOCK_KIND:
                    if self.current:
                        self._flush()
                    else:
                        self.block += 1
                elif self.current and stack[k][1] & _CAPTION_CREDIT and \
                        not (k and stack[k - 1][1] & _CAPTION_CREDIT == stack[k][1] & _CAPTION_CREDIT):
                    self._flush(new_block=False)
                if k == len(stack) - 1:  # the usual case: the element on top
                    open_[tag] -= 1
                    stack.pop()
                    return
                for t, *_ in stack[k:]:
                    open_[t] -= 1
                del stack[k:]
                return

    def handle_endtag(self, tag: str) -> None:
        if tag in _SPECIAL_END:
            if tag in _DROP:
                if tag not in _VOID:
                    self.drop = max(0, self.drop - 1)
                return
            if tag == "title":
                self.in_title = False
                return
            if tag in _VOID:
                return
        if self.open.get(tag):
            if tag == "h1":
                self.h1.append("".join(self.current))
            self._pop(tag)
        elif tag in _BLOCK:
            if self.current:
                self._flush()
            else:
                self.block += 1


def _jsonld_fields(chunks: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key in ("datePublished", "headline"):
                if isinstance(node.get(key), str) and key not in found:
                    found[key] = node[key]
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)

    for chunk in chunks:
        try:
            walk(json.loads(chunk))
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and only metadata
    return found


def _page_title(page: _Page, ld: dict[str, str]) -> str | None:
    h1 = [" ".join(h.split()) for h in page.h1 if h.strip()]
    og = page.meta.get("og:title") or page.meta.get("twitter:title") or ld.get("headline")
    doc_title = " ".join("".join(page.title_text).split())
    for cand in (og, doc_title):
        if cand and h1 and any(fingerprint(h) and fingerprint(h) in fingerprint(cand) for h in h1):
            return next(h for h in h1 if fingerprint(h) in fingerprint(cand))
    if og:
        return _SITE_SUFFIX.sub("", " ".join(og.split()))
    if h1:
        return h1[0]
    return _SITE_SUFFIX.sub("", doc_title) if doc_title else None


# A container a class/id word marks negative ('widget', 'sidebar', 'newsletter'...) that holds at least this
# share of the page's prose is a layout wrapper or a misnamed article, not furniture.
NEG_LIFT_SHARE = 0.5


def _lift_misleading_negatives(lines: list[Line]) -> None:
    """Undo the negative hint of lines whose every negative container holds most of the page's prose.

    Prose: lines of at least 8 words ending like a sentence, outside nav/aside/footer/hidden markup.
    """
    total = 0
    by_container: dict[int, int] = {}
    for line in lines:
        if line.kind == "junk":
            continue
        n = len(line.text.split())
        if n < 8 or not SENTENCE_END.search(line.text[-4:]):
            continue
        total += n
        for eid in line.extra.get("negs", ()):
            by_container[eid] = by_container.get(eid, 0) + n
    lifted = {eid for eid, n in by_container.items() if n >= NEG_LIFT_SHARE * total}
    if not lifted:
        return
    for line in lines:
        negs = line.extra.get("negs")
        if negs and lifted.issuperset(negs):
            line.hint += 1.0
            line.extra["lifted"] = True


def _body_span(lines: list[Line], paragraphs: tuple[str, ...]) -> tuple[int, int, set[int]] | None:
    """Where extract's paragraphs sit in lines: first and last index, and the indices of the kept lines.

    The kept lines are the region's lines with no role, in order; the first paragraph may have been
    dropped as the title, so the match starts at any line holding paragraphs[0]."""
    if not paragraphs:
        return None
    free = [k for k, line in enumerate(lines) if not line.role]
    for start, k in enumerate(free):
        if lines[k].text != paragraphs[0] or len(free) - start < len(paragraphs):
            continue
        span = free[start:start + len(paragraphs)]
        if all(lines[m].text == para for m, para in zip(span, paragraphs)):
            return span[0], span[-1], set(span)
    return None


# Short lines inside the body that the line evidence dropped (list items, table cells, short paragraphs)
# are body text when the markup says so: a list, table or paragraph between body lines, not in a negative
# container, not mostly links, not boilerplate, a date, a byline, a credit or a teaser.
COMPLETE_KINDS = frozenset(("li", "td", "p"))
# The line choice trims the body to solid prose at both ends. A short paragraph at an end inside a container
# named as the article body (hint >= EDGE_HINT: 'entry-content', itemprop=articleBody...) whose quality is
# above EDGE_Q is body all the same (a closing line, a lead-in); None switches this off.
EDGE_HINT: float | None = 0.3
EDGE_Q = -0.5


def _short_body_line(line: Line) -> bool:
    return line.hint >= -0.05 and not (line.boiler or line.dated or line.byline or line.ellipsis or line.credit) \
        and any(ch.isalnum() for ch in line.text) and not INLINE_MARK.match(line.text)


def _complete(lines: list[Line], article: Article) -> tuple[Article, set[int]]:
    """The body with the short lines its markup vouches for (COMPLETE_KINDS inside it, EDGE_HINT at its ends),
    and the indices of the body's lines (empty when they cannot be told)."""
    found = _body_span(lines, article.paragraphs)
    if found is None:
        return article, set()
    first, last, kept = found
    title = fingerprint(article.title) if article.title else ""
    added = [k for k in range(first, last + 1)
             if lines[k].role == "junk_in_body" and lines[k].kind in COMPLETE_KINDS and _short_body_line(lines[k])
             and not URL.search(lines[k].text)]  # an embedded post's signature, a bare link
    if EDGE_HINT is not None:
        for step, k in ((-1, first - 1), (1, last + 1)):
            while 0 <= k < len(lines) and lines[k].role in ("", "caption", "credit", "caption_cut"):
                line = lines[k]
                if not line.role:
                    if not (line.kind == "p" and line.hint >= EDGE_HINT and line.quality > EDGE_Q
                            and _short_body_line(line)) or fingerprint(line.text) == title:
                        break
                    added.append(k)
                    first, last = min(first, k), max(last, k)
                k += step
    if not added:
        return article, kept
    removed = dict(article.removed)
    for k in added:
        reason = _reason(lines[k], found[0] <= k <= found[1])
        removed[reason] = removed.get(reason, 0) - 1
        if removed[reason] <= 0:
            del removed[reason]
    keep = kept.union(added)
    paragraphs = tuple(lines[k].text for k in range(first, last + 1) if k in keep)
    return replace(article, paragraphs=paragraphs, removed=removed), keep


def _body_containers(lines: list[Line], body: set[int]) -> int:
    """How many separate containers named as the article body the body's lines come from (0 when none)."""
    return len({lines[k].extra["body_root"] for k in body if "body_root" in lines[k].extra})


def html_to_article(html: str, *, safety_net: bool = True) -> Article:
    """The article in an HTML page.

    safety_net: reconsider a body far shorter than the page's prose with a DOM extractor's
    article (ingest.safety_net); the decision is counted in Article.safety_net.
    """
    page = _Page()
    page.feed(html)
    page.close()
    if NEG_LIFT_SHARE < 1:
        _lift_misleading_negatives(page.lines)
    ld = _jsonld_fields(page.jsonld)
    title = _page_title(page, ld)
    lines = page.lines
    try:
        article = extract(lines, title=title, html=True)
    except NotAnArticle:
        # The markup may mislead (a whole blog inside class="widget"): judge the text alone.
        if not any(line.hint < 0 or line.kind == "junk" for line in lines):
            raise
        lines = [Line(ln.text, ln.block, kind="" if ln.kind == "junk" else ln.kind) for ln in lines]
        article = extract(lines, title=title, html=True)
    lines = [ln for ln in lines if ln.text]
    article, body = _complete(lines, article)
    published = None
    for cand in (page.meta.get("article:published_time"), ld.get("datePublished"),
                 page.meta.get("datepublished"), page.meta.get("date"), *page.times[:1]):
        if cand:
            published = meta.iso_date(cand)
            if published:
                break
    byline = article.byline
    if byline is None:
        author = page.meta.get("author")
        if author and len(author.split()) <= 6 and not author.startswith("http"):
            byline = author.strip()
    section = page.meta.get("article:section")
    section = " ".join(section.split()) if section and len(section.split()) <= 4 else article.section
    article = Article(**{**article.__dict__, "title": title or article.title, "section": section,
                         "published": published or article.published, "byline": byline})
    if not safety_net:
        return article
    decision = reconsider(html, article, containers=_body_containers(lines, body))
    return replace(decision.article, safety_net={"checked": int(decision.checked),
                                                 "replaced": int(decision.replaced)})
