"""The built-in validation rules. Each is a plain function from a plan to findings.

Documented with a failing and a passing example each in ``docs/rules.md``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from uphmodel._allocate import AllocationError, allocate, key_problem
from uphmodel._check import CheckContext, CheckOptions, Finding, Report, Rule, Severity, evaluate
from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel._text import did_you_mean, figure
from uphmodel._tree import walk
from uphmodel.converter import unknown_field_message
from uphmodel.frameworks import Catalogue, Resolution, builtin
from uphmodel.frameworks._catalogue import coded_fields, in_use
from uphmodel.model import (
    Activity,
    AllocationKey,
    BudgetLine,
    ChangeLogEntry,
    ContactPoint,
    Contribution,
    Decision,
    FollowUpItem,
    Framework,
    FrameworkKind,
    Goal,
    GoalFate,
    Grant,
    GrantUse,
    Horizon,
    Indicator,
    KeyPart,
    MeasureKind,
    Observation,
    Plan,
    Pool,
    PopulationFigure,
    Provenance,
    Responsibility,
    Section,
    SourceDocument,
    Stakeholder,
    Target,
    Term,
    Timeline,
    Total,
    UseKind,
)

__all__ = ["RULES", "check"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


# --------------------------------------------------------------------------------------------
# ids and references


def _unique_ids(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for item_id, path in ctx.index.duplicates:
        yield Finding(
            path=path,
            item=item_id,
            message=f"the id {item_id!r} is already used at {ctx.index.path(item_id)}; "
            "ids must be unique within the plan",
        )
    for i, follow_up in enumerate(plan.follow_ups):
        seen: dict[str, int] = {}
        for j, item in enumerate(follow_up.items):
            if item.goal in seen:
                yield Finding(
                    path=f"/follow_ups/{i}/items/{j}/goal",
                    item=item.goal,
                    message=f"goal {item.goal!r} is followed up twice in this follow-up "
                    f"(also at /follow_ups/{i}/items/{seen[item.goal]})",
                )
            seen.setdefault(item.goal, j)
    versions: dict[str, int] = {}
    for i, change in enumerate(plan.changes):
        if change.version in versions:
            yield Finding(
                path=f"/changes/{i}/version",
                message=f"version {change.version!r} appears twice in the change log "
                f"(also at /changes/{versions[change.version]})",
            )
        versions.setdefault(change.version, i)


# For each record class: its reference fields and the kinds of item each may point at (None: any
# item of the plan). FollowUpItem.goal and .parent name goals of the version followed up, which
# need not be in this plan, so they are not references here.
_STAKEHOLDER: tuple[type, ...] = (Stakeholder,)
_REFERENCES: dict[type, tuple[tuple[str, tuple[type, ...] | None], ...]] = {
    Plan: (("owners", _STAKEHOLDER),),
    Provenance: (("document", (SourceDocument,)),),
    SourceDocument: (("publisher", _STAKEHOLDER),),
    Section: (("parent", (Section,)),),
    Term: (("refers_to", _STAKEHOLDER),),
    Stakeholder: (("member_of", _STAKEHOLDER), ("part_of", _STAKEHOLDER)),
    ContactPoint: (("organisation", _STAKEHOLDER), ("bodies", _STAKEHOLDER)),
    Responsibility: (("stakeholder", _STAKEHOLDER),),
    Goal: (("parent", (Goal,)), ("indicators", (Indicator,)), ("sections", (Section,))),
    Activity: (("goals", (Goal,)), ("indicators", (Indicator,)), ("sections", (Section,))),
    Decision: (("bodies", _STAKEHOLDER), ("addressees", _STAKEHOLDER), ("subjects", None)),
    ChangeLogEntry: (("decided_by", _STAKEHOLDER),),
    Grant: (
        ("funder", _STAKEHOLDER),
        ("recipient", _STAKEHOLDER),
        ("part_of", (Grant,)),
        ("key", (AllocationKey,)),
        ("sections", (Section,)),
    ),
    GrantUse: (("activities", (Activity,)),),
    AllocationKey: (
        ("parties", _STAKEHOLDER),
        ("weights", _STAKEHOLDER),
        ("figures", (PopulationFigure,)),
        ("amounts", _STAKEHOLDER),
        ("grants", (Grant,)),
        ("rest", (AllocationKey,)),
    ),
    KeyPart: (("key", (AllocationKey,)),),
    Pool: (("key", (AllocationKey,)),),
    PopulationFigure: (("stakeholder", _STAKEHOLDER),),
    Contribution: (("stakeholder", _STAKEHOLDER),),
    BudgetLine: (("goals", (Goal,)), ("activities", (Activity,))),
    Total: (("parts", None),),
    FollowUpItem: (
        ("successors", (Goal, Activity)),
        ("indicators", (Indicator,)),
        ("sections", (Section,)),
    ),
}


def _resolve(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        for name, kinds in _REFERENCES.get(type(record), ()):
            value = getattr(record, name)
            if isinstance(value, FrozenMap):  # keyed by party id
                pairs = [(f"{path}/{name}/{k}", k) for k in value]
            elif isinstance(value, tuple):
                pairs = [(f"{path}/{name}/{i}", ref) for i, ref in enumerate(value)]
            else:
                pairs = [(f"{path}/{name}", value)]
            for where, ref in pairs:
                if ref is None:
                    continue
                kind = ctx.index.kind(ref)
                if kind is None:
                    yield Finding(
                        path=where, item=ref, message=f"{name} refers to {ref!r}, which is not "
                        "an item of this plan",
                    )  # fmt: skip
                elif kinds is not None and kind not in kinds:
                    wanted = " or ".join(k.__name__ for k in kinds)
                    yield Finding(
                        path=where, item=ref, message=f"{name} refers to {ref!r}, which is a "
                        f"{kind.__name__}, not a {wanted}",
                    )  # fmt: skip


def _codes(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    catalogue = ctx.catalogue
    used = in_use(plan)
    for i, framework in enumerate(plan.frameworks):
        if framework not in catalogue:
            yield Finding(
                path=f"/frameworks/{i}",
                message=f"{framework!r} is not a known framework"
                f"{did_you_mean(framework, catalogue.ids)} (known: {', '.join(catalogue.ids)}); "
                "define it in own_frameworks or pass it to check(frameworks=...)",
            )
    for path, record in walk(plan):
        for name, kind, refs in coded_fields(record):
            single = not isinstance(getattr(record, name), tuple)
            for j, ref in enumerate(refs):
                where = f"{path}/{name}" if single else f"{path}/{name}/{j}"
                finding = _code_finding(catalogue.resolve(ref, kind, used), catalogue, kind)
                if finding is not None:
                    yield attrs.evolve(finding, path=where)


def _code_finding(
    resolution: Resolution, catalogue: Catalogue, kind: FrameworkKind
) -> Finding | None:
    ref = resolution.reference
    if resolution.problem:
        return Finding(path="", message=resolution.problem)
    if not resolution.matches:
        near = catalogue.suggest(ref, kind)
        hint = f"; nearest: {', '.join(near)}" if near else ""
        searched = ", ".join(resolution.searched) or "none"
        return Finding(
            path="",
            message=f"{ref!r} is not a code of the {kind.value} frameworks searched "
            f"({searched}){hint}",
        )
    if len(resolution.matches) > 1:
        ids = [fw.id for fw, _ in resolution.matches]
        return Finding(
            path="",
            message=f"{ref!r} is a code of {' and of '.join(ids)}: write "
            + " or ".join(f"{fid}:{ref}" for fid in ids)
            + " to say which",
        )
    if resolution.unlisted:
        framework = resolution.matches[0][0]
        return Finding(
            path="",
            severity=WARNING,
            message=f"{ref!r} belongs to the framework {framework.id!r}, which the plan does not "
            "list in frameworks",
        )
    return None


def _defined(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    builtins = {fw.id: fw for fw in builtin()}
    seen: dict[str, int] = {}
    for i, framework in enumerate(plan.own_frameworks):
        path = f"/own_frameworks/{i}"
        if framework.id in seen:
            yield Finding(
                path=f"{path}/id",
                message=f"the framework {framework.id!r} is defined twice "
                f"(also at /own_frameworks/{seen[framework.id]})",
            )
        seen.setdefault(framework.id, i)
        same = builtins.get(framework.id)
        if same is not None and same != framework:
            yield Finding(
                path=f"{path}/id",
                severity=WARNING,
                message=f"the plan's own {framework.id!r} differs from the built-in framework of "
                "that id and replaces it for this plan",
            )
        codes: dict[str, int] = {}
        for j, entry in enumerate(framework.codes):
            if entry.code in codes:
                yield Finding(
                    path=f"{path}/codes/{j}/code",
                    message=f"the code {entry.code!r} appears twice in {framework.id!r} "
                    f"(also at {path}/codes/{codes[entry.code]})",
                )
            codes.setdefault(entry.code, j)
        parents: dict[str, tuple[str, ...]] = {}
        for entry in framework.codes:  # the first of a twice-used code counts
            parents.setdefault(entry.code, (entry.parent,) if entry.parent else ())
        reported: set[str] = set()
        for j, entry in enumerate(framework.codes):
            if entry.parent is not None and entry.parent not in codes:
                yield Finding(
                    path=f"{path}/codes/{j}/parent",
                    message=f"the parent {entry.parent!r} of {entry.code!r} is not a code of "
                    f"{framework.id!r}{did_you_mean(entry.parent, codes)}",
                )
            cycle = _find_cycle(entry.code, parents)
            if cycle and not reported & set(cycle):
                reported.update(cycle)
                yield Finding(
                    path=f"{path}/codes/{j}/parent",
                    message="parent goes round in a circle: " + " → ".join([*cycle, cycle[0]]),
                )


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _unknown(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        if not record.extra:
            continue
        known = [f.name for f in attrs.fields(type(record)) if f.name != "extra"]
        for key in record.extra:
            yield Finding(
                path=f"{path}/{_escape(key)}",
                item=getattr(record, "id", None),
                message=f"{unknown_field_message(key, known)}: it is kept as written, but "
                f"uphmodel does not know what it means in a {type(record).__name__}",
            )


def _cycles(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    chains: tuple[tuple[str, tuple[Any, ...], str], ...] = (
        ("goals", plan.goals, "parent"),
        ("sections", plan.sections, "parent"),
        ("stakeholders", plan.stakeholders, "part_of"),
        ("stakeholders", plan.stakeholders, "member_of"),
        ("grants", plan.grants, "part_of"),
    )
    for collection, items, field in chains:
        edges: dict[str, tuple[str, ...]] = {}
        for item in items:
            value = getattr(item, field)
            edges[item.id] = value if isinstance(value, tuple) else (value,) if value else ()
        reported: set[str] = set()
        for i, item in enumerate(items):
            cycle = _find_cycle(item.id, edges)
            if cycle and not reported & set(cycle):
                reported.update(cycle)
                yield Finding(
                    path=f"/{collection}/{i}/{field}",
                    item=item.id,
                    message=f"{field} goes round in a circle: " + " → ".join([*cycle, cycle[0]]),
                )


def _find_cycle(start: str, edges: dict[str, tuple[str, ...]]) -> list[str] | None:
    path: list[str] = []
    on_path: set[str] = set()
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in on_path:
            return path[path.index(node) :]
        if node in done or node not in edges:
            return None
        on_path.add(node)
        path.append(node)
        for nxt in edges[node]:
            found = visit(nxt)
            if found:
                return found
        on_path.discard(node)
        path.pop()
        done.add(node)
        return None

    found = visit(start)
    return found if found and start in found else None


# --------------------------------------------------------------------------------------------
# goals


def _horizons(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    goals = {g.id: g for g in plan.goals}
    for i, goal in enumerate(plan.goals):
        parent = goals.get(goal.parent) if goal.parent else None
        if goal.horizon is Horizon.SHORT_TERM:
            if goal.parent is None:
                yield Finding(
                    path=f"/goals/{i}/parent",
                    item=goal.id,
                    message="a short-term goal should name the long-term goal it serves (parent)",
                )
            elif parent is not None and parent.horizon not in (Horizon.LONG_TERM, Horizon.OVERALL):
                shown = parent.horizon.value if parent.horizon else "no horizon"
                yield Finding(
                    path=f"/goals/{i}/parent",
                    item=goal.id,
                    message=f"a short-term goal should serve a long-term goal, but "
                    f"{parent.id!r} is {shown}",
                )
        elif (
            goal.horizon is Horizon.LONG_TERM
            and parent is not None
            and parent.horizon is Horizon.SHORT_TERM
        ):
            yield Finding(
                path=f"/goals/{i}/parent",
                item=goal.id,
                message=f"a long-term goal cannot serve the short-term goal {parent.id!r}",
            )


# --------------------------------------------------------------------------------------------
# money and other totals


def _is_currency(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def _currencies(plan: Plan) -> dict[str, str]:
    """The currency of every money item by id (a grant use has its grant's, and so on)."""
    out: dict[str, str] = {}
    for grant in plan.grants:
        out[grant.id] = grant.currency
        out.update((use.id, grant.currency) for use in grant.uses)
    for pool in plan.pools:
        out.update((c.id, pool.currency) for c in pool.contributions)
        out.update((b.id, pool.currency) for b in pool.budget_lines)
    return out


def _quantity(item: Any) -> tuple[Decimal, str] | None:
    """The figure an item contributes to a total, and what kind of figure it is."""
    if isinstance(item, (Grant, GrantUse, Contribution, BudgetLine)):
        return item.amount, "money"
    if isinstance(item, PopulationFigure):
        return Decimal(item.count), "population"
    if isinstance(item, Total):
        return item.value, "money" if _is_currency(item.unit) else f"'{item.unit or '?'}'"
    if item is None:
        return None
    return Decimal(1), "count"  # an item without a figure counts one


def _compare(
    ctx: CheckContext,
    stated: Decimal,
    parts: list[Decimal],
    what: str,
    *,
    path: str,
    item: str,
    money: bool = True,
) -> Finding | None:
    """A finding when ``stated`` is not the sum of ``parts``: a warning within the tolerance."""
    expected = sum(parts, Decimal(0))
    difference = stated - expected
    if difference == 0:
        return None
    tolerance = ctx.options.tolerance_for(len(parts), money=money)
    shown = figure(tolerance.normalize())
    if abs(difference) <= tolerance:
        severity, note = WARNING, f"within the tolerance of {shown}, e.g. rounding"
    else:
        severity, note = ERROR, f"more than the tolerance of {shown}"
    message = (
        f"{what} is {figure(stated)} but its {len(parts)} parts add up to {figure(expected)}: "
        f"{'over' if difference > 0 else 'under'} by {figure(abs(difference))} ({note})"
    )
    return Finding(path=path, item=item, severity=severity, message=message,
                   expected=expected, actual=stated, difference=difference)  # fmt: skip


def _totals(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, total in enumerate(plan.totals):
        items = [ctx.index.get(p) for p in total.parts]
        quantities = [_quantity(item) for item in items]
        if not total.parts or any(q is None for q in quantities):
            continue  # unresolved parts are reported by refs.resolve
        units = {q[1] for q in quantities if q is not None}
        if len(units) > 1:
            continue  # reported by totals.units
        finding = _compare(
            ctx, total.value, [q[0] for q in quantities if q is not None], f"{total.label!r}",
            path=f"/totals/{i}/value", item=total.id, money=units == {"money"},
        )  # fmt: skip
        if finding:
            yield finding


def _total_units(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    currency_of = _currencies(plan)
    for i, total in enumerate(plan.totals):
        items = [ctx.index.get(p) for p in total.parts]
        quantities = [(x, _quantity(x)) for x in items if x is not None]
        kinds = {q[1] for _, q in quantities if q is not None}
        currencies = {
            currency_of.get(x.id, x.unit if isinstance(x, Total) else None)
            for x, q in quantities
            if q is not None and q[1] == "money"
        }
        if len(kinds) > 1:
            yield Finding(
                path=f"/totals/{i}/parts",
                item=total.id,
                message=f"{total.label!r} adds up different kinds of figures: "
                + ", ".join(sorted(kinds)),
            )
        elif len(currencies) > 1:
            yield Finding(
                path=f"/totals/{i}/parts",
                item=total.id,
                message=f"{total.label!r} adds up amounts in different currencies: "
                + ", ".join(sorted(str(c) for c in currencies)),
            )
        elif kinds == {"money"} and _is_currency(total.unit) and currencies != {total.unit}:
            yield Finding(
                path=f"/totals/{i}/unit",
                item=total.id,
                message=f"{total.label!r} is in {total.unit} but its parts are in "
                f"{', '.join(sorted(str(c) for c in currencies))}",
            )
        elif kinds and kinds != {"money"} and _is_currency(total.unit):
            yield Finding(
                path=f"/totals/{i}/unit",
                item=total.id,
                message=f"{total.label!r} is in {total.unit} but adds up "
                f"{', '.join(sorted(kinds))} figures",
            )


def _shares(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    shares: dict[str, list[Grant]] = defaultdict(list)
    for grant in plan.grants:
        if grant.part_of:
            shares[grant.part_of].append(grant)
    for i, grant in enumerate(plan.grants):
        parts = shares.get(grant.id)
        if not parts:
            continue
        if any(p.currency != grant.currency for p in parts):
            yield Finding(
                path=f"/grants/{i}",
                item=grant.id,
                message="shares of a grant must be in the grant's currency",
            )
            continue
        given = sum((p.amount for p in parts), Decimal(0))
        tolerance = ctx.options.tolerance_for(len(parts))
        if given > grant.amount + tolerance:
            yield Finding(
                path=f"/grants/{i}/amount",
                item=grant.id,
                message=f"the {len(parts)} shares of {grant.purpose!r} add up to {figure(given)}, "
                f"more than the {figure(grant.amount)} granted",
                expected=given,
                actual=grant.amount,
                difference=grant.amount - given,
            )


_REMAINDER = (UseKind.AT_RISK, UseKind.CARRIED_OVER, UseKind.REPAID)


def _uses(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, grant in enumerate(plan.grants):
        if not grant.uses:
            continue
        accounted = sum((u.amount for u in grant.uses), Decimal(0))
        negative = [j for j, u in enumerate(grant.uses) if u.amount < 0]
        for j in negative:
            yield Finding(
                path=f"/grants/{i}/uses/{j}/amount",
                item=grant.uses[j].id,
                message="an amount used, left or at risk cannot be negative",
            )
        what = f"what became of {grant.purpose!r}"
        if accounted > grant.amount + ctx.options.tolerance_for(len(grant.uses)):
            yield Finding(
                path=f"/grants/{i}/uses",
                item=grant.id,
                message=f"{what} adds up to {figure(accounted)}, more than the "
                f"{figure(grant.amount)} granted",
                expected=grant.amount,
                actual=accounted,
                difference=accounted - grant.amount,
            )
        elif any(u.kind in _REMAINDER for u in grant.uses):
            finding = _compare(
                ctx, grant.amount, [u.amount for u in grant.uses],
                f"{grant.purpose!r} (used + left)", path=f"/grants/{i}/uses", item=grant.id,
            )  # fmt: skip
            if finding:
                yield finding


def _pools(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, pool in enumerate(plan.pools):
        if not pool.contributions or not pool.budget_lines:
            continue
        paid = sum((c.amount for c in pool.contributions), Decimal(0))
        finding = _compare(
            ctx, paid, [b.amount for b in pool.budget_lines],
            f"what was paid into {pool.name!r}", path=f"/pools/{i}/budget_lines", item=pool.id,
        )  # fmt: skip
        if finding:
            yield attrs.evolve(finding, message=finding.message + " of budget")


def _unit_of(amounts: list[Decimal]) -> Decimal:
    """The unit published amounts were rounded to: 0.1 when the finest has one decimal."""
    places = max((-int(a.as_tuple().exponent) for a in amounts), default=0)
    return Decimal(1).scaleb(-max(places, 0))


def _keys(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    keys = {k.id: k for k in plan.allocation_keys}
    broken: set[str] = set()
    for i, key in enumerate(plan.allocation_keys):
        problem = key_problem(key, plan)
        if problem is not None:
            broken.add(key.id)
            yield Finding(path=f"/allocation_keys/{i}", item=key.id, message=problem)
    # (where, key, what is split, its total, the published shares by party)
    splits: list[tuple[str, str, str, Decimal, list[tuple[str, Decimal]]]] = []
    for i, pool in enumerate(plan.pools):
        if pool.key:
            paid = [(c.stakeholder, c.amount) for c in pool.contributions]
            total = sum((amount for _, amount in paid), Decimal(0))
            splits.append((f"/pools/{i}/contributions", pool.key, pool.name, total, paid))
    for i, grant in enumerate(plan.grants):
        if grant.key:
            shares = [(g.recipient, g.amount) for g in plan.grants if g.part_of == grant.id]
            if all(party is not None for party, _ in shares):
                splits.append((f"/grants/{i}", grant.key, grant.purpose, grant.amount,
                               [(str(p), a) for p, a in shares]))  # fmt: skip
    for path, key_id, name, total, published in splits:
        found = keys.get(key_id)
        if found is None or found.id in broken or not published:
            continue  # reported by refs.resolve or above
        key = found
        unit = _unit_of([amount for _, amount in published])
        try:
            split = allocate(None if key.method.value in ("fixed", "percentage") else total, key,
                             plan=plan, unit=unit)  # fmt: skip
        except AllocationError as exc:
            yield Finding(path=path, item=key_id, message=f"{name!r}: {exc}")
            continue
        exact = {s.party: s.exact for s in split.shares}
        for party, amount in published:
            if party not in exact:
                yield Finding(
                    path=path, item=party,
                    message=f"{name!r}: {party!r} has a share but is not a party of the key "
                    f"{key_id!r}",
                )  # fmt: skip
                continue
            off = Fraction(amount) - exact[party]
            if abs(off) >= Fraction(unit):
                expected = split[party].amount
                yield Finding(
                    path=path, item=party,
                    message=f"{name!r}: {party!r} has {figure(amount)}, but the key {key_id!r} "
                    f"gives {figure(expected)} — more than rounding to {figure(unit)} explains",
                    expected=expected, actual=amount, difference=amount - expected,
                )  # fmt: skip


# --------------------------------------------------------------------------------------------
# periods


def _period_fields(record: Any) -> Iterator[tuple[str, Period]]:
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, Period):
            yield field.name, value


def _order(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        for name, period in _period_fields(record):
            if period.is_reversed:
                yield Finding(
                    path=f"{path}/{name}",
                    message=f"the period {period} ends ({period.last_day}) before it starts "
                    f"({period.first_day})",
                )


def _readable(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        if not isinstance(record, Timeline):
            continue
        if record.unparsed:
            parts = ", ".join(repr(p) for p in record.unparsed)
            yield Finding(
                path=f"{path}/unparsed",
                message=f"in the timeline {record.text!r} these parts could not be read: {parts}",
            )
        elif record.period is None and record.recurrence is None:
            yield Finding(
                path=path,
                message=f"the timeline {record.text!r} has no structured period; "
                "uphmodel.structure_timelines() reads it from the text",
            )


def _within_plan(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    span = plan.period
    if span is None or span.is_reversed:
        return
    for collection in ("goals", "activities"):
        for i, item in enumerate(getattr(plan, collection)):
            timeline = item.timeline
            if timeline is None or timeline.period is None or timeline.period.is_reversed:
                continue
            period = timeline.period
            if span.contains(period):
                continue
            if not span.overlaps(period):
                how = "lies outside"
            elif period.first_day is None or (
                span.first_day is not None and period.first_day < span.first_day
            ):
                how = "starts before"
            else:
                how = "runs past the end of"
            yield Finding(
                path=f"/{collection}/{i}/timeline/period",
                item=item.id,
                message=f"the timeline {timeline.text!r} ({period}) {how} the plan period {span}",
            )


# --------------------------------------------------------------------------------------------
# indicators

_NUMERIC = {MeasureKind.COUNT, MeasureKind.PERCENTAGE, MeasureKind.RATE, MeasureKind.RATIO,
            MeasureKind.MONEY}  # fmt: skip


def _values_of(indicator: Indicator, i: int) -> Iterator[tuple[str, Observation | Target]]:
    for name in ("baselines", "observations", "targets"):
        for j, value in enumerate(getattr(indicator, name)):
            yield f"/indicators/{i}/{name}/{j}", value


def _values(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        measure = indicator.measure
        if measure is None:
            continue
        for path, entry in _values_of(indicator, i):
            value = entry.value
            if value is None:
                continue
            where = f"{path}/value"
            if measure is MeasureKind.YES_NO:
                if not isinstance(value, bool):
                    yield Finding(
                        path=where, item=indicator.id,
                        message=f"a yes/no indicator takes true or false, not {value!r}",
                    )  # fmt: skip
                continue
            if measure not in _NUMERIC:
                continue
            if isinstance(value, bool):
                yield Finding(
                    path=where, item=indicator.id,
                    message=f"a {measure.value} indicator takes a number, not {value}",
                )  # fmt: skip
            elif isinstance(value, str):
                yield Finding(
                    path=where, item=indicator.id, severity=WARNING,
                    message=f"a {measure.value} indicator takes a number; {value!r} is text",
                )  # fmt: skip
            elif measure is MeasureKind.PERCENTAGE and not 0 <= value <= 100:
                yield Finding(
                    path=where, item=indicator.id,
                    message=f"a percentage lies between 0 and 100, not {figure(value)}",
                )  # fmt: skip
            elif measure is MeasureKind.COUNT and (value < 0 or value != value.to_integral()):
                yield Finding(
                    path=where, item=indicator.id,
                    message=f"a count is a whole number of at least 0, not {figure(value)}",
                )  # fmt: skip
            elif measure in (MeasureKind.RATE, MeasureKind.RATIO) and value < 0:
                yield Finding(
                    path=where, item=indicator.id,
                    message=f"a {measure.value} cannot be negative ({figure(value)})",
                )  # fmt: skip


def _rate_base(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        if indicator.measure is MeasureKind.RATE and not indicator.rate_base:
            yield Finding(
                path=f"/indicators/{i}/rate_base",
                item=indicator.id,
                message="a rate needs its base: per how many inhabitants (rate_base, e.g. 100000)",
            )
        elif indicator.rate_base is not None and indicator.rate_base <= 0:
            yield Finding(
                path=f"/indicators/{i}/rate_base",
                item=indicator.id,
                message=f"a rate base is a positive number, not {indicator.rate_base}",
            )


def _dimensions(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        declared = set(indicator.dimensions)
        for path, entry in _values_of(indicator, i):
            for key in entry.breakdown:
                if key not in declared:
                    shown = ", ".join(indicator.dimensions) or "none"
                    yield Finding(
                        path=f"{path}/breakdown/{key}",
                        item=indicator.id,
                        message=f"the breakdown dimension {key!r} is not declared by the "
                        f"indicator (declared: {shown})",
                    )


def _target_period(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        for j, target in enumerate(indicator.targets):
            if target.period is None:
                yield Finding(
                    path=f"/indicators/{i}/targets/{j}/period",
                    item=indicator.id,
                    message="a target should say by when it is to be reached (period)",
                )


def _baseline(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        if indicator.measure not in _NUMERIC:
            continue
        if indicator.baselines or indicator.observations or indicator.description:
            continue
        yield Finding(
            path=f"/indicators/{i}/baselines",
            item=indicator.id,
            message=f"the {indicator.measure.value} indicator {indicator.name!r} has no baseline "
            "and no values, and does not say why (description)",
        )


# --------------------------------------------------------------------------------------------
# follow-up


def _decided(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, follow_up in enumerate(plan.follow_ups):
        for j, item in enumerate(follow_up.items):
            if item.fate is None:
                yield Finding(
                    path=f"/follow_ups/{i}/items/{j}/fate",
                    item=item.goal,
                    message=f"the follow-up does not decide what becomes of the goal "
                    f"{item.goal!r} (kept, reworded, fulfilled, merged, removed …)",
                )


_NEEDS_GOAL = {
    GoalFate.KEPT: None,
    GoalFate.KEPT_REWORDED: None,
    GoalFate.TO_SHORT_TERM: Horizon.SHORT_TERM,
    GoalFate.TO_LONG_TERM: Horizon.LONG_TERM,
    GoalFate.MERGED: None,
}


def _successors(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, follow_up in enumerate(plan.follow_ups):
        for j, item in enumerate(follow_up.items):
            fate, path = item.fate, f"/follow_ups/{i}/items/{j}/successors"
            if fate is None:
                continue
            found = [ctx.index.get(s) for s in item.successors]
            goals = [x for x in found if isinstance(x, Goal)]
            activities = [x for x in found if isinstance(x, Activity)]
            if fate is GoalFate.TO_ACTIVITY and not activities:
                yield Finding(
                    path=path, item=item.goal,
                    message=f"the goal {item.goal!r} was turned into an activity, but no "
                    "successor is an activity of this plan",
                )  # fmt: skip
            elif fate is GoalFate.MERGED and not goals:
                yield Finding(
                    path=path, item=item.goal,
                    message=f"the goal {item.goal!r} was merged into another goal, but no "
                    "successor is a goal of this plan",
                )  # fmt: skip
            elif fate in _NEEDS_GOAL and fate is not GoalFate.MERGED and not goals:
                yield Finding(
                    path=path, item=item.goal, severity=WARNING,
                    message=f"the decision on {item.goal!r} is {fate.value!r}, but no successor "
                    "is a goal of this plan",
                )  # fmt: skip
            horizon = _NEEDS_GOAL.get(fate)
            if horizon is not None:
                for goal in goals:
                    if goal.horizon is not horizon:
                        yield Finding(
                            path=path, item=item.goal, severity=WARNING,
                            message=f"the goal {item.goal!r} was to become {horizon.value}, but "
                            f"its successor {goal.id!r} is "
                            f"{goal.horizon.value if goal.horizon else 'without horizon'}",
                        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# stakeholders and personal data

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_IDENTIFIERS = {
    "scb_county": (re.compile(r"^\d{2}$"), "two digits (e.g. 23)"),
    "scb_municipality": (re.compile(r"^\d{4}$"), "four digits (e.g. 2380)"),
    "orgnr": (re.compile(r"^\d{6}-\d{4}$"), "NNNNNN-NNNN"),
}


def _emails(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, contact in enumerate(plan.contacts):
        if contact.email is not None and not _EMAIL.match(contact.email):
            yield Finding(
                path=f"/contacts/{i}/email",
                item=contact.id,
                message=f"{contact.email!r} is not a well-formed e-mail address",
            )


def _personal(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        for field in attrs.fields(type(record)):
            if field.metadata.get("personal") and getattr(record, field.name):
                yield Finding(
                    path=f"{path}/{field.name}",
                    item=getattr(record, "id", None),
                    message=f"holds personal data ({field.name}); uphmodel.redact() removes it "
                    "before the plan is shared",
                )


def _identifiers(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    if plan.county is not None and not _IDENTIFIERS["scb_county"][0].match(plan.county):
        yield Finding(
            path="/county", message=f"an SCB county code is two digits, not {plan.county!r}"
        )
    for i, stakeholder in enumerate(plan.stakeholders):
        for scheme, value in stakeholder.identifiers.items():
            rule = _IDENTIFIERS.get(scheme)
            if rule is not None and not rule[0].match(value):
                yield Finding(
                    path=f"/stakeholders/{i}/identifiers/{scheme}",
                    item=stakeholder.id,
                    message=f"{value!r} is not a valid {scheme}: expected {rule[1]}",
                )
            elif (
                scheme == "scb_municipality"
                and plan.county
                and rule is not None
                and not value.startswith(plan.county)
            ):
                yield Finding(
                    path=f"/stakeholders/{i}/identifiers/{scheme}",
                    item=stakeholder.id,
                    severity=WARNING,
                    message=f"municipality code {value} is not in county {plan.county}",
                )


# --------------------------------------------------------------------------------------------


def _rule(
    id: str, category: str, severity: Severity, description: str, check: Any,
    draft: Severity | None = None,
) -> Rule:  # fmt: skip
    return Rule(
        id=id,
        category=category,
        severity=severity,
        description=description,
        check=check,
        draft=draft,
    )


#: The built-in rules, in the order they run. Add your own with ``(*RULES, my_rule)``.
RULES: tuple[Rule, ...] = (
    _rule("ids.unique", "ids", ERROR, "Every id is used once in the plan.", _unique_ids),
    _rule("refs.resolve", "references", ERROR,
          "Every reference points at an item of the plan, of the right kind.", _resolve),
    _rule("refs.codes", "references", ERROR,
          "Frameworks and the codes of focus areas, target groups and perspectives are known: "
          "built in, the plan's own, or passed to check.", _codes),
    _rule("frameworks.defined", "references", ERROR,
          "The plan's own frameworks have unique ids and codes, and parents among their codes.",
          _defined),
    _rule("hierarchy.cycles", "structure", ERROR,
          "Parents of goals, sections, stakeholders and grants form no circle.", _cycles),
    _rule("goals.horizon", "goals", WARNING,
          "Short-term goals serve long-term goals.", _horizons, draft=INFO),
    _rule("totals.sum", "money", ERROR,
          "Every stated total equals the sum of its parts.", _totals),
    _rule("totals.units", "money", ERROR,
          "A total adds up figures of one kind and one currency.", _total_units),
    _rule("grants.shares", "money", ERROR,
          "The shares of a grant do not add up to more than the grant.", _shares),
    _rule("grants.uses", "money", ERROR,
          "What was used and what is left of a grant add up to the grant.", _uses),
    _rule("keys.shares", "money", WARNING,
          "Allocation keys can split, and published shares are what their key gives, to the "
          "unit they are rounded to.", _keys),
    _rule("pools.balance", "money", ERROR,
          "A pool's budget lines add up to what was paid into it.", _pools),
    _rule("periods.order", "periods", ERROR, "No period ends before it starts.", _order),
    _rule("timelines.readable", "periods", WARNING,
          "Every timeline could be read: a period or a recurrence, nothing left over.", _readable,
          draft=INFO),
    _rule("periods.within-plan", "periods", WARNING,
          "Timelines of goals and activities lie inside the plan's period.", _within_plan),
    _rule("indicators.values", "indicators", ERROR,
          "Indicator values fit their measure.", _values),
    _rule("indicators.rate-base", "indicators", ERROR,
          "A rate says per how many inhabitants.", _rate_base),
    _rule("indicators.dimensions", "indicators", ERROR,
          "Values are broken down only by dimensions the indicator declares.", _dimensions),
    _rule("indicators.target-period", "indicators", WARNING,
          "A target says by when.", _target_period, draft=INFO),
    _rule("indicators.baseline", "indicators", WARNING,
          "A quantitative indicator has a baseline or values, or says why not.", _baseline,
          draft=INFO),
    _rule("followup.decided", "follow-up", WARNING,
          "A follow-up decides on every goal it follows up.", _decided, draft=INFO),
    _rule("followup.successors", "follow-up", ERROR,
          "Merged goals, goals turned into activities and kept goals point at what carries "
          "them on.", _successors),
    _rule("contacts.email", "stakeholders", ERROR,
          "Contact e-mail addresses are well-formed.", _emails),
    _rule("contacts.personal-data", "stakeholders", INFO,
          "Personal data present (so that exports can strip it).", _personal),
    _rule("stakeholders.identifiers", "stakeholders", ERROR,
          "Official identifiers are well-formed (SCB codes, organisation numbers).", _identifiers),
    _rule("fields.unknown", "fields", INFO,
          "Every field is one uphmodel knows; unknown ones are kept, and named here with the "
          "field they are close to.", _unknown),
)  # fmt: skip


def check(
    plan: Plan,
    *,
    profile: str = "final",
    rules: Iterable[Rule] = RULES,
    options: CheckOptions | None = None,
    disable: Iterable[str] = (),
    severities: Mapping[str, Severity | str] | None = None,
    tolerance: Decimal | int | str | None = None,
    frameworks: Iterable[Framework] = (),
) -> Report:
    """Check ``plan`` and return every finding as a :class:`~uphmodel.Report`.

    ``profile`` is ``"final"`` (a plan to be submitted) or ``"draft"`` (a plan being written:
    missing values are info). ``rules`` defaults to :data:`RULES`; pass ``(*uphmodel.RULES,
    my_rule)`` to add your own. ``disable``, ``severities`` and ``tolerance`` are shorthands for
    the fields of :class:`~uphmodel.CheckOptions` and are added to ``options``. Codes resolve
    against the built-in frameworks, the plan's own (``own_frameworks``) and ``frameworks``
    (a region's strategy the plan does not carry, say); later ones win for the same id. Raises
    ``ValueError`` for an unknown profile or rule id (a programming error, not a data problem).

    >>> import uphmodel
    >>> report = uphmodel.check(uphmodel.examples.load("jamtland-harjedalen-2018"))
    >>> [str(f.difference) for f in report.by_rule("totals.sum")]
    ['-63', '3']
    """
    opts = options or CheckOptions()
    if disable or severities or tolerance is not None:
        opts = attrs.evolve(
            opts,
            disable=opts.disable | frozenset(disable),
            severities={**opts.severities, **(severities or {})},
            tolerance=Decimal(tolerance) if tolerance is not None else opts.tolerance,
        )
    return evaluate(plan, rules, profile=profile, options=opts, frameworks=frameworks)
