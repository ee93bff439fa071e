"""The "lead" summariser: the first sentences, strong on news written in inverted-pyramid style."""

from __future__ import annotations

from ..model import Document, ScoredSentence, Summary


class Lead:
    """The first sentences: strong on news written in inverted-pyramid style."""

    name = "lead"

    def summarize(self, doc: Document, count: int) -> Summary:
        picked = doc.sentences[:count]
        n = max(len(doc.sentences), 1)
        return Summary(
            method=self.name,
            sentences=tuple(ScoredSentence(s.text, s.index, round(1.0 - s.index / n, 6)) for s in picked),
        )
