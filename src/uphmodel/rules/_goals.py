"""Rules about goals and the follow-up of a previous version's goals."""

from __future__ import annotations

from collections.abc import Iterator

from uphmodel.model import (
    Activity,
    Goal,
    GoalFate,
    Horizon,
    Plan,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


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
