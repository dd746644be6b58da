"""Rules about money and other totals: sums, units, shares of grants, uses, keys, pools."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from uphmodel._allocate import AllocationError, allocate, key_problem
from uphmodel._text import figure
from uphmodel.model import (
    BudgetLine,
    Contribution,
    Grant,
    GrantUse,
    Plan,
    PopulationFigure,
    Total,
    UseKind,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


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
