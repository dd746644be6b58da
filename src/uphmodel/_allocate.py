"""Splitting money exactly: allocation keys, rounding policies, and the life of a grant.

:func:`allocate` computes every party's exact share of a total as a fraction, then rounds to a
unit (whole kronor, öre, or any step):

- ``largest_remainder`` (the default): every share is rounded down, and the units left over go
  to the shares with the largest remainders, so that the amounts add up to the total exactly.
  Ties are broken by the larger exact share, then by party id in alphabetical order — never by
  the order the parties were given in, so the result does not depend on it.
- ``half_up``, ``half_even``, ``down`` (truncate), ``up``: every share is rounded on its own, as
  many published tables were made; what the rounded amounts miss of the total is reported as
  the ``residual``.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from uphmodel._errors import UphError
from uphmodel._limits import exact
from uphmodel.model import AllocationKey, Grant, KeyMethod, Plan, PopulationFigure, UseKind

__all__ = [
    "Allocation",
    "AllocationError",
    "MoneyRow",
    "Rounding",
    "Share",
    "allocate",
    "key_problem",
    "money_summary",
    "to_decimal",
]


class AllocationError(UphError, ValueError):
    """A key cannot split the total as asked (no parties, negative weights, a missing key …)."""


class Rounding(enum.Enum):
    """How exact shares become amounts in the unit."""

    LARGEST_REMAINDER = (
        "largest_remainder"  #: round down, give left-over units to the largest remainders
    )
    HALF_UP = "half_up"  #: each share on its own, halves up
    HALF_EVEN = "half_even"  #: each share on its own, halves to the even unit
    DOWN = "down"  #: each share on its own, truncated
    UP = "up"  #: each share on its own, rounded up


@attrs.frozen
class Share:
    """One party's part of an allocation.

    Attributes:
        party: id of the party.
        exact: the exact share, as a fraction (Fraction(1250000 * 7126, 129712)).
        amount: the share rounded to the unit, exactly as a Decimal.
    """

    party: str
    exact: Fraction
    amount: Decimal

    @property
    def adjustment(self) -> Fraction:
        """The rounding applied: ``amount - exact``."""
        return Fraction(self.amount) - self.exact

    def exact_decimal(self, places: int = 4) -> Decimal:
        """The exact share as a Decimal rounded (half-even) to ``places`` decimals, for display."""
        return to_decimal(self.exact, places)


def to_decimal(value: Fraction, places: int = 4) -> Decimal:
    """A fraction as a Decimal rounded (half-even) to ``places`` decimals, for display."""
    return Decimal(round(value * 10**places)).scaleb(-places)


@attrs.frozen
class Allocation:
    """The result of :func:`allocate`.

    Attributes:
        total: the total split.
        unit: the unit amounts are rounded to (1 for whole kronor, 0.01 for öre).
        rounding: the rounding policy.
        shares: one per party, in the order the key gives them.
    """

    total: Decimal
    unit: Decimal
    rounding: Rounding
    shares: tuple[Share, ...]

    @property
    @exact
    def residual(self) -> Decimal:
        """What the rounded amounts miss of the total (0 under largest remainder)."""
        return self.total - sum((s.amount for s in self.shares), Decimal(0))

    def __getitem__(self, party: str) -> Share:
        for share in self.shares:
            if share.party == party:
                return share
        raise KeyError(party)

    def amounts(self) -> dict[str, Decimal]:
        """Party id to rounded amount."""
        return {s.party: s.amount for s in self.shares}


def _show(value: Fraction) -> str:
    """A fraction for a message: exact when it has few decimals, else to 4 places."""
    shown = Decimal(value.numerator) / Decimal(value.denominator)
    return str(shown) if shown * 10000 == int(shown * 10000) else f"{shown:.4f}"


_INDEX: list[tuple[tuple[AllocationKey, ...], dict[str, AllocationKey]]] = []


def _keys_by_id(plan: Plan) -> dict[str, AllocationKey]:
    """The plan's keys by id (the first of an id twice), kept for the last plan asked about."""
    keys = plan.allocation_keys
    last = _INDEX[-1] if _INDEX else None  # one read: another thread may replace it
    if last is not None and last[0] is keys:
        return last[1]
    index: dict[str, AllocationKey] = {}
    for key in keys:
        index.setdefault(key.id, key)
    _INDEX[:] = [(keys, index)]
    return index


def _key_of(ref: str, plan: Plan | None) -> AllocationKey:
    if plan is None:
        raise AllocationError(f"the key refers to the key {ref!r}: pass the plan that holds it")
    key = _keys_by_id(plan).get(ref)
    if key is None:
        raise AllocationError(f"the plan has no allocation key {ref!r}")
    return key


#: The most keys one split may go through (a combined key's parts, a floor key's rest, and
#: theirs), and the deepest they may nest: more is refused rather than computed for minutes.
MOST_KEYS = 10_000
DEEPEST_KEYS = 100


def _refers_to(key: AllocationKey) -> list[str]:
    if key.method is KeyMethod.FLOOR and key.rest is not None:
        return [key.rest]
    if key.method is KeyMethod.COMBINED:
        return [part.key for part in key.parts]
    return []


def _graph_problem(
    key: AllocationKey, plan: Plan | None, memo: dict[str, tuple[int, int] | str] | None = None
) -> str | None:
    """A circle among the keys ``key`` refers to, or more keys or deeper nesting than a split
    may go through; found in one walk, without recursion. ``memo`` keeps, between calls for
    keys of the same plan, each key's size and depth or its problem."""
    index = _keys_by_id(plan) if plan is not None else {}
    memo = {} if memo is None else memo
    on_path: list[str] = [key.id]
    where = {key.id: 0}
    stack = [iter(_refers_to(key))]
    keys = {key.id: key}
    problem: str | None = None
    while stack and problem is None:
        for ref in stack[-1]:
            if ref in where:
                circle = " → ".join([*on_path[where[ref] :], ref])
                problem = f"the key {ref!r} refers to itself through {circle}"
                break
            known = memo.get(ref)
            if isinstance(known, str):
                problem = known
                break
            if known is not None or ref not in index:
                continue  # done already, or missing (said when the split is made)
            keys[ref] = index[ref]
            where[ref] = len(on_path)
            on_path.append(ref)
            stack.append(iter(_refers_to(index[ref])))
            break
        else:
            stack.pop()
            done = on_path.pop()
            del where[done]
            below = [m for r in _refers_to(keys[done]) if isinstance(m := memo.get(r), tuple)]
            size = 1 + sum(b[0] for b in below)
            depth = 1 + max((b[1] for b in below), default=0)
            memo[done] = (size, depth)
            if size > MOST_KEYS:
                problem = (
                    f"the key {done!r} goes through more than {MOST_KEYS:,} keys "
                    "(parts and rests within each other)"
                )
            elif depth > DEEPEST_KEYS:
                problem = f"the key {done!r} nests keys more than {DEEPEST_KEYS} deep"
    if problem is not None:
        for ref in on_path:  # every key on the way leads to the same problem
            memo[ref] = problem
    return problem


def _proportional(
    total: Fraction, weights: Mapping[str, Fraction], what: str
) -> dict[str, Fraction]:
    if not weights:
        raise AllocationError(f"a {what} split needs at least one party")
    negative = [p for p, w in weights.items() if w < 0]
    if negative:
        raise AllocationError(f"weights cannot be negative ({', '.join(negative)})")
    whole = sum(weights.values(), Fraction(0))
    if whole == 0:
        raise AllocationError(f"the weights of a {what} split add up to 0")
    return {party: total * w / whole for party, w in weights.items()}


def _merge(parts: Iterable[Mapping[str, Fraction]]) -> dict[str, Fraction]:
    out: dict[str, Fraction] = {}
    for part in parts:
        for party, value in part.items():
            out[party] = out.get(party, Fraction(0)) + value
    return out


def _exact(
    total: Fraction | None, key: AllocationKey, plan: Plan | None, seen: tuple[str, ...] = ()
) -> tuple[Fraction, dict[str, Fraction]]:
    """The total and every party's exact share under ``key``."""
    if key.id in seen:
        raise AllocationError(f"the key {key.id!r} refers to itself through {' → '.join(seen)}")
    seen = (*seen, key.id)
    method = key.method
    if method in (KeyMethod.FIXED, KeyMethod.PERCENTAGE):
        if method is KeyMethod.FIXED:
            shares = {party: Fraction(amount) for party, amount in key.amounts.items()}
        else:
            shares = _percentages(key, plan)
        own = sum(shares.values(), Fraction(0))
        if total is not None and total != own:
            raise AllocationError(
                f"the {method.value} key {key.id!r} gives {_show(own)} in all, "
                f"not the total {_show(total)}"
            )
        return own, shares
    if total is None:
        raise AllocationError(f"a {method.value} key needs a total to split")
    if method is KeyMethod.PROPORTIONAL:
        weights = {party: Fraction(w) for party, w in key.weights.items()}
        return total, _proportional(total, weights, "proportional")
    if method is KeyMethod.POPULATION:
        return total, _proportional(total, _population(key, plan), "population")
    if method is KeyMethod.EQUAL:
        if not key.parties:
            raise AllocationError(f"the equal key {key.id!r} names no parties")
        return total, {party: total / len(key.parties) for party in key.parties}
    if method is KeyMethod.FLOOR:
        if key.floor is None or key.rest is None:
            raise AllocationError(f"the floor key {key.id!r} needs a floor and a rest key")
        rest_key = _key_of(key.rest, plan)
        parties = _parties(rest_key, plan)
        rest = total - Fraction(key.floor) * len(parties)
        if rest < 0:
            raise AllocationError(
                f"the floors of {len(parties)} parties ({key.floor} each) exceed the total"
            )
        _, rest_shares = _exact(rest, rest_key, plan, seen)
        return total, {p: Fraction(key.floor) + rest_shares.get(p, Fraction(0)) for p in parties}
    # combined
    if not key.parts:
        raise AllocationError(f"the combined key {key.id!r} has no parts")
    pieces = []
    for part in key.parts:
        if part.amount is not None and part.share is None:
            pieces.append(Fraction(part.amount))
        elif part.share is not None and part.amount is None:
            pieces.append(total * Fraction(part.share))
        else:
            raise AllocationError(f"each part of {key.id!r} has a share or an amount, not both")
    if sum(pieces, Fraction(0)) != total:
        raise AllocationError(
            f"the parts of {key.id!r} add up to {_show(sum(pieces, Fraction(0)))}, "
            f"not the total {_show(total)}"
        )
    merged = _merge(
        _exact(piece, _key_of(part.key, plan), plan, seen)[1]
        for piece, part in zip(pieces, key.parts, strict=True)
    )
    return total, merged


def _population(key: AllocationKey, plan: Plan | None) -> dict[str, Fraction]:
    if not key.figures:
        if key.population is not None or key.source is not None:
            of = f" of {key.population}" if key.population is not None else ""
            source = f" ({key.source})" if key.source else ""
            raise AllocationError(
                f"the population key {key.id!r} refers to the population{of}{source} without "
                "listing the figures: it cannot split until the plan gives them"
            )
        raise AllocationError(
            f"the population key {key.id!r} names no population figures: it cannot split until "
            "the plan gives them"
        )
    if plan is None:
        raise AllocationError(f"the population key {key.id!r} needs the plan with its figures")
    figures: dict[str, PopulationFigure] = {f.id: f for f in plan.populations}
    weights: dict[str, Fraction] = {}
    for ref in key.figures:
        figure = figures.get(ref)
        if figure is None:
            raise AllocationError(f"the plan has no population figure {ref!r}")
        weights[figure.stakeholder] = weights.get(figure.stakeholder, Fraction(0)) + figure.count
    return weights


def _percentages(key: AllocationKey, plan: Plan | None) -> dict[str, Fraction]:
    if key.percent is None:
        raise AllocationError(f"the percentage key {key.id!r} needs a percent")
    if plan is None:
        raise AllocationError(f"the percentage key {key.id!r} needs the plan with its grants")
    if not key.grants:
        raise AllocationError(
            f"the percentage key {key.id!r} names no grants to take {key.percent} % of"
        )
    grants: dict[str, Grant] = {g.id: g for g in plan.grants}
    shares: dict[str, Fraction] = {}
    for ref in key.grants:
        grant = grants.get(ref)
        if grant is None:
            raise AllocationError(f"the plan has no grant {ref!r}")
        if grant.recipient is None:
            raise AllocationError(f"the grant {ref!r} names no recipient to pay")
        if grant.amount is None:
            raise AllocationError(f"the grant {ref!r} states no amount to take {key.percent} % of")
        paid = Fraction(grant.amount) * Fraction(key.percent) / 100
        shares[grant.recipient] = shares.get(grant.recipient, Fraction(0)) + paid
    return shares


def _parties(key: AllocationKey, plan: Plan | None) -> list[str]:
    if key.method is KeyMethod.EQUAL:
        return list(key.parties)
    if key.method is KeyMethod.PROPORTIONAL:
        return list(key.weights)
    if key.method is KeyMethod.POPULATION:
        return list(_population(key, plan))
    if key.method is KeyMethod.FIXED:
        return list(key.amounts)
    if key.method is KeyMethod.PERCENTAGE:
        return list(_percentages(key, plan))
    if key.method is KeyMethod.FLOOR and key.rest is not None:
        return _parties(_key_of(key.rest, plan), plan)
    return list(
        dict.fromkeys(p for part in key.parts for p in _parties(_key_of(part.key, plan), plan))
    )


def key_problems(plan: Plan) -> dict[str, str]:
    """What keeps each of the plan's keys from splitting (see :func:`key_problem`), in time
    linear in the keys: what a key refers to is looked at once."""
    graph: dict[str, tuple[int, int] | str] = {}
    checked: dict[str, str | None] = {}
    out: dict[str, str] = {}
    for key in plan.allocation_keys:
        problem = _graph_problem(key, plan, graph)
        if problem is None:
            try:
                _check_key(key, plan, (), checked)
            except AllocationError as exc:
                problem = str(exc)
        if problem is not None:
            out.setdefault(key.id, problem)
    return out


def key_problem(key: AllocationKey, plan: Plan | None) -> str | None:
    """What keeps ``key`` from splitting any total, or ``None`` when it can split one.

    Checks what a key needs whatever the total: its references resolve (population figures,
    grants, other keys, without a circle), its weights can share, a combined key's shares make
    the whole.
    """
    problem = _graph_problem(key, plan) if plan is not None else None
    if problem is not None:
        return problem
    try:
        _check_key(key, plan, ())
    except AllocationError as exc:
        return str(exc)
    return None


def _check_key(
    key: AllocationKey,
    plan: Plan | None,
    seen: tuple[str, ...],
    checked: dict[str, str | None] | None = None,
) -> None:
    """Raise what keeps ``key`` from splitting; ``checked`` keeps what keys of the same plan
    were found to have (``None``: nothing), so that each is looked at once."""
    if checked is not None and key.id in checked:
        found = checked[key.id]
        if found is not None:
            raise AllocationError(found)
        return
    try:
        _check_one(key, plan, seen, checked)
    except AllocationError as exc:
        if checked is not None:
            checked[key.id] = str(exc)
        raise
    if checked is not None:
        checked[key.id] = None


def _check_one(
    key: AllocationKey,
    plan: Plan | None,
    seen: tuple[str, ...],
    checked: dict[str, str | None] | None,
) -> None:
    if key.id in seen:
        raise AllocationError(f"the key {key.id!r} refers to itself through {' → '.join(seen)}")
    seen = (*seen, key.id)
    method = key.method
    if method is KeyMethod.PROPORTIONAL:
        _proportional(Fraction(1), {p: Fraction(w) for p, w in key.weights.items()}, "proportional")
    elif method is KeyMethod.POPULATION:
        _proportional(Fraction(1), _population(key, plan), "population")
    elif method is KeyMethod.EQUAL and not key.parties:
        raise AllocationError(f"the equal key {key.id!r} names no parties")
    elif method is KeyMethod.FIXED and not key.amounts:
        raise AllocationError(f"the fixed key {key.id!r} names no amounts")
    elif method is KeyMethod.PERCENTAGE:
        _percentages(key, plan)
    elif method is KeyMethod.FLOOR:
        if key.floor is None or key.rest is None:
            raise AllocationError(f"the floor key {key.id!r} needs a floor and a rest key")
        _check_key(_key_of(key.rest, plan), plan, seen, checked)
    elif method is KeyMethod.COMBINED:
        if not key.parts:
            raise AllocationError(f"the combined key {key.id!r} has no parts")
        for part in key.parts:
            if (part.share is None) == (part.amount is None):
                raise AllocationError(f"each part of {key.id!r} has a share or an amount, not both")
            _check_key(_key_of(part.key, plan), plan, seen, checked)
        if all(part.share is not None for part in key.parts):
            whole = sum((Fraction(p.share) for p in key.parts if p.share is not None), Fraction(0))
            if whole != 1:
                raise AllocationError(
                    f"the shares of the parts of {key.id!r} add up to {_show(whole)}, not 1"
                )


def _round(value: Fraction, rounding: Rounding) -> int:
    if rounding is Rounding.HALF_UP:
        return math.floor(value + Fraction(1, 2))
    if rounding is Rounding.HALF_EVEN:
        return round(value)
    if rounding is Rounding.UP:
        return math.ceil(value)
    return math.floor(value) if value >= 0 else math.ceil(value)  # down: towards zero


@exact
def allocate(
    total: Decimal | int | str | None,
    key: AllocationKey | Mapping[str, Decimal | int],
    *,
    unit: Decimal | int | str = 1,
    rounding: Rounding | str = Rounding.LARGEST_REMAINDER,
    plan: Plan | None = None,
) -> Allocation:
    """Split ``total`` by ``key`` exactly, rounded to ``unit`` by ``rounding``.

    ``key`` is an :class:`~uphmodel.AllocationKey` or, for a quick proportional split, a mapping
    of party to weight. ``plan`` is needed when the key refers to the plan's population figures,
    grants or other keys. ``total`` may be ``None`` for fixed and percentage keys, which give
    their own. Raises :class:`AllocationError` when the key cannot split the total.

    >>> a = allocate(1000, {"region": 1, "kommunerna": 2})
    >>> a.amounts(), a.residual
    ({'region': Decimal('333'), 'kommunerna': Decimal('667')}, Decimal('0'))
    >>> allocate(1000, {"region": 1, "kommunerna": 2}, rounding="down").residual
    Decimal('1')
    """
    if isinstance(key, Mapping):
        key = AllocationKey(
            id="key",
            method=KeyMethod.PROPORTIONAL,
            weights={p: Decimal(w) for p, w in key.items()},
        )
    step = Decimal(unit)
    if not step.is_finite() or step <= 0:
        raise AllocationError(f"the unit must be a positive amount, not {unit}")
    policy = Rounding(rounding)
    given = None if total is None else Fraction(Decimal(total))
    problem = _graph_problem(key, plan) if plan is not None else None  # else: "pass the plan"
    if problem is not None:
        raise AllocationError(problem)
    whole, exact = _exact(given, key, plan)
    fstep = Fraction(step)
    units = {party: share / fstep for party, share in exact.items()}
    if policy is Rounding.LARGEST_REMAINDER:
        left = whole / fstep
        if left.denominator != 1:
            raise AllocationError(
                f"the total {Decimal(whole.numerator) / whole.denominator} is not a whole number "
                f"of the unit {step}; round it first or choose a smaller unit"
            )
        floors = {party: math.floor(u) for party, u in units.items()}
        extra = int(left) - sum(floors.values())
        order = sorted(units, key=lambda p: (-(units[p] - floors[p]), -units[p], p))
        for party in order[:extra]:
            floors[party] += 1
        counts = floors
    else:
        counts = {party: _round(u, policy) for party, u in units.items()}
    shares = tuple(
        Share(party=party, exact=exact[party], amount=Decimal(counts[party]) * step)
        for party in exact
    )
    total_decimal = Decimal(whole.numerator) / Decimal(whole.denominator)
    return Allocation(total=total_decimal, unit=step, rounding=policy, shares=shares)


# --------------------------------------------------------------------------------------------
# The life of a grant


@attrs.frozen
class MoneyRow:
    """Money of one group (an intervention area, a focus area, a recipient, a year).

    Attributes:
        group: the group's value (a section id, a focus-area code, a stakeholder id, a year);
            ``None`` for money not assigned to any.
        granted: what was granted to the plan's parties (grants that are not a share of
            another of theirs).
        allocated: what of it was shared out to recipients (the shares' amounts, once: a share
            of a share is within its share).
        earmarked: what of it was earmarked for a theme (shares without a recipient), within
            what was granted, never added to it.
        spent: used for activities carried out.
        committed: bound to activities that have started.
        carried_over: moved to the next year.
        at_risk: at risk of being paid back.
        repaid: paid back.
        unstated: how many amounts of the group the plan does not state (not counted above).
    """

    group: str | None
    granted: Decimal = Decimal(0)
    allocated: Decimal = Decimal(0)
    earmarked: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    committed: Decimal = Decimal(0)
    carried_over: Decimal = Decimal(0)
    at_risk: Decimal = Decimal(0)
    repaid: Decimal = Decimal(0)
    unstated: int = 0

    @property
    @exact
    def used(self) -> Decimal:
        """Spent and committed."""
        return self.spent + self.committed

    @property
    @exact
    def left(self) -> Decimal:
        """Granted and not used."""
        return self.granted - self.used


_USE_FIELDS = {
    UseKind.SPENT: "spent",
    UseKind.COMMITTED: "committed",
    UseKind.CARRIED_OVER: "carried_over",
    UseKind.AT_RISK: "at_risk",
    UseKind.REPAID: "repaid",
}


def parties_of(plan: Plan) -> set[str]:
    """The plan's own parties: its owners, their units and members, the groups they form."""
    ours = set(plan.owners)
    changed = True
    while changed:
        changed = False
        for s in plan.stakeholders:
            inside = s.part_of in ours or any(m in ours for m in s.member_of)
            holds = any(
                o.id in ours and (s.id in o.member_of or o.part_of == s.id)
                for o in plan.stakeholders
            )
            if s.id not in ours and (inside or holds):
                ours.add(s.id)
                changed = True
    return ours


def is_ours(
    grant: Grant,
    grants: Mapping[str, Grant],
    ours: set[str],
    memo: dict[str, bool] | None = None,
) -> bool:
    """Whether a grant is money of the plan's parties: its recipient is one of them, or, without
    a recipient (an earmark), the grant it is part of is theirs (or there is none). A circle of
    shares without a recipient is theirs. ``memo`` keeps answers between calls."""
    memo = {} if memo is None else memo
    chain: list[str] = []
    on_chain: set[str] = set()
    answer = True
    current: Grant | None = grant
    while current is not None:
        if current.id in memo:
            answer = memo[current.id]
            break
        if current.recipient is not None:
            answer = current.recipient in ours
            chain.append(current.id)
            break
        if current.id in on_chain:  # a circle of earmarks
            break
        chain.append(current.id)
        on_chain.add(current.id)
        current = grants.get(current.part_of) if current.part_of else None
    for gid in chain:
        memo[gid] = answer
    return answer


@exact
def money_summary(plan: Plan, *, by: str = "section") -> tuple[MoneyRow, ...]:
    """What became of the plan's grants, summed by ``by``.

    ``by`` is ``"section"`` (intervention area), ``"focus_area"``, ``"recipient"`` or
    ``"year"``. Every amount counts once. A grant to the plan's parties that is not a share of
    another of theirs is ``granted``; a share of it to a recipient is ``allocated``, a share
    without a recipient is ``earmarked`` (both within what was granted, never added to it), and a
    share of a share is within its share. A grant to others — the state's money to every
    region and municipality, say — is context, not the plan's money: only its shares to the
    plan's parties count, as granted. A share counts towards its grant's group unless it names
    its own. What became of a grant (its ``uses``) is counted once. By recipient, a share is
    ``granted`` to its recipient and ``allocated`` by the recipient of the grant it is a share
    of. Amounts the plan does not state are counted in ``unstated``, not as 0.

    >>> import uphmodel
    >>> rows = uphmodel.money_summary(uphmodel.examples.load("norrbotten-2021-funds"))
    >>> [(r.group, str(r.granted), str(r.at_risk)) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('io-ungdomsmottagningarna', '3311612', '0'), ('io-samverkan', '7285175', '3269837'),
     ('io-brukarmedverkan', '1000000', '0'), ('io-suicidprevention', '4810896', '2105448')]
    """
    if by not in ("section", "focus_area", "recipient", "year"):
        raise ValueError(f"by must be section, focus_area, recipient or year, not {by!r}")
    grants = {g.id: g for g in plan.grants}
    section_focus = {s.id: s.focus_areas for s in plan.sections}
    ours = parties_of(plan)

    known: dict[str, bool] = {}

    def counted(grant: Grant) -> bool:
        return is_ours(grant, grants, ours, known)

    def parent_of(grant: Grant) -> Grant | None:
        parent = grants.get(grant.part_of) if grant.part_of else None
        return parent if parent is not None and counted(parent) else None

    def own_groups(grant: Grant) -> tuple[str | None, ...] | None:
        """The grant's own groups, or None when it takes those of the grant it is part of."""
        if by == "recipient":
            if grant.recipient is None and parent_of(grant) is not None:
                return None  # an earmark belongs to its grant's recipient
            return (grant.recipient,)
        if by == "year":
            first = grant.period.first_day if grant.period else None
            return (str(first.year) if first else None,)
        own: tuple[str, ...]
        if by == "section":
            own = grant.sections
        else:
            own = grant.focus_areas or tuple(
                dict.fromkeys(c for s in grant.sections for c in section_focus.get(s, ()))
            )
        return own or (None if parent_of(grant) is not None else (None,))

    found: dict[str, tuple[str | None, ...]] = {}

    def groups(grant: Grant) -> tuple[str | None, ...]:
        """Up the shares until a grant names its groups (a circle of shares names none)."""
        chain: list[str] = []
        seen: set[str] = set()
        current: Grant | None = grant
        result: tuple[str | None, ...] = (None,)
        while current is not None and current.id not in seen:
            if current.id in found:
                result = found[current.id]
                break
            own = own_groups(current)
            chain.append(current.id)
            seen.add(current.id)
            if own is not None:
                result = own
                break
            current = parent_of(current)
        for gid in chain:
            found[gid] = result
        return result

    rows: dict[str | None, dict[str, Any]] = {}

    def add(group: str | None, field: str, amount: Decimal | None) -> None:
        row = rows.setdefault(group, {})
        if amount is None:
            row["unstated"] = row.get("unstated", 0) + 1
        else:
            row[field] = row.get(field, Decimal(0)) + amount

    for grant in plan.grants:
        if not counted(grant):
            continue  # context: money of others
        parent = parent_of(grant)
        field = _column(grant, parent, parent_of)
        if by == "recipient":  # each party's own view: what it got, passed on, earmarked
            if parent is None or grant.recipient is not None:
                add(grant.recipient, "granted", grant.amount)
            if parent is not None:
                passed = "allocated" if grant.recipient is not None else "earmarked"
                add(groups(parent)[0], passed, grant.amount)
        for group in groups(grant):
            if by != "recipient" and field is not None:
                add(group, field, grant.amount)
            for use in grant.uses:
                add(group, _USE_FIELDS[use.kind], use.amount)
    return tuple(MoneyRow(group, **values) for group, values in rows.items())


def _column(
    grant: Grant, parent: Grant | None, parent_of: Callable[[Grant], Grant | None]
) -> str | None:
    """Where a grant's amount counts: granted, allocated, earmarked, or nowhere (within its
    share already)."""
    if parent is None:
        return "granted"
    if parent_of(parent) is not None:
        return None  # a share of a share: within its share
    return "allocated" if grant.recipient is not None else "earmarked"
