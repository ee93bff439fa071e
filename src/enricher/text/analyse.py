"""Split and tokenise an article once; the summariser and the tagger share the result."""

from __future__ import annotations

import re

from ..ingest.language import ISO_TO_NLTK
from ..model import Article, Document, Sentence
from ..resources import Resources
from .postag import TOKEN, treebank, words_of

# Words keep inner hyphens, apostrophes, dots, ampersands and digits: COVID-19, F-35, AT&T, U.S.
WORD = re.compile(r"\w+(?:[-'’&.]\w+)*", re.UNICODE)
# What may follow a sentence's final mark without a space: closing quotes and brackets.
_CLOSING = "\"'”’»)]}"
# Fallback splitter for languages without a Punkt model: end punctuation, then a capital or quote.
# Not after a short abbreviation ("Sra.", "Dr.", "M.", "S.L."): a name follows it, not a sentence.
_FALLBACK_SPLIT = re.compile(
    r"(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)(?<!\b[A-Z]\.)(?<=[.!?。！？])[\"'”’»)]*\s+(?=[\"'“‘«(]*[^\W\d_])", re.UNICODE
)


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def one_sentence(paragraph: str) -> bool:
    """No sentence-ending mark (. ? !) before the paragraph's final punctuation: Punkt, which
    only ever splits after one of them, would return the paragraph whole."""
    core = paragraph.rstrip().rstrip(_CLOSING)
    # One final mark, or full stops ("..."); "?!" and the like go to Punkt, which may split them.
    core = core.rstrip(".") if core.endswith(".") else core[:-1] if core.endswith(("?", "!")) else core
    return "." not in core and "?" not in core and "!" not in core


def split_sentences(paragraph: str, language: str, resources: Resources) -> list[str]:
    name = ISO_TO_NLTK.get(language, "")
    if name and resources.has_sentence_splitter(name):
        # (checked against Punkt for English only; a Punkt call costs tens of microseconds even then)
        if name == "english" and one_sentence(paragraph):
            text = paragraph.strip()
            return [text] if text else []
        return [s.strip() for s in resources.sentence_splitter(name).tokenize(paragraph) if s.strip()]
    return [s.strip() for s in _FALLBACK_SPLIT.split(paragraph) if s.strip()]


def tagger_tokens(found: list[str], text: str) -> tuple[str, ...]:
    """postag.treebank(found) for a sentence's TOKEN matches, without its token-by-token pass
    where it could only merge full stops into abbreviations ("Mr" "." -> "Mr."): no quote or
    apostrophe in the text (about half of the sentences) and no full stop it would merge."""
    if '"' in text or "'" in text or "\u201c" in text or "\u201d" in text or "\u2019" in text:
        return tuple(treebank(found))
    # Without quotes, what comes before a "." is the token before it (or a "." or what one
    # merged into: neither merges again), so asking treebank about that pair answers.
    at = -1
    for _ in range(found.count(".")):
        at = found.index(".", at + 1)
        if at and found[at - 1] != "." and len(treebank(found[at - 1 : at + 1])) == 1:
            return tuple(treebank(found))
    return tuple(found)


def analyse(article: Article, language: str, resources: Resources) -> Document:
    sentences: list[Sentence] = []
    english = language == "en"  # the tagger's tokens too (it tags English only)
    for p_index, paragraph in enumerate(article.paragraphs):
        for text in split_sentences(paragraph, language, resources):
            if english:
                found = TOKEN.findall(text)
                sentence = Sentence(text, len(sentences), p_index, words_of(found), tagger_tokens(found, text))
            else:
                sentence = Sentence(text=text, index=len(sentences), paragraph=p_index, words=words(text))
            sentences.append(sentence)
    name = ISO_TO_NLTK.get(language, "")
    return Document(
        title=article.title,
        language=language,
        paragraphs=article.paragraphs,
        sentences=tuple(sentences),
        stopwords=resources.stopwords(name) if name else frozenset(),
        dateline=article.dateline,
    )
