"""Headers that mark where an article ends or is interrupted, in the languages we meet most.

An end header ("Comments", "You may also like", "About the author") closes the article
unless prose goes on after it (dump.py decides that); an inline mark ("Read more:",
"Advertisement") interrupts the body without ending it.
"""

from __future__ import annotations

import re

# Section headers after which the article is over (teasers, comments, author box).
END_MARK = re.compile(
    r"^\W*(\d+\s+)?(comments?|leave a (comment|reply)|join the (conversation|discussion)|discussion|"
    r"(you (may|might) (also )?like|recommended|related( articles| stories| posts| content| news| reading| links)?|"
    r"more (from|on|in|stories|news|articles)|most (read|popular|viewed|shared)|trending|popular|"
    r"latest (news|stories|videos|articles)|further reading|see also|what to read next|read next|up next|"
    r"about the author|written by|author|share this( article| story| post)?|tags?|topics|filed under|"
    r"sponsored( content| stories)?|around the web|from the web|promoted( stories)?|"
    # the same headers in the other languages we meet most (pt, es, fr, de, it, nl)
    r"coment[aá]rios?|deixe (um|seu) coment[aá]rio|sobre o autor|leia tamb[eé]m|posts? relacionad[oa]s|"
    r"artigos relacionados|art[ií]culos relacionados|sobre el autor|commentaires?|[àa] lire aussi|"
    r"articles? (li[ée]s|similaires)|kommentare?|[äa]hnliche artikel|lesen sie auch|mehr zum thema|"
    r"[üu]ber den autor|weitere (beitr[äa]ge|artikel)|commenti|articoli correlati|reacties|"
    r"gerelateerde artikelen)\b.{0,40})$", re.I)
# "About Jane Doe" / "Über Jane Doe": the author box of a blog post.
ABOUT_PERSON = re.compile(r"^(?i:about|[üu]ber|sobre|[àa] propos de)\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){1,2}\s*$")
# Comment-thread evidence: a comments header, or "Jane on May 2, 2019 at 4:47 pm said:".
COMMENTS_HEAD_RE = (r"^\W*(\d+\s+)?(comments?|responses?|replies|leave a (comment|reply)|join the (conversation|"
                     r"discussion)|discussion|reader comments|add (a|your) comment|post a comment|"
                     r"coment[aá]rios?|deixe (um|seu) coment[aá]rio|commentaires?|kommentare?|commenti|"
                     r"reacties)\b.{0,20}$|\d+\s+(coment[aá]rios|commentaires|kommentare|commenti)\b")
COMMENTS_HEAD = re.compile(COMMENTS_HEAD_RE, re.I)
COMMENTS = re.compile(COMMENTS_HEAD_RE + r"|\b(said|says|wrote|replied|commented)\s*:\s*$", re.I)
AUTHOR_BOX = re.compile(r"^\W*(written by|about the author|about|author|by the author|more by|sobre|"
                         r"[üu]ber den autor|[àa] propos de l'auteur)\b", re.I)
# Where a header's first word starts: after leading punctuation and an optional count ("12 Comments").
HEAD = re.compile(r"\W*(?:\d+\s+)?([^\W\d_]+)")
# ASCII spellings of the first words END_MARK and COMMENTS_HEAD can start with. Most lines are short,
# so these case-insensitive alternations ran on nearly every line; a set lookup rules most lines out.
# A non-ASCII first word always gets the regex (re.I folds some non-ASCII letters to ASCII ones).
END_WORDS = frozenset("""comment comments leave join discussion you recommended related more most trending
popular latest further see what read up about written author share tag tags topics filed sponsored around from
promoted comentario comentarios deixe sobre leia post posts artigos articulos commentaire commentaires a
article articles kommentar kommentare ahnliche lesen mehr uber weitere commenti articoli reacties
gerelateerde""".split())
COMMENTS_WORDS = frozenset("""comment comments response responses replies leave join discussion reader add post
comentario comentarios deixe commentaire commentaires kommentar kommentare commenti reacties""".split())


def first_word(text: str) -> str:
    """The word a header regex would start at, "" if none."""
    m = HEAD.match(text)
    return m.group(1) if m else ""


def may_start(first: str, words: frozenset[str]) -> bool:
    """Whether a header regex starting with one of these words can match a line whose first word is this."""
    return first.lower() in words if first.isascii() else True


# Interruptions inside a body ("Read more:", "Don't miss") that are not its end.
INLINE_MARK = re.compile(r"^\W*(read more|also read|read also|don'?t miss|advertisement|ad|watch|listen|"
                          r"see more|click here|related)\b", re.I)


def is_comments(text: str, first: str | None = None) -> bool:
    """first: first_word(text) when the caller has it."""
    # the "said:" form only needs a look when the line ends with a colon
    if text.endswith(":"):
        return bool(COMMENTS.search(text))
    if first is None:
        first = first_word(text)
    return may_start(first, COMMENTS_WORDS) and bool(COMMENTS_HEAD.match(text))
