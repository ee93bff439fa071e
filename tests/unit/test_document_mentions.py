"""candidates.document_mentions scans a document's sentences as one token list; no cue, name or
noun phrase may reach across a sentence boundary: the result must be each sentence's alone."""

from __future__ import annotations

import random

from enricher.tags.candidates import Mention, document_mentions, sentence_mentions

VOCAB = (
    "Mr. John Kerry said , the chief executive 's ( IS ) in London group of Bank fishing quotas President "
    "a an analyst -based Monday 3 1987 Secretary State for & Nordrail MBABANE David University told other "
    "new Islamic ministry told . `` '' al-Abadi F-35 COVID-19 IBM"
).split()
TAGS = "NNP NNPS NN NNS JJ VBN VBG DT IN CC , . POS PRP$ CD FW `` VBD".split()


def _fields(m: Mention) -> tuple:
    return (m.words, m.sentence, m.offset, m.name, m.initial, m.cues, m.paren, m.parent)


def test_document_mentions_are_each_sentences_own() -> None:
    rng = random.Random(23)
    stopwords = frozenset({"the", "a", "an", "of", "in", "for", "said", "other"})
    for _ in range(400):
        sentences = []
        for index in range(rng.randint(1, 6)):
            n = rng.choice([0, 1, 2, 3, 5, 8, 12])
            toks = [rng.choice(VOCAB) for _ in range(n)]
            if toks and rng.random() < 0.5:  # endings whose cues look past the name
                toks[-3:] = rng.choice([["Kerry", ",", "a"], ["Kerry", "'s"], ["IBM", ","], ["Bank", "("]])
            if rng.random() < 0.3:  # a start those cues would wrongly read
                toks[:1] = [rng.choice(["chief", "analyst", "President", "3", "IS", ")", "group"])]
            tags = [("NNP" if t[:1].isupper() and rng.random() < 0.7 else rng.choice(TAGS)) for t in toks]
            sentences.append((toks, tags, index))
        expected = []
        offset = 0
        for toks, tags, index in sentences:
            if toks:
                expected.extend(sentence_mentions(toks, tags, index, offset, stopwords))
                offset += len(toks)
        assert [_fields(m) for m in document_mentions(sentences, stopwords)] == [_fields(m) for m in expected]
