"""The pipeline: decode, clean, analyse, summarise, tag, record. Pure: no I/O."""

from __future__ import annotations

import dataclasses
import logging
from functools import lru_cache

from . import __version__
from .ingest.dump import NotAnArticle, clean_dump
from .ingest.decode import DecodeError, decode
from .errors import EnricherError
from .ingest.html import html_to_article
from .ingest.language import detect_with_method
from .ingest.markdown import markdown_to_text
from .model import Article, Decoded, Document, Summary
from .options import Options
from .record import Record, Source
from .resources import Resources
from .summarize import get_summarizer, sentence_count
from .tags import get_tagger
from .text.analyse import analyse

log = logging.getLogger(__name__)

# A short article of our own, written to pass every stage: used only to load resources early.
_WARM_UP = """Harbour council approves new sea wall

The harbour council in Port Ellery voted on Tuesday to build a new sea wall along the old quay, after three winters of flooding damaged dozens of homes and shops.

Mayor Ana Ferreira said the wall would cost about 40 million euros and that work would start in the spring. "People here have waited long enough," she told reporters after the vote.

Engineers from the Coastal Engineering Agency will design the wall. The agency said it expected the project to take two years to complete.

Opponents on the council argued that the money would be better spent on moving homes away from the shore, but their proposal was defeated by nine votes to four.
"""


class Enricher:
    """One configured pipeline. Build it once (at Lambda INIT) and call enrich() per input.

    Unknown algorithm names fail here, at construction, not on the first article.
    """

    def __init__(self, options: Options | None = None, resources: Resources | None = None) -> None:
        self.options = options or Options()
        self.resources = resources or Resources()
        self.summarizer = get_summarizer(self.options.summarizer, self.resources)
        self.tagger = get_tagger(self.options.tagger, self.resources)
        # The default (English) tagger hands other languages to the multilingual one.
        self._other_tagger = get_tagger("multilingual", self.resources) if self.tagger.name == "keyphrase" else None
        self._pipeline = {
            "version": __version__,
            "settings": {
                **self.options.settings(),
                "summarizer": self.summarizer.name,
                "tagger": self.tagger.name,
            },
        }

    def warm(self) -> Record:
        """Load every resource the configured stages use, by enriching a small built-in article.

        Call it at Lambda INIT (every invocation needs the resources anyway) or before a
        SnapStart snapshot, so the first real article pays nothing extra.
        """
        return self.enrich(_WARM_UP.encode("utf-8"), name="warm-up.txt")

    def enrich(self, data: bytes | str, *, name: str | None = None, source: Source | None = None) -> Record:
        """Enrich one input. Never raises for bad input: the record's status says what happened."""
        source = source or Source(name=name, size=len(data) if isinstance(data, bytes) else None)
        name = name or source.name or source.key
        stage = "decode"
        decoded: Decoded | None = None
        try:
            decoded = decode(
                data,
                name=name,
                max_bytes=self.options.max_input_bytes,
                max_ratio=self.options.max_compression_ratio,
            )
            stage = "clean"
            article = self._clean(decoded)
            stage = "analyse"
            # Unknown language: analysed as English (the default), and the record says so.
            doc = analyse(article, article.language or "en", self.resources)
            stage = "summarize"
            summary = self.summarizer.summarize(doc, sentence_count(self.options, len(doc.sentences)))
            stage = "tag"
            tagger = self.tagger
            if doc.language != "en" and self._other_tagger is not None:
                tagger = self._other_tagger
            tags = tagger.tag(doc, self.options.max_tags)
        except DecodeError as exc:
            return self._refused(exc.status, exc, stage, source, decoded)
        except NotAnArticle as exc:
            return self._refused("skipped", exc, stage, source, decoded)
        except EnricherError as exc:
            return self._refused("failed", exc, stage, source, decoded)
        except Exception as exc:  # a bug: recorded as failed, and logged with its traceback
            log.exception("unexpected error in stage %s", stage)
            return self._refused("failed", exc, stage, source, decoded, internal=True)
        return Record(
            status="ok",
            source=source,
            pipeline=self._pipeline,
            article=article,
            summary=summary,
            tags=tags,
            cleaning=self._cleaning(decoded, article),
            summary_info=self._summary_info(article, doc, summary),
            tagging=self._tagging(article, doc, tagger),
        )

    def _summary_info(self, article: Article, doc: Document, summary: Summary) -> dict[str, object]:
        """Language, stemming and fallback of the summary, for the record."""
        from .summarize.centroid_lead import SNOWBALL, SUMY_STEMMED

        fallbacks = [] if article.language else ["language unknown: summarised as English"]
        if summary.method != self.summarizer.name:
            fallbacks.append(f"{summary.method}" + (f" ({summary.note})" if summary.note else ""))
        stemmer = SNOWBALL.get(doc.language) or SUMY_STEMMED.get(doc.language)
        return {
            "language": doc.language,
            "stemmer": f"snowball:{stemmer}" if doc.language in SNOWBALL else f"sumy:{stemmer}" if stemmer else None,
            "stopwords": len(doc.stopwords),
            "fallback": "; ".join(fallbacks) or None,
        }

    def _tagging(self, article: Article, doc: Document, tagger: object) -> dict[str, object]:
        """Which tagger ran on which language, and what it fell back to, for the record."""
        name = getattr(tagger, "name", str(tagger))
        fallbacks = [] if article.language else ["language unknown: tagged as English"]
        describe = getattr(tagger, "describe", None)
        if describe is not None:
            name, note = describe(doc.language, doc.stopwords)
            if note:
                fallbacks.append(note)
        elif name == "keyphrase" and doc.language != "en":
            name = "capitalised"
            fallbacks.append(f"keyphrase tags English only: capitalised runs for {doc.language!r}")
        return {"method": name, "language": doc.language, "fallback": "; ".join(fallbacks) or None}

    def _clean(self, decoded: Decoded) -> Article:
        fields = decoded.fields
        if decoded.format == "html":
            article = html_to_article(decoded.text)
        elif decoded.format == "markdown":
            md_title, text, md_captions = markdown_to_text(decoded.text)
            article = clean_dump(text)
            article = dataclasses.replace(
                article, title=md_title or article.title, captions=article.captions + md_captions
            )
        else:
            article = clean_dump(decoded.text)
        if self.options.language:
            language, method = self.options.language, "option"
        elif fields.get("language"):
            language, method = fields["language"], "input"
        else:
            language, method = detect_with_method(article.body, self.resources)
        return dataclasses.replace(
            article,
            title=fields.get("title") or article.title,
            byline=fields.get("byline") or article.byline,
            section=fields.get("section") or article.section,
            published=fields.get("published") or article.published,
            language=(language or None) and language[:2].lower(),
            language_method=method,
        )

    @staticmethod
    def _cleaning(decoded: Decoded | None, article: Article | None) -> dict[str, object]:
        return {
            "removed": dict(article.removed) if article else {},
            # Safety-net decisions for this input (HTML only; zero for other inputs).
            "safety_net": {"checked": 0, "replaced": 0, **(article.safety_net if article else {})},
            "input_format": decoded.format if decoded else None,
            "encoding": decoded.encoding if decoded else None,
            "compressed": decoded.compressed if decoded else False,
        }

    def _refused(
        self,
        status: str,
        exc: BaseException,
        stage: str,
        source: Source,
        decoded: Decoded | None,
        internal: bool = False,
    ) -> Record:
        reason = f"internal error: {type(exc).__name__}: {exc}" if internal else str(exc)
        record = self.not_enriched(status, reason or type(exc).__name__, source=source, error_type=type(exc).__name__, stage=stage)
        return dataclasses.replace(record, cleaning=self._cleaning(decoded, None))

    def not_enriched(self, status: str, reason: str, *, source: Source, error_type: str, stage: str) -> Record:
        """A skipped or failed record for an input that never reached the core (unreadable, too large)."""
        return Record(
            status=status,
            reason=reason,
            error={"type": error_type, "stage": stage},
            source=source,
            pipeline=self._pipeline,
            cleaning=self._cleaning(None, None),
        )


@lru_cache(maxsize=8)
def _enricher_for(options: Options) -> Enricher:
    # Options are frozen and hashable: each distinct setting builds (and loads resources) once.
    return Enricher(options)


def enrich(data: bytes | str, *, name: str | None = None, options: Options | None = None) -> Record:
    """Enrich one input (bytes in any common encoding, or str) and return its record."""
    return _enricher_for(options or Options()).enrich(data, name=name)
