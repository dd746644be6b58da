"""Rules about money and other totals: sums, units, shares of grants, uses, keys, pools."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from uphmodel._allocate import AllocationError, allocate, key_problems
from uphmodel._text import figure
from uphmodel.model import (
    AllocationKey,
    BudgetLine,
    Contribution,
    Grant,
    GrantUse,
    KeyMethod,
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


def _quantity(item: Any) -> tuple[Decimal | None, str] | None:
    """The figure an item contributes to a total (``None`` when not stated), and its kind."""
    if isinstance(item, (Grant, GrantUse, Contribution, BudgetLine)):
        return item.amount, "money"
    if isinstance(item, PopulationFigure):
        return Decimal(item.count), "population"
    if isinstance(item, Total):
        return item.value, "money" if _is_currency(item.unit) else f"'{item.unit or '?'}'"
    if item is None:
        return None
    return Decimal(1), "count"  # an item without a figure counts one


def _known(amounts: list[Decimal | None]) -> tuple[list[Decimal], int]:
    """The stated amounts, and how many are not stated."""
    known = [a for a in amounts if a is not None]
    return known, len(amounts) - len(known)


def _compare(
    ctx: CheckContext,
    stated: Decimal | None,
    parts: list[Decimal | None],
    what: str,
    *,
    path: str,
    item: str,
    money: bool = True,
    partial: bool = False,
) -> Finding | None:
    """A finding when ``stated`` is not the sum of ``parts``: a warning within the tolerance.

    Only what can be compared is: a figure that is not stated is compared with nothing, and
    parts that are not stated, or a list the document gives as partial, can only show that the
    parts add up to more than the figure. What is not compared is said in an info finding.
    """
    known, unknown = _known(parts)
    expected = sum(known, Decimal(0))
    if stated is None:
        return Finding(
            path=path, item=item, severity=INFO,
            message=f"{what} is not stated, so its {len(parts)} parts are not compared with it",
        )  # fmt: skip
    difference = stated - expected
    tolerance = ctx.options.tolerance_for(len(known), money=money)
    shown = figure(tolerance.normalize())
    if (unknown or partial) and difference >= -tolerance:
        if not unknown:
            return None  # a partial list falls short of its figure by design
        return Finding(
            path=path, item=item, severity=INFO,
            message=f"{what} is not compared with its parts: {unknown} of the {len(parts)} "
            f"have no amount (the {len(known)} stated add up to {figure(expected)})",
        )  # fmt: skip
    if difference == 0:
        return None
    if abs(difference) <= tolerance:
        severity, note = WARNING, f"within the tolerance of {shown}, e.g. rounding"
    else:
        severity, note = ERROR, f"more than the tolerance of {shown}"
    counted = (
        f"its {len(parts)} parts"
        if not unknown and not partial
        else (f"the {len(known)} parts stated")
    )
    message = (
        f"{what} is {figure(stated)} but {counted} add up to {figure(expected)}: "
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
            partial=total.partial,
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


def _over(
    ctx: CheckContext, grant: Grant, amounts: list[Decimal | None], what: str, path: str
) -> Finding | None:
    """An error when the stated ``amounts`` already add up to more than the grant: ``what``
    says what they are ("the 3 shares of 'X' add up to")."""
    known, _ = _known(amounts)
    given = sum(known, Decimal(0))
    if grant.amount is None or given <= grant.amount + ctx.options.tolerance_for(len(known)):
        return None
    return Finding(
        path=path,
        item=grant.id,
        message=f"{what} {figure(given)}, more than the {figure(grant.amount)} granted",
        expected=grant.amount,
        actual=given,
        difference=given - grant.amount,
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
        what = f"the {len(parts)} shares of {grant.purpose!r} add up to"
        finding = _over(ctx, grant, [p.amount for p in parts], what, f"/grants/{i}/amount")
        if finding:
            yield finding


def _payments(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, grant in enumerate(plan.grants):
        if grant.payments:
            amounts = [p.amount for p in grant.payments]
            what = f"the {len(amounts)} payments of {grant.purpose!r} add up to"
            finding = _over(ctx, grant, amounts, what, f"/grants/{i}/payments")
            if finding:
                yield finding


_REMAINDER = (UseKind.AT_RISK, UseKind.CARRIED_OVER, UseKind.REPAID)


def _uses(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, grant in enumerate(plan.grants):
        if not grant.uses:
            continue
        for j, use in enumerate(grant.uses):
            if use.amount is not None and use.amount < 0:
                yield Finding(
                    path=f"/grants/{i}/uses/{j}/amount",
                    item=use.id,
                    message="an amount used, left or at risk cannot be negative",
                )
        amounts = [u.amount for u in grant.uses]
        what = f"what became of {grant.purpose!r} adds up to"
        over = _over(ctx, grant, amounts, what, f"/grants/{i}/uses")
        if over is not None:
            yield over
        elif any(u.kind in _REMAINDER for u in grant.uses):
            finding = _compare(
                ctx, grant.amount, amounts, f"{grant.purpose!r} (used + left)",
                path=f"/grants/{i}/uses", item=grant.id, partial=grant.partial,
            )  # fmt: skip
            if finding:
                yield finding


def _pools(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, pool in enumerate(plan.pools):
        paid = [c.amount for c in pool.contributions]
        lines = [b.amount for b in pool.budget_lines]
        checks: list[tuple[Decimal | None, list[Decimal | None], str, str, bool]] = []
        if pool.size is not None:
            if paid:
                checks.append((pool.size, paid, "contributions", "contributions", False))
            if lines:
                checks.append((pool.size, lines, "budget lines", "budget_lines", pool.partial))
        elif paid and lines:
            known, unknown = _known(paid)
            stated = None if unknown else sum(known, Decimal(0))
            checks.append((stated, lines, "budget lines", "budget_lines", pool.partial))
        for stated, parts, what, field, partial in checks:
            finding = _compare(
                ctx, stated, parts, f"{pool.name!r}", path=f"/pools/{i}/{field}", item=pool.id,
                partial=partial,
            )  # fmt: skip
            if finding:
                basis = "its stated size" if pool.size is not None else "what was paid into it"
                yield attrs.evolve(finding, message=f"{finding.message} — {what} against {basis}")


def _unit_of(amounts: list[Decimal]) -> Decimal:
    """The unit published amounts were rounded to: 0.1 when the finest has one decimal."""
    places = max((-int(a.as_tuple().exponent) for a in amounts), default=0)
    return Decimal(1).scaleb(-max(places, 0))


def _keys(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    keys = {k.id: k for k in plan.allocation_keys}
    broken: set[str] = set()
    problems = key_problems(plan)
    for i, key in enumerate(plan.allocation_keys):
        problem = problems.get(key.id)
        if problem is not None and key.id not in broken:
            broken.add(key.id)
            named_only = key.method is KeyMethod.POPULATION and not key.figures
            yield Finding(
                path=f"/allocation_keys/{i}",
                item=key.id,
                message=problem,
                severity=INFO if named_only else None,  # a rule the plan states in words
            )
    # (where, key, what is split, its total, the published shares by party)
    splits: list[tuple[str, str, str, Decimal | None, list[tuple[str, Decimal | None]]]] = []
    for i, pool in enumerate(plan.pools):
        if pool.key:
            paid = [(c.stakeholder, c.amount) for c in pool.contributions]
            known, unknown = _known([amount for _, amount in paid])
            total = pool.size if pool.size is not None or unknown else sum(known, Decimal(0))
            splits.append((f"/pools/{i}/contributions", pool.key, pool.name, total, paid))
    parts: dict[str, list[Grant]] = {}
    for grant in plan.grants:
        if grant.part_of is not None:
            parts.setdefault(grant.part_of, []).append(grant)
    for i, grant in enumerate(plan.grants):
        if grant.key:
            shares = [(g.recipient, g.amount) for g in parts.get(grant.id, ())]
            if all(party is not None for party, _ in shares):
                splits.append((f"/grants/{i}", grant.key, grant.purpose, grant.amount,
                               [(str(p), a) for p, a in shares]))  # fmt: skip
    for path, key_id, name, total, published in splits:
        found = keys.get(key_id)
        if found is None or found.id in broken or not published:
            continue  # reported by refs.resolve or above
        yield from _key_split(plan, found, path, name, total, published)


def _key_split(
    plan: Plan,
    key: AllocationKey,
    path: str,
    name: str,
    total: Decimal | None,
    published: list[tuple[str, Decimal | None]],
) -> Iterator[Finding]:
    """Published shares compared with what ``key`` gives, where both are stated."""
    needs_total = key.method not in (KeyMethod.FIXED, KeyMethod.PERCENTAGE)
    stated = [(party, amount) for party, amount in published if amount is not None]
    if needs_total and total is None:
        yield Finding(
            path=path, item=key.id, severity=INFO,
            message=f"{name!r}: the shares are not compared with the key {key.id!r}: the total "
            "it splits is not stated",
        )  # fmt: skip
        return
    if len(stated) < len(published):
        yield Finding(
            path=path, item=key.id, severity=INFO,
            message=f"{name!r}: {len(published) - len(stated)} of the {len(published)} shares "
            f"have no amount and are not compared with the key {key.id!r}",
        )  # fmt: skip
    if not stated:
        return
    unit = _unit_of([amount for _, amount in stated])
    try:
        split = allocate(total if needs_total else None, key, plan=plan, unit=unit)
    except AllocationError as exc:
        yield Finding(path=path, item=key.id, message=f"{name!r}: {exc}")
        return
    exact = {s.party: s.exact for s in split.shares}
    for party, amount in stated:
        if party not in exact:
            yield Finding(
                path=path, item=party,
                message=f"{name!r}: {party!r} has a share but is not a party of the key "
                f"{key.id!r}",
            )  # fmt: skip
            continue
        off = Fraction(amount) - exact[party]
        if abs(off) >= Fraction(unit):
            expected = split[party].amount
            yield Finding(
                path=path, item=party,
                message=f"{name!r}: {party!r} has {figure(amount)}, but the key {key.id!r} "
                f"gives {figure(expected)} — more than rounding to {figure(unit)} explains",
                expected=expected, actual=amount, difference=amount - expected,
            )  # fmt: skip
