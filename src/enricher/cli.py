"""Command line.

`enricher enrich [--sentences N] [--max-tags N] [--output-dir DIR] PATH...` prints one record
per input as JSON Lines, in input order (or writes DIR/<name>.json per input, with a progress
bar on stderr for many files). Exit status: 0 when every record is ok or skipped, 1 when any
failed, 2 on usage errors.

`enricher backfill s3://BUCKET[/PREFIX] --output s3://BUCKET[/PREFIX] [--workers N] [--force]
[--state-machine ARN]` enriches what is already in a bucket; it needs the AWS edge package
(enricher_aws, with boto3), imported only then. Exit status: 0 when every object has its
record, 1 when some could not be done (run it again: it resumes), 2 on usage errors, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .errors import ResourceMissing
from .options import Options, OptionsError
from .pipeline import Enricher
from .progress import Progress
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
    run.add_argument("--output-dir", default=None, metavar="DIR",
                     help="write DIR/<name>.json per input instead of JSON Lines on stdout")
    back = sub.add_parser("backfill", help="enrich the objects already in a bucket (needs boto3)")
    back.add_argument("source", metavar="s3://BUCKET[/PREFIX]", help="objects to enrich")
    back.add_argument("--output", required=True, metavar="s3://BUCKET[/PREFIX]", help="where records go (the function's OUTPUT_BUCKET and OUTPUT_PREFIX)")
    back.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPU count)")
    back.add_argument("--force", action="store_true", help="rewrite records that are already done")
    back.add_argument("--state-machine", default=None, metavar="ARN", help="run on the Distributed Map state machine instead")
    back.add_argument("--event-bus", default=os.environ.get("EVENT_BUS_NAME") or None,
                      help="publish an Article Enriched event per record written (default: $EVENT_BUS_NAME; local mode)")
    return parser


def _backfill(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        import boto3  # noqa: F401

        from enricher_aws import backfill
        from enricher_aws.keys import SettingsError, parse_s3_url
    except ImportError:
        print("enricher: error: backfill needs boto3: pip install 'article-enricher[lambda]'", file=sys.stderr)
        return 2
    try:
        parse_s3_url(args.source)
        parse_s3_url(args.output)
        if args.workers < 1:
            raise SettingsError("--workers must be at least 1")
    except SettingsError as exc:
        parser.print_usage(sys.stderr)
        print(f"enricher: error: {exc}", file=sys.stderr)
        return 2
    if args.state_machine:
        desc = backfill.run_state_machine(args.state_machine, args.source, args.output, force=args.force)
        print(f"backfill execution {desc['status']}: {desc['executionArn']}", file=sys.stderr)
        return 0 if desc["status"] == "SUCCEEDED" else 1
    summary = backfill.run_local(args.source, args.output, workers=args.workers, force=args.force,
                                 event_bus=args.event_bus)
    print(summary.line(), file=sys.stderr)
    for error in summary.errors[:10]:
        print(f"  error: {error}", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.counts.get("error") else 0


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
    if args.command == "backfill":
        return _backfill(args, parser)
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
    names: dict[str, str] = {}
    if args.output_dir:
        for path in args.paths:
            name = "stdin" if path == "-" else os.path.basename(path.rstrip("/")) or path
            if name in names:
                parser.print_usage(sys.stderr)
                print(f"enricher: error: {names[name]} and {path} would both be written to {name}.json", file=sys.stderr)
                return 2
            names[name] = path
        os.makedirs(args.output_dir, exist_ok=True)
    progress = Progress(sys.stderr, total=len(args.paths), label="enrich ") if args.output_dir and len(args.paths) > 1 else None
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
        if args.output_dir:
            name = "stdin" if path == "-" else os.path.basename(path.rstrip("/")) or path
            with open(os.path.join(args.output_dir, name + ".json"), "w", encoding="utf-8") as fh:
                fh.write(record.to_json() + "\n")
            if progress:
                progress.add(record.status)
        else:
            out.write(record.to_json() + "\n")
            out.flush()
    if progress:
        progress.close()
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
