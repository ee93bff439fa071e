"""Safety net for HTML cleaning: reconsider a body much shorter than the page's prose says.

Interface: reconsider(html, article) -> NetDecision. Our line-based choice (ingest.html.html_to_article)
stays the answer on most pages; it is only questioned when its body holds under
SHORT_VS_EVIDENCE of the words the page has in solid <p> elements (paragraphs of at least
MIN_P_WORDS words): the usual sign of a body cut at a subheading, a pull quote or an inline
"Read more". Only then is a DOM extractor run (readability-lxml, imported lazily so page dumps
and most HTML pages never pay for it), and its article replaces ours when ours holds under
SHORT_VS_DOM of its words. The extractor's paragraphs go through our own caption, credit and
duplicate handling: a paragraph we set aside as a caption or credit, or one repeated, is dropped,
and the candidate ends at a comments or author-box header as our own choice does.

Page dumps have no net yet: a densest-prose-run candidate (tried in bench) fixed three
cleaning-more pages but broke a cleaning-dev page (0.94 -> 0.10) and two others, so it was dropped.

Runaways: when our body draws on two or more separate containers named as the article body
(html.py counts them: an endless-scroll page showing the next stories with the same markup), the
extractor runs too, and a body holding over LONG_VS_DOM times its article's words keeps only our
paragraphs that are in that article. Otherwise a long body is never replaced (on every source our
longer bodies were the better ones).

Thresholds were set on the tune sites of the cleaning-more development set (bench/cleaning.py) and read on its held-out
sites (bench/cleaning_combos.py). Pure: no state between calls, same input same output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .dump import CleaningError
from .markers import AUTHOR_BOX, first_word, is_comments
from .dedupe import fingerprint
from ..model import Article


class SafetyNetError(CleaningError):
    """Base of the safety net's errors."""


class ExtractorMissing(SafetyNetError):
    """The DOM extractor is not installed."""


SHORT_VS_EVIDENCE = 0.7
SHORT_VS_DOM = 0.6
MIN_DOM_WORDS = 50
LONG_VS_DOM = 1.5
MIN_P_WORDS = 8

_P = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_RAW = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th")


@dataclass(frozen=True)
class NetDecision:
    article: Article
    checked: bool  # the body looked short against the page's prose, so the DOM extractor ran
    replaced: bool  # the DOM extractor's article replaced ours


def prose_words(html: str) -> int:
    """Words in the page's <p> elements of at least MIN_P_WORDS words (scripts and styles cut first)."""
    total = 0
    for match in _P.finditer(_RAW.sub(" ", html)):
        n = len(_TAG.sub(" ", match.group(1)).split())
        if n >= MIN_P_WORDS:
            total += n
    return total


def _words(paragraphs) -> int:
    return sum(len(p.split()) for p in paragraphs)


def dom_paragraphs(html: str) -> list[str]:
    """The article's paragraphs as readability-lxml sees them, innermost block elements, in order."""
    try:
        import lxml.html
        from readability import Document
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ExtractorMissing("HTML safety net needs readability-lxml: pip install readability-lxml") from exc
    try:
        summary = Document(html).summary(html_partial=True)
        if not summary.strip():
            return []
        root = lxml.html.fromstring(summary)
    except Exception:  # readability and lxml raise many kinds on broken markup; no candidate then
        return []
    out = []
    for el in root.iter(*_BLOCKS):
        if any(True for _ in el.iterdescendants(*_BLOCKS)):
            continue
        text = " ".join(el.text_content().split())
        if text:
            out.append(text)
    return out


def _until_article_end(paragraphs: list[str]) -> list[str]:
    """Paragraphs up to a comments or author-box header, the ends our own line choice respects too."""
    for k, para in enumerate(paragraphs):
        if len(para.split()) <= 8 and (is_comments(para, first_word(para)) or AUTHOR_BOX.match(para)):
            return paragraphs[:k]
    return paragraphs


def _without_aside(article: Article, paragraphs: list[str]) -> list[str]:
    """Paragraphs minus our captions, credits and title, and minus exact repeats (up to typography).

    Only exact repeats: dropping near-repeats (dedupe.Seen) as our line choice does cost 0.003 (pooled HTML F1) on
    cleaning-more (list items and CleanEval lines that share most 5-grams are gold text)."""
    aside = {fingerprint(t) for t in (*article.captions, *article.credits)}
    if article.title:
        aside.add(fingerprint(article.title))
    kept = []
    for para in paragraphs:
        key = fingerprint(para)
        if key not in aside:
            aside.add(key)
            kept.append(para)
    return kept


def _trim_runaway(article: Article, ours: int, candidate: list[str]) -> Article | None:
    """Our paragraphs that are in the DOM extractor's article, when ours is far longer than it; None: keep ours."""
    if _words(candidate) < MIN_DOM_WORDS or ours <= LONG_VS_DOM * _words(candidate):
        return None
    inside = {fingerprint(para) for para in candidate}
    kept = [para for para in article.paragraphs if fingerprint(para) in inside]
    if _words(kept) < MIN_DOM_WORDS:
        return None
    return replace(article, paragraphs=tuple(kept))


def reconsider(html: str, article: Article, containers: int = 1) -> NetDecision:
    """Our article, or the DOM extractor's when ours is far shorter than the page's evidence and its body.

    containers: how many separate containers named as the article body ours draws on (html.py counts them);
    from two on, the body may have run on into the next stories: the DOM extractor runs, and when ours holds
    over LONG_VS_DOM times its words, ours keeps only the paragraphs that are in its article.
    """
    ours = _words(article.paragraphs)
    candidate = None
    if containers >= 2:
        candidate = dom_paragraphs(html)
        trimmed = _trim_runaway(article, ours, candidate)
        if trimmed is not None:
            return NetDecision(trimmed, True, True)
    if ours >= SHORT_VS_EVIDENCE * prose_words(html):
        return NetDecision(article, candidate is not None, False)
    if candidate is None:
        candidate = dom_paragraphs(html)
    if _words(candidate) < MIN_DOM_WORDS or ours >= SHORT_VS_DOM * _words(candidate):
        return NetDecision(article, True, False)
    kept = _without_aside(article, _until_article_end(candidate))
    if _words(kept) < MIN_DOM_WORDS or ours >= SHORT_VS_DOM * _words(kept):
        return NetDecision(article, True, False)
    return NetDecision(replace(article, paragraphs=tuple(kept)), True, True)
