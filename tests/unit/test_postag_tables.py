"""FastPerceptron's per-token tables: growing past their first size and being emptied at
their bound must not change a tag (each checked against nltk's own tagger)."""

from __future__ import annotations

import random

import pytest

from enricher.resources import Resources


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _words(rng: random.Random, n: int) -> list[str]:
    known = "the of said Minister Oslo 1987 F-35 re-elected , . ( ) `` '' run runs is n't 's".split()
    made = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzAB-") for _ in range(rng.randint(2, 9))) for _ in range(n)]
    return [w.strip("-") or "x" for w in made] + known


@pytest.mark.parametrize("limit", [50_000, 30])
def test_tables_grow_and_reset_without_changing_tags(
    resources: Resources, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from enricher.text import postag
    from enricher.text.postag import FastPerceptron

    monkeypatch.setattr(postag, "_CACHE_LIMIT", limit)
    monkeypatch.setattr(postag, "_BATCH_TOKENS", 300)
    nltk_tagger = resources.pos_tagger()
    fast = FastPerceptron(nltk_tagger)
    rng = random.Random(17)
    vocab = _words(rng, 9000)  # more distinct tokens than the tables first hold (4096)
    for _ in range(3):
        sentences = [[rng.choice(vocab) for _ in range(rng.randint(0, 40))] for _ in range(120)]
        expected = [[t for _, t in nltk_tagger.tag(s)] if s else [] for s in sentences]
        assert fast.tag_sentences(sentences) == expected
    if limit > 10_000:
        assert len(fast._fixed) > 4096  # the tables did grow
