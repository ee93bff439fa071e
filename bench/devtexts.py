"""The dev articles as plain text, for the benches that time the whole function.

Read from ../shared/corpus at run time (nothing is copied into the repository): the
summaries-dev and keyphrases-dev stories, each as its title, a blank line and its text, the
way a plain-text file would arrive in the bucket.
"""

from __future__ import annotations

import json
from pathlib import Path


def load_texts(corpus: Path, limit: int | None) -> list[str]:
    texts = []
    for name in ("summaries-dev.jsonl", "keyphrases-dev.jsonl"):
        with open(corpus / name, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                texts.append(((doc.get("title") or "") + "\n\n" + doc["text"]).strip())
    return texts[:limit] if limit else texts
