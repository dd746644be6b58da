"""The ``uphmodel`` command line.

``uphmodel summary PLAN`` prints what a plan holds (PLAN is a file or the name of a bundled
example), ``uphmodel validate PLAN...`` reports what is wrong with plans, ``uphmodel allocate
TOTAL --key KEY`` splits money exactly, ``uphmodel diff OLD NEW`` shows what changed between
two versions, ``uphmodel convert-framework PLAN --to ID`` restates a plan's codes in another
framework, ``uphmodel frameworks [ID]`` lists the built-in frameworks or one's codes,
``uphmodel migrate IN [OUT]`` brings a document of an older schema version up to date,
``uphmodel examples`` lists the bundled examples, ``uphmodel fmt FILE...`` rewrites files in
canonical form (``--check`` only reports). Exit status: 0 when all went well, 1 when
``validate`` found errors, ``diff`` found differences or ``fmt --check`` found a file that is
not canonical, 2 when input could not be read or used.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from uphmodel import __version__, examples
from uphmodel._allocate import AllocationError, Rounding, allocate, to_decimal
from uphmodel._changelog import render_changelog
from uphmodel._diff import diff, to_json_patch
from uphmodel._errors import LoadError, UphError
from uphmodel._frozen import FrozenMap
from uphmodel._json import (
    dump,
    dumps,
    json_text,
    load,
    load_crosswalk,
    load_framework,
    loads,
    migrate,
    write_text,
)
from uphmodel._summary import summarize
from uphmodel._text import figure
from uphmodel._upgrade import SCHEMA_VERSION, SchemaWarning, UpgradeError
from uphmodel.converter import make_converter, problems_from
from uphmodel.frameworks import ACCEPTED, UnknownFramework, builtin, convert_framework
from uphmodel.model import AllocationKey, KeyMethod, Plan, Relation
from uphmodel.rules import RULES, Report, Severity, check

__all__ = ["main"]

T = TypeVar("T")


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


def _read_document(spec: str, reader: Callable[[Path], T]) -> T:
    """A framework or crosswalk from a file given on the command line."""
    try:
        return reader(Path(spec))
    except OSError as exc:
        raise _Unreadable(f"{spec}: {exc.strerror or exc}") from None


def _summary(args: argparse.Namespace) -> int:
    print(summarize(_read_plan(args.plan)))
    return 0


def _validate(args: argparse.Namespace) -> int:
    severities: dict[str, str] = {}
    for spec in args.severity:
        rule, _, level = spec.partition("=")
        severities[rule] = level
    known = {rule.id for rule in RULES}
    unknown = sorted((set(args.disable) | set(severities)) - known)
    if unknown:
        print(f"uphmodel: no such rule: {', '.join(unknown)}", file=sys.stderr)
        return 2
    if any(level not in {s.value for s in Severity} for level in severities.values()):
        print("uphmodel: --severity takes RULE=error|warning|info", file=sys.stderr)
        return 2
    extra = [_read_document(spec, load_framework) for spec in args.framework]
    status = 0
    results: list[dict[str, object]] = []
    totals = dict.fromkeys(Severity, 0)
    for spec in args.plans:
        try:
            plan = _read_plan(spec)
        except LoadError as exc:
            status = 2
            problems = [{"path": p.path, "message": p.message} for p in exc.problems]
            results.append({"file": spec, "readable": False, "problems": problems})
            if args.format == "text":
                print(f"{spec}: cannot be read ({len(problems)} problems)")
                for p in exc.problems:
                    print(f"  {p.path or '/'}: {p.message}")
            continue
        except _Unreadable as exc:
            status = 2
            results.append({"file": spec, "readable": False, "problems": [{"path": "",
                            "message": str(exc)}]})  # fmt: skip
            if args.format == "text":
                print(f"{exc}")
            continue
        report = check(
            plan,
            profile=args.profile,
            disable=args.disable,
            severities=severities,
            tolerance=args.tolerance,
            frameworks=extra,
        )
        for severity in Severity:
            totals[severity] += len(report.of(severity))
        if report.errors:
            status = max(status, 1)
        results.append({"file": spec, "readable": True, **_report_data(report)})
        if args.format == "text":
            _print_report(spec, report)
    if args.format == "json":
        print(json_text({"files": results}), end="")
    else:
        counts = ", ".join(
            f"{totals[s]} {s.value}{'s' if totals[s] != 1 else ''}" for s in Severity
        )
        print(f"{len(args.plans)} file{'s' if len(args.plans) != 1 else ''} checked: {counts}")
    return status


def _report_data(report: Report) -> dict[str, object]:
    return {
        "profile": report.profile,
        "summary": {s.value: len(report.of(s)) for s in Severity},
        "findings": [f.as_dict() for f in report.findings],
    }


def _print_report(spec: str, report: Report) -> None:
    print(f"{spec}: {report.summary()}")
    for severity in Severity:
        found = report.of(severity)
        if not found:
            continue
        print(f"  {severity.value}s:")
        for finding in found:
            print(f"    {finding.path or '/'}: {finding.message} [{finding.rule}]")


def _read_key(args: argparse.Namespace) -> tuple[AllocationKey, Plan | None]:
    """The key named on the command line: a key of a plan, or a CSV or JSON file."""
    if args.plan is not None:
        plan = _read_plan(args.plan)
        for key in plan.allocation_keys:
            if key.id == args.key:
                return key, plan
        known = ", ".join(k.id for k in plan.allocation_keys) or "none"
        raise _Unreadable(f"{args.plan} has no allocation key {args.key!r} (keys: {known})")
    path = Path(args.key)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Unreadable(f"{args.key}: {exc}") from None
    if path.suffix.lower() == ".csv":
        return _csv_key(args.key, text), None
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise _Unreadable(f"{args.key}: not valid JSON: {exc}") from None
    if isinstance(data, dict) and "method" in data:
        try:
            key = make_converter().structure(data, AllocationKey)
        except Exception as exc:  # a cattrs validation group: report every problem
            problems = "; ".join(str(p) for p in problems_from(exc))
            raise _Unreadable(f"{args.key}: {problems}") from None
        return key, None
    if isinstance(data, dict) and all(
        isinstance(w, (int, Decimal)) and not isinstance(w, bool) for w in data.values()
    ):
        return _weights_key({str(k): Decimal(v) for k, v in data.items()}), None
    raise _Unreadable(
        f"{args.key}: expected an allocation key object or an object of party to weight"
    )


def _weights_key(weights: dict[str, Decimal]) -> AllocationKey:
    try:
        return AllocationKey(id="key", method=KeyMethod.PROPORTIONAL, weights=FrozenMap(weights))
    except UphError as exc:
        raise _Unreadable(str(exc)) from None


def _csv_key(name: str, text: str) -> AllocationKey:
    weights: dict[str, Decimal] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise _Unreadable(f"{name}:{number}: expected two columns, party and weight")
        party, weight = row[0].strip(), row[1].strip().replace(" ", "").replace(",", ".")
        try:
            weights[party] = Decimal(weight)
        except ArithmeticError:
            if number == 1:
                continue  # a header row
            raise _Unreadable(f"{name}:{number}: {row[1]!r} is not a number") from None
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


def _diff(args: argparse.Namespace) -> int:
    old, new = _read_plan(args.old), _read_plan(args.new)
    changes = diff(old, new)
    if args.format == "json":
        print(changes.dumps(), end="")
    elif args.format == "jsonpatch":
        print(json_text(to_json_patch(old, changes)), end="")
    elif args.format == "markdown":
        print(render_changelog(old, new, changes, language=args.language), end="")
    else:
        for change in changes:
            print(change)
        count = len(changes)
        print(f"{count} change{'s' if count != 1 else ''} from {changes.old} to {changes.new}")
    return 1 if changes else 0


def _convert_framework(args: argparse.Namespace) -> int:
    plan = _read_plan(args.plan)
    try:
        accept = [Relation(value) for value in args.accept.split(",")] if args.accept else ACCEPTED
    except ValueError:
        known = ", ".join(r.value for r in Relation)
        raise _Unreadable(f"--accept takes relations separated by commas: {known}") from None
    conversion = convert_framework(
        plan,
        to=args.to,
        crosswalk=[_read_document(spec, load_crosswalk) for spec in args.crosswalk],
        frameworks=[_read_document(spec, load_framework) for spec in args.framework],
        accept=accept,
    )
    if args.format == "json":
        print(json_text(make_converter().unstructure(conversion.record)), end="")
    else:
        print(conversion)
    if args.output:
        dump(conversion.plan, Path(args.output))
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


def _migrate(args: argparse.Namespace) -> int:
    source = Path(args.input)
    try:
        text = source.read_bytes()
    except OSError as exc:
        raise _Unreadable(f"{args.input}: {exc.strerror or exc}") from None
    try:
        new, notes = migrate(text, kind=args.kind, source=args.input)
    except UpgradeError as exc:
        raise _Unreadable(f"{args.input}: {exc}") from None
    for note in notes:
        print(f"{args.input}: {note}", file=sys.stderr)
    target = Path(args.output) if args.output else source
    if not notes and args.output is None:
        print(f"{args.input}: already at schema_version {SCHEMA_VERSION}", file=sys.stderr)
    if args.output is not None or new.encode("utf-8") != text:
        write_text(new, target)
        print(f"wrote {target}", file=sys.stderr)
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

    validate = commands.add_parser("validate", help="report what is wrong with plans")
    validate.add_argument(
        "plans", nargs="+", metavar="PLAN", help="plan files, or bundled examples' names"
    )
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.add_argument(
        "--profile",
        choices=["final", "draft"],
        default="final",
        help="final: a plan to submit (default); draft: missing values are only info",
    )
    validate.add_argument(
        "--disable", action="append", default=[], metavar="RULE", help="do not run RULE"
    )
    validate.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="RULE=LEVEL",
        help="report RULE's findings as error, warning or info",
    )
    validate.add_argument(
        "--tolerance",
        type=Decimal,
        default=None,
        metavar="N",
        help="a total may differ from its parts by N and be a warning, not an error "
        "(default: half a unit per part, what rounding explains)",
    )
    validate.add_argument(
        "--framework", action="append", default=[], metavar="FILE",
        help="a framework document the plans' codes may come from (beside the built-in ones)",
    )  # fmt: skip
    validate.set_defaults(run=_validate)

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

    compare = commands.add_parser("diff", help="what changed between two versions of a plan")
    compare.add_argument("old", metavar="OLD", help="the old version (file or example name)")
    compare.add_argument("new", metavar="NEW", help="the new version")
    compare.add_argument(
        "--format", choices=["text", "markdown", "json", "jsonpatch"], default="text"
    )
    compare.add_argument(
        "--language", choices=["sv", "en"], default="sv", help="language of --format markdown"
    )
    compare.set_defaults(run=_diff)

    convert = commands.add_parser(
        "convert-framework", help="restate a plan's codes in another framework"
    )
    convert.add_argument("plan", metavar="PLAN", help="a plan file or bundled example's name")
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
        help="write the converted plan here (without it, only the report is printed)",
    )  # fmt: skip
    convert.set_defaults(run=_convert_framework)

    listing_fw = commands.add_parser(
        "frameworks", help="list the built-in frameworks, or the codes of one"
    )
    listing_fw.add_argument("id", nargs="?", metavar="ID", help="a framework's id")
    listing_fw.set_defaults(run=_frameworks)

    upgrade = commands.add_parser(
        "migrate", help="bring a document of an older schema version up to date"
    )
    upgrade.add_argument("input", metavar="IN", help="a plan, framework or crosswalk document")
    upgrade.add_argument("output", nargs="?", metavar="OUT", help="where to write (default: IN)")
    upgrade.add_argument(
        "--kind", choices=["plan", "framework", "crosswalk"],
        help="what kind of document IN is (default: told from the document)",
    )  # fmt: skip
    upgrade.set_defaults(run=_migrate)

    listing = commands.add_parser("examples", help="list the bundled example plans")
    listing.set_defaults(run=_examples)

    fmt = commands.add_parser("fmt", help="rewrite plan files in canonical JSON form")
    fmt.add_argument("files", nargs="+", metavar="FILE")
    fmt.add_argument(
        "--check", action="store_true", help="only report files that are not canonical"
    )
    fmt.set_defaults(run=_fmt)
    return parser


def _show_warning(
    message: Warning | str, category: type[Warning], *_args: object, **_kwargs: object
) -> None:
    print(f"uphmodel: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", SchemaWarning)
        warnings.showwarning = _show_warning
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return 2
    except _Unreadable as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    except UnknownFramework as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
