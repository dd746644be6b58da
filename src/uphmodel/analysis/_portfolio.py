"""Many plans at once: loaded from a folder, selected, checked, tabled and followed up.

A :class:`Portfolio` holds plans and the files that could not be read as plans (each with its
problems, never an exception that stops the rest). Every portfolio-wide operation — loading,
checking, progress, tables — can run on a :class:`concurrent.futures.Executor` the caller passes: a
process pool here, a Dask or Ray executor on a cluster.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from uphmodel import regions as _regions
from uphmodel._errors import LoadError, Problem
from uphmodel._extras import MissingExtra
from uphmodel._frozen import FrozenMap, JsonValue
from uphmodel._gc import paused
from uphmodel._period import Period
from uphmodel._tree import walk
from uphmodel.analysis._progress import COLUMNS as PROGRESS_COLUMNS
from uphmodel.analysis._progress import progress_table
from uphmodel.formats._files import plan_files, read_plans
from uphmodel.formats._frames import PLAN_COLUMN, keys_of, plan_keys, to_frames
from uphmodel.formats._layout import layout
from uphmodel.formats._tables import Table, _columns, to_tables
from uphmodel.frameworks import builtin
from uphmodel.frameworks._catalogue import coded_fields, in_use
from uphmodel.model import FrameworkKind, Plan
from uphmodel.model._repr import html_table
from uphmodel.rules import Report, Severity, check

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Portfolio", "PortfolioCheck", "Unloaded"]

T = TypeVar("T")
R = TypeVar("R")

_GLOB = frozenset("*?[")


@attrs.frozen
class Unloaded:
    """A file that could not be read as a plan, and why.

    Attributes:
        source: the file or folder.
        problems: what is wrong with it, each with its JSON Pointer where there is one.
    """

    source: str
    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        return "\n".join([self.source, *(f"  {p}" for p in self.problems)])


def _read(path: str) -> list[Plan] | Unloaded:
    """The plans in one file, or why there are none (run in a worker: nothing raised)."""
    try:
        return read_plans(path)
    except LoadError as exc:
        return Unloaded(path, exc.problems)
    except (OSError, MissingExtra, ValueError) as exc:
        message = getattr(exc, "strerror", None) or str(exc)
        return Unloaded(path, (Problem("", message),))
    except Exception as exc:  # one broken file never stops a portfolio; say what happened
        return Unloaded(path, (Problem("", f"{type(exc).__name__}: {exc}"),))


def _check_file(arguments: tuple[str, dict[str, Any]]) -> list[Checked] | Unloaded:
    """The plans in one file read and checked, keeping only their reports (run in a worker:
    only the reports travel back)."""
    path, options = arguments
    read = _read(path)
    if isinstance(read, Unloaded):
        return read
    return [(plan.id, plan.version, check(plan, **options)) for plan in read]


#: A plan checked where it was read: its id, its version and its report.
Checked = tuple[str, "str | None", Report]


def _paths(given: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Plan files named by a path, a glob pattern or a list of them: a folder stands for the
    plans under it."""
    items = [given] if isinstance(given, (str, os.PathLike)) else list(given)
    out: list[str] = []
    for item in items:
        text = os.fspath(item)
        if any(c in _GLOB for c in text) and not Path(text).exists():
            matched = sorted(glob.glob(text, recursive=True))
            out.extend(matched)
        elif Path(text).is_dir() and not any(
            (Path(text) / name).is_file() for name in ("plan.csv", "plan.parquet")
        ):
            out.extend(str(p) for p in plan_files(text))
        else:
            out.append(text)
    return list(dict.fromkeys(out))


def _bar(items: Iterator[T], total: int, show: bool, what: str) -> Iterator[T]:
    """``items`` with a progress bar (tqdm, in a notebook or a terminal) when ``show`` and tqdm
    is installed; silently without one otherwise."""
    if not show:
        return items
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return items
    return iter(tqdm(items, total=total, desc=what, unit="file" if what == "load" else "plan"))


def _map(function: Callable[[T], R], items: Sequence[T], executor: Executor | None,
         show: bool, what: str) -> Iterator[R]:  # fmt: skip
    """``function`` over ``items`` in order, on ``executor`` where given."""
    if executor is None:
        results: Iterator[R] = map(function, items)
    else:
        chunk = max(1, min(64, len(items) // (8 * (os.cpu_count() or 1)) or 1))
        results = executor.map(function, items, chunksize=chunk)
    return _bar(results, len(items), show, what)


def _day(plan: Plan) -> dt.date | None:
    if plan.date is not None:
        return plan.date
    return plan.period.first_day if plan.period is not None else None


def _owners(plan: Plan) -> list[Any]:
    """The stakeholders that own the plan, and the members of owners that are groups ("länets
    kommuner")."""
    owners = set(plan.owners)
    return [
        s for s in plan.stakeholders
        if s.id in owners or any(group in owners for group in s.member_of)
    ]  # fmt: skip


def _counties(plan: Plan) -> set[str]:
    found = {plan.county} if plan.county else set()
    for s in _owners(plan):
        if "scb_county" in s.identifiers:
            found.add(s.identifiers["scb_county"])
        if "scb_municipality" in s.identifiers:
            found.add(s.identifiers["scb_municipality"][:2])
    return found


def _municipalities(plan: Plan) -> set[str]:
    return {s.identifiers["scb_municipality"] for s in _owners(plan)
            if "scb_municipality" in s.identifiers}  # fmt: skip


def _in_year(plan: Plan, year: int) -> bool:
    """Whether the plan's period reaches into ``year`` (or, without one, it is dated then)."""
    if plan.period is not None:
        first, last = plan.period.first_day, plan.period.last_day
        return (first is None or first.year <= year) and (last is None or year <= last.year)
    return plan.date is not None and plan.date.year == year


def _codes(plan: Plan, kind: FrameworkKind | None) -> set[tuple[str | None, str]]:
    """Every code the plan refers to, as (framework id or None where it cannot be told, code)."""
    catalogue = builtin().for_plan(plan)
    uses = in_use(plan)
    found: set[tuple[str | None, str]] = set()
    for _, record in walk(plan):
        for _, field_kind, references in coded_fields(record):
            if kind is not None and field_kind is not kind:
                continue
            for reference in references:
                if reference is None:
                    continue
                resolved = catalogue.resolve(reference, field_kind, uses).found
                if resolved is not None:
                    found.add((resolved[0].id, resolved[1].code))
                else:
                    framework, _, code = reference.rpartition(":")
                    found.add((framework or None, code))
    return found


def _refers_to(plan: Plan, code: str, kind: FrameworkKind | None) -> bool:
    framework, _, bare = code.rpartition(":")
    return any(
        bare == c and (not framework or framework == f) for f, c in _codes(plan, kind)
    )  # fmt: skip


def _county_code(key: str) -> str:
    key = key.strip()
    if len(key) == 2 and key.isdigit():
        return key
    return _regions.region(key).code


def _municipality_code(key: str) -> str:
    key = key.strip()
    if len(key) == 4 and key.isdigit():
        return key
    return _regions.municipality(key).code


def _one_or_many(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _check_one(arguments: tuple[Plan, dict[str, Any]]) -> Report:
    plan, options = arguments
    return check(plan, **options)


def _progress_one(arguments: tuple[Plan, Any]) -> Table:
    plan, at = arguments
    return progress_table(plan, at=at)


@attrs.frozen(eq=False)
class PortfolioCheck:
    """The reports of checking every plan of a portfolio, and summaries of them.

    Attributes:
        reports: each plan's report, by the plan's key (its id, or ``id@version`` where plans
            share an id).
    """

    reports: FrozenMap[str, Report]
    unloaded: tuple[Unloaded, ...] = ()

    def findings(self) -> Table:
        """Every finding of every plan, one row each, the plan in ``_plan``."""
        columns = (PLAN_COLUMN, "rule", "severity", "path", "item", "message", "expected",
                   "actual", "difference")  # fmt: skip
        rows = tuple(
            FrozenMap({PLAN_COLUMN: key, **f.as_dict()})
            for key, report in self.reports.items() for f in report
        )  # fmt: skip
        return Table("findings", columns, rows)

    def by_plan(self) -> Table:
        """How many errors, warnings and infos each plan has."""
        rows: list[FrozenMap[str, JsonValue]] = []
        for key, report in self.reports.items():
            counts = Counter(f.severity for f in report)
            row: dict[str, JsonValue] = {PLAN_COLUMN: key}
            row.update({f"{s.value}s": counts[s] for s in Severity})
            rows.append(FrozenMap(row))
        columns = (PLAN_COLUMN, *(f"{s.value}s" for s in Severity))
        return Table("check_by_plan", columns, tuple(rows))

    def by_rule(self) -> Table:
        """For each rule and severity that found anything: how many findings, in how many
        plans; most findings first."""
        findings: Counter[tuple[str, str]] = Counter()
        plans: Counter[tuple[str, str]] = Counter()
        for report in self.reports.values():
            here = Counter((f.rule, f.severity.value if f.severity else "") for f in report)
            findings.update(here)
            plans.update(here.keys())
        rows = tuple(
            FrozenMap[str, JsonValue]({"rule": rule, "severity": severity, "findings": count,
                                       "plans": plans[rule, severity]})
            for (rule, severity), count in sorted(findings.items(), key=lambda i: (-i[1], i[0]))
        )  # fmt: skip
        return Table("check_by_rule", ("rule", "severity", "findings", "plans"), rows)

    def summary(self) -> str:
        """One line: how many plans, and how many of them have errors (and how many files
        could not be read, if any)."""
        failing = sum(1 for r in self.reports.values() if r.errors)
        total = sum(len(r) for r in self.reports.values())
        count = len(self.unloaded)
        broken = f", {count} file{'s' if count != 1 else ''} not loaded" if count else ""
        return f"{len(self.reports)} plans, {failing} with errors, {total} findings{broken}"

    def __repr__(self) -> str:
        return f"PortfolioCheck({self.summary()})"

    def _repr_html_(self) -> str:
        table = self.by_rule()
        rows = ([row[c] for c in table.columns] for row in table)
        return f"<p>{self.summary()}</p>" + html_table(table.columns, rows)


def _plans(items: Iterable[Plan]) -> tuple[Plan, ...]:
    return tuple(items)


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(eq=False)
class Portfolio:
    """Many plans, and the files among them that could not be read as plans.

    Attributes:
        plans: the plans, in the order they were given or found.
        sources: where each plan was read from ("" for a plan given as a value).
        unloaded: the files that could not be read, each with its problems.
    """

    plans: tuple[Plan, ...] = attrs.field(converter=_plans)
    sources: tuple[str, ...] = attrs.field(converter=_texts)
    unloaded: tuple[Unloaded, ...] = ()

    @sources.default
    def _no_sources(self) -> tuple[str, ...]:
        return ("",) * len(self.plans)

    def __attrs_post_init__(self) -> None:
        if len(self.sources) != len(self.plans):
            raise ValueError(
                f"{len(self.plans)} plans and {len(self.sources)} sources: one source per plan"
            )
        for index, plan in enumerate(self.plans):
            if not isinstance(plan, Plan):
                raise TypeError(f"plans[{index}] is a {type(plan).__name__}, not a Plan")

    @classmethod
    @paused
    def load(
        cls,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        progress: bool = False,
        executor: Executor | None = None,
    ) -> Portfolio:
        """The plans in files of any format the library reads: a folder (every plan under it),
        a glob pattern (``"plans/**/*.json"``), a file, or a list of them. A file that cannot
        be read is kept in :attr:`unloaded` with its problems, and the rest load on.
        ``progress`` shows a bar (needs the ``progress`` extra, tqdm; silent without it);
        ``executor`` reads the files on it (a ``ProcessPoolExecutor`` uses every core)."""
        found = _paths(paths)
        plans: list[Plan] = []
        sources: list[str] = []
        unloaded: list[Unloaded] = []
        for path, result in zip(found, _map(_read, found, executor, progress, "load"),
                                strict=True):  # fmt: skip
            if isinstance(result, Unloaded):
                unloaded.append(result)
            else:
                plans.extend(result)
                sources.extend([path] * len(result))
        return cls(plans, sources, tuple(unloaded))

    @staticmethod
    @paused
    def check_files(
        files: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        executor: Executor | None = None,
        progress: bool = False,
        **options: Any,
    ) -> PortfolioCheck:
        """The plans in ``files`` (as for :meth:`load`) read and checked (``options`` as for
        :func:`~uphmodel.check`), keeping only the reports and the files that could not be
        read. On an ``executor`` each file is read and checked where it runs, so only reports
        travel back: the way to check a national portfolio on every core, or on a cluster.
        The reports are keyed as :meth:`keys` names plans (a ``ValueError`` when two plans
        share an id and a version)."""
        found = _paths(files)
        work = [(path, options) for path in found]
        checked: list[Checked] = []
        unloaded: list[Unloaded] = []
        for result in _map(_check_file, work, executor, progress, "check"):
            if isinstance(result, Unloaded):
                unloaded.append(result)
            else:
                checked.extend(result)
        keys = keys_of([(plan_id, version) for plan_id, version, _ in checked])
        reports = FrozenMap(zip(keys, (report for _, _, report in checked), strict=True))
        return PortfolioCheck(reports, tuple(unloaded))

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    def __getitem__(self, key: str) -> Plan:
        """The plan with this key: its id, or ``id@version`` where plans share an id."""
        for plan_key, plan in zip(self.keys(), self.plans, strict=True):
            if plan_key == key:
                return plan
        raise KeyError(f"no plan {key!r} in the portfolio (plans: {', '.join(self.keys()[:5])}"
                       f"{', …' if len(self) > 5 else ''})")  # fmt: skip

    def keys(self) -> list[str]:
        """What names each plan in ``_plan`` columns: its id, or ``id@version`` where several
        plans share an id."""
        return plan_keys(self.plans)

    def select(
        self,
        *,
        region: str | Iterable[str] | None = None,
        municipality: str | Iterable[str] | None = None,
        year: int | None = None,
        framework_code: str | None = None,
        target_group: str | None = None,
        where: Callable[[Plan], bool] | None = None,
    ) -> Portfolio:
        """The plans that meet every condition given.

        ``region``: plans of that county (a code, "23", or a name or variant, "Region Jämtland
        Härjedalen") — the plan's county, or that of an owner. ``municipality``: plans an owner
        of which is that municipality (code or name), directly or as a member of an owning
        group. ``year``: plans whose period reaches into that year (or dated in it).
        ``framework_code``: plans that refer to the code anywhere ("suicide-prevention", or
        qualified "strategy-2025:fewer-suicides"). ``target_group``: plans that name the
        target group, for the plan or any goal, activity or section. ``where``: any test of
        your own. Unknown region or municipality names raise ``KeyError`` with suggestions.
        """
        tests: list[Callable[[Plan], bool]] = []
        if region is not None:
            counties = {_county_code(r) for r in _one_or_many(region)}
            tests.append(lambda p: bool(_counties(p) & counties))
        if municipality is not None:
            codes = {_municipality_code(m) for m in _one_or_many(municipality)}
            tests.append(lambda p: bool(_municipalities(p) & codes))
        if year is not None:
            tests.append(lambda p: _in_year(p, year))
        if framework_code is not None:
            tests.append(lambda p: _refers_to(p, framework_code, None))
        if target_group is not None:
            tests.append(lambda p: _refers_to(p, target_group, FrameworkKind.TARGET_GROUPS))
        if where is not None:
            tests.append(where)
        chosen = [(p, s) for p, s in zip(self.plans, self.sources, strict=True)
                  if all(test(p) for test in tests)]  # fmt: skip
        return Portfolio([p for p, _ in chosen], [s for _, s in chosen], self.unloaded)

    @paused
    def tables(self, *, executor: Executor | None = None) -> dict[str, Table]:
        """The tables of every plan (:func:`~uphmodel.to_tables`), one table per kind of
        record, each row naming its plan in the first column, ``_plan``; made on
        ``executor`` where given."""
        keys = self.keys()
        per_plan = list(_map(to_tables, self.plans, executor, False, "tables"))
        out: dict[str, Table] = {}
        for name, spec in layout().items():
            rows = tuple(
                FrozenMap({PLAN_COLUMN: key, **row})
                for key, tables in zip(keys, per_plan, strict=True) for row in tables[name]
            )  # fmt: skip
            out[name] = Table(name, (PLAN_COLUMN, *_columns(spec)), rows)
        return out

    def to_frames(self, *, floats: bool = False) -> dict[str, pd.DataFrame]:
        """The tables as pandas DataFrames (:func:`~uphmodel.to_frames`), with ``_plan``."""
        return to_frames(self.plans, floats=floats)

    @paused
    def check(self, *, executor: Executor | None = None, progress: bool = False,
              **options: Any) -> PortfolioCheck:  # fmt: skip
        """Every plan checked (``options`` as for :func:`~uphmodel.check`), with summaries per
        plan and per rule."""
        work = [(plan, options) for plan in self.plans]
        reports = list(_map(_check_one, work, executor, progress, "check"))
        return PortfolioCheck(FrozenMap(zip(self.keys(), reports, strict=True)))

    @paused
    def progress(self, *, at: dt.date | Period | int | str | None = None,
                 executor: Executor | None = None) -> Table:  # fmt: skip
        """The progress of every indicator of every plan (:func:`~uphmodel.progress_table`) in
        one table, the plan in ``_plan``."""
        tables = _map(_progress_one, [(p, at) for p in self.plans], executor, False, "progress")
        rows = tuple(
            FrozenMap({PLAN_COLUMN: key, **row})
            for key, table in zip(self.keys(), tables, strict=True) for row in table
        )  # fmt: skip
        return Table("progress", (PLAN_COLUMN, *PROGRESS_COLUMNS), rows)

    def __repr__(self) -> str:
        count = len(self.unloaded)
        broken = f", {count} file{'s' if count != 1 else ''} not loaded" if count else ""
        return f"Portfolio({len(self.plans)} plans{broken})"

    def _repr_html_(self) -> str:
        rows = (
            (key, p.title, p.kind.value, p.period, ", ".join(sorted(_counties(p))), source)
            for key, p, source in zip(self.keys(), self.plans, self.sources, strict=True)
        )
        head = f"<p>{len(self.plans)} plans"
        head += f", {len(self.unloaded)} not loaded (see unloaded)</p>" if self.unloaded else "</p>"
        return head + html_table(("plan", "title", "kind", "period", "county", "source"), rows)
