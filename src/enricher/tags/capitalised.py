"""The fallback tagger: runs of capitalised words not at a sentence start."""

from __future__ import annotations

from collections import Counter

from ..model import Document, Tag


class Capitalised:
    """Placeholder-grade tagger: runs of capitalised words not at a sentence start.

    Kept as the fallback for languages the part-of-speech tagger does not cover.
    """

    name = "capitalised"

    def tag(self, doc: Document, limit: int) -> tuple[Tag, ...]:
        counts: Counter[str] = Counter()
        for sentence in doc.sentences:
            run: list[str] = []
            for i, word in enumerate(sentence.words + ("",)):
                if word[:1].isupper() and i > 0 and word.lower() not in doc.stopwords:
                    run.append(word)
                    continue
                if run:
                    counts[" ".join(run)] += 1
                run = []
        total = sum(counts.values()) or 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(Tag(label, "entity", round(n / total, 6)) for label, n in ranked[: max(limit, 0)])
