"""HTML cleaning on pages written for these tests (no corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from enricher.ingest.dump import NotAnArticle, clean_dump
from enricher.ingest.html import html_to_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cleaning"
BODY = [line for line in (FIXTURES / "body.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def page() -> str:
    return (FIXTURES / "article.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(page):
    return html_to_article(page)


def test_body_paragraphs_whole_and_in_order(article):
    assert list(article.paragraphs) == BODY


def test_dump_and_html_paths_agree_on_the_body(article):
    dump = clean_dump((FIXTURES / "article-dump.txt").read_text(encoding="utf-8"))
    assert article.paragraphs == dump.paragraphs


def test_metadata_from_markup(article):
    assert article.title == "Dutch port tests floating barrier made of old fishing nets"
    assert article.published == "2024-06-04T08:30:00+02:00"
    assert article.byline == "Lotte Jansen"
    assert article.agency == "AFP"


def test_figcaption_and_credit(article):
    assert article.captions[0].startswith("Marine engineer Marieke Hollander checks the anchor line")
    assert article.captions[1].startswith("Plastic bottles and bags collected")
    assert list(article.credits) == ["Jan Vermeer, AFP", "Sanne de Wit, ANP/AFP/File"]
    assert "Jan Vermeer" not in article.body


@pytest.mark.parametrize("junk", [
    "cookies", "Home", "Seabirds build nests", "You may also like", "Share on", "covers climate",
    "Great to see the fishermen", "washed away", "Most read", "tram line", "All rights reserved", "not text",
    "color: black",
])
def test_furniture_is_not_body(article, junk):
    assert junk.lower() not in article.body.lower()


def test_removed_counts(article):
    for reason in ("navigation", "comments", "caption", "credit"):
        assert article.removed.get(reason, 0) > 0, reason


def test_repeated_calls_give_equal_output(page):
    first = html_to_article(page)
    for _ in range(3):
        assert html_to_article(page) == first


def test_index_page_is_not_an_article():
    with pytest.raises(NotAnArticle, match="index"):
        html_to_article((FIXTURES / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("html", [
    "",
    "<html><head><title>Not found</title></head><body><h1>404</h1><p>Page not found.</p></body></html>",
    "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
])
def test_empty_and_error_pages_raise(html):
    with pytest.raises(NotAnArticle):
        html_to_article(html)


PARAS = [
    "The regional orchestra will tour five towns this autumn, playing in school halls and churches that have "
    "never hosted a concert.",
    "Its director said the idea came from listeners who could not travel to the city for evening performances.",
    "Tickets will cost five euros, and children under twelve will get in for free at every stop on the tour.",
]


def test_site_suffix_entities_and_unclosed_paragraphs():
    html = ("<html><head><title>Orchestra takes music to village halls &ndash; Example Times</title></head>"
            "<body><div class='menu'><ul><li><a href='/'>Home</a></li></ul></div><div class='story'>"
            + "".join(f"<p>{p.replace('euros', '&euro;uros')}" for p in PARAS)
            + "</div><div class='comments'><h3>Comments</h3><p>I went last year and the concert was wonderful, "
            "everyone in our village came along and we sang together at the end of the night.</p></div>"
            "</body></html>")
    article = html_to_article(html)
    assert article.title == "Orchestra takes music to village halls"
    assert [p.replace("\u20acuros", "euros") for p in article.paragraphs] == PARAS
    assert "wonderful" not in article.body


def test_section_from_meta():
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = f'<html><head><meta property="article:section" content="Culture"></head><body>{body}</body></html>'
    assert html_to_article(html).section == "Culture"


def test_published_from_json_ld_and_time():
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
          '"datePublished": "2023-10-01T10:00:00Z"}]}</script>')
    assert html_to_article(f"<html><head>{ld}</head><body><article>{body}</article></body></html>").published \
        == "2023-10-01T10:00:00Z"
    timed = f'<html><body><article><time datetime="2023-09-30">30 Sep</time>{body}</article></body></html>'
    assert html_to_article(timed).published == "2023-09-30"


@pytest.mark.parametrize("broken", [
    '<a href="' * 20000,  # unterminated quotes: once made every later "<" rescan the page
    "<a href=" * 20000,
    '<script type="application/ld+json">' * 2000,
    "<div>" * 5000 + "<p>" + " ".join(PARAS) + "</p>",
])
def test_broken_markup_costs_linear_time(broken):
    import time
    start = time.process_time()
    try:
        html_to_article(broken)
    except NotAnArticle:
        pass
    assert time.process_time() - start < 2.0


# The tokenizer as first written (plain greedy quantifiers): the possessive one must split markup the same way.
_BACKTRACKING_TOKEN = (r"<(/?)([a-zA-Z][\w:-]*)([^<>\"']*(?:(?:\"[^<\"]*\"|'[^<']*')[^<>\"']*)*)>|<![^<>]*>|<\?[^<>]*>|"
                       r"([^<]+|<)")


@pytest.mark.parametrize("markup", [
    '<a title="x>y" href=/z>t</a>',
    '<a href="x>never closed<b>bold</b> after',
    "<p class='a\"b'>q</p><p class=\"c'd\">r</p>",
    "< p>a < b > c <3 <<",
    "<!doctype html><?xml version='1.0'?><br/><img src=x alt=y><hr / >",
    "<div data-x='1' class=\"c\" hidden>t</div></div junk=\"x\">",
    "<a b='1'c=\"2\"d=3 e>x",
    '<x:tag ns:attr="1"/>tail<',
])
def test_tokenizer_splits_like_the_backtracking_pattern(markup):
    import re
    from enricher.ingest.html import _TOKEN
    assert _TOKEN.findall(markup) == re.findall(_BACKTRACKING_TOKEN, markup)


def test_attrs_keep_what_the_handlers_read():
    from enricher.ingest.html import _attrs
    raw = 'CLASS="a &amp; b" href="/x" id=main class=\'second\' hidden data-role=x ROLE="Navigation"'
    assert _attrs(raw) == {"class": "second", "id": "main", "hidden": "", "role": "Navigation"}


def test_raw_text_elements_are_cut_in_any_case():
    from enricher.ingest.html import _strip_raw
    page = ('<SCRIPT>var a = "<p>gone</p>";</script><p>kept</p><Style>p{}</STYLE><!-- <p>gone</p> -->'
            "<![CDATA[ <p>gone</p> ]]><sVg><text>gone</text></svg><section>in</section><i>it</i><main>m</main>"
            "<table><tr><td>t</td></tr></table><noscript>gone</noscript><math>gone</math><template>gone</template>")
    out = _strip_raw(page)
    assert "gone" not in out
    for kept in ("<p>kept</p>", "<section>in</section>", "<i>it</i>", "<main>m</main>", "<td>t</td>"):
        assert kept in out


def test_inline_tags_closed_out_of_order_stay_in_their_paragraph():
    from enricher.ingest.html import _Page
    page = _Page()
    page.feed('<div><p>One <b>two <i>three</b> four</i> <a href="/x">five</a></p>'
              '<p>Next <span class="credit">Jane Roe, AFP</span></p><p>After <a/>this</p></div>')
    page.close()
    assert [(ln.text, ln.kind) for ln in page.lines] == [
        ("One two three four five", "p"), ("Next", "p"), ("Jane Roe, AFP", "credit"), ("After this", "p")]
    assert page.lines[1].block == page.lines[2].block


def test_class_flags_with_a_shared_token_cache():
    from enricher.ingest.html import _CAPTION, _CREDIT, _NEG, _POS, _class_flags
    known: dict[str, int] = {}
    assert _class_flags("related-posts sidebar", known) == _NEG
    assert _class_flags("Entry-Content related-posts", known) == _POS  # a body container wins
    assert _class_flags("wp-caption-text", known) == _CAPTION
    assert _class_flags("photo-credit", known) == _CREDIT
    assert _class_flags("content-with-sidebar-wrp", known) == 0
    assert known["related-posts"] == _NEG and known["sidebar"] == _NEG
    assert _class_flags("related-posts sidebar") == _NEG  # without a cache


def test_unicode_look_alike_tag_names_do_not_crash():
    # 'ſ' (long s) and 'ı' (dotless i) fold to ASCII letters under Unicode IGNORECASE.
    page = "<html><body><p>" + "The council met on Tuesday and agreed the budget for the new harbour wall. " * 4 + (
        "</p><ſcript>var x = 1;</ſcript><ıframe src='x'></ıframe><p>" + "Work on the wall will start in spring. " * 5 + "</p></body></html>"
    )
    article = html_to_article(page)
    assert any("harbour wall" in p for p in article.paragraphs)
