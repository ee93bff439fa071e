"""Command line: `enricher enrich [--sentences N] [--max-tags N] PATH...`.

Prints one record per input as JSON Lines, in input order. Exit status: 0 when
every record is ok or skipped, 1 when any failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .errors import ResourceMissing
from .options import Options, OptionsError
from .pipeline import Enricher
from .record import Source
from .summarize import SummarizeError
from .tags import TagError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="enricher", description="Enrich article files into JSON records.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("enrich", help="enrich files and print one JSON record per line")
    run.add_argument("paths", nargs="+", metavar="PATH", help="input files ('-' reads standard input)")
    run.add_argument("--sentences", type=int, default=Options.sentences, help="summary sentences (default 3)")
    run.add_argument("--ratio", type=float, default=None, help="summary length as a share of the sentences")
    run.add_argument("--max-tags", type=int, default=Options.max_tags, help="tags at most (default 10)")
    run.add_argument("--summarizer", default=Options.summarizer, help="summariser name (default: default)")
    run.add_argument("--tagger", default=Options.tagger, help="tagger name (default: default)")
    run.add_argument("--language", default=None, help="ISO 639-1 code; detected when omitted")
    return parser


def _read(path: str, limit: int) -> bytes:
    # Read one byte past the limit: enough to know the input is too large without reading it all.
    if path == "-":
        return sys.stdin.buffer.read(limit + 1)
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except ResourceMissing as exc:
        # Set-up, not input: one line that says what is missing and how to fix it, no traceback.
        print(f"enricher: error: {exc}", file=sys.stderr)
        return 3


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        options = Options(
            sentences=args.sentences,
            ratio=args.ratio,
            max_tags=args.max_tags,
            summarizer=args.summarizer,
            tagger=args.tagger,
            language=args.language,
        )
        enricher = Enricher(options)
    except (OptionsError, SummarizeError, TagError) as exc:
        parser.print_usage(sys.stderr)
        print(f"enricher: error: {exc}", file=sys.stderr)
        return 2
    failed = False
    out = sys.stdout
    for path in args.paths:
        limit = options.max_input_bytes
        try:
            size = None if path == "-" else os.path.getsize(path)
            data = b"" if size is not None and size > limit else _read(path, limit)
        except OSError as exc:
            reason = f"cannot read {path}: {exc.strerror or exc}"
            record = enricher.not_enriched("failed", reason, source=Source(name=path), error_type=type(exc).__name__, stage="read")
        else:
            size = len(data) if size is None else size
            if size > limit:
                # Refused from its size alone: the file is never read into memory.
                reason = f"input is {size} bytes, over the {limit}-byte limit"
                record = enricher.not_enriched("skipped", reason, source=Source(name=path, size=size), error_type="TooLarge", stage="read")
            else:
                record = enricher.enrich(data, name=path, source=Source(name=path, size=size))
        failed |= record.status == "failed"
        out.write(record.to_json() + "\n")
        out.flush()
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
