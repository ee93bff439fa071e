"""Punkt sentence splitting with a cheap, exact answer for the obvious sentence ends.

Punkt finds each candidate end (". ", "? ", '."' ...) and asks text_contains_sentbreak
whether the short context around it ("said. The") holds a break: that builds, tokenises and
annotates tokens in pure Python (~20 us a candidate). Most contexts have a mark whose answer
follows from Punkt's own rules (nltk.tokenize.punkt, default PunktLanguageVars), so they
skip that work; every other context goes to Punkt unchanged, so the sentences are Punkt's.

Punkt's word tokeniser ends a token before any of its non-word characters, and one of those
that may not start a word (brackets, '"', ':', ';', '*', '@') is a token of its own. A mark
followed by white space and a token not starting with "." (". . ." is one token), or by a
non-word character, therefore ends its token, and a token follows it. Then:

* "?" or "!" is a token of its own, a break by the first pass, and the second pass, which
  only revisits tokens ending in ".", keeps it.
* "." ends a token "word.", "“word." or '".' (a closing bracket or quote before it). The
  first pass marks it a break unless the token without "." is an abbreviation; the second
  pass keeps that unless it is a collocation's first word, an initial ("J.") or a number.
  Words are ASCII letters and hyphens, so none of them is a number, and two or more long.

Punkt's own patterns also run on the stdlib's re rather than on the `regex` engine behind
nltk's timeout wrapper: faster, and no slower on 100 KB of ". . .", "!!!" or quote marks
(the patterns are nltk's ReDoS-fixed ones). The engines read them alike except for four
separators (U+001C to U+001F); text holding one goes to nltk's Punkt unchanged.

span_tokenize runs Punkt's own steps as one plain loop (see FastPunkt._spans).
"""

from __future__ import annotations

import re
from typing import Iterator

from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken, PunktTokenizer

_ALONE = r")\";}\]*:@({\["  # non-word characters that are tokens of their own
_OPENING = "'\u2018\u2019\u201c\u201d\xab\xbb"  # non-word characters that may start a word
_NON_WORD = rf"[{_ALONE}{_OPENING}?!]"
# ASCII white space only: the stdlib's \s and that of the `regex` engine Punkt uses differ on
# a few control characters. After it, a character that is white space for neither.
_SPACE = "[ \t\n\r\f\v]"
_MARK_BREAK = re.compile(rf"[?!](?={_SPACE}+\S|{_NON_WORD})")
_PERIOD_BREAK = re.compile(
    rf"(?:([{_OPENING}][A-Za-z]+(?:-[A-Za-z]+)*)"  # “word.
    rf"|(?<![^ \t\n\r\f\v{_ALONE}])([A-Za-z]+(?:-[A-Za-z]+)*)"  # word. at a token's start
    rf"|([{_ALONE}])|([{_OPENING}]))"  # '".' or '”.'
    rf"\.(?={_SPACE}+[^\s.]|{_NON_WORD})"
)

# What the rules assume of Punkt's language variables: nltk 3.9 had no curly quotes among
# the non-word characters, for one; the shortcuts are off where they differ. ("?!" come from
# a set, in either order.)
_ASSUMED_NON_WORD = {
    r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb" + marks + "])" for marks in (r"\?!", r"!\?")
}
_ASSUMED_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_ASSUMED_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"


def _rules_hold(punkt: PunktTokenizer) -> bool:
    # (getattr: these are nltk's private attributes; another nltk version turns the shortcuts off.)
    lang = getattr(punkt, "_lang_vars", None)
    return (
        type(lang) is PunktLanguageVars
        and getattr(punkt, "_Token", None) is PunktToken
        and tuple(getattr(lang, "sent_end_chars", ())) == (".", "?", "!")
        and getattr(lang, "_re_non_word_chars", None) in _ASSUMED_NON_WORD
        and getattr(lang, "_re_word_start", None) == _ASSUMED_WORD_START
        and getattr(lang, "_re_multi_char_punct", None) == _ASSUMED_MULTI_CHAR
    )


# The only characters the stdlib's re and the `regex` engine (nltk's, under a timeout) read
# differently in Punkt's patterns: white space to re only.
_SEPARATORS = re.compile("[\x1c-\x1f]")


class _StdlibVars(PunktLanguageVars):
    """Punkt's language variables with its own patterns compiled by the stdlib's re, which runs
    them faster than the `regex` engine behind nltk's timeout wrapper (~40% of a split)."""

    __slots__ = ()
    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def __init__(self, base: PunktLanguageVars) -> None:
        # (The two patterns are cached in these slots by the methods that build them.)
        self._re_period_context = re.compile(base.period_context_re().pattern, re.UNICODE | re.VERBOSE)
        self._re_word_tokenizer = re.compile(base._word_tokenizer_re().pattern, re.UNICODE | re.VERBOSE)


class FastPunkt(PunktTokenizer):
    """nltk's PunktTokenizer, answering text_contains_sentbreak itself where the answer is sure,
    and matching Punkt's patterns with the stdlib's re. tokenize, span_tokenize and
    text_contains_sentbreak give nltk's answers for any text."""

    def __init__(self, lang: str = "english") -> None:
        super().__init__(lang)
        self._shortcuts = _rules_hold(self)
        if self._shortcuts:
            self._lang_vars = _StdlibVars(self._lang_vars)

    def load_lang(self, lang: str = "english") -> None:
        super().load_lang(lang)
        params = self._params
        # Types after which a final "." may not be a break: abbreviations, and collocations'
        # first words (a collocation overrides the first pass).
        self._not_plain = frozenset(params.abbrev_types) | {first for first, _ in params.collocations}

    def _nltk(self, text: str) -> PunktSentenceTokenizer | None:
        """Plain nltk Punkt (same parameters) for the rare text the two engines read differently."""
        if self._shortcuts and _SEPARATORS.search(text):
            return PunktSentenceTokenizer(self._params)
        return None

    def _sure_break(self, text: str) -> bool:
        if not self._shortcuts:
            return False
        if _MARK_BREAK.search(text):
            return True
        m = _PERIOD_BREAK.search(text)
        if m is None:
            return False
        word = m.group(1) or m.group(2)
        if word is None:  # the "." is a token of its own, or follows an opening character
            typ = "." if m.group(3) else m.group(4)
            return typ not in self._not_plain
        typ = word.lower()
        # (Punkt also tries the part after the last hyphen as an abbreviation; one letter: an initial.)
        return len(typ) > 1 and typ not in self._not_plain and typ.rpartition("-")[2] not in self._not_plain

    def text_contains_sentbreak(self, text: str) -> bool:
        nltk = self._nltk(text)
        if nltk is not None:
            return nltk.text_contains_sentbreak(text)
        return self._sure_break(text) or super().text_contains_sentbreak(text)

    def span_tokenize(self, text: str, realign_boundaries: bool = True) -> Iterator[tuple[int, int]]:
        nltk = self._nltk(text)
        if nltk is not None:
            return nltk.span_tokenize(text, realign_boundaries)
        if self._shortcuts and realign_boundaries:
            return iter(self._spans(text))
        return super().span_tokenize(text, realign_boundaries)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Punkt's span_tokenize (candidate ends with their contexts, the breaks among them, then
        closing punctuation moved back) as one loop, without its chain of five generators and
        with the last white space before a candidate found by str.rfind, not char by char."""
        lang = self._lang_vars
        decide = super().text_contains_sentbreak  # (no separator in text: see span_tokenize)
        ends: list[tuple[int, int]] = []
        last_break = 0
        previous = None
        word_start = word_stop = 0  # the word before the previous candidate
        candidates = list(lang.period_context_re().finditer(text))
        candidates.append(None)  # (to decide the last one)
        for match in candidates:
            if match is not None:
                # Where the word before this candidate starts: after the last white space since
                # the previous candidate, though not right at it (Punkt's index 0 means "none").
                start = match.start()
                space = max(
                    text.rfind(" ", word_stop, start), text.rfind("\n", word_stop, start), text.rfind("\t", word_stop, start),
                    text.rfind("\r", word_stop, start), text.rfind("\x0b", word_stop, start), text.rfind("\x0c", word_stop, start),
                )
                begin = space + 1 if space > word_stop else word_start
            # The previous candidate is decided unless this one's word overlaps it.
            if previous is not None and (match is None or word_stop <= begin):
                context = text[word_start:word_stop] + previous.group() + previous.group("after_tok")
                if self._sure_break(context) or decide(context):
                    ends.append((last_break, previous.end()))
                    last_break = previous.start("next_tok") if previous.group("next_tok") else previous.end()
            if match is not None:
                previous, word_start, word_stop = match, begin, start
        ends.append((last_break, len(text.rstrip())))
        spans: list[tuple[int, int]] = []
        realign = 0
        for i, (start, stop) in enumerate(ends):
            start += realign
            if i + 1 < len(ends):
                next_start, next_stop = ends[i + 1]
                m = lang.re_boundary_realignment.match(text[next_start:next_stop])
                if m:
                    spans.append((start, next_start + len(m.group(0).rstrip())))
                    realign = m.end()
                    continue
                realign = 0
            if text[start:stop]:
                spans.append((start, stop))
        return spans
