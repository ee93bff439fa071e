"""Main content of an HTML page.

Interface: html_to_article(html) -> Article. The page is parsed with the
standard library into text blocks, each carrying what the markup says about
it: its block tag (p, h1-h6, li, figcaption, blockquote), whether it sits in
page furniture (nav, aside, footer, forms) or in a container whose class/id
says 'related', 'comment', 'share', 'newsletter', 'caption', 'credit',
'byline', and whether it sits in <article>/<main> or a body-like container.
The page-text cleaner (clean.extract) then scores these blocks with that
evidence added, so both input kinds share one algorithm. Title and dates come
from h1, og:title, <title>, article:published_time, <time> and JSON-LD.
"""

from __future__ import annotations

import json
import re
from html import unescape

from . import metadata as meta
from .clean import CleaningError, Line, NotAnArticle, extract
from .dedupe import fingerprint
from .model import Article


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


def _class_flags(hints: str) -> int:
    flags = 0
    for token in hints.lower().split():
        parts = re.split(r"[-_]+", token)
        ends = {parts[0], parts[-1], token}
        if "".join(parts) in _NEG_WORDS:
            flags |= _Page.NEG
        elif token in _POS_WORDS or "".join(parts) in _POS_WORDS:
            flags |= _Page.POS
        elif not ends.isdisjoint(_CAPTION_WORDS):
            flags |= _Page.CAPTION
        elif not ends.isdisjoint(_CREDIT_WORDS):
            flags |= _Page.CREDIT
        elif not ends.isdisjoint(_BYLINE_WORDS):
            flags |= _Page.BYLINE
        elif not ends.isdisjoint(_NEG_WORDS):
            flags |= _Page.NEG
    if flags & _Page.POS:
        flags &= ~_Page.NEG
    return flags


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,40}$")


# A small regex tokenizer: html.parser's pure-Python scanner costs ~3x more CPU for the same events.
# Raw-text elements (scripts, styles) and comments are cut out first; JSON-LD is read before that.
_RAW_START = re.compile(r"<(script|style|noscript|svg|template|iframe|textarea|math)\b|<!--|<!\[CDATA\[", re.I)
# Inline tags whose attributes never matter to us: skip parsing them.
_PLAIN = frozenset("a b i em strong img small sup sub u s font abbr cite code mark q br wbr".split())
_JSONLD = re.compile(r"<script\b[^<>]*application/ld\+json[^<>]*>", re.I)
# A tag may not contain "<", even inside quotes: a stray quote then costs one tag, not a scan of the page
# for every later "<" (which made broken pages quadratic).
_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^<>\"']*(?:(?:\"[^<\"]*\"|'[^<']*')[^<>\"']*)*)>|<![^<>]*>|<\?[^<>]*>|"
                    r"([^<]+|<)")
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


_CLOSE_RAW = {tag: re.compile(rf"</{tag}\b[^>]*>", re.I)
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


def _attrs(raw: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in _ATTR.finditer(raw):
        value = m.group(2)
        if value is not None:
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            if "&" in value:
                value = unescape(value)
        out.append((m.group(1).lower(), value))
    return out


class _Page:
    """Collects text blocks with their structural context; one instance per page."""

    def feed(self, html: str) -> None:
        self.jsonld = _jsonld_chunks(html)
        start, end, data = self.handle_starttag, self.handle_endtag, self.handle_data  # hot loop
        for close, tag, raw, text in _TOKEN.findall(_strip_raw(html)):
            if tag:
                tag = tag.lower()
                if close:
                    end(tag)
                elif raw:
                    needs = "=" in raw and tag not in _PLAIN and (tag == "meta" or not self._in_junk())
                    start(tag, _attrs(raw) if needs else [])
                    if raw[-1] == "/" and tag not in _VOID:
                        end(tag)
                else:
                    start(tag, [])
            elif text:
                data(unescape(text) if "&" in text else text)

    def close(self) -> None:
        self._flush()

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []  # (tag, flags) of open elements
        self.lines: list[Line] = []
        self.current: list[str] = []
        self.link_chars = 0  # characters of the current block inside <a>
        self.open: dict[str, int] = {}  # open elements by tag name
        self.hint_cache: dict[str, int] = {}
        self.block = 0
        self.drop = 0
        self.in_title = False
        self.title_text: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.jsonld: list[str] = []

    # flags kept per element so that a block knows its ancestry
    NEG, POS, FURN, CAPTION, CREDIT, BYLINE, ARTICLE, HIDDEN = 1, 2, 4, 8, 16, 32, 64, 128

    def _in_junk(self) -> bool:
        # inside nav, footer or hidden markup every block is junk: its attributes need not be read
        return bool(self.stack) and bool(self.stack[-1][1] & (self.FURN | self.HIDDEN))

    def _flags(self) -> int:
        return self.stack[-1][1] if self.stack else 0

    def _flush(self, new_block: bool = True) -> None:
        if not self.current:
            self.block += new_block
            return
        raw = "".join(self.current)
        text = " ".join(raw.split())
        link_share = min(1.0, self.link_chars / max(1, len(raw.strip())))
        self.current = []
        self.link_chars = 0
        if text:
            flags = self._flags()
            kind = ""
            for tag, _ in reversed(self.stack):
                if tag in _BLOCK_KIND:
                    kind = _BLOCK_KIND[tag]
                    break
            hint = 0.0
            if flags & (self.FURN | self.HIDDEN):
                kind = "junk"
            if flags & self.NEG:
                hint -= 1.0
            if flags & self.POS:
                hint += 0.35
            elif flags & self.ARTICLE:
                hint += 0.15
            if kind == "p":
                hint += 0.1
            if link_share > 0.5:
                hint -= 0.8 * link_share  # a block that is mostly links is a menu or a teaser
            if flags & self.CREDIT and kind != "junk" and len(text.split()) <= 12:
                kind = "credit"
            elif flags & self.CAPTION and kind != "junk":
                kind = "caption"
            elif flags & self.BYLINE and len(text.split()) <= 12:
                hint -= 0.5
            self.lines.append(Line(text, self.block, kind=kind, hint=hint))
        if new_block:
            self.block += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs} if attrs else {}
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
        if a and tag not in ("html", "body"):  # page-wide classes say nothing about a block
            hints = " ".join((a.get("class", ""), a.get("id", ""), a.get("itemprop", ""), a.get("role", "")))
            cached = self.hint_cache.get(hints)
            if cached is None:
                cached = self.hint_cache[hints] = _class_flags(hints) if hints.strip() else 0
            flags = cached
            if "itemprop" in a and a["itemprop"].lower() == "articlebody":
                flags |= self.POS | self.ARTICLE
            if "role" in a and a["role"].lower() in ("navigation", "complementary", "contentinfo", "banner", "search"):
                flags |= self.FURN
            if "hidden" in a or ("aria-hidden" in a and a["aria-hidden"].lower() == "true") or \
                    ("style" in a and _HIDDEN_STYLE.search(a["style"])):
                flags |= self.HIDDEN
        if tag in _BLOCK:
            self._flush()
        elif self.current and flags & (self.CAPTION | self.CREDIT):
            self._flush(new_block=False)  # a credit <span> inside a caption is a line of its own
        if tag in _VOID:
            return  # img alt text is not body text (w3m dumps show it, article bodies do not)
        if tag == "p" and self.stack and self.stack[-1][0] == "p":
            self._pop("p")  # an unclosed <p> ends where the next one starts
        if tag == "li" and self.stack and self.stack[-1][0] == "li":
            self._pop("li")
        if tag in _FURNITURE:
            flags |= self.FURN
        if tag in ("article", "main"):
            flags |= self.ARTICLE
        parent = self.stack[-1][1] if self.stack else 0
        if flags & self.POS:
            parent &= ~(self.NEG | self.FURN)  # a body container wins over a 'widget' around it
        self.stack.append((tag, flags | parent))  # flags accumulate down the tree
        self.open[tag] = self.open.get(tag, 0) + 1

    def _pop(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                if tag in _BLOCK or tag in _BLOCK_KIND:
                    self._flush()
                elif self.current and self.stack[k][1] & (self.CAPTION | self.CREDIT) and \
                        not (k and self.stack[k - 1][1] & (self.CAPTION | self.CREDIT) == self.stack[k][1] & (
                            self.CAPTION | self.CREDIT)):
                    self._flush(new_block=False)
                for t, _ in self.stack[k:]:
                    self.open[t] -= 1
                del self.stack[k:]
                return

    def handle_endtag(self, tag: str) -> None:
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
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_text.append(data)
        elif not self.drop:
            if data.isspace():
                if self.current:  # indentation between tags: one space at most, never a block of its own
                    self.current.append(" ")
                return
            self.current.append(data)
            if self.open.get("a"):
                self.link_chars += len(data.strip())

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


def html_to_article(html: str) -> Article:
    """The article in an HTML page."""
    page = _Page()
    page.feed(html)
    page.close()
    ld = _jsonld_fields(page.jsonld)
    title = _page_title(page, ld)
    try:
        article = extract(page.lines, title=title, html=True)
    except NotAnArticle:
        # The markup may mislead (a whole blog inside class="widget"): judge the text alone.
        if not any(line.hint < 0 or line.kind == "junk" for line in page.lines):
            raise
        article = extract([Line(ln.text, ln.block, kind="" if ln.kind == "junk" else ln.kind)
                           for ln in page.lines], title=title, html=True)
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
    return Article(**{**article.__dict__, "title": title or article.title, "section": section,
                      "published": published or article.published, "byline": byline})
