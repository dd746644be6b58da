"""Property tests over generated plans: canonical JSON is a faithful, deterministic round trip."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import uphmodel
from uphmodel import Plan
from uphmodel.strategies import plans


@given(plans())
def test_loads_dumps_round_trip(plan: Plan) -> None:
    assert uphmodel.loads(uphmodel.dumps(plan)) == plan


@given(plans())
def test_dumps_is_deterministic_and_canonical(plan: Plan) -> None:
    text = uphmodel.dumps(plan)
    assert uphmodel.dumps(plan) == text
    assert uphmodel.dumps(uphmodel.loads(text)) == text
    assert not any(isinstance(v, float) for v in _leaves(json.loads(text, parse_float=Decimal)))


@given(plans(max_items=4, extras=True))
def test_unknown_fields_survive_a_round_trip(plan: Plan) -> None:
    text = uphmodel.dumps(plan)
    again = uphmodel.loads(text)
    assert again == plan
    assert again.extra == plan.extra
    for old, new in zip(plan.goals, again.goals, strict=True):
        assert old.extra == new.extra
    assert uphmodel.dumps(again) == text


@given(st.from_type(Plan))
def test_plan_strategy_is_registered_with_hypothesis(plan: Plan) -> None:
    assert isinstance(plan, Plan)
    assert len({g.id for g in plan.goals}) == len(plan.goals)


@given(plans())
def test_generated_plans_are_consistent(plan: Plan) -> None:
    goals = {g.id: g for g in plan.goals}
    ids = [
        item.id for item in (*plan.goals, *plan.activities, *plan.indicators, *plan.stakeholders)
    ]
    assert len(ids) == len(set(ids))
    for goal in plan.goals:
        seen = set()
        current = goal
        while current.parent is not None:  # parents exist and form no cycle
            assert current.parent in goals and current.parent not in seen
            seen.add(current.parent)
            current = goals[current.parent]
    indicators = {i.id: i for i in plan.indicators}
    for item in (*plan.goals, *plan.activities):
        assert set(item.indicators) <= set(indicators)
    for indicator in plan.indicators:
        for obs in (*indicator.observations, *indicator.baselines):
            assert set(obs.breakdown) <= set(indicator.dimensions)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]
