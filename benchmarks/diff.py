"""Benchmark: diffing two large plans costs about as much as reading them, not more.

Run ``python benchmarks/diff.py [ITEMS]``. It builds a plan of ITEMS goals, activities and
indicators (default 3000 each), revises a tenth of them, and prints how long reading both
versions takes, how long diff() and apply() take, and their ratios to reading. The target:
diff/read stays below 1 as ITEMS grows (matching is by id, O(n)); the script prints the ratios
for two sizes so that growth is visible.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal

import attrs

import uphmodel
from uphmodel import Activity, Goal, Indicator, Observation, Period, Plan, PlanKind


def build(n: int) -> Plan:
    goals = tuple(
        Goal(id=f"g{i}", text=f"Mål nummer {i} om psykisk hälsa", indicators=(f"i{i}",))
        for i in range(n)
    )
    activities = tuple(
        Activity(id=f"a{i}", text=f"Aktivitet {i}", goals=(f"g{i}",)) for i in range(n)
    )
    indicators = tuple(
        Indicator(
            id=f"i{i}",
            name=f"Indikator {i}",
            observations=tuple(
                Observation(period=Period.parse(str(2015 + y)), value=Decimal(i + y))
                for y in range(5)
            ),
        )
        for i in range(n)
    )
    return Plan(id="stor", title="Stor plan", kind=PlanKind.JOINT_COUNTY_PLAN, goals=goals,
                activities=activities, indicators=indicators)  # fmt: skip


def revise(plan: Plan) -> Plan:
    goals = tuple(
        attrs.evolve(g, text=g.text + " (reviderat)") if i % 10 == 0 else g
        for i, g in enumerate(plan.goals)
        if i % 37 != 0
    )
    extra = tuple(Goal(id=f"ny{i}", text="Nytt mål") for i in range(len(plan.goals) // 20))
    return attrs.evolve(plan, version="2", goals=goals + extra)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def measure(n: int) -> None:
    old, new = build(n), revise(build(n))
    old_text, new_text = uphmodel.dumps(old), uphmodel.dumps(new)
    (_, t1), (_, t2) = timed(uphmodel.loads, old_text), timed(uphmodel.loads, new_text)
    read = t1 + t2
    changes, t_diff = timed(uphmodel.diff, old, new)
    _, t_apply = timed(uphmodel.apply, old, changes)
    print(
        f"{3 * n:>6} items: read both {read:6.2f}s  "
        f"diff {t_diff:6.2f}s ({t_diff / read:4.2f}× read)"
        f"  apply {t_apply:6.2f}s ({t_apply / read:4.2f}× read)  {len(changes)} changes"
    )


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    for n in (size // 4, size):
        measure(n)
