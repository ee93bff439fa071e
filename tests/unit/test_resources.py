"""Every NLTK resource the code uses loads from NLTK_DATA alone, and a missing one says what to install."""

import os
import subprocess
import sys
import textwrap

import pytest

from enricher.errors import ResourceMissing
from enricher.resources import Resources

PROBE = textwrap.dedent(
    """
    import json, os, sys, nltk
    import enricher
    from enricher.resources import Resources
    r = Resources()
    r.sentence_splitter("english"); r.stopwords("english"); r.pos_tagger()
    # Exercise the whole pipeline too: whatever it loads must come from NLTK_DATA.
    rec = enricher.enrich(open(sys.argv[1], "rb").read(), name=sys.argv[1])
    assert rec.status == "ok", rec.reason
    found = [str(nltk.data.find(p)) for p in ("tokenizers/punkt_tab/english/", "corpora/stopwords", "taggers/averaged_perceptron_tagger_eng/")]
    print(json.dumps(found))
    """
)


def test_resources_come_from_nltk_data_only(tmp_path, articles):
    data = os.environ.get("NLTK_DATA")
    if not data:
        pytest.fail("NLTK_DATA must point at the NLTK data directory (make test sets it)")
    env = {**os.environ, "NLTK_DATA": data, "HOME": str(tmp_path)}  # no ~/nltk_data to fall back on
    proc = subprocess.run([sys.executable, "-c", PROBE, str(articles / "tidal-barrier.txt")], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    import json

    for path in json.loads(proc.stdout.splitlines()[-1]):
        assert os.path.realpath(path).startswith(os.path.realpath(data))


def test_missing_resource_says_what_to_install(tmp_path, monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(ResourceMissing, match="nltk.downloader"):
        Resources().pos_tagger()
