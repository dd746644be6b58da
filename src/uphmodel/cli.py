"""The ``uphmodel`` command line.

``uphmodel summary PLAN`` prints what a plan holds (PLAN is a file or the name of a bundled
example), ``uphmodel examples`` lists the bundled examples, ``uphmodel fmt FILE...`` rewrites
files in canonical form (``--check`` only reports). Exit status: 0 when all went well, 1 when
``fmt --check`` found a file that is not canonical, 2 when a file could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from uphmodel import __version__, examples
from uphmodel._errors import LoadError
from uphmodel._json import dump, dumps, load, loads
from uphmodel._model import Plan
from uphmodel._summary import summarize

__all__ = ["main"]


class _Unreadable(Exception):
    """A file given on the command line could not be read; the message says why."""


def _read_plan(spec: str) -> Plan:
    path = Path(spec)
    if path.exists():
        try:
            return load(path)
        except OSError as exc:
            raise _Unreadable(f"{spec}: {exc.strerror or exc}") from None
    if spec in examples.names():
        return examples.load(spec)
    raise _Unreadable(
        f"{spec}: no such file, and no bundled example of that name "
        f"(bundled: {', '.join(examples.names())})"
    )


def _summary(args: argparse.Namespace) -> int:
    print(summarize(_read_plan(args.plan)))
    return 0


def _examples(_args: argparse.Namespace) -> int:
    for name in examples.names():
        print(name)
    return 0


def _fmt(args: argparse.Namespace) -> int:
    status = 0
    for spec in args.files:
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _Unreadable(f"{spec}: {exc}") from None
        plan = loads(text, source=spec)
        if dumps(plan) == text:
            continue
        if args.check:
            print(f"{spec}: not in canonical form", file=sys.stderr)
            status = 1
        else:
            dump(plan, path)
            print(f"{spec}: rewritten in canonical form", file=sys.stderr)
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uphmodel",
        description="Read, check and convert Swedish mental-health action plans.",
    )
    parser.add_argument("--version", action="version", version=f"uphmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summary = commands.add_parser("summary", help="print what a plan holds")
    summary.add_argument("plan", metavar="PLAN", help="a plan file, or a bundled example's name")
    summary.set_defaults(run=_summary)

    listing = commands.add_parser("examples", help="list the bundled example plans")
    listing.set_defaults(run=_examples)

    fmt = commands.add_parser("fmt", help="rewrite plan files in canonical JSON form")
    fmt.add_argument("files", nargs="+", metavar="FILE")
    fmt.add_argument(
        "--check", action="store_true", help="only report files that are not canonical"
    )
    fmt.set_defaults(run=_fmt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return 2
    except _Unreadable as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
