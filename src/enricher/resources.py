"""NLTK data, loaded lazily and at most once per Resources object.

A pipeline owns one Resources; the Lambda handler builds its pipeline at INIT,
so each resource is read once per process and only when a stage uses it.
Every lookup goes through nltk.data, so NLTK_DATA alone decides where data comes from.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from .errors import ResourceMissing

INSTALL_HINT = (
    "set NLTK_DATA to a directory holding it, or allow the download: "
    "`python -m nltk.downloader -d <dir> {package}` (needs network; the layer build does this for you)"
)


def _find(resource: str, package: str) -> str:
    import nltk.data

    try:
        return str(nltk.data.find(resource))
    except LookupError as exc:
        raise ResourceMissing(
            f"NLTK resource {resource!r} not found; " + INSTALL_HINT.format(package=package)
        ) from exc


class Resources:
    """Lazy, thread-safe holder of the NLTK models and word lists a pipeline uses."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def _get(self, kind: str, key: str, load: Callable[[], Any]) -> Any:
        with self._lock:
            if (kind, key) not in self._loaded:
                self._loaded[(kind, key)] = load()
            return self._loaded[(kind, key)]

    def sentence_splitter(self, language: str = "english") -> Any:
        """Punkt splitter for an NLTK language name; raises ResourceMissing if absent."""

        def load() -> Any:
            _find(f"tokenizers/punkt_tab/{language}/", "punkt_tab")
            from .text.sentences import FastPunkt  # Punkt's sentences, found with less work

            return FastPunkt(language)

        return self._get("punkt", language, load)

    def has_sentence_splitter(self, language: str) -> bool:
        try:
            self.sentence_splitter(language)
        except ResourceMissing:
            return False
        return True

    def stopwords(self, language: str) -> frozenset[str]:
        """NLTK's stop-word list for an NLTK language name (empty if NLTK has none)."""

        def load() -> frozenset[str]:
            root = _find("corpora/stopwords", "stopwords")
            path = f"{root}/{language}"
            try:
                with open(path, encoding="utf-8") as fh:
                    return frozenset(w.strip() for w in fh if w.strip())
            except FileNotFoundError:
                return frozenset()

        return self._get("stopwords", language, load)

    def stopword_languages(self) -> tuple[str, ...]:
        def load() -> tuple[str, ...]:
            import os

            root = _find("corpora/stopwords", "stopwords")
            return tuple(sorted(n for n in os.listdir(root) if n.isalpha() and n.islower()))

        return self._get("stopwords-index", "", load)

    def stopword_index(self) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
        """(language names, word -> positions in that tuple of the languages listing it).

        Lets language detection look each distinct word up once, instead of testing every
        word against all 29 lists.
        """

        def load() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
            names = self.stopword_languages()
            index: dict[str, list[int]] = {}
            for position, name in enumerate(names):
                for word in self.stopwords(name):
                    index.setdefault(word, []).append(position)
            return names, {word: tuple(positions) for word, positions in index.items()}

        # Loaded outside the lock: load() itself takes it for each stop-word list.
        with self._lock:
            cached = self._loaded.get(("stopwords-index", "words"))
        if cached is None:
            cached = load()
            with self._lock:
                cached = self._loaded.setdefault(("stopwords-index", "words"), cached)
        return cached

    def pos_tagger(self) -> Any:
        """nltk's English averaged perceptron tagger."""

        def load() -> Any:
            _find("taggers/averaged_perceptron_tagger_eng/", "averaged_perceptron_tagger_eng")
            from nltk.tag.perceptron import PerceptronTagger

            return PerceptronTagger(lang="eng")

        return self._get("tagger", "eng", load)
