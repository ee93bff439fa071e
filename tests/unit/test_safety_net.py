"""The HTML safety net on pages written for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from enricher.model import Article
from enricher.safety_net import MIN_P_WORDS, prose_words, reconsider

pytest.importorskip("readability")

PARAS = [
    f"Paragraph {n} of the harbour story tells how the volunteers of the small town repaired the old "
    f"sea wall with stones they carried from the quarry, and why the council paid for their lunches." for n in range(8)
]
CAPTION = "Volunteers carry stones along the harbour wall on a grey morning in the small town."


def _page(paras: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Harbour wall</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Harbour wall</h1><figure><img src='x.jpg'><figcaption>{CAPTION}</figcaption></figure>"
            f"{body}</article>{extra}<footer>Contact us</footer></body></html>")


def test_prose_words_counts_solid_paragraphs_only():
    page = _page(PARAS, "<p>Short line here.</p><script>var p = '<p>not text at all in a script</p>';</script>")
    assert prose_words(page) == sum(len(p.split()) for p in PARAS)
    assert prose_words("<p>" + "word " * (MIN_P_WORDS - 1) + "</p>") == 0


def test_a_body_as_long_as_the_evidence_is_kept_unchecked():
    article = Article(title="Harbour wall", paragraphs=tuple(PARAS))
    decision = reconsider(_page(PARAS), article)
    assert decision.article is article
    assert (decision.checked, decision.replaced) == (False, False)


def test_a_truncated_body_is_replaced_by_the_dom_article_without_caption_or_title():
    article = Article(title="Harbour wall", paragraphs=(PARAS[0],), captions=(CAPTION,))
    decision = reconsider(_page(PARAS), article)
    assert (decision.checked, decision.replaced) == (True, True)
    assert list(decision.article.paragraphs) == PARAS
    assert decision.article.captions == (CAPTION,)
    assert decision.article.title == "Harbour wall"


def test_same_input_same_decision():
    article = Article(title="Harbour wall", paragraphs=(PARAS[0],))
    assert reconsider(_page(PARAS), article) == reconsider(_page(PARAS), article)


def test_checked_but_kept_when_ours_holds_most_of_the_dom_article():
    # 5 of 8 paragraphs: under 70% of the page's prose (so checked), over 60% of the DOM article (so kept).
    article = Article(title="Harbour wall", paragraphs=tuple(PARAS[:5]))
    decision = reconsider(_page(PARAS), article)
    assert (decision.checked, decision.replaced) == (True, False)
    assert decision.article is article
