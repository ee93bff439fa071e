"""Page-text dump cleaning on articles written for these tests (no corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from enricher.ingest.captions import is_credit, truncates
from enricher.ingest.dump import NotAnArticle, clean_dump
from enricher.ingest.dedupe import Seen, fingerprint
from enricher.ingest.metadata import byline, dateline, dateline_line, iso_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cleaning"
BODY = [line for line in (FIXTURES / "body.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
CAPTIONS = [
    "Marine engineer Marieke Hollander checks the anchor line of the floating barrier in the harbour of "
    "Harlingen on June 3, 2024",
    "Plastic bottles and bags collected by the barrier are sorted on the quay before being sent for recycling",
]
CREDITS = ["Jan Vermeer, AFP", "Sanne de Wit, ANP/AFP/File"]


@pytest.fixture(scope="module")
def dump() -> str:
    return (FIXTURES / "article-dump.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(dump):
    return clean_dump(dump)


def test_body_is_the_first_copy_whole_and_in_order(article):
    assert list(article.paragraphs) == BODY


def test_typographic_second_copy_is_removed(article, dump):
    assert "\u201cWe wanted" in dump  # the trap is there: a curly-quoted second copy
    assert not any("\u201c" in p or "\u2014" in p for p in article.paragraphs)
    assert article.removed.get("duplicate", 0) >= len(BODY)


def test_metadata(article):
    assert article.title == "Dutch port tests floating barrier made of old fishing nets"
    assert article.section == "Science"
    assert article.agency == "AFP"


def test_captions_and_credits_are_moved_out(article):
    assert list(article.captions) == CAPTIONS
    assert list(article.credits) == CREDITS
    body = article.body
    assert not any(c[:40] in body for c in CAPTIONS)
    assert "Jan Vermeer" not in body
    assert article.removed.get("caption", 0) >= 2


@pytest.mark.parametrize("junk", [
    "cookies", "Written By", "You may also like", "seabirds", "Great to see the fishermen",
    "washed away after one season", "Leave a Reply", "newsletter", "All rights reserved", "Skip to content",
    "150 countries",
])
def test_page_furniture_is_not_body(article, junk):
    assert junk.lower() not in article.body.lower()


def test_removed_counts_name_reasons(article):
    for reason in ("navigation", "duplicate", "caption", "credit", "teaser", "comments", "author_box"):
        assert article.removed.get(reason, 0) > 0, reason


def test_repeated_calls_give_equal_output(dump):
    first = clean_dump(dump)
    for _ in range(3):
        assert clean_dump(dump) == first


def test_output_does_not_depend_on_earlier_calls(dump):
    alone = clean_dump(dump)
    clean_dump("Other page\n\n" + "\n\n".join(STORY))
    assert clean_dump(dump) == alone


def test_comment_thread_longer_than_the_article_does_not_win():
    story = ("The city council voted on Monday to keep the old library open for another five years, "
             "after a campaign by residents who collected more than 3,000 signatures.")
    comments = "\n\n".join(
        f"  \u2022 Reader{i} on May {i}, 2024 at 9:0{i} am said:\n\n"
        f"    I have used this library since I was a child and I think the council made the right choice, "
        f"because the building is part of the history of our town and of the people who live here. {i}"
        for i in range(1, 8))
    text = f"Home\n\nLibrary stays open\n\n{story}\n\n7 Comments\n\n{comments}\n"
    article = clean_dump(text)
    assert article.paragraphs == (story,)


STORY = [
    "The valley road that was closed by a landslide in March will reopen to traffic next Monday, the regional "
    "roads authority said on Friday.",
    "Crews have spent ten weeks clearing rock and mud and building a concrete wall to hold back the slope above "
    "the road.",
    "Local businesses, which lost most of their spring trade, welcomed the news but asked for help with the "
    "losses they suffered.",
    "The authority said it would keep monitoring the hillside with sensors that warn of any new movement.",
]
TEASERS = ["Mayor opens new skate park", "Five walks to try this summer", "School bus timetable changes",
           "Farmers market returns to the square", "Police appeal after bike thefts", "Weather: sunny spells"]


def test_related_list_and_end_of_article_are_cut():
    text = "\n\n".join(["Menu", "Valley road to reopen"] + STORY + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == STORY


def test_byline_and_dateline():
    text = ("World\n\nRiver levels fall after week of rain\n\nBy Jane Doe\n\n"
            "LONDON (Reuters) - River levels across southern England began to fall on Sunday after a week of "
            "heavy rain that flooded hundreds of homes, the Environment Agency said.\n\n"
            "Officials warned that some roads would stay closed for several days while crews cleared debris "
            "and checked the bridges for damage.\n")
    article = clean_dump(text)
    assert article.byline == "Jane Doe"
    assert article.dateline == "LONDON (Reuters)"
    assert article.agency == "Reuters"
    assert article.title == "River levels fall after week of rain"
    assert all("Jane Doe" not in p for p in article.paragraphs)


@pytest.mark.parametrize("line,expected", [
    ("VIENNA 1996-12-06", "VIENNA 1996-12-06"),
    ("NEW YORK 2024-03-02", "NEW YORK 2024-03-02"),
    ("PORT ELLERY, Northshire 2024-03-02", "PORT ELLERY, Northshire 2024-03-02"),
    ("OSLO, March 3", "OSLO, March 3"),
    ("WASHINGTON, Jan. 5, 2024", "WASHINGTON, Jan. 5, 2024"),
    ("Vienna 1996-12-06", None),  # the place of a dateline is in capitals
    ("UPDATED March 3", None),
    ("TUESDAY 2024-03-02", None),
    ("OSLO, Marsh 3", None),  # no month
    ("OSLO 2024-03-02 Talks resumed on the quota deal.", None),
    ("1996-12-06", None),
])
def test_dateline_line(line, expected):
    assert dateline_line([line]) == expected


def test_a_dateline_on_its_own_line_is_the_articles_dateline():
    text = ("Harbour talks resume\n\nKORVIK 2024-03-02\n\n"
            "Fishermen in the harbour town of Korvik lifted their blockade of the port on Saturday after the "
            "fisheries ministry agreed to review the cod quotas that had been cut in January.\n\n"
            "The ministry said the review would take three weeks and that boat owners would be consulted "
            "before any new quota was set for the spring season.\n")
    article = clean_dump(text)
    assert article.dateline == "KORVIK 2024-03-02"
    assert article.published == "2024-03-02"
    assert all("KORVIK" not in p for p in article.paragraphs)


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "Home\n\nNews\n\nSport\n\nWeather\n\nContact us",
    "404 Not Found\n\nThe page you requested could not be found.\n\nGo to the home page",
    "\n\n".join(f"  \u2022 Headline number {i} about a story on another page" for i in range(40)),
])
def test_non_articles_raise(text):
    with pytest.raises(NotAnArticle) as info:
        clean_dump(text)
    assert str(info.value)


def test_reasons_say_what_the_page_is():
    with pytest.raises(NotAnArticle, match="empty"):
        clean_dump(" \n ")
    with pytest.raises(NotAnArticle, match="error page"):
        clean_dump("404 Not Found\n\nThe page you requested could not be found.\n\nGo to the home page")
    with pytest.raises(NotAnArticle, match="index"):
        clean_dump("\n\n".join(f"  \u2022 {t}" for t in TEASERS * 3))


def test_fingerprint_ignores_typography():
    curly = "\u201cIt\u2019s late \u2014 very late\u2026\u201d"
    assert fingerprint(curly) == fingerprint('"It\'s late -- very late..."')


def test_seen_finds_a_copy_split_differently():
    seen = Seen()
    seen.add("One sentence about the harbour barrier test. Another sentence about the plastic it caught.")
    assert seen.is_copy("One sentence about the harbour barrier test.")
    assert not seen.is_copy("A new sentence about a different test in another harbour far away.")


@pytest.mark.parametrize("line,expected", [
    ("Jan Vermeer, AFP", True),
    ("Sanne de Wit, ANP/AFP/File", True),
    ("AFP/File", True),
    ("(Reuters)", True),
    ("Getty Images", True),
    ("Photo: Jan Vermeer", True),
    ("Jane Roe | Bloomberg | Getty Images", True),
    ("Reuters, Bloomberg and AP reported", False),
    ("Home | News | Sport", False),
    ("The council met on Tuesday.", False),
    ("Science", False),
    ("Engineers began testing a floating barrier made of recycled fishing nets.", False),
])
def test_is_credit(line, expected):
    assert is_credit(line) is expected


def test_truncated_caption():
    full = CAPTIONS[0]
    assert truncates(full[:70] + "...", full)
    assert not truncates("A different caption that was cut off...", full)


def test_metadata_helpers():
    assert byline("By Jane Doe") == "Jane Doe"
    assert byline("Bystanders watched the fire.") is None
    assert dateline("PARIS (AFP) - Talks resumed.") == ("PARIS (AFP)", "AFP")
    assert dateline("The mayor said - again - no.") == (None, None)
    assert iso_date("2024-06-04T08:30:00+0200") == "2024-06-04T08:30:00+02:00"
    assert iso_date("June 4, 2024") == "2024-06-04"
    assert iso_date("no date here") is None
    assert iso_date("0001-01-01T00:00:00Z") is None  # a CMS placeholder, not a date
    assert byline("By Jane Doe, Wednesday, 20th November 2024") == "Jane Doe"
    assert byline("By Lotte Jansen") == "Lotte Jansen"


def test_about_the_author_box_is_cut():
    bio = ("Jane Doe has written about transport and city planning for twelve years and lives with her family "
           "in a small town on the coast, where she also coaches the local rowing club.")
    text = "\n\n".join(["Blog", "Valley road to reopen"] + STORY + ["About Jane Doe", bio])
    article = clean_dump(text)
    assert list(article.paragraphs) == STORY
    assert article.removed.get("author_box", 0) >= 1


# Section headers in the forms the end-of-article and comment regexes know, one per alternative.
HEADERS = [
    "Comment", "Comments", "Leave a comment", "Leave a reply", "Join the conversation", "Join the discussion",
    "Discussion", "You may also like", "You might like", "You might also like these", "Recommended", "Related",
    "Related articles", "Related stories", "Related posts", "Related content", "Related news", "Related reading",
    "Related links", "More from our writers", "More on this story", "More in Science", "More stories",
    "More news", "More articles", "Most read", "Most popular", "Most viewed", "Most shared", "Trending",
    "Popular", "Latest news", "Latest stories", "Latest videos", "Latest articles", "Further reading",
    "See also", "What to read next", "Read next", "Up next", "About the author", "Written by", "Author",
    "Share this", "Share this article", "Share this story", "Share this post", "Tag", "Tags", "Topics",
    "Filed under", "Sponsored", "Sponsored content", "Sponsored stories", "Around the web", "From the web",
    "Promoted", "Promoted stories", "Comentário", "Comentarios", "Deixe um comentário", "Deixe seu comentario",
    "Sobre o autor", "Leia também", "Post relacionadas", "Posts relacionados", "Artigos relacionados",
    "Artículos relacionados", "Articulos relacionados", "Sobre el autor", "Commentaire", "Commentaires",
    "À lire aussi", "A lire aussi", "Articles liés", "Article similaires", "Kommentar", "Kommentare",
    "Ähnliche Artikel", "Ahnliche Artikel", "Lesen Sie auch", "Mehr zum Thema", "Über den Autor",
    "Uber den Autor", "Weitere Beiträge", "Weitere Artikel", "Commenti", "Articoli correlati", "Reacties",
    "Gerelateerde artikelen", "Response", "Responses", "Replies", "Reader comments", "Add a comment",
    "Add your comment", "Post a comment", "12 comentários sobre este texto e outros", "3 commentaires",
    "5 Kommentare zu diesem Beitrag hier unten", "2 commenti",
    "\u017fhare this", "\u212aommentare",  # long s and Kelvin sign: re.I folds them to ASCII letters
]


@pytest.mark.parametrize("header", HEADERS)
def test_header_shortcut_never_skips_a_header_the_regexes_match(header):
    from enricher.ingest import markers
    for prefix in ("", "\u2022 ", "12 ", "-- ", "(", "\u00bb "):
        for text in (header, header.upper(), header.lower(), header + " (4)", header + " and more"):
            line = prefix + text
            first = markers.first_word(line)
            if markers.END_MARK.match(line):
                assert markers.may_start(first, markers.END_WORDS), line
            if markers.COMMENTS_HEAD.match(line):
                assert markers.may_start(first, markers.COMMENTS_WORDS), line
                assert markers.is_comments(line)


def test_header_list_exercises_the_shortcut():
    from enricher.ingest import markers
    plain = [h for h in HEADERS if h.isascii()]
    assert all(markers.END_MARK.match(h) or markers.COMMENTS_HEAD.match(h) for h in plain)
    # and the shortcut does rule lines out: that is what it is for
    assert not markers.may_start(markers.first_word("Harbour tests barrier"), markers.END_WORDS)
    assert markers.first_word("  -- 12 Comments") == "Comments"
    assert markers.first_word("12345") == ""


@pytest.mark.parametrize("line", [
    "Jan Vermeer, AFP", "EPA-EFE", "the canadian press", "Photograph by a reader", "Image copyright",
    "Credit", "Home | News", "(c) 2024", "Science", "Engineers began testing a barrier.", "AP", "apple pie",
    "Shutterstock", "\u017fhutterstock", "\uff21\uff26\uff30", "Foto \u00a9 Jan", "Caf\u00e9 news", "getty",
    "Gettysburg",
    "pa media", "papa", "ANI", "anime", "under_score reuters_x", "Picture this",
])
def test_credit_shortcut_agrees_with_its_regex(line):
    from enricher.ingest import captions
    assert captions._may_be_credit(line) is bool(captions._MAYBE_CREDIT.search(line))


@pytest.mark.parametrize("n_words", range(9))
def test_shingles_are_the_word_ngrams(n_words):
    from enricher.ingest.dedupe import shingles
    seq = [f"w{k % 4}" for k in range(n_words)]
    expected = {tuple(seq[i:i + 5]) for i in range(len(seq) - 4)}
    assert shingles(seq) == expected
    assert shingles(seq, 2) == {tuple(seq[i:i + 2]) for i in range(len(seq) - 1)}


@pytest.mark.parametrize("text", ["By Jane Doe", "Jan Vermeer, AFP", "Updated: May 2, 2024", "\u2022 Home",
                                  "Subscribe to our newsletter", "Read the whole story...", STORY[0]])
def test_a_repeated_line_gets_the_features_of_a_fresh_one(text):
    from enricher.ingest.lines import Line, features
    known: dict = {}
    first, again, fresh = Line(text, 0), Line(text, 5), Line(text, 5)
    features(first, known)
    features(again, known)
    features(fresh)
    assert len(known) == 1
    for name in ("split", "words", "seq", "stop", "bullet", "boiler", "ellipsis", "credit", "byline", "dated"):
        value = getattr(fresh, name)
        assert (type(getattr(again, name)), getattr(again, name)) == (type(value), value), name
    assert again.block == 5 and again.role == "" and again.extra is not first.extra


# --- issue 14: page dumps on unseen sites -------------------------------------------------------------

BEEKEEPING = [
    "A group of volunteers has placed twelve beehives on the flat roof of the town hall, hoping to show that "
    "bees can thrive in the middle of a busy market town.",
    "The hives were donated by a retired farmer who kept bees for forty years and who now trains the "
    "volunteers every Saturday morning in the garden behind the library.",
    "The council said the roof was strong enough to carry the weight and that the bees would not bother "
    "visitors, because the hives face away from the square and the entrance.",
    "The first honey is expected at the end of the summer and will be sold at the Christmas fair, with the "
    "money going to the school that helped to build the wooden frames.",
]


def _wrapped(paragraph: str, width: int) -> str:
    import textwrap
    return "\n".join(textwrap.wrap(paragraph, width))


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_paragraphs_are_joined_again(width):
    # Text wrapped at a fixed width (a <pre> block, a narrow table cell): each paragraph comes back whole.
    text = "\n\n".join(["Home", "News", "Bees move into the town hall"] +
                       [_wrapped(p, width) for p in BEEKEEPING] + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == BEEKEEPING


def test_unwrapping_leaves_menus_captions_and_long_lines_alone():
    from enricher.ingest.lines import split_lines
    menu = "Home\nNews\nSport and leisure\nWeather"
    captions = ("Volunteers carry a hive up the stairs of the town hall\n"
                "Volunteers carry a hive up the stairs of the town hall on Saturday")
    long_lines = "\n".join(BEEKEEPING[:2])  # one paragraph per line, wider than any wrap
    teaser = ("The first honey is expected at the end of the summer and will be sold at the...\n"
              "honey-jars-at-the-fair.jpg")
    for block in (menu, captions, long_lines, teaser):
        assert [ln.text for ln in split_lines(block)] == block.split("\n")


CHECKLIST = ["\u2022 a veil and a pair of long gloves", "\u2022 a smoker and dry pine needles to burn in it",
             "\u2022 a hive tool to lift the frames"]
LINKS = ["\u2022 Council approves new cycle lanes on the ring road", "\u2022 Library extends its opening hours",
         "\u2022 Five new shops open on the high street"]


def test_a_list_announced_by_the_text_is_kept_a_list_of_headlines_is_not():
    intro = ("Every volunteer who wants to open a hive on the roof has to bring the same equipment, "
             "which the council will check on the first morning:")
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], intro, "\n".join(CHECKLIST),
                        BEEKEEPING[1], "\n".join(LINKS), BEEKEEPING[2], BEEKEEPING[3], "Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs == [BEEKEEPING[0], intro] + CHECKLIST + BEEKEEPING[1:]


GALLERY = [
    ("A volunteer lifts a frame covered in bees from one of the new hives on the town hall roof during the "
     "first inspection of the season", "Jan Vermeer/AFP/Getty Images"),
    ("Children from the primary school watch through a window as the hives are opened for the first time "
     "this spring", "Reuters"),
    ("The retired farmer who donated the hives shows the volunteers how to use a smoker without disturbing "
     "the colony", "Getty Images"),
    ("Jars of honey from last year's harvest on a stall at the market, where the volunteers sold out within "
     "an hour of opening", "AP"),
]


def test_a_photo_gallery_between_two_parts_of_the_body_is_set_aside():
    # Each picture: a caption alone in its block, then its credit alone in the next one.
    gallery = [part for caption, credit in GALLERY for part in (caption, credit)]
    text = "\n\n".join(["Home", "Bees move into the town hall"] + BEEKEEPING[:2] + gallery
                       + BEEKEEPING[2:] + ["Related articles"] + TEASERS)
    article = clean_dump(text)
    assert list(article.paragraphs) == BEEKEEPING
    assert [c for c, _ in GALLERY] == list(article.captions)


FERRY = [
    "The island's only car ferry will be out of service for three weeks in October while its engines are "
    "replaced, the operator said on Tuesday, and a smaller passenger boat will run a reduced timetable in "
    "its place for the people who live on the island and the workers who travel there every day.",
    "Residents have asked for a second vessel for years, because every breakdown cuts the island off from "
    "the hospital, the secondary school and the supermarkets on the mainland, and the old ferry has been "
    "taken out of service four times since the beginning of the year for repairs to its engines.",
    "The operator said the new engines would use about a third less fuel and would make the crossing ten "
    "minutes shorter, which should allow two extra sailings on busy summer days when the queue of cars at "
    "the harbour often stretches back past the church and along the road to the beach.",
    "Shopkeepers on the island said they would order extra stock before the work begins, because lorries "
    "will not be able to cross while the passenger boat is running, and the bakery plans to bake its bread "
    "on the island instead of bringing it over from the mainland every morning as it does now.",
    "The council has promised to pay for a water taxi for patients who need to reach the hospital at night, "
    "and a doctor from the mainland will hold a surgery in the village hall twice a week until the ferry "
    "returns, with the times printed in the parish newsletter and on the board outside the post office.",
    "The operator said it would publish the full timetable for the three weeks at the end of the month and "
    "that tickets already bought for the car ferry would be refunded in full or could be used on the "
    "passenger boat, and it apologised to the residents for the trouble the work would cause them.",
]


def test_dump_safety_net_takes_a_long_body_that_follows_a_comment_link():
    # A share bar with a "Leave a comment" link sits between the standfirst and the article: the cleaner
    # damps everything after it, so the standfirst alone wins; the net sees the far longer run of prose.
    standfirst = ("The island's car ferry will be out of service for three weeks in October while its "
                  "engines are replaced, the operator said, and residents who depend on it to reach the "
                  "hospital and the schools on the mainland have asked for a second boat to be found.")
    toolbar = "\n".join(["\u2022 Print this article", "\u2022 Leave a comment", "\u2022 Email"])
    text = "\n\n".join(["Home", "Island ferry out of service for three weeks", standfirst, "By Jane Doe",
                        toolbar] + FERRY + ["Related articles"] + TEASERS)
    article = clean_dump(text)
    assert list(article.paragraphs) == FERRY
    assert article.safety_net == {"checked": 1, "replaced": 1}


def test_dump_safety_net_leaves_a_short_article_before_a_comment_thread():
    story = ("The village fete raised more than two thousand pounds for the new roof of the church hall, the "
             "organisers said on Sunday, after a day of sunshine brought more visitors than ever before.")
    comments = []
    for k, para in enumerate(FERRY):
        comments += [f"Reader{k} says", f"May {k + 2}, 2024 at 9:1{k} am", para, "Reply"]
    text = "\n\n".join(["Home", "Fete raises money for church hall roof", story, "Comments"] + comments)
    article = clean_dump(text)
    assert list(article.paragraphs) == [story]
    assert article.safety_net.get("replaced") == 0


def test_the_record_counts_the_dump_safety_net_decisions():
    from enricher import enrich
    standfirst = ("The island's car ferry will be out of service for three weeks in October while its "
                  "engines are replaced, the operator said, and residents who depend on it to reach the "
                  "hospital and the schools on the mainland have asked for a second boat to be found.")
    toolbar = "\n".join(["\u2022 Print this article", "\u2022 Leave a comment", "\u2022 Email"])
    text = "\n\n".join(["Home", "Island ferry out of service for three weeks", standfirst, toolbar] + FERRY)
    record = enrich(text, name="ferry.txt").to_dict()
    assert record["cleaning"]["safety_net"] == {"checked": 1, "replaced": 1}


def test_a_box_of_links_inside_the_body_does_not_end_it():
    # "Most read" with five headline links and a promotion, then the article goes on.
    box = ["Most read stories", "\n".join(f"\u2022 {t}" for t in TEASERS[:5]), "Subscribe for one pound a week."]
    text = "\n\n".join(["Home", "Island ferry out of service for three weeks"] + FERRY[:2] + box + FERRY[2:]
                       + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == FERRY


def test_a_code_example_between_two_paragraphs_is_kept():
    intro = ("To count the hives that still need an inspection, the volunteers wrote a short script that "
             "reads the log kept in the shed and prints the hives nobody has opened for a week:")
    code = ["def overdue(log, today):", "    late = []", "    for hive, last in log.items():",
            "        if (today - last).days > 7:", "            late.append(hive);", "    return sorted(late)"]
    outro = ("The script runs every Monday morning on the computer in the library, and the list it prints is "
             "pinned to the notice board next to the stairs that lead up to the roof.")
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], intro, "\n".join(code), outro,
                        BEEKEEPING[1], "Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs == [BEEKEEPING[0], intro] + [" ".join(c.split()) for c in code] + [outro, BEEKEEPING[1]]


def test_image_alt_text_with_raw_entities_is_not_body():
    # A dump renders the page's entities; "&#39;" left as is comes from an image's alt text.
    alt = ("Volunteers carry the town&#39;s first beehive up the stairs of the town hall on a sunny Saturday "
           "morning, watched by the children of the primary school who helped to build the frames.")
    text = "\n\n".join(["Home", "Bees move into the town hall", alt] + BEEKEEPING + ["Related articles"] + TEASERS)
    article = clean_dump(text)
    assert list(article.paragraphs) == BEEKEEPING
    assert article.removed.get("caption", 0) >= 1


def test_a_link_to_more_inside_the_body_is_not_a_subhead():
    link = "How other towns keep bees on their roofs \u00bb"
    text = "\n\n".join(["Home", "Bees move into the town hall"] + BEEKEEPING[:2] + [link] + BEEKEEPING[2:]
                       + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == BEEKEEPING


def test_unwrapping_leaves_a_caption_written_twice_and_its_credit_alone():
    from enricher.ingest.lines import split_lines
    block = ("Volunteers carry a hive up the stairs of the town hall in Harlingen on Saturday  June 1  2024\n"
             "Volunteers carry a hive up the stairs of the town hall in Harlingen on Saturday, June 1, 2024\n"
             "Jan Vermeer, AFP/File")
    assert [ln.text for ln in split_lines(block)] == [" ".join(r.split()) for r in block.split("\n")]


def test_a_long_code_example_does_not_cut_the_body():
    intro = ("The volunteers keep a log of every inspection, and a longer script turns it into the weekly "
             "report that the council reads before its Monday meeting in the town hall:")
    code = ["def report(log, today):"] + [f"    total_{k} = count(log, hive={k}, since=today);" for k in range(14)] \
        + ["    return render(totals);"]
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], BEEKEEPING[1], intro] + code
                       + BEEKEEPING[2:] + ["Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs[:3] == [BEEKEEPING[0], BEEKEEPING[1], intro]
    assert paragraphs[-2:] == BEEKEEPING[2:]


def _side_by_side(*columns: list[str], widths: tuple[int, ...]) -> str:
    """Rows of cells padded to fixed widths, as a text browser lays out a page table."""
    n = max(map(len, columns))
    rows = []
    for k in range(n):
        cells = [(col[k] if k < len(col) else "").ljust(w) for col, w in zip(columns, widths)]
        rows.append("".join(cells).rstrip())
    return "\n".join(rows)


def test_a_page_laid_out_in_columns_is_read_column_by_column():
    import textwrap
    nav = ["Home", "News", "Sport", "Weather", "Local", "Business", "Science", "Health", "Travel", "Contact",
           "Jobs", "Events", "Letters", "Puzzles", "Archive", "Help", "About us", "Advertise"]
    body = []
    for paragraph in BEEKEEPING:
        body += textwrap.wrap(paragraph, 56) + [""]
    links = ["SEE ALSO:", "Council budget", "04 May 24 | Local", "Roof garden opens", "02 May 24 | Local",
             "Market returns", "28 Apr 24 | Local", "New cycle lanes", "25 Apr 24 | Local"]
    text = "\n\n".join(["Bees move into the town hall",
                        _side_by_side(nav, body, links, widths=(18, 60, 24)), "Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == BEEKEEPING


def test_a_data_table_is_not_split_into_columns():
    from enricher.ingest.lines import split_lines
    names = ["Site", "Town hall roof", "Library garden", "School field", "Church tower", "Fire station",
             "Market hall", "Old mill", "Water tower", "Bus depot"]
    hives = ["Hives"] + [str(k) for k in range(2, 11)]
    notes = ["Notes", "opened in May", "shaded in summer", "closed in August", "needs a ladder", "new in 2024",
             "opened in June", "shared with a club", "windy", "closed on Sundays"]
    table = _side_by_side(names, hives, notes, widths=(18, 8, 20))
    assert [ln.text for ln in split_lines(table)] == [" ".join(r.split()) for r in table.split("\n")]


# --- issue 14, second pass: slideshows, written lists, code examples ------------------------------------

SLIDES = [
    "Volunteers in white suits lift the first frame out of a hive on the roof of the town hall while the "
    "farmer who donated the bees explains what they are looking for.",
    "Children from the primary school press their faces against the window of the council chamber to watch "
    "the bees fly in and out of the hives on a warm afternoon.",
    "A jar of the first honey from the roof stands on the mayor's desk next to the chain of office, waiting "
    "for the judges of the county show to taste it.",
    "The retired farmer shows a volunteer how to light the smoker with dry pine needles before opening a hive "
    "that has grown too crowded during the summer.",
]


def test_a_slideshow_of_captions_is_set_aside():
    # Each slide: an empty bullet (its picture) and a caption, a block of their own.
    slides = [f"\u2022\n{caption}" for caption in SLIDES]
    text = "\n\n".join(["Home", "Bees move into the town hall"] + BEEKEEPING[:1] + slides + BEEKEEPING[1:]
                       + ["Related articles"] + TEASERS)
    article = clean_dump(text)
    assert list(article.paragraphs) == BEEKEEPING
    assert list(article.captions) == SLIDES


def test_two_bulleted_paragraphs_are_not_a_slideshow():
    items = [f"\u2022\n{p}" for p in BEEKEEPING[1:3]]
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0]] + items + [BEEKEEPING[3]]
                       + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs) == BEEKEEPING


HIVES_REVIEW = [
    "We tested four hives for beginners on the roof of the town hall over a whole summer, opening each of "
    "them every week with the volunteers who look after the bees there.",
    "The cedar hive was the easiest to live with, and the one we would buy again if we had to start from "
    "nothing with a single colony and an hour a week to spare.",
    "The plastic hive was the cheapest, but the bees took longer to settle in it, and it was the only one "
    "that needed a second coat of paint before the autumn rain arrived on the roof.",
    "The other two hives were fine, but neither was as good as the cedar one for a first season, and both "
    "cost more than the price of a full set of tools and a good veil for every volunteer in the group.",
]


def _review(prose: list[str]) -> str:
    pros = "\n".join(f"\u2022 {t}" for t in [
        "Frames: smooth runners, easy lifting.", "Roof: dry walls, heavy rain.",
        "Wood: warm colony, cold nights.", "Entrance: narrow winter setting.",
        "Stand: high legs, wet roofs."])
    cons = "\n".join(f"\u2022 {t}" for t in [
        "Weight: heavy stairs, long carry.", "Paint: worn surface, one summer.",
        "Price: higher cost, similar hives.", "Screws: rusty heads, no oil.",
        "Lid: stiff hinge, thick gloves."])
    return "\n\n".join(["Home", "The best hives for beginners", prose[0], "Cedar hive", "Pros", pros, "Cons",
                        cons, prose[1], "Plastic hive", "Pros", pros.replace("frames", "boxes"), "Cons",
                        cons.replace("stairs", "ladder")] + prose[2:] + ["Related articles"] + TEASERS)


def test_written_list_items_do_not_cut_a_review_in_two():
    # Bulleted sentences (a review's pros and cons) between the parts of the text neither make nor end
    # the body; before, each cost more than the last and the body was cut at the first list.
    paragraphs = list(clean_dump(_review(HIVES_REVIEW)).paragraphs)
    assert paragraphs[0] == HIVES_REVIEW[0]
    assert paragraphs[-1] == HIVES_REVIEW[-1]


def test_a_list_of_headlines_is_not_a_written_list():
    from enricher.ingest.dump import _written_item
    from enricher.ingest.lines import Line, features
    item = Line("\u2022 Frames: smooth runners, easy lifting.", 0)
    headline = Line("\u2022 Council Approves New Cycle Lanes On The Ring Road.", 0)
    menu = Line("\u2022 Home", 0)
    for line in (item, headline, menu):
        features(line)
    assert _written_item(item) and not _written_item(headline) and not _written_item(menu)


SCHEMA = ["# Hive records for the weekly report", "hive = Hive(site='roof')", "author: volunteer",
          "tags: [bees, roof]", "comments: none yet", "save(hive)"]


def test_header_words_inside_a_code_example_do_not_end_the_body():
    # "author: volunteer" and "comments: none yet" are lines of the example (a block where most lines read
    # like code), not an author box or a comment thread: the body goes on after the example.
    intro = ("The volunteers keep their inspection log in a small database, and every hive on the roof has "
             "a record that looks like this:")
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], intro, "\n".join(SCHEMA)]
                       + BEEKEEPING[1:] + ["Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs[:2] == [BEEKEEPING[0], intro]
    assert paragraphs[-3:] == BEEKEEPING[1:]


def test_a_hash_comment_in_a_code_example_is_not_a_comments_header():
    intro = ("Every Monday the library computer prints the list of hives that nobody has opened for a week, "
             "with two lines of code that anyone can change:")
    code = "# Comments are printed last\nprint(report(log, today))"
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], intro, code]
                       + BEEKEEPING[1:] + ["Related articles"] + TEASERS)
    assert list(clean_dump(text).paragraphs)[-3:] == BEEKEEPING[1:]


def test_sql_comments_in_a_code_example_do_not_cut_the_body():
    intro = ("The council asked for a weekly count of the inspections, so the volunteers wrote a few "
             "queries against the log they keep in the shed:")
    # each query in a block of its own: two comment lines, then SQL that does not read like code by itself
    queries = [f"-- hives opened fewer than {k} times\n-- sorted by site, {k} per page\n"
               f"SELECT site, hive FROM log WHERE visits < {k} ORDER BY site" for k in range(1, 7)]
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], BEEKEEPING[1], intro] + queries
                       + [BEEKEEPING[2], "Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs[:3] == [BEEKEEPING[0], BEEKEEPING[1], intro]
    assert paragraphs[-1] == BEEKEEPING[2]


def test_a_code_example_cut_into_blocks_stays_one_example():
    # A dump cuts a long example at its blank lines: from the line opening a brace to the one closing it,
    # every line is the example's, even fields that read like nothing ("weight: Float!").
    intro = ("Each hive on the roof has a record in the volunteers' database, and the council asked to see "
             "what the record holds before it agreed to pay for the scales:")
    fields = [f"{name}: {kind}!" for name, kind in [
        ("id", "ID"), ("site", "String"), ("weight", "Float"), ("queen", "Boolean"), ("opened", "Date"),
        ("frames", "Int"), ("status", "HiveStatus"), ("volunteer", "Volunteer"), ("honey", "Float"),
        ("swarmed", "Boolean"), ("treated", "Date"), ("notes", "String"), ("photo", "URL"), ("box", "Int"),
        ("colour", "String"), ("stand", "Int"), ("lid", "String"), ("entrance", "Int")]]
    blocks = ["type Hive {\n" + "\n".join(fields[:3])] + ["\n".join(fields[k:k + 3]) for k in range(3, 18, 3)] + ["}"]
    text = "\n\n".join(["Home", "Bees move into the town hall", BEEKEEPING[0], intro] + blocks
                       + BEEKEEPING[1:] + ["Related articles"] + TEASERS)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs[:2] == [BEEKEEPING[0], intro]
    assert paragraphs[-3:] == BEEKEEPING[1:]


def test_code_line_test_answers_like_the_whole_pattern():
    # _code tries _CODE's alternatives one at a time, each only when its characters are there
    from enricher.ingest.dump import _CODE, _CODE_FIRST, _CODE_LAST, _code
    samples = ["x = 1", "a == b", "foo(bar)", "foo (bar)", "foo(", "f(x) and )", "return x;", "x; ", "}", "} else {",
               "]", ")", "// note", "/* a */", "*/", "<div>", "</p>", "< b", "# comment", "#tag", "-- note", "--note",
               "- item", "Price: 3 (incl. tax)", "Comments (3)", "a {", "a { ", "=", "(", "", " ", "x =\ny", "f(\n)",
               "plain prose, nothing else.", "é(x)", "ü = 2", "a ;\t"]
    for text in samples:
        whole = ("=" in text or "(" in text or text[-1:] in _CODE_LAST or text[:1] in _CODE_FIRST) \
            and bool(_CODE.search(text))
        assert _code(text) == whole, text


def test_sentence_end_characters_mirror_the_pattern():
    from enricher.ingest.lines import _SENTENCE_CHARS, SENTENCE_END
    assert all(bool(SENTENCE_END.search(chr(c))) == (chr(c) in _SENTENCE_CHARS) for c in range(0x3100))
    assert all(bool(SENTENCE_END.search(chr(c))) == (chr(c) in _SENTENCE_CHARS) for c in range(0xff00, 0xff70))


def test_the_byline_prefilter_lets_every_byline_through():
    from enricher.ingest.lines import Line, features
    for text in ["By Jane Doe", "by Jane Doe and John Roe", "BY JANE DOE", "Written by Jane Doe",
                 "  By Jane Doe, Reuters", "WRITTEN BY Jane Doe"]:
        line = Line(text, 0)
        features(line)
        assert line.byline == byline(text) and line.byline, text


def _hive_reviews(sections: int) -> tuple[str, list[str]]:
    """A review of hives: each section a name, then "Pros" and "Cons" over short lists, then a verdict."""
    verdicts = [
        f"Our verdict on hive number {k}: the volunteers found it {adj} to open every week on the roof, and "
        f"the colony inside it {grew} during the summer months of the trial."
        for k, adj, grew in [(1, "easy", "grew quickly"), (2, "awkward", "grew slowly"), (3, "simple", "stayed small"),
                             (4, "heavy", "grew steadily")][:sections]]
    parts = ["Home", "The best hives for beginners", HIVES_REVIEW[0]]
    for k, verdict in enumerate(verdicts):
        parts += [f"Hive number {k + 1}", "Pros", "\n".join(f"\u2022 {t}" for t in [
            "Light frames", "Dry roof", "Warm cedar walls", "Wide entrance", f"Model {k + 1} stand"]),
            "Cons", "\n".join(f"\u2022 {t}" for t in ["Heavy box", "Thin paint", "High price", f"Lid {k + 1}"]),
            verdict]
    parts += HIVES_REVIEW[1:] + ["Related articles"] + TEASERS
    return "\n\n".join(parts), verdicts


def test_lists_under_a_repeated_label_do_not_cut_a_review():
    # "Pros" and "Cons" over a list in every section: the review's template, not a menu between two texts.
    text, verdicts = _hive_reviews(4)
    paragraphs = list(clean_dump(text).paragraphs)
    assert paragraphs[0] == HIVES_REVIEW[0]
    assert all(v in paragraphs for v in verdicts)
    assert "\u2022 Light frames" in paragraphs


def test_a_label_written_twice_is_not_a_template():
    from enricher.ingest.dump import _template_lists
    from enricher.ingest.lines import split_lines, features
    text, _ = _hive_reviews(2)
    lines = split_lines(text)
    for line in lines:
        features(line)
    assert not _template_lists(lines)
