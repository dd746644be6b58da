"""A plain-text summary of a plan, for the terminal and for notebooks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from uphmodel._allocate import is_ours, parties_of
from uphmodel._limits import exact
from uphmodel._text import figure
from uphmodel.frameworks import builtin
from uphmodel.frameworks._catalogue import in_use
from uphmodel.model import FrameworkKind, Grant, Plan

__all__ = ["summarize"]


def _kronor(amount: Decimal, currency: str = "SEK") -> str:
    """Swedish style: "68 671,3 kr"."""
    return f"{figure(amount)} kr" if currency == "SEK" else f"{figure(amount)} {currency}"


def _amounts(amounts: Iterable[tuple[Decimal | None, str]]) -> str:
    """The sum of the stated amounts by currency, and how many are not stated."""
    by_currency: dict[str, Decimal] = {}
    unstated = 0
    for amount, currency in amounts:
        if amount is None:
            unstated += 1
        else:
            by_currency[currency] = by_currency.get(currency, Decimal(0)) + amount
    text = ", ".join(_kronor(v, c) for c, v in sorted(by_currency.items())) or _kronor(Decimal(0))
    return text + (f" (+ {unstated} not stated)" if unstated else "")


def _counted(counter: Counter[str], order: Iterable[str]) -> str:
    return ", ".join(f"{counter[key]} {key}" for key in order if counter[key])


@exact
def summarize(plan: Plan) -> str:
    """A few lines that say what the plan is and what it holds.

    >>> import uphmodel
    >>> plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    >>> print(uphmodel.summarize(plan))  # doctest: +ELLIPSIS
    Handlingsplan för kommunerna i Jämtlands län och Region Jämtland Härjedalen...
    """
    lines = [plan.title]
    facts = [plan.kind.value.replace("_", " ")]
    if plan.diary_number:
        facts.append(f"dnr {plan.diary_number}")
    if plan.period is not None:
        facts.append(f"period {plan.period}")
    if plan.version:
        facts.append(f"version {plan.version}" + (f" of {plan.date}" if plan.date else ""))
    lines.append("  " + ", ".join(facts))
    names = {s.id: s.short_name or s.name for s in plan.stakeholders}
    if plan.owners:
        lines.append("  owners: " + ", ".join(names.get(o, o) for o in plan.owners))
    if plan.focus_areas:
        catalogue = builtin().for_plan(plan)
        lines.append("  focus areas (as this plan numbers them):")
        for fa in plan.focus_areas:
            found = catalogue.resolve(fa.code, FrameworkKind.FOCUS_AREAS, in_use(plan)).found
            national = found[1].label if found else fa.code
            lines.append(f"    {fa.number or '-'}. {fa.label or national} [{fa.code}]")

    horizons = Counter(
        g.horizon.value.replace("_", "-") if g.horizon else "unset" for g in plan.goals
    )
    goal_text = f"{len(plan.goals)} goals"
    if plan.goals:
        order = ["overall", "long-term", "short-term", "sub-goal", "unset"]
        goal_text += f" ({_counted(horizons, order)})"
    measured = sum(1 for i in plan.indicators if i.observations or i.baselines)
    lines.append(
        f"  {goal_text}, {len(plan.activities)} activities, "
        f"{len(plan.indicators)} indicators ({measured} with values)"
    )
    lines.append(
        f"  {len(plan.stakeholders)} stakeholders, {len(plan.contacts)} contact points, "
        f"{len(plan.decisions)} decisions, {len(plan.changes)} change-log entries"
    )
    for follow_up in plan.follow_ups:
        fates = Counter(
            i.fate.value.replace("_", " ") if i.fate else "undecided" for i in follow_up.items
        )
        lines.append(
            f"  follow-up of {follow_up.of_version or follow_up.of_plan or '?'}: "
            f"{len(follow_up.items)} goals — "
            + ", ".join(f"{n} {fate}" for fate, n in fates.most_common())
        )
    ours = parties_of(plan)
    by_id = {g.id: g for g in plan.grants}

    known: dict[str, bool] = {}

    def counted(grant: Grant | None) -> bool:
        return grant is not None and is_ours(grant, by_id, ours, known)

    top = [
        g for g in plan.grants if counted(g) and not counted(by_id.get(g.part_of or ""))
    ]  # the plan's own money: not a share of another grant of the plan's parties
    if top:
        money = _amounts((g.amount, g.currency) for g in top)
        context = sum(1 for g in plan.grants if not counted(g) and g.part_of is None)
        others = f" (and {context} to others, for context)" if context else ""
        lines.append(f"  {len(plan.grants)} grants, {money} in all to the plan's parties{others}")
    uses: dict[str, list[tuple[Decimal | None, str]]] = {}
    for grant in plan.grants:
        for use in grant.uses:
            uses.setdefault(use.kind.value.replace("_", " "), []).append(
                (use.amount, grant.currency)
            )
    if uses:
        lines.append("  of the grants: " + ", ".join(f"{_amounts(v)} {k}" for k, v in uses.items()))
    for pool in plan.pools:
        paid = _amounts((c.amount, pool.currency) for c in pool.contributions)
        budget = _amounts((b.amount, pool.currency) for b in pool.budget_lines)
        size = f" of {_kronor(pool.size, pool.currency)}" if pool.size is not None else ""
        lines.append(
            f"  pool {pool.name}{size}: {paid} paid in by {len(pool.contributions)} principals, "
            f"{budget} budgeted on {len(pool.budget_lines)} lines"
        )
    if plan.changes:
        last = plan.changes[-1]
        lines.append(
            f"  latest change: {last.version}"
            + (f" ({last.date})" if last.date else "")
            + (f" — {last.change}" if last.change else "")
        )
    return "\n".join(lines)
