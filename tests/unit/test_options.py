import pytest

from enricher.options import Options, OptionsError


def test_defaults():
    o = Options()
    assert (o.sentences, o.max_tags, o.summarizer, o.tagger) == (3, 10, "default", "default")


@pytest.mark.parametrize("kwargs", [{"sentences": 0}, {"ratio": 1.5}, {"max_tags": -1}, {"max_input_bytes": 0}])
def test_out_of_range(kwargs):
    with pytest.raises(OptionsError):
        Options(**kwargs)


def test_from_env_reads_names_once():
    o = Options.from_env({"SUMMARY_SENTENCES": "5", "MAX_TAGS": "7", "SUMMARIZER": "lead", "IGNORED": "x"})
    assert (o.sentences, o.max_tags, o.summarizer) == (5, 7, "lead")


def test_from_env_rejects_junk():
    with pytest.raises(OptionsError):
        Options.from_env({"MAX_TAGS": "many"})


def test_hashable_for_caching():
    assert hash(Options()) == hash(Options())
