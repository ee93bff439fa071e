import enricher
from enricher.ingest.markdown import markdown_to_text

DOC = """# Harbour council approves sea wall

*By Lena Vos* | [Port news](https://example.org/port)

The harbour council in Port Ellery voted on **Tuesday** to build a new sea wall along the old quay, after three winters of flooding damaged dozens of homes.

![Waves break over the old quay in January](https://example.org/quay.jpg)

Mayor Ana Ferreira said the wall would cost about 40 million euros, and that work would start in the [spring](https://example.org/spring) once the design was approved.

## Opposition

> "The money would be better spent moving homes away from the shore," said councillor Jonas Brekke.

- Nine votes for
- Four votes against

Engineers from the Coastal Engineering Agency will design the wall, which the agency expects to take two years to complete.
"""


def test_syntax_is_undone_and_title_taken():
    title, text, captions = markdown_to_text(DOC)
    assert title == "Harbour council approves sea wall"
    assert "**" not in text and "](" not in text and "# " not in text and "> " not in text
    assert "voted on Tuesday to build" in text
    assert "work would start in the spring once" in text
    assert captions == ("Waves break over the old quay in January",)
    assert "Waves break" not in text


def test_markdown_article_through_the_pipeline():
    record = enricher.enrich(DOC.encode(), name="story.md").to_dict()
    assert record["status"] == "ok", record["reason"]
    article = record["article"]
    assert article["title"] == "Harbour council approves sea wall"
    assert record["cleaning"]["input_format"] == "markdown"
    assert not any("](" in p or p.startswith("#") for p in article["paragraphs"])
    assert any("Coastal Engineering Agency" in p for p in article["paragraphs"])
    assert article["captions"] == ["Waves break over the old quay in January"]


def test_fenced_code_is_dropped():
    _, text, _ = markdown_to_text("Intro line.\n\n```\nsecret = 1\n```\n\nOutro line.")
    assert "secret" not in text and "Intro line." in text and "Outro line." in text
