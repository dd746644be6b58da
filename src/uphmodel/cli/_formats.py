"""Commands between formats: convert, schema, template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from uphmodel import formats
from uphmodel._json import dump, json_text, write_text
from uphmodel.cli._common import FORMATS, Unreadable, format_of, read_plans
from uphmodel.model import Plan

__all__ = ["register"]


def _convert(args: argparse.Namespace) -> int:
    plans = read_plans(args.input, args.source)
    if args.plan is not None:
        chosen = [p for p in plans if p.id == args.plan]
        if len(chosen) != 1:
            ids = ", ".join(p.id for p in plans)
            raise Unreadable(f"{args.input}: {len(chosen)} plans have the id {args.plan!r} "
                             f"(there: {ids})")  # fmt: skip
        plans = chosen
    out = Path(args.output)
    target = args.to or format_of(out, writing=True)
    if target == "parquet":
        formats.write_parquet(plans, out)
    else:
        if len(plans) != 1:
            ids = ", ".join(p.id for p in plans)
            raise Unreadable(
                f"{args.input}: holds {len(plans)} plans ({ids}); {target} holds one: "
                "choose it with --plan ID, or convert to parquet"
            )
        _write(plans[0], out, target, args.headings)
    print(f"wrote {out} ({target})", file=sys.stderr)
    return 0


def _write(plan: Plan, out: Path, target: str, headings: str) -> None:
    if target == "json":
        dump(plan, out)
    elif target == "xlsx":
        formats.write_xlsx(plan, out, headings=headings)
    else:
        formats.write_csv(plan, out, dialect="excel-sv" if target == "csv-sv" else "excel")


def _schema(args: argparse.Namespace) -> int:
    text = json_text(formats.json_schema(args.kind))
    if args.output:
        write_text(text, Path(args.output))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        print(text, end="")
    return 0


def _template(args: argparse.Namespace) -> int:
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
    convert.add_argument("input", metavar="IN", help="a plan (file, folder or example name)")
    convert.add_argument("output", metavar="OUT", help="where to write it")
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
    schema.add_argument("--output", "-o", metavar="FILE", help="write it here instead")
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
