"""Commands between formats: convert, schema, template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from uphmodel import formats
from uphmodel._json import dump, dumps, json_text
from uphmodel.cli._common import (
    FORMATS,
    STDIO,
    CommandError,
    Unreadable,
    check_extension,
    format_of,
    read_plans,
    write_document,
    write_stdout,
    writing,
)
from uphmodel.model import Plan

__all__ = ["register"]


#: The format each extension of OUT names.
_EXTENSIONS = {".json": "json", ".xlsx": "xlsx", ".parquet": "parquet", ".csv": "csv"}


def _convert(args: argparse.Namespace) -> int:
    out, target = _target(args.output, args.to)
    plans = read_plans(args.input, args.source)
    if args.plan is not None:
        chosen = [p for p in plans if p.id == args.plan]
        if len(chosen) != 1:
            ids = ", ".join(p.id for p in plans)
            raise Unreadable(f"{args.input}: {len(chosen)} plans have the id {args.plan!r} "
                             f"(there: {ids})")  # fmt: skip
        plans = chosen
    if target == "parquet":
        with writing(args.output):
            formats.write_parquet(plans, out)
    else:
        if len(plans) != 1:
            ids = ", ".join(p.id for p in plans)
            raise Unreadable(
                f"{args.input}: holds {len(plans)} plans ({ids}); {target} holds one: "
                "choose it with --plan ID, or convert to parquet"
            )
        if args.output == STDIO:
            write_stdout(dumps(plans[0]))
            return 0
        with writing(args.output):
            _write(plans[0], out, target, args.headings)
    print(f"wrote {args.output} ({target})", file=sys.stderr)
    return 0


def _target(spec: str, to: str | None) -> tuple[Path, str]:
    """Where ``convert`` writes and in which format; an error when OUT's name and ``--to``
    disagree, or the name says no format. A plan in CSV is a folder: OUT is the folder, or its
    ``plan.csv``."""
    if spec == STDIO:
        if to not in (None, "json"):
            raise CommandError(f"-: standard output takes JSON only, not {to}")
        return Path(spec), "json"
    out = Path(spec)
    named = _EXTENSIONS.get(out.suffix.lower())
    target = to or format_of(out, writing=True)
    if to is not None and named is not None and named != target.removesuffix("-sv"):
        raise CommandError(
            f"OUT {spec}: the extension {out.suffix!r} says {named}, but --to says {to}"
        )
    if target in ("csv", "csv-sv") and out.suffix.lower() == ".csv":
        if out.name.lower() != "plan.csv":
            raise CommandError(
                f"OUT {spec}: a plan in CSV is a folder of files; give the folder "
                f"({out.with_suffix('')}) or its plan.csv"
            )
        out = out.parent
    return out, target


def _write(plan: Plan, out: Path, target: str, headings: str) -> None:
    if target == "json":
        dump(plan, out)
    elif target == "xlsx":
        formats.write_xlsx(plan, out, headings=headings)
    else:
        formats.write_csv(plan, out, dialect="excel-sv" if target == "csv-sv" else "excel")


def _schema(args: argparse.Namespace) -> int:
    if args.output not in (None, STDIO):
        check_extension(args.output, (".json",), "--output")
    text = json_text(formats.json_schema(args.kind))
    if args.output in (None, STDIO):
        write_stdout(text)
        return 0
    write_document(text, args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _template(args: argparse.Namespace) -> int:
    if args.output == STDIO:
        raise CommandError("-: a workbook is not written to standard output; give a .xlsx file")
    check_extension(args.output, (".xlsx",), "OUT")
    with writing(args.output):
        formats.template(Path(args.output), headings=args.headings)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    convert = commands.add_parser(
        "convert", help="convert a plan between JSON, a workbook, CSV files and Parquet",
        description="Convert a plan between formats, told from the names: .json, .xlsx, "
        ".parquet (a folder of Parquet files), or a folder of CSV files. The round trip is "
        "exact: converting back gives the same plan.",
    )  # fmt: skip
    convert.add_argument(
        "input", metavar="IN", help="a plan (file, folder, example name, or - for standard input)"
    )
    convert.add_argument(
        "output", metavar="OUT", help="where to write it (- : JSON on standard output)"
    )
    convert.add_argument("--to", choices=FORMATS, help="the format of OUT (default: its name)")
    convert.add_argument(
        "--from", dest="source", choices=FORMATS, help="the format of IN (default: its name)"
    )
    convert.add_argument(
        "--headings", choices=["paths", "sv"], default="paths",
        help="a workbook's headings: JSON Pointer paths (default) or Swedish titles",
    )  # fmt: skip
    convert.add_argument("--plan", metavar="ID", help="the plan to take from many (Parquet)")
    convert.set_defaults(run=_convert)

    schema = commands.add_parser("schema", help="print the JSON Schema of the documents")
    schema.add_argument("--kind", choices=["plan", "framework", "crosswalk"], default="plan")
    schema.add_argument(
        "--output", "-o", metavar="FILE", help="write it to this .json file instead"
    )
    schema.set_defaults(run=_schema)

    template = commands.add_parser(
        "template", help="write an empty workbook for a planner to fill in"
    )
    template.add_argument("output", metavar="OUT", help="the workbook to write (.xlsx)")
    template.add_argument(
        "--headings", choices=["sv", "paths"], default="sv",
        help="Swedish titles (default) or JSON Pointer paths",
    )  # fmt: skip
    template.set_defaults(run=_template)
