"""The HTML safety net on pages written for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from enricher.model import Article
from enricher.ingest.safety_net import MIN_P_WORDS, prose_words, reconsider

pytest.importorskip("readability")

PARAS = [
    "Volunteers in the small harbour town spent the whole of March rebuilding a stretch of the old sea wall.",
    "They carried granite blocks from the disused quarry above the bay, two at a time, in borrowed wheelbarrows.",
    "The council, which had no budget for the repair this year, agreed instead to pay for their lunches every day.",
    "A retired mason taught the younger helpers how to set each stone so the winter waves would not lift it.",
    "By the second week the gap that storms had opened in January was closed, and fishing boats moored again.",
    "Engineers from the regional office inspected the work in April and said it met the standard for new walls.",
    "The harbour master now wants the same volunteers to look at the crumbling steps near the lifeboat station.",
    "Most of them have already signed up, though a few say their backs need the summer to recover from it all.",
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


def test_the_candidate_stops_at_a_comments_header():
    # Our own choice stops at "Comments"; the DOM article may not run past it either.
    page = ("<html><body><article><h1>Harbour wall</h1>" + f"<p>{PARAS[0]}</p><h2>Comments</h2>"
            + "".join(f"<p>{p}</p>" for p in PARAS[1:]) + "</article></body></html>")
    article = Article(title="Harbour wall", paragraphs=(PARAS[0],))
    decision = reconsider(page, article)
    assert decision.checked is True
    assert decision.replaced is False
    assert decision.article is article


def _interrupted_page() -> str:
    """An article cut in two by a long in-body list of story links: our line choice keeps one half."""
    links = "".join(f"<li><a href='/s{i}'>Story {i} title here</a></li>" for i in range(20))
    first = "".join(f"<p>{p}</p>" for p in PARAS[:4])
    second = "".join(f"<p>{p}</p>" for p in PARAS[4:])
    return (f"<html><head><title>Harbour wall</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Harbour wall</h1>{first}<ul>{links}</ul>{second}</article></body></html>")


def test_html_to_article_counts_its_decision():
    from enricher.ingest.html import html_to_article

    plain = html_to_article(_interrupted_page(), safety_net=False)
    netted = html_to_article(_interrupted_page())
    assert plain.safety_net == {}
    assert len(plain.paragraphs) == 4
    assert netted.safety_net == {"checked": 1, "replaced": 1}
    assert list(netted.paragraphs) == PARAS


def test_the_record_counts_safety_net_decisions():
    import jsonschema

    import enricher
    from enricher.record import schema

    validator = jsonschema.Draft202012Validator(schema())
    whole = enricher.enrich(_page(PARAS).encode(), name="harbour.html").to_dict()
    validator.validate(whole)
    assert whole["cleaning"]["safety_net"] == {"checked": 0, "replaced": 0}
    cut = enricher.enrich(_interrupted_page().encode(), name="harbour-cut.html").to_dict()
    validator.validate(cut)
    assert cut["cleaning"]["safety_net"] == {"checked": 1, "replaced": 1}
    assert cut["article"]["paragraphs"] == PARAS
    dump = enricher.enrich("\n\n".join(PARAS).encode(), name="harbour.txt").to_dict()
    assert dump["cleaning"]["safety_net"] == {"checked": 0, "replaced": 0}
