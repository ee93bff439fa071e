"""Split and tokenise an article once; the summariser and the tagger share the result."""

from __future__ import annotations

import re

from .language import ISO_TO_NLTK
from .model import Article, Document, Sentence
from .resources import Resources

# Words keep inner hyphens, apostrophes, dots, ampersands and digits: COVID-19, F-35, AT&T, U.S.
WORD = re.compile(r"\w+(?:[-'’&.]\w+)*", re.UNICODE)
# Fallback splitter for languages without a Punkt model: end punctuation, then a capital or quote.
_FALLBACK_SPLIT = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+(?=[\"'“‘«(]*[^\W\d_])", re.UNICODE)


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def split_sentences(paragraph: str, language: str, resources: Resources) -> list[str]:
    name = ISO_TO_NLTK.get(language, "")
    if name and resources.has_sentence_splitter(name):
        return [s.strip() for s in resources.sentence_splitter(name).tokenize(paragraph) if s.strip()]
    return [s.strip() for s in _FALLBACK_SPLIT.split(paragraph) if s.strip()]


def analyse(article: Article, language: str, resources: Resources) -> Document:
    sentences: list[Sentence] = []
    for p_index, paragraph in enumerate(article.paragraphs):
        for text in split_sentences(paragraph, language, resources):
            sentences.append(Sentence(text=text, index=len(sentences), paragraph=p_index, words=words(text)))
    name = ISO_TO_NLTK.get(language, "")
    return Document(
        title=article.title,
        language=language,
        paragraphs=article.paragraphs,
        sentences=tuple(sentences),
        stopwords=resources.stopwords(name) if name else frozenset(),
    )
