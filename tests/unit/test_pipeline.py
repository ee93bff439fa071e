"""The composed pipeline on our own sample articles: every record valid against schema v1."""

import json

import jsonschema
import pytest

import enricher
from enricher import Enricher, Options
from enricher.record import schema


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema())


@pytest.mark.parametrize("name", ["tidal-barrier.txt", "night-trains.html", "market-report.json"])
def test_sample_articles_enrich_ok(articles, validator, name):
    record = enricher.enrich((articles / name).read_bytes(), name=name).to_dict()
    validator.validate(record)
    assert record["status"] == "ok", record["reason"]
    article = record["article"]
    assert article["language"] == "en"
    assert article["body"] == "\n\n".join(article["paragraphs"])
    assert article["word_count"] > 100
    # Body paragraphs exactly once.
    assert len(article["paragraphs"]) == len(set(article["paragraphs"]))
    sentences = record["summary"]["sentences"]
    assert len(sentences) == 3
    assert [s["index"] for s in sentences] == sorted(s["index"] for s in sentences)
    assert all(s["text"] in article["body"] for s in sentences)
    assert 1 <= len(record["tags"]) <= 10


def test_json_metadata_reaches_the_record(articles):
    record = enricher.enrich((articles / "market-report.json").read_bytes(), name="market-report.json").to_dict()
    assert record["article"]["title"] == "Copper prices climb as smelter strike enters second week"
    assert record["article"]["byline"] == "Rafael Ortiz"
    assert record["article"]["published"] == "2026-05-02"


def test_same_input_same_bytes(articles):
    data = (articles / "tidal-barrier.txt").read_bytes()
    first = enricher.enrich(data, name="a.txt").to_json()
    for _ in range(4):
        assert enricher.enrich(data, name="a.txt").to_json() == first


def test_options_change_lengths(articles):
    data = (articles / "tidal-barrier.txt").read_bytes()
    record = Enricher(Options(sentences=5, max_tags=4)).enrich(data, name="a.txt").to_dict()
    assert len(record["summary"]["sentences"]) == 5
    assert len(record["tags"]) <= 4
    assert record["pipeline"]["settings"]["sentences"] == 5


@pytest.mark.parametrize(
    "data, status",
    [
        (b"", "skipped"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "skipped"),
        (b"{broken json", "failed"),
    ],
)
def test_bad_input_gives_a_clear_record(validator, data, status):
    record = enricher.enrich(data, name="input.json" if data.startswith(b"{") else "input.txt").to_dict()
    validator.validate(record)
    assert record["status"] == status
    assert record["reason"] and record["error"]["type"]
    assert record["article"] is None and record["summary"] is None and record["tags"] == []


def test_unknown_algorithm_fails_at_construction():
    from enricher.summarize import UnknownSummarizer

    with pytest.raises(UnknownSummarizer):
        Enricher(Options(summarizer="no-such-method"))


def test_record_json_is_canonical(articles):
    text = enricher.enrich((articles / "market-report.json").read_bytes(), name="m.json").to_json()
    assert json.loads(text)["schema_version"].startswith("1.")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_warm_up_article_passes_every_stage():
    record = Enricher().warm()
    assert record.status == "ok", record.reason
    assert record.summary.sentences and record.tags
