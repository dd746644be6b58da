"""The allocate command: split a total exactly by an allocation key."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from uphmodel._allocate import AllocationError, Rounding, allocate, to_decimal
from uphmodel._errors import UphError
from uphmodel._frozen import FrozenMap
from uphmodel._json import json_text
from uphmodel._text import figure
from uphmodel.cli._common import Unreadable, read_plan
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
    path = Path(args.key)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(f"{args.key}: {exc}") from None
    if path.suffix.lower() == ".csv":
        return _csv_key(args.key, text), None
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise Unreadable(f"{args.key}: not valid JSON: {exc}") from None
    if isinstance(data, dict) and "method" in data:
        try:
            key = make_converter().structure(data, AllocationKey)
        except Exception as exc:  # a cattrs validation group: report every problem
            problems = "; ".join(str(p) for p in problems_from(exc))
            raise Unreadable(f"{args.key}: {problems}") from None
        return key, None
    if isinstance(data, dict) and all(
        isinstance(w, (int, Decimal)) and not isinstance(w, bool) for w in data.values()
    ):
        return _weights_key({str(k): Decimal(v) for k, v in data.items()}), None
    raise Unreadable(
        f"{args.key}: expected an allocation key object or an object of party to weight"
    )


def _weights_key(weights: dict[str, Decimal]) -> AllocationKey:
    try:
        return AllocationKey(id="key", method=KeyMethod.PROPORTIONAL, weights=FrozenMap(weights))
    except UphError as exc:
        raise Unreadable(str(exc)) from None


def _csv_key(name: str, text: str) -> AllocationKey:
    weights: dict[str, Decimal] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise Unreadable(f"{name}:{number}: expected two columns, party and weight")
        party, weight = row[0].strip(), row[1].strip().replace(" ", "").replace(",", ".")
        try:
            weights[party] = Decimal(weight)
        except ArithmeticError:
            if number == 1:
                continue  # a header row
            raise Unreadable(f"{name}:{number}: {row[1]!r} is not a number") from None
    return _weights_key(weights)


def _allocate(args: argparse.Namespace) -> int:
    key, plan = _read_key(args)
    try:
        result = allocate(
            None if args.total == "-" else args.total,
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
        out = Path(args.output)
        if out.suffix.lower() == ".json":
            data = {
                "total": result.total, "unit": result.unit, "rounding": result.rounding.value,
                "residual": result.residual, "shares": rows,
            }  # fmt: skip
            out.write_text(json_text(data), encoding="utf-8")
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(["party", "exact", "amount", "adjustment"])
            for r in rows:
                writer.writerow([r["party"], r["exact"], r["amount"], r["adjustment"]])
            out.write_text(buffer.getvalue(), encoding="utf-8")
    return 0


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    split = commands.add_parser("allocate", help="split a total exactly by an allocation key")
    split.add_argument(
        "total", metavar="TOTAL", help="the amount to split ('-' for a key that gives its own)"
    )
    split.add_argument(
        "--key",
        required=True,
        metavar="KEY",
        help="a CSV file of party,weight rows, a JSON file (party to weight, or an allocation "
        "key), or with --plan the id of one of the plan's keys",
    )
    split.add_argument("--plan", metavar="PLAN", help="a plan file or bundled example's name")
    split.add_argument(
        "--unit", type=Decimal, default=Decimal(1), help="round to this unit (default 1 krona)"
    )
    split.add_argument(
        "--rounding",
        choices=[r.value for r in Rounding],
        default=Rounding.LARGEST_REMAINDER.value,
        help="largest_remainder (parts add up to the total) or each share on its own",
    )
    split.add_argument("--output", metavar="FILE", help="also write the split as .csv or .json")
    split.set_defaults(run=_allocate)
