"""Validation as data: rules are values, findings are values, a report collects them.

A :class:`Rule` is a stable id, a category, a default severity, a one-line description and a plain
function from a plan (and a :class:`CheckContext`) to :class:`Finding` values. :func:`evaluate`
runs rules over a plan and returns a :class:`Report`; nothing is raised for what a plan's data
gets wrong. Callers switch rules off, change severities, set the tolerance for totals and add
rules of their own through :class:`CheckOptions`, without editing the library. The built-in rules
and :func:`uphmodel.check` are in :mod:`uphmodel.rules`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Any

import attrs

from uphmodel._frozen import EMPTY, FrozenMap
from uphmodel._tree import records
from uphmodel.frameworks import Catalogue, builtin
from uphmodel.model import Framework, Plan
from uphmodel.model._repr import html_table

__all__ = [
    "CheckContext",
    "CheckOptions",
    "Finding",
    "Index",
    "RelatedPlan",
    "Report",
    "Rule",
    "Severity",
    "evaluate",
]


class Severity(enum.Enum):
    """How much a finding matters."""

    ERROR = "error"  #: the plan is wrong and should not be submitted like this
    WARNING = "warning"  #: probably wrong, or a small slip (e.g. a rounding difference)
    INFO = "info"  #: worth knowing (missing values in a draft, personal data present)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found in a plan.

    Attributes:
        rule: id of the rule that found it.
        severity: how much it matters.
        path: JSON Pointer of the item in the plan's canonical JSON ("/totals/1").
        message: what is wrong, in a sentence a planner can act on.
        item: id of the item concerned, where it has one.
        expected: the figure expected, where there is one (the sum of the parts).
        actual: the figure found (the total as published).
        difference: ``actual - expected``.
    """

    rule: str = ""
    severity: Severity | None = None
    path: str
    message: str
    item: str | None = None
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None

    def __str__(self) -> str:
        severity = self.severity.value if self.severity else "?"
        return f"{severity}: {self.path or '/'}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (numbers as Decimal, empty fields left out)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value if self.severity else None,
            "path": self.path,
            "message": self.message,
        }
        for name in ("item", "expected", "actual", "difference"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


def _severity_map(value: Mapping[str, Severity | str]) -> FrozenMap[str, Severity]:
    return FrozenMap({rule: Severity(severity) for rule, severity in value.items()})


@attrs.frozen(kw_only=True)
class CheckOptions:
    """What a caller can tune without editing the library.

    Attributes:
        disable: ids of rules not to run.
        severities: rule id to the severity its findings get instead of the rule's own.
        tolerance: how far (in the total's unit) a stated total may differ from the sum of its
            parts and still be a warning rather than an error. ``None`` (the default) allows what
            rounding can explain: half a krona per amount summed, and nothing for counts
            (inhabitants, goals), which are not rounded.
    """

    disable: frozenset[str] = frozenset()
    severities: FrozenMap[str, Severity] = attrs.field(default=EMPTY, converter=_severity_map)
    tolerance: Decimal | None = None

    def tolerance_for(self, parts: int, *, money: bool = True) -> Decimal:
        """The tolerance for a total of ``parts`` parts (amounts of money, or counts)."""
        if self.tolerance is not None:
            return self.tolerance
        return Decimal("0.5") * parts if money else Decimal(0)


CheckFunction = Callable[[Plan, "CheckContext"], Iterable[Finding]]


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule.

    Attributes:
        id: stable identifier ("totals.sum").
        category: what the rule is about ("references", "money", "periods" …).
        severity: the severity of its findings in the ``final`` profile.
        description: one line saying what the rule requires.
        check: the function that finds problems.
        draft: the severity of its findings in the ``draft`` profile, when it differs (rules
            about missing values report them as info while a plan is being written).
        anchor: where the rule is documented (``docs/rules.md#totals-sum``).
    """

    id: str
    category: str
    severity: Severity
    description: str
    check: CheckFunction = attrs.field(repr=False)
    draft: Severity | None = None
    anchor: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.anchor:
            object.__setattr__(self, "anchor", "docs/rules.md#" + self.id.replace(".", "-"))

    def severity_in(self, profile: str) -> Severity:
        """The severity of this rule's findings in ``profile`` (``final`` or ``draft``)."""
        if profile == "draft" and self.draft is not None:
            return self.draft
        return self.severity


@attrs.frozen
class RelatedPlan:
    """Another plan a plan names in ``relations``; decisions may concern it.

    Attributes:
        id: the other plan's id.
    """

    id: str


class Index:
    """Where every item with an id is in a plan: its JSON Pointer, the record, its kind.

    The plans named in ``relations`` are indexed as :class:`RelatedPlan` (path
    ``/relations/N``), so that references to them resolve.
    """

    def __init__(self, plan: Plan) -> None:
        self._items: dict[str, tuple[str, Any]] = {}
        self.duplicates: list[tuple[str, str]] = []
        for path, item in _items_with_ids(plan):
            if item.id in self._items:
                self.duplicates.append((item.id, path))
            else:
                self._items[item.id] = (path, item)
        for i, relation in enumerate(plan.relations):
            self._items.setdefault(relation.plan, (f"/relations/{i}", RelatedPlan(relation.plan)))

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def path(self, item_id: str) -> str:
        """The JSON Pointer of the item (its first occurrence)."""
        return self._items[item_id][0]

    def get(self, item_id: str) -> Any:
        """The record with that id, or ``None``."""
        found = self._items.get(item_id)
        return None if found is None else found[1]

    def kind(self, item_id: str) -> type | None:
        """The record class of the item with that id, or ``None``."""
        found = self._items.get(item_id)
        return None if found is None else type(found[1])


def _items_with_ids(plan: Plan) -> Iterator[tuple[str, Any]]:
    for field in (
        "sources", "sections", "stakeholders", "contacts", "goals", "activities", "indicators",
        "decisions", "grants", "populations", "allocation_keys", "pools", "totals", "follow_ups",
    ):  # fmt: skip
        for i, item in enumerate(getattr(plan, field)):
            yield f"/{field}/{i}", item
    for i, grant in enumerate(plan.grants):
        for j, use in enumerate(grant.uses):
            yield f"/grants/{i}/uses/{j}", use
        for j, payment in enumerate(grant.payments):
            yield f"/grants/{i}/payments/{j}", payment
    for i, pool in enumerate(plan.pools):
        for j, contribution in enumerate(pool.contributions):
            yield f"/pools/{i}/contributions/{j}", contribution
        for j, line in enumerate(pool.budget_lines):
            yield f"/pools/{i}/budget_lines/{j}", line


@attrs.define
class CheckContext:
    """What a rule function gets besides the plan: the options, an index of the plan's ids and
    the frameworks its codes resolve against.

    Attributes:
        plan: the plan being checked.
        options: the caller's options.
        profile: ``final`` or ``draft``.
        frameworks: frameworks the caller passed to ``check``, beside the built-in ones and the
            plan's own.
    """

    plan: Plan
    options: CheckOptions
    profile: str = "final"
    frameworks: tuple[Framework, ...] = ()

    @cached_property
    def index(self) -> Index:
        """Where every item with an id is (computed once per check)."""
        return Index(self.plan)

    @cached_property
    def records(self) -> tuple[tuple[str, Any], ...]:
        """Every record of the plan with its JSON Pointer (:func:`~uphmodel._tree.walk`),
        found once per check and shared by the rules."""
        return tuple(records(self.plan))

    @cached_property
    def _by_type(self) -> dict[type, list[tuple[str, Any]]]:
        found: dict[type, list[tuple[str, Any]]] = {}
        for path, record in self.records:
            found.setdefault(type(record), []).append((path, record))
        return found

    def of(self, *kinds: type) -> Iterator[tuple[str, Any]]:
        """The records of the plan of these classes (each class's records in plan order)."""
        for kind in kinds:
            yield from self._by_type.get(kind, ())

    def having(self, fields: Callable[[type], tuple[Any, ...]]) -> Iterator[tuple[str, Any]]:
        """The records of every class for which ``fields(cls)`` is not empty."""
        return self.of(*(kind for kind in self._by_type if fields(kind)))

    @cached_property
    def catalogue(self) -> Catalogue:
        """The built-in frameworks, the plan's own, then the caller's (later ones win)."""
        return builtin().for_plan(self.plan, self.frameworks)


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Report:
    """The findings of a check, errors first.

    Attributes:
        findings: every finding, ordered by severity, then path.
        rules: ids of the rules that ran.
        profile: the profile the plan was checked against.
    """

    findings: tuple[Finding, ...]
    rules: tuple[str, ...] = ()
    profile: str = "final"

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self.of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self.of(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.rule == rule)

    def summary(self) -> str:
        """One line: how many errors, warnings and infos."""
        parts = [f"{len(self.of(s))} {s.value}{'s' if len(self.of(s)) != 1 else ''}"
                 for s in Severity]  # fmt: skip
        return ", ".join(parts)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        return f"Report(profile={self.profile!r}, {self.summary()})"

    def _repr_html_(self) -> str:
        """The findings as a table in a notebook."""
        rows = ((f.severity.value if f.severity else "", f.rule, f.path or "/", f.message)
                for f in self.findings)  # fmt: skip
        head = f"<p><b>{self.profile}</b>: {self.summary()}</p>"
        return head + html_table(("severity", "rule", "path", "message"), rows)


def evaluate(
    plan: Plan,
    rules: Iterable[Rule],
    *,
    profile: str = "final",
    options: CheckOptions,
    frameworks: Iterable[Framework] = (),
) -> Report:
    """Run ``rules`` over ``plan`` with ``options``; the engine behind :func:`uphmodel.check`."""
    if profile not in ("final", "draft"):
        raise ValueError(f"profile must be 'final' or 'draft', not {profile!r}")
    rules = tuple(rules)
    known = {rule.id for rule in rules}
    if len(known) != len(rules):
        raise ValueError("two rules share an id")
    unknown = (set(options.disable) | set(options.severities)) - known
    if unknown:
        raise ValueError(f"no such rule: {', '.join(sorted(unknown))}")
    ctx = CheckContext(plan, options, profile, tuple(frameworks))
    findings: list[Finding] = []
    ran: list[str] = []
    for rule in rules:
        if rule.id in options.disable:
            continue
        ran.append(rule.id)
        base = rule.severity_in(profile)
        forced = options.severities.get(rule.id)
        for finding in rule.check(plan, ctx):
            if forced is not None:
                severity = forced
            elif finding.severity is None or (profile == "draft" and rule.draft is not None):
                severity = base
            else:
                severity = finding.severity
            findings.append(attrs.evolve(finding, rule=rule.id, severity=severity))
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity or Severity.INFO], _path_key(f.path)))
    return Report(tuple(findings), tuple(ran), profile)


def _path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (0, int(part)) if part.isascii() and part.isdigit() else (1, part)
        for part in path.split("/")
        if part
    )
