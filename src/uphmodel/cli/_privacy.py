"""Commands on personal data: redact."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from uphmodel import formats
from uphmodel._json import dumps
from uphmodel._redact import redaction
from uphmodel.cli._common import (
    FORMATS,
    STDIO,
    CommandError,
    format_of,
    read_plan,
    write_document,
    writing,
)
from uphmodel.model import Plan

__all__ = ["register"]


def _redact(args: argparse.Namespace) -> int:
    target = _format(args.output, args.to)
    result = redaction(read_plan(args.input))
    if target == "json":
        write_document(dumps(result.plan), args.output)
    else:
        with writing(args.output):
            _write(result.plan, Path(args.output), target)
    for removal in result.removed:
        print(removal, file=sys.stderr)
    wrote = "" if args.output == STDIO else f"; wrote {args.output}"
    print(f"{result.summary()}{wrote}", file=sys.stderr)
    return 0


def _format(spec: str, to: str | None) -> str:
    """The format in which to write OUT: ``--to``, else told from its name (``-``: JSON)."""
    if spec == STDIO:
        if to not in (None, "json"):
            raise CommandError(f"-: standard output takes JSON only, not {to}")
        return "json"
    return to or format_of(Path(spec), writing=True)


def _write(plan: Plan, out: Path, target: str) -> None:
    if target == "xlsx":
        formats.write_xlsx(plan, out)
    elif target == "parquet":
        formats.write_parquet(plan, out)
    else:
        formats.write_csv(plan, out, dialect="excel-sv" if target == "csv-sv" else "excel")


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    redact = commands.add_parser(
        "redact", help="write a plan without personal data, and say what was removed",
        description="Write a copy of a plan without personal data: contact points' names, "
        "e-mail addresses and phone numbers emptied; e-mail addresses, telephone numbers, "
        "personal identity numbers and names found in its texts replaced with a placeholder. "
        "Every removal is printed on standard error with its JSON Pointer and kind, never "
        "the value. Names are found by cues and can be missed: read the result before you "
        "share it.",
    )  # fmt: skip
    redact.add_argument(
        "input", metavar="IN", help="a plan (file, folder, example name, or - for standard input)"
    )
    redact.add_argument(
        "output", metavar="OUT", help="where to write it (- for standard output, as JSON)"
    )
    redact.add_argument(
        "--to", choices=FORMATS, help="the format of OUT (default: told from its name)"
    )
    redact.set_defaults(run=_redact)
