"""HTML cleaning rules that read the DOM (issue 14, second pass), on small pages written for these tests.

Each rule is switched off through its module constant to show that the test depends on it.
"""

from __future__ import annotations

import pytest

from enricher.ingest import html as H
from enricher.ingest.html import html_to_article

STORY = [
    "The harbour board agreed on Tuesday to test a floating screen that catches plastic before it reaches the open sea.",
    "Engineers will anchor the screen near the old ferry pier, where the current carries most of the litter past the docks.",
    "If the trial works, the board expects to place two more screens along the canal by the end of next summer.",
    "Local fishermen, who asked for the trial, said the amount of plastic in their nets had doubled in three years.",
]
INTRO = ("Welcome to our little corner of the web, where we have been writing about boats, tides and harbour life "
         "for many happy years now.")
INTRO2 = "Every week we share a story from the quays, and we are always glad to hear about the ones you know."


MENU = ["Home", "Boats", "Tides", "Harbours", "Weather", "Fishing", "Events", "Contact"]


def _page(body: str, before: str = "") -> str:
    return (f"<html><head><title>Harbour tests a plastic screen</title></head><body>{before}"
            f"<h1>Harbour tests a plastic screen</h1>{body}</body></html>")


def _paras(lines) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


# A layout class ("...-has-sidebar") marks the wrapper of the whole article negative.
MISLEADING_WRAPPER = _page(
    f'<div class="content-has-sidebar">{_paras(STORY)}</div>'
    '<div class="sidebar"><p>Popular this week</p></div>',
    before=f"<div class='intro'><p>{INTRO}</p><p>{INTRO2}</p></div>"
           "<nav><ul>" + "".join(f"<li><a href='/{k}'>{k}</a></li>" for k in MENU) + "</ul></nav>")


def test_negative_wrapper_holding_most_prose_is_lifted():
    assert list(html_to_article(MISLEADING_WRAPPER, safety_net=False).paragraphs) == STORY


def test_negative_wrapper_rule_is_what_finds_the_story(monkeypatch):
    monkeypatch.setattr(H, "NEG_LIFT_SHARE", 1.0)
    assert list(html_to_article(MISLEADING_WRAPPER, safety_net=False).paragraphs) != STORY


def _lines(page: str):
    parsed = H._Page()
    parsed.feed(page)
    parsed.close()
    H._lift_misleading_negatives(parsed.lines)
    return {line.text: line for line in parsed.lines}


def test_small_negative_box_keeps_its_negative_hint():
    box = "Other harbours try bubble curtains to stop the plastic."
    lines = _lines(_page(f"<article>{_paras(STORY[:2])}<div class='related-stories'><p>{box}</p></div>"
                         f"{_paras(STORY[2:])}</article>"))
    assert lines[box].hint < -0.5
    assert lines[STORY[0]].hint > 0


# A guide whose body has short list items, a table and a short lead-in between its paragraphs.
ITEMS = ["Dry bag for the phone", "Two spare ropes", "Tide table"]
CELLS = ["Low tide", "06:40"]
GUIDE = _page(
    f"<article>{_paras(STORY[:2])}<p>Pack these:</p><ul>"
    + "".join(f"<li>{item}</li>" for item in ITEMS)
    + f"</ul>{_paras(STORY[2:3])}<table><tr>" + "".join(f"<td>{c}</td>" for c in CELLS) + "</tr></table>"
    + "<ul><li><a href='/a'>Older harbour news</a></li><li><a href='/b'>More boat stories</a></li></ul>"
    + f"{_paras(STORY[3:])}</article>")


def test_short_list_items_cells_and_lead_ins_inside_the_body_are_kept():
    article = html_to_article(GUIDE, safety_net=False)
    assert list(article.paragraphs) == [*STORY[:2], "Pack these:", *ITEMS, STORY[2], *CELLS, STORY[3]]


def test_links_inside_the_body_stay_out():
    body = html_to_article(GUIDE, safety_net=False).body
    assert "Older harbour news" not in body and "More boat stories" not in body


def test_short_lines_are_dropped_without_the_completion_rule(monkeypatch):
    monkeypatch.setattr(H, "COMPLETE_KINDS", frozenset())
    article = html_to_article(GUIDE, safety_net=False)
    assert not set(ITEMS) & set(article.paragraphs)
    assert list(article.paragraphs)[:2] == STORY[:2]
    monkeypatch.undo()
    completed = html_to_article(GUIDE, safety_net=False)
    gained = len(completed.paragraphs) - len(article.paragraphs)
    assert gained >= len(ITEMS) + len(CELLS)
    assert sum(article.removed.values()) - sum(completed.removed.values()) == gained


# A short closing line inside a container named as the article body, and a note after it.
CLOSING = "Send us your photos of the screen."
SIGNED_OFF = _page(f"<div class='entry-content'>{_paras(STORY)}<p>{CLOSING}</p><p>Also read: older tests</p></div>"
                   "<footer><p>About this site</p></footer>")


def test_short_edge_paragraph_inside_the_article_body_container_is_kept():
    assert list(html_to_article(SIGNED_OFF, safety_net=False).paragraphs) == [*STORY, CLOSING]


def test_short_edge_paragraph_is_trimmed_without_the_edge_rule(monkeypatch):
    monkeypatch.setattr(H, "EDGE_HINT", None)
    assert list(html_to_article(SIGNED_OFF, safety_net=False).paragraphs) == STORY


def test_short_edge_paragraph_outside_a_body_container_is_still_trimmed():
    page = SIGNED_OFF.replace("class='entry-content'", "class='box'")
    assert CLOSING not in html_to_article(page, safety_net=False).paragraphs


def test_an_embedded_post_signature_inside_the_body_stays_out():
    signature = "— Harbour Cat (@harbourcat) May 2, 2024"
    page = _page(f"<article>{_paras(STORY[:2])}<blockquote><p>Nets full of bottles again</p><p>{signature}</p>"
                 f"</blockquote>{_paras(STORY[2:])}</article>")
    article = html_to_article(page, safety_net=False)
    assert signature not in article.paragraphs
    assert "Nets full of bottles again" in article.paragraphs
