"""Hypothesis strategies that generate valid plans, for this project's tests and for yours.

Generated plans are internally consistent: ids are unique, every reference points at an item of
the plan, goal parents form no cycle, breakdowns only use declared dimensions, and amounts are
exact. Sizes are tunable. The strategy for :class:`uphmodel.Plan` is registered with Hypothesis
through the ``hypothesis`` entry point, so ``st.from_type(Plan)`` works wherever uphmodel is
installed. A plan is a large input: generating one takes about a thousand draws, so tests over
plans suppress Hypothesis' ``too_slow`` and ``data_too_large`` health checks, as below.

>>> from hypothesis import HealthCheck, given, settings
>>> import uphmodel
>>> from uphmodel.strategies import plans
>>> @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow,
...                                          HealthCheck.data_too_large])
... @given(plans(max_items=3))
... def test_round_trip(plan):
...     assert uphmodel.loads(uphmodel.dumps(plan)) == plan
>>> test_round_trip()
"""

from __future__ import annotations

from uphmodel.strategies._frameworks import crosswalks, frameworks
from uphmodel.strategies._plans import plans, revisions
from uphmodel.strategies._values import (
    amounts,
    ids,
    json_values,
    periods,
    spans,
    texts,
    values,
)

__all__ = [
    "amounts",
    "crosswalks",
    "frameworks",
    "ids",
    "json_values",
    "periods",
    "plans",
    "revisions",
    "spans",
    "texts",
    "values",
]
