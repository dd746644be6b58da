"""Finding one's way around a plan by id: what an item refers to, and what refers to it.

The functions behind :meth:`Plan.get`, :meth:`Plan.goals_of`, :meth:`Plan.activities_of`,
:meth:`Plan.indicators_of`, :meth:`Plan.responsible_for` and :meth:`Plan.responsibilities_of`.
An item is given as the record or as its id; what is returned are records, in the plan's order.
An id the plan does not hold raises ``KeyError`` naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from uphmodel._tree import walk
from uphmodel.model._goals import Activity, Goal
from uphmodel.model._indicators import Indicator
from uphmodel.model._stakeholders import Responsibility, Stakeholder

if TYPE_CHECKING:
    from uphmodel.model._plan import Plan

__all__ = [
    "activities_of",
    "find",
    "goals_of",
    "indicators_of",
    "responsibilities_of",
    "responsible_for",
]


def find(plan: Plan, id: str) -> Any | None:
    """The record with this id anywhere in the plan (the first, in document order), or None."""
    for _, record in walk(plan):
        if getattr(record, "id", None) == id and record is not plan:
            return record
    return None


def _item(plan: Plan, item: Any, kind: type | tuple[type, ...]) -> Any:
    if isinstance(item, str):
        found = find(plan, item)
        if found is None:
            raise KeyError(f"the plan {plan.id!r} holds nothing with the id {item!r}")
        item = found
    if not isinstance(item, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        article = "an" if names[0] in "AEIOU" else "a"
        raise TypeError(f"expected {article} {names} or its id, got {type(item).__name__}")
    return item


def _followed_up(plan: Plan) -> list[tuple[str, tuple[str, ...]]]:
    """Each follow-up item's goal and the indicators it reports on."""
    return [(item.goal, item.indicators) for f in plan.follow_ups for item in f.items]


def goals_of(plan: Plan, item: Activity | Indicator | str) -> tuple[Goal, ...]:
    """The goals an activity serves, or the goals an indicator follows up: those that name it,
    those of the activities that name it, and those a follow-up reports on with it."""
    found = _item(plan, item, (Activity, Indicator))
    if isinstance(found, Activity):
        ids = set(found.goals)
    else:
        ids = {g.id for g in plan.goals if found.id in g.indicators}
        ids |= {goal for a in plan.activities if found.id in a.indicators for goal in a.goals}
        ids |= {goal for goal, indicators in _followed_up(plan) if found.id in indicators}
    return tuple(g for g in plan.goals if g.id in ids)


def activities_of(plan: Plan, goal: Goal | str) -> tuple[Activity, ...]:
    """The activities that serve a goal."""
    id = _item(plan, goal, Goal).id
    return tuple(a for a in plan.activities if id in a.goals)


def indicators_of(plan: Plan, item: Goal | Activity | str) -> tuple[Indicator, ...]:
    """The indicators that follow a goal or an activity up: those it names, and for a goal
    those a follow-up reports on for it."""
    found = _item(plan, item, (Goal, Activity))
    ids = set(found.indicators)
    if isinstance(found, Goal):
        ids |= {i for goal, indicators in _followed_up(plan) if goal == found.id
                for i in indicators}  # fmt: skip
    return tuple(i for i in plan.indicators if i.id in ids)


def responsible_for(plan: Plan, item: Any) -> tuple[tuple[Stakeholder | None, Responsibility], ...]:
    """Who is responsible for an item (a goal, an activity, a phase, the plan itself): each
    responsibility with its stakeholder (None where the plan does not name that stakeholder)."""
    record = plan if item is plan else _item(plan, item, object)
    if not hasattr(record, "responsibilities"):
        raise TypeError(f"a {type(record).__name__} has no responsibilities")
    who = {s.id: s for s in plan.stakeholders}
    return tuple((who.get(r.stakeholder), r) for r in record.responsibilities)


def responsibilities_of(
    plan: Plan, stakeholder: Stakeholder | str
) -> tuple[tuple[Any, Responsibility], ...]:
    """What a stakeholder is responsible for: each item with the responsibility."""
    id = stakeholder.id if isinstance(stakeholder, Stakeholder) else stakeholder
    return tuple(
        (record, r)
        for _, record in walk(plan)
        for r in getattr(record, "responsibilities", ())
        if isinstance(r, Responsibility) and r.stakeholder == id
    )
