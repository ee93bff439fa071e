"""Markdown to the plain text the page-text cleaner reads.

Only the syntax that would otherwise leak into the body is undone: headings,
emphasis, links, images, code fences, block quotes, list bullets and rules.
The first level-one heading is the title. Image alt texts ('![alt](src)' is how
Markdown writes a picture) are returned apart, as the article's captions.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_QUOTE = re.compile(r"^\s*>\s?")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _EMPHASIS.sub(r"\2", text)
    return text


def markdown_to_text(markdown: str) -> tuple[str | None, str, tuple[str, ...]]:
    """(title, text, captions): the first '# ' heading, the plain paragraphs, the image alt texts."""
    title: str | None = None
    out: list[str] = []
    captions: list[str] = []
    in_fence = False
    lines = markdown.split("\n")
    for i, raw in enumerate(lines):
        if _FENCE.match(raw.strip()):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or _REF_DEF.match(raw) or _RULE.match(raw):
            out.append("")
            continue
        # A setext underline turns the line above into a heading.
        if _SETEXT.match(raw) and out and out[-1].strip():
            if raw.lstrip().startswith("=") and title is None:
                title = out.pop().strip()
            out.append("")
            continue
        heading = _HEADING.match(raw)
        if heading:
            text = _inline(heading.group(2)).strip()
            if heading.group(1) == "#" and title is None:
                title = text
            else:
                out.extend(["", text, ""])
            continue
        captions.extend(alt.strip() for alt in _IMAGE.findall(raw) if alt.strip())
        line = _BULLET.sub("• ", _QUOTE.sub("", raw))
        out.append(_inline(line))
    text = "\n".join(out)
    return title, re.sub(r"\n{3,}", "\n\n", text).strip(), tuple(captions)
