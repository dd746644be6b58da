"""The allocate command: split a total exactly by an allocation key."""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from uphmodel._allocate import AllocationError, Rounding, allocate, to_decimal
from uphmodel._errors import LoadError, UphError
from uphmodel._frozen import FrozenMap
from uphmodel._json import json_text, parse_json
from uphmodel._limits import Limits, width
from uphmodel._text import figure
from uphmodel.cli._common import (
    STDIN_NAME,
    STDIO,
    CommandError,
    Unreadable,
    check_extension,
    exact,
    read_bytes,
    read_plan,
    write_document,
)
from uphmodel.converter import make_converter, problems_from
from uphmodel.model import AllocationKey, KeyMethod, Plan

__all__ = ["register"]


def _read_key(args: argparse.Namespace) -> tuple[AllocationKey, Plan | None]:
    """The key named on the command line: a key of a plan, or a CSV or JSON file."""
    if args.plan is not None:
        plan = read_plan(args.plan)
        for key in plan.allocation_keys:
            if key.id == args.key:
                return key, plan
        known = ", ".join(k.id for k in plan.allocation_keys) or "none"
        raise Unreadable(f"{args.plan} has no allocation key {args.key!r} (keys: {known})")
    data = read_bytes(args.key)
    name = STDIN_NAME if args.key == STDIO else args.key
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save it as UTF-8 (in Excel: 'CSV UTF-8')"
        ) from None
    suffix = Path(args.key).suffix.lower()
    if suffix == ".csv" or (suffix != ".json" and not text.lstrip().startswith("{")):
        return _csv_key(name, text), None
    return _json_key(name, data), None


def _json_key(name: str, data: bytes) -> AllocationKey:
    try:
        parsed = parse_json(data, name)
    except LoadError as exc:
        raise Unreadable(f"{name}: " + "; ".join(str(p) for p in exc.problems)) from None
    if isinstance(parsed, dict) and "method" in parsed:
        try:
            key = make_converter().structure(parsed, AllocationKey)
        except Exception as exc:  # a cattrs validation group: report every problem
            problems = "; ".join(str(p) for p in problems_from(exc))
            raise Unreadable(f"{name}: {problems}") from None
        return key
    if isinstance(parsed, dict) and all(
        isinstance(w, (int, Decimal)) and not isinstance(w, bool) for w in parsed.values()
    ):
        return _weights_key(name, {str(k): Decimal(v) for k, v in parsed.items()})
    raise Unreadable(f"{name}: expected an allocation key object or an object of party to weight")


def _weights_key(name: str, weights: dict[str, Decimal]) -> AllocationKey:
    if not weights:
        raise Unreadable(f"{name}: no party and weight in it")
    try:
        return AllocationKey(id="key", method=KeyMethod.PROPORTIONAL, weights=FrozenMap(weights))
    except UphError as exc:
        raise Unreadable(f"{name}: {exc}") from None


#: The most digits a weight may need written out, as a number in a JSON document.
_DIGITS = Limits().digits

#: Spaces that may group the digits of a number: a space, a no-break space (what Excel writes
#: in Swedish), a narrow no-break space, a thin space.
_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009")


def _weight(cell: str) -> Decimal | None:
    """The number in a key's weight cell, ``None`` when it holds none. Swedish (``1 234,50``)
    and English (``1234.50``) numbers are read; ``1,234.50`` is neither and is refused."""
    text = cell.strip().translate(_GROUPING).replace("\u2212", "-")
    if "," in text:
        if "." in text:
            return None
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    return value if value.is_finite() and width(value) <= _DIGITS else None


def _separator(text: str) -> str:
    """The separator of a key's CSV text, from its first line that holds anything: ``;`` (what
    Excel writes in Swedish), a tab, or ``,``."""
    for line in text.splitlines():
        if line.strip():
            if ";" in line:
                return ";"
            return "\t" if "\t" in line else ","
    return ","


def _csv_key(name: str, text: str) -> AllocationKey:
    """A proportional key from CSV rows of party and weight: ``;``-separated with decimal commas
    or ``,``-separated with decimal points, a header row first or not. A party named twice, a
    row of more than two columns or a weight that is not a number is an error."""
    weights: dict[str, Decimal] = {}
    lines: dict[str, int] = {}  # a party's name, in one Unicode form, to the line it is on
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    first = True
    skipped: tuple[int, str] | None = None  # the header row, and its weight cell
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()  # the empty cells of a spreadsheet's trailing separators
            if not cells:
                continue
            line = reader.line_num
            header, first = first, False
            if len(cells) != 2:
                hint = ""
                if separator == "," and len(cells) > 2:
                    hint = " (a decimal comma in a comma-separated file? separate with ';')"
                raise Unreadable(
                    f"{name}:{line}: expected two columns, party and weight; found "
                    f"{len(cells)}{hint}"
                )
            party, cell = cells
            weight = _weight(cell)
            if weight is None:
                if header:
                    skipped = (line, cell)
                    continue
                raise Unreadable(f"{name}:{line}: {cell!r} is not a number")
            if not party:
                raise Unreadable(f"{name}:{line}: a weight without a party")
            same = unicodedata.normalize("NFC", party)
            if same in lines:
                raise Unreadable(
                    f"{name}:{line}: the party {party!r} is named twice (first on line "
                    f"{lines[same]})"
                )
            lines[same] = line
            weights[party] = weight
    except csv.Error as exc:
        raise Unreadable(f"{name}:{reader.line_num}: not CSV: {exc}") from None
    if not weights and skipped is not None:
        line, cell = skipped
        raise Unreadable(
            f"{name}:{line}: {cell!r} is not a number (and no row after it holds a weight)"
        )
    return _weights_key(name, weights)


def _total(text: str) -> str | Decimal:
    """TOTAL on the command line: an exact number, or ``-`` for a key that gives its own."""
    return text if text == STDIO else exact(text)


def _allocate(args: argparse.Namespace) -> int:
    suffix = None
    if args.output is not None:
        if args.output == STDIO:
            raise CommandError(
                "--output -: the split is printed on standard output already; "
                "give a .csv or .json file"
            )
        suffix = check_extension(args.output, (".csv", ".json"), "--output")
    key, plan = _read_key(args)
    try:
        result = allocate(
            None if args.total == STDIO else args.total,
            key,
            unit=args.unit,
            rounding=args.rounding,
            plan=plan,
        )
    except (AllocationError, ArithmeticError) as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    rows = [
        {
            "party": share.party,
            "exact": share.exact_decimal(4),
            "amount": share.amount,
            "adjustment": to_decimal(share.adjustment, 4),
        }
        for share in result.shares
    ]
    width = max([len(r["party"]) for r in rows] + [len("party"), len("total")])  # type: ignore[arg-type]
    print(f"{'party':<{width}}  {'exact':>20}  {'amount':>16}  {'rounding':>10}")
    for r in rows:
        print(
            f"{r['party']:<{width}}  {figure(r['exact']):>20}  "  # type: ignore[arg-type]
            f"{figure(r['amount']):>16}  {figure(r['adjustment']):>10}"  # type: ignore[arg-type]
        )
    print(f"{'total':<{width}}  {figure(result.total):>20}  "
          f"{figure(result.total - result.residual):>16}")  # fmt: skip
    print(f"{result.rounding.value} to {figure(result.unit)}; residual {figure(result.residual)}")
    if args.output:
        if suffix == ".json":
            data = {
                "total": result.total, "unit": result.unit, "rounding": result.rounding.value,
                "residual": result.residual, "shares": rows,
            }  # fmt: skip
            write_document(json_text(data), args.output)
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(["party", "exact", "amount", "adjustment"])
            for r in rows:
                writer.writerow([r["party"], r["exact"], r["amount"], r["adjustment"]])
            write_document(buffer.getvalue(), args.output)
    return 0


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    split = commands.add_parser("allocate", help="split a total exactly by an allocation key")
    split.add_argument(
        "total",
        metavar="TOTAL",
        type=_total,
        help="the amount to split ('-' for a key that gives its own)",
    )
    split.add_argument(
        "--key",
        required=True,
        metavar="KEY",
        help="a CSV file of party;weight rows (Swedish: ';' and decimal commas, or ',' and "
        "decimal points), a JSON file (party to weight, or an allocation key), - for either "
        "on standard input, or with --plan the id of one of the plan's keys",
    )
    split.add_argument(
        "--plan", metavar="PLAN", help="a plan file, bundled example's name, or - (standard input)"
    )
    split.add_argument(
        "--unit", type=exact, default=Decimal(1), help="round to this unit (default 1 krona)"
    )
    split.add_argument(
        "--rounding",
        choices=[r.value for r in Rounding],
        default=Rounding.LARGEST_REMAINDER.value,
        help="largest_remainder (parts add up to the total) or each share on its own",
    )
    split.add_argument("--output", metavar="FILE", help="also write the split as .csv or .json")
    split.set_defaults(run=_allocate)
