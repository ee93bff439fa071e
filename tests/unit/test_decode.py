import codecs
import gzip
import json

import pytest

from enricher.ingest.decode import (
    BadCompression,
    BadJson,
    EmptyInput,
    TooLarge,
    UnsupportedContent,
    decode,
)

LIMITS = {"max_bytes": 1_000_000, "max_ratio": 100}
TEXT = "The council said the “barrier” would cost 840 million euros — a record.\n\nIt voted on Tuesday."


def test_utf8_text_is_a_dump():
    d = decode(TEXT.encode("utf-8"), name="a.txt", **LIMITS)
    assert d.text == TEXT and d.encoding == "utf-8" and d.format == "dump"


def test_utf16_with_bom():
    d = decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), **LIMITS)
    assert d.text == TEXT


def test_cp1252_typographic_quotes():
    d = decode(("Le conseil a voté. " * 20 + TEXT).encode("cp1252"), **LIMITS)
    assert "“barrier”" in d.text and "voté" in d.text


def test_invalid_utf8_inside_english_keeps_the_text():
    data = TEXT.encode("utf-8") + b" stray \xff byte. " + TEXT.encode("utf-8")
    d = decode(data, **LIMITS)
    assert d.text.count("840 million euros") == 2


def test_gzip_is_decompressed():
    d = decode(gzip.compress(TEXT.encode("utf-8")), name="a.txt.gz", **LIMITS)
    assert d.compressed and d.text == TEXT


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"a" * 5_000_000)
    with pytest.raises(BadCompression):
        decode(bomb, **LIMITS)


def test_corrupt_gzip_is_refused():
    with pytest.raises(BadCompression):
        decode(b"\x1f\x8b\x08\x00garbage", **LIMITS)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.7\n%binary", b"\xff\xd8\xff\xe0" + bytes(50), bytes(range(256)) * 4],
)
def test_binary_is_unsupported(data):
    with pytest.raises(UnsupportedContent):
        decode(data, name="article.txt", **LIMITS)


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n", "\ufeff".encode("utf-8")])
def test_empty_input(data):
    with pytest.raises(EmptyInput):
        decode(data, **LIMITS)


def test_too_large():
    with pytest.raises(TooLarge):
        decode(b"x" * 2000, max_bytes=1000, max_ratio=10)


def test_nul_bytes_are_dropped_from_text():
    d = decode(TEXT.encode("utf-8").replace(b"council", b"coun\x00cil"), **LIMITS)
    assert "council" in d.text


def test_html_sniffed_by_content():
    d = decode(b"<!DOCTYPE html><html><body><p>Hello there, reader.</p></body></html>", **LIMITS)
    assert d.format == "html"


def test_json_fields_and_body():
    obj = {"headline": "Copper climbs", "byline": "R. Ortiz", "articleBody": TEXT, "section": "Business"}
    d = decode(json.dumps(obj).encode(), name="x.json", **LIMITS)
    assert d.text == TEXT and d.fields["title"] == "Copper climbs" and d.fields["section"] == "Business"


def test_json_html_field_is_html():
    d = decode(json.dumps({"title": "T", "html": "<html><body><p>Body text.</p></body></html>"}), **LIMITS)
    assert d.format == "html"


@pytest.mark.parametrize("text", ["{not json", '{"title": "no body here"}', "[1, 2, 3]", '"just a string"'])
def test_bad_json(text):
    with pytest.raises(BadJson):
        decode(text.encode(), name="x.json", **LIMITS)


def test_binary_threshold_counts_control_bytes_exactly():
    # Control bytes just under and just over a tenth of the sample; DEL (0x7f) is not one.
    body = b"plain words " * 100  # 1,200 bytes
    under = b"\x01\x7f" * 120 + b"\x1b" * 10 + body  # 130 of 1,450
    over = b"\x01\x02\x1b" * 50 + body  # 150 of 1,350
    assert decode(under, name="a.txt", **LIMITS).text.strip()
    with pytest.raises(UnsupportedContent):
        decode(over, name="a.txt", **LIMITS)
    # tab, newlines and form feed are text, however many
    assert decode(b"\t\n\x0c\r" * 300 + body, name="a.txt", **LIMITS).text.strip()
