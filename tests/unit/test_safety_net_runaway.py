"""The safety net's runaway check (issue 14, second pass): a body that ran on into the next stories.

Pages written for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from enricher.ingest import safety_net as S
from enricher.ingest.html import html_to_article
from enricher.model import Article

pytest.importorskip("readability")

STORY = [
    "Volunteers in the small harbour town spent the whole of March rebuilding a stretch of the old sea wall.",
    "They carried granite blocks from the disused quarry above the bay, two at a time, in borrowed wheelbarrows.",
    "The council, which had no budget for the repair this year, agreed instead to pay for their lunches every day.",
    "A retired mason taught the younger helpers how to set each stone so the winter waves would not lift it.",
    "By the second week the gap that storms had opened in January was closed, and fishing boats moored again.",
    "Engineers from the regional office inspected the work in April and said it met the standard for new walls.",
    "The harbour master now wants the same volunteers to look at the crumbling steps near the lifeboat station.",
    "Most of them have already signed up, though a few say their backs need the summer to recover from it all.",
]
# Previews of the next stories, each in a container with the same body class (an endless-scroll page).
NEXT = [
    ("Ferry timetable changes", "The island ferry will leave half an hour earlier from May, the operator said on "
     "Friday, because the evening tide has been too low for the larger boat to dock safely at the pier."),
    ("School garden wins prize", "Pupils at the village school grew enough beans and potatoes this year to supply "
     "the canteen for a month, and the county judges gave their garden the first prize for a small school."),
    ("Lighthouse opens to visitors", "The old lighthouse on the point will open to visitors on Sundays this summer, "
     "after volunteers repaired the stairs and the trust found a keeper willing to show people the lamp room."),
]


def _page() -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    previews = "".join(f"<div class='story'><h2>{title}</h2><div class='article-body'><p>{text}</p></div></div>"
                       for title, text in NEXT)
    return ("<html><head><title>Harbour wall</title></head><body><div class='page'><article><h1>Harbour wall</h1>"
            f"<div class='article-body'>{story}</div></article><section>{previews}</section></div></body></html>")


def test_a_body_run_into_the_next_stories_is_cut_to_the_article():
    article = html_to_article(_page())
    assert list(article.paragraphs) == STORY
    assert article.safety_net == {"checked": 1, "replaced": 1}


def test_without_the_net_the_body_runs_on():
    article = html_to_article(_page(), safety_net=False)
    assert NEXT[0][1] in article.paragraphs


def test_one_body_container_is_never_trimmed():
    long_body = Article(title="Harbour wall", paragraphs=(*STORY, NEXT[0][1], NEXT[1][1], NEXT[2][1]))
    assert S.reconsider(_page(), long_body, containers=1).article == long_body
    trimmed = S.reconsider(_page(), long_body, containers=2)
    assert trimmed.replaced and list(trimmed.article.paragraphs) == STORY


def test_a_body_as_long_as_the_dom_article_is_kept(monkeypatch):
    monkeypatch.setattr(S, "LONG_VS_DOM", 10.0)
    long_body = Article(title="Harbour wall", paragraphs=(*STORY, NEXT[0][1]))
    decision = S.reconsider(_page(), long_body, containers=2)
    assert decision.checked and not decision.replaced and decision.article == long_body
