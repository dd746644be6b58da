"""Commands on plans: summary, validate, diff, migrate, examples, fmt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from uphmodel import examples
from uphmodel._changelog import render_changelog
from uphmodel._diff import diff, to_json_patch
from uphmodel._errors import LoadError
from uphmodel._json import dumps, json_text, load_framework, loads, migrate
from uphmodel._summary import summarize
from uphmodel._upgrade import SCHEMA_VERSION, UpgradeError
from uphmodel.cli._common import (
    STDIN_NAME,
    STDIO,
    CommandError,
    Unreadable,
    check_extension,
    exact,
    read_bytes,
    read_document,
    read_plan,
    write_document,
    write_stdout,
)
from uphmodel.rules import RULES, Report, Severity, check

__all__ = ["register"]


def _summary(args: argparse.Namespace) -> int:
    print(summarize(read_plan(args.plan)))
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
    extra = [read_document(spec, load_framework) for spec in args.framework]
    status = 0
    results: list[dict[str, object]] = []
    totals = dict.fromkeys(Severity, 0)
    for spec in args.plans:
        try:
            plan = read_plan(spec)
        except LoadError as exc:
            status = 2
            problems = [{"path": p.path, "message": p.message} for p in exc.problems]
            results.append({"file": spec, "readable": False, "problems": problems})
            if args.format == "text":
                count = len(problems)
                print(f"{spec}: cannot be read ({count} problem{'s' if count != 1 else ''})")
                for p in exc.problems:
                    print(f"  {p.path or '/'}: {p.message}")
            continue
        except Unreadable as exc:
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
    unread = sum(1 for result in results if not result["readable"])
    if unread:
        print(f"uphmodel: {unread} of {len(results)} files could not be read", file=sys.stderr)
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


def _diff(args: argparse.Namespace) -> int:
    old, new = read_plan(args.old), read_plan(args.new)
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


def _migrate(args: argparse.Namespace) -> int:
    if args.output not in (None, STDIO):
        check_extension(args.output, (".json",), "OUT")
    text = read_bytes(args.input)
    source = STDIN_NAME if args.input == STDIO else args.input
    try:
        new, notes = migrate(text, kind=args.kind, source=source)
    except UpgradeError as exc:
        raise Unreadable(f"{source}: {exc}") from None
    for note in notes:
        print(f"{source}: {note}", file=sys.stderr)
    output = args.output if args.output is not None else args.input
    if not notes and args.output is None and args.input != STDIO:
        print(f"{args.input}: already at schema_version {SCHEMA_VERSION}", file=sys.stderr)
    if output == STDIO:
        write_stdout(new)
    elif args.output is not None or new.encode("utf-8") != text:
        write_document(new, output)
        print(f"wrote {output}", file=sys.stderr)
    return 0


def _examples(_args: argparse.Namespace) -> int:
    for name in examples.names():
        print(name)
    return 0


def _fmt(args: argparse.Namespace) -> int:
    status = 0
    for spec in args.files:
        try:
            status = max(status, _fmt_one(spec, check=args.check))
        except LoadError as exc:
            print(exc, file=sys.stderr)
            status = 2
        except CommandError as exc:
            print(f"uphmodel: {exc}", file=sys.stderr)
            status = 2
    return status


def _fmt_one(spec: str, *, check: bool) -> int:
    """Rewrite (or with ``check`` only judge) one file; 1 when it was not canonical."""
    if spec != STDIO:
        path = Path(spec)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".parquet", ".csv") or path.is_dir():
            raise Unreadable(f"{spec}: fmt rewrites JSON plan files, not a workbook or a folder")
    data = read_bytes(spec)
    source = STDIN_NAME if spec == STDIO else spec
    canonical = dumps(loads(data, source=source))
    same = canonical.encode("utf-8") == data  # a byte order mark makes a file not canonical
    if check:
        if not same:
            print(f"{source}: not in canonical form", file=sys.stderr)
        return 0 if same else 1
    if spec == STDIO:
        write_stdout(canonical)
        return 0
    if same:
        return 0
    write_document(canonical, spec)
    print(f"{spec}: rewritten in canonical form", file=sys.stderr)
    return 0


def register(commands: Any) -> None:
    """Add this module's commands to the parser's subcommands."""
    summary = commands.add_parser("summary", help="print what a plan holds")
    summary.add_argument(
        "plan", metavar="PLAN", help="a plan file, a bundled example's name, or - (standard input)"
    )
    summary.set_defaults(run=_summary)

    validate = commands.add_parser("validate", help="report what is wrong with plans")
    validate.add_argument(
        "plans",
        nargs="+",
        metavar="PLAN",
        help="plan files, bundled examples' names, or - (standard input)",
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
        type=exact,
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

    compare = commands.add_parser("diff", help="what changed between two versions of a plan")
    compare.add_argument("old", metavar="OLD", help="the old version (file, example name or -)")
    compare.add_argument("new", metavar="NEW", help="the new version")
    compare.add_argument(
        "--format", choices=["text", "markdown", "json", "jsonpatch"], default="text"
    )
    compare.add_argument(
        "--language", choices=["sv", "en"], default="sv", help="language of --format markdown"
    )
    compare.set_defaults(run=_diff)

    upgrade = commands.add_parser(
        "migrate", help="bring a document of an older schema version up to date"
    )
    upgrade.add_argument(
        "input", metavar="IN", help="a plan, framework or crosswalk document (- : standard input)"
    )
    upgrade.add_argument(
        "output",
        nargs="?",
        metavar="OUT",
        help="where to write: a .json file, or - (standard output); default: IN",
    )
    upgrade.add_argument(
        "--kind", choices=["plan", "framework", "crosswalk"],
        help="what kind of document IN is (default: told from the document)",
    )  # fmt: skip
    upgrade.set_defaults(run=_migrate)

    listing = commands.add_parser("examples", help="list the bundled example plans")
    listing.set_defaults(run=_examples)

    fmt = commands.add_parser("fmt", help="rewrite plan files in canonical JSON form")
    fmt.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON plan files; - reads standard input and writes the canonical text to "
        "standard output",
    )
    fmt.add_argument(
        "--check", action="store_true", help="only report files that are not canonical"
    )
    fmt.set_defaults(run=_fmt)
