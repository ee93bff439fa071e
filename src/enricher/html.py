"""Main content of an HTML page.

Interface: html_to_article(html) -> Article. The page is first turned into
text blocks (dropping scripts, styles and obvious page furniture), then the
page-text cleaner does the rest, so both input kinds share one algorithm.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .clean import CleaningError, clean_dump
from .model import Article

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside", "form", "button"}
_BLOCK = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "figure", "figcaption", "br", "tr", "table", "main", "pre"}


class HtmlError(CleaningError):
    """Base of the HTML extractor's errors."""


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.in_title = False

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.current.append(data)


def html_to_article(html: str) -> Article:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    article = clean_dump("\n\n".join(parser.blocks))
    title = " ".join("".join(parser.title).split()) or None
    return Article(**{**article.__dict__, "title": article.title or title})
