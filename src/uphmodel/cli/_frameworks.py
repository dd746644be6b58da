"""Commands on frameworks: convert-framework, frameworks."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from uphmodel._json import dumps, json_text, load_crosswalk, load_framework
from uphmodel.cli._common import (
    STDIO,
    CommandError,
    check_extension,
    read_document,
    read_plan,
    write_document,
)
from uphmodel.converter import make_converter
from uphmodel.frameworks import ACCEPTED, builtin, convert_framework
from uphmodel.model import Relation

__all__ = ["register"]


def _convert_framework(args: argparse.Namespace) -> int:
    if args.output not in (None, STDIO):
        check_extension(args.output, (".json",), "--output")
    try:
        accept = [Relation(value) for value in args.accept.split(",")] if args.accept else ACCEPTED
    except ValueError:
        known = ", ".join(r.value for r in Relation)
        raise CommandError(f"--accept takes relations separated by commas: {known}") from None
    plan = read_plan(args.plan)
    conversion = convert_framework(
        plan,
        to=args.to,
        crosswalk=[read_document(spec, load_crosswalk) for spec in args.crosswalk],
        frameworks=[read_document(spec, load_framework) for spec in args.framework],
        accept=accept,
    )
    # The report goes to standard error when standard output takes the converted plan.
    report = sys.stderr if args.output == STDIO else sys.stdout
    if args.format == "json":
        print(json_text(make_converter().unstructure(conversion.record)), end="", file=report)
    else:
        print(conversion, file=report)
    if args.output:
        write_document(dumps(conversion.plan), args.output)
        if args.output != STDIO:
            print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _frameworks(args: argparse.Namespace) -> int:
    catalogue = builtin()
    if args.id is None:
        for framework in catalogue:
            year = framework.citation.year if framework.citation else None
            cited = f", {framework.citation.publisher} {year}" if framework.citation else ""
            print(f"{framework.id}  ({framework.kind.value}{cited})  {framework.title}")
        for crosswalk in catalogue.crosswalks:
            print(
                f"{crosswalk.id}  (crosswalk, {crosswalk.basis.value})  "
                f"{crosswalk.source_framework} → {crosswalk.target_framework}"
            )
        return 0
    framework = catalogue[args.id]
    print(framework.title)
    if framework.citation is not None:
        c = framework.citation
        parts = [c.publisher, c.title, str(c.year) if c.year else None, c.url]
        print("  " + ", ".join(p for p in parts if p))
    for entry in framework.codes:
        kind = f" [{entry.kind}]" if entry.kind else ""
        print(f"  {entry.code}{kind}  {entry.label}")
    return 0


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    convert = commands.add_parser(
        "convert-framework", help="restate a plan's codes in another framework"
    )
    convert.add_argument(
        "plan", metavar="PLAN", help="a plan file, bundled example's name, or - (standard input)"
    )
    convert.add_argument("--to", required=True, metavar="ID", help="the framework to convert to")
    convert.add_argument(
        "--crosswalk", action="append", default=[], metavar="FILE",
        help="a crosswalk document (beside the built-in ones); may be given more than once",
    )  # fmt: skip
    convert.add_argument(
        "--framework", action="append", default=[], metavar="FILE",
        help="a framework document the plan or the crosswalk refers to",
    )  # fmt: skip
    convert.add_argument(
        "--accept", metavar="RELATIONS",
        help="relations by which a code is converted, e.g. exact,close "
        "(default: exact,close,broader,narrower)",
    )  # fmt: skip
    convert.add_argument("--format", choices=["text", "json"], default="text")
    convert.add_argument(
        "--output", "-o", metavar="FILE",
        help="write the converted plan to this .json file, or with - to standard output "
        "(the report then goes to standard error); without it, only the report is printed",
    )  # fmt: skip
    convert.set_defaults(run=_convert_framework)

    listing_fw = commands.add_parser(
        "frameworks", help="list the built-in frameworks, or the codes of one"
    )
    listing_fw.add_argument("id", nargs="?", metavar="ID", help="a framework's id")
    listing_fw.set_defaults(run=_frameworks)
