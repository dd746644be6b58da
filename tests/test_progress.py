"""Indicator progress: statuses judged by direction, targets resolved, reasons given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pandas as pd
import pytest
from hypothesis import given

import uphmodel
from uphmodel import (
    Direction,
    FrozenMap,
    Indicator,
    Observation,
    Period,
    Plan,
    PlanKind,
    ProgressStatus,
    Qualifier,
    Target,
    Trend,
    progress,
    progress_table,
)
from uphmodel.strategies import plans


def obs(period: str, value: object, **kw: object) -> Observation:
    return Observation(period=Period.parse(period), value=value, **kw)  # type: ignore[arg-type]


def target(period: str | None, value: object = None, **kw: object) -> Target:
    return Target(period=Period.parse(period) if period else None, value=value, **kw)  # type: ignore[arg-type]


def one(indicator: Indicator, **kw: object) -> uphmodel.IndicatorProgress:
    (found,) = progress([indicator], **kw)  # type: ignore[arg-type]
    return found


SUICIDES = Indicator(
    id="suicid", name="Suicid per 100 000", unit="per 100 000", direction=Direction.LOWER_IS_BETTER
)


def suicides(**changes: object) -> Indicator:
    return attrs.evolve(SUICIDES, **changes)


def test_lower_is_better_on_the_line_to_the_target_is_on_track() -> None:
    base = suicides(baselines=(obs("2015", Decimal(20)),), targets=(target("2025", Decimal(10)),))
    # the line from 20 (end of 2015) to 10 (end of 2025) is at 15 at the end of 2020
    on = one(attrs.evolve(base, observations=(obs("2019", Decimal(17)), obs("2020", Decimal(14)))))
    assert on.status is ProgressStatus.ON_TRACK
    assert on.gap == Decimal(4) and on.target_value == Decimal(10)
    assert on.trend is Trend.IMPROVING and on.change_per_year == Decimal("-3.0000")
    off = one(attrs.evolve(base, observations=(obs("2020", Decimal(16)),)))
    assert off.status is ProgressStatus.OFF_TRACK and off.gap == Decimal(6)
    worse = one(
        attrs.evolve(base, observations=(obs("2019", Decimal(14)), obs("2020", Decimal(19))))
    )
    assert worse.trend is Trend.WORSENING


def test_achieved_and_a_passed_date() -> None:
    base = suicides(targets=(target("2020", Decimal(10)),))
    done = one(attrs.evolve(base, observations=(obs("2019", Decimal("9.5")),)))
    assert done.status is ProgressStatus.ACHIEVED and done.gap == Decimal("-0.5")
    late = one(attrs.evolve(base, observations=(obs("2021", Decimal(12)),)))
    assert late.status is ProgressStatus.OFF_TRACK
    assert late.reason == "the target's date (2020) has passed"
    # the date has passed at the date asked about, even without a newer value
    asked = one(
        attrs.evolve(base, observations=(obs("2018", Decimal(12)), obs("2017", Decimal(15)))),
        at=2022,
    )
    assert asked.status is ProgressStatus.OFF_TRACK


def test_a_target_relative_to_the_baseline_is_resolved_or_says_why_not() -> None:
    halve = target("2025", of_baseline=Decimal("0.5"))
    resolved = one(
        suicides(
            baselines=(obs("2017", Decimal("16.40")),),
            targets=(halve,),
            observations=(obs("2020", Decimal(13)),),
        )
    )
    assert resolved.target_value == Decimal("8.200") and resolved.gap == Decimal("4.800")
    missing = one(suicides(targets=(halve,), observations=(obs("2020", Decimal(13)),)))
    assert missing.status is ProgressStatus.NO_TARGET
    assert missing.reason == "the target is 0.5 × the baseline, and the plan states no baseline"
    undated = one(suicides(baselines=(Observation(value=Decimal(16)),), targets=(halve,)))
    assert undated.reason == "the target is 0.5 × the baseline, and the baseline has no date"
    no_figure = one(suicides(baselines=(obs("2017", None, comment="saknas"),), targets=(halve,)))
    assert no_figure.reason == "the target is 0.5 × the baseline, and the plan states no baseline"


def test_the_jamtland_halving_target_has_no_baseline() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    found = {p.indicator: p for p in progress(plan)}
    assert found["bu-suicid-halvera.i1"].status is ProgressStatus.NO_TARGET
    assert "states no baseline" in (found["bu-suicid-halvera.i1"].reason or "")
    assert found["bu-nollvision.i1"].status is ProgressStatus.NO_DATA


def test_no_observations_no_target_and_values_only_by_breakdown() -> None:
    assert one(suicides(targets=(target("2025", 0),))).status is (ProgressStatus.NO_DATA)
    assert one(suicides(observations=(obs("2020", Decimal(3)),))).status is (
        ProgressStatus.NO_TARGET
    )
    parts = progress(
        [
            suicides(
                dimensions=("sex",),
                targets=(target("2025", 0),),
                observations=(obs("2020", 3, breakdown={"sex": "kvinnor"}),),
            )
        ]
    )
    assert [p.status for p in parts] == [ProgressStatus.NO_DATA, ProgressStatus.UNKNOWN]
    assert parts[1].reason == "one value and no baseline: no line to the target to judge by"
    assert parts[0].reason == "values only by breakdown, none for the whole"


def test_breakdowns_by_sex_are_judged_each_with_their_own_target_or_the_whole() -> None:
    sex = lambda s: FrozenMap({"sex": s})  # noqa: E731
    indicator = Indicator(
        id="andel",
        name="Andel som mår bra",
        unit="%",
        direction=Direction.HIGHER_IS_BETTER,
        dimensions=("sex",),
        targets=(target("2025", Decimal(80)), target("2025", Decimal(85), breakdown=sex("pojkar"))),
        observations=(
            obs("2018", Decimal(70), breakdown=sex("flickor")),
            obs("2022", Decimal(82), breakdown=sex("flickor")),
            obs("2018", Decimal(84), breakdown=sex("pojkar")),
            obs("2022", Decimal(83), breakdown=sex("pojkar")),
            obs("2022", Decimal("82.5")),
        ),
    )
    found = {tuple(p.breakdown.items()): p for p in progress([indicator])}
    assert found[()].status is ProgressStatus.ACHIEVED
    girls, boys = found[(("sex", "flickor"),)], found[(("sex", "pojkar"),)]
    assert girls.status is ProgressStatus.ACHIEVED and girls.target_value == Decimal(80)
    assert boys.target_value == Decimal(85) and boys.status is ProgressStatus.OFF_TRACK
    assert boys.trend is Trend.WORSENING


def test_at_takes_only_what_was_known() -> None:
    indicator = suicides(
        targets=(target("2030", Decimal(5)),),
        observations=(obs("2016", Decimal(20)), obs("2018", Decimal(15)), obs("2024", Decimal(4))),
    )
    assert one(indicator).status is ProgressStatus.ACHIEVED
    then = one(indicator, at=2018)
    assert then.latest is not None and then.latest.value == Decimal(15)
    assert then.status is ProgressStatus.ON_TRACK
    assert one(indicator, at=dt.date(2017, 6, 1)).status is ProgressStatus.UNKNOWN
    assert one(indicator, at="2015").status is ProgressStatus.NO_DATA
    with pytest.raises(ValueError, match="closed period"):
        progress([indicator], at="2015/")


def test_the_direction_is_told_by_the_target_or_is_unknown() -> None:
    plain = Indicator(
        id="x", name="x", observations=(obs("2018", Decimal(30)), obs("2019", Decimal(25)))
    )
    lower = one(
        attrs.evolve(
            plain, baselines=(obs("2017", Decimal(40)),), targets=(target("2025", Decimal(10)),)
        )
    )
    assert lower.direction is Direction.LOWER_IS_BETTER and lower.direction_inferred
    assert lower.trend is Trend.IMPROVING
    at_least = one(
        attrs.evolve(plain, targets=(target("2025", Decimal(50), qualifier=Qualifier.AT_LEAST),))
    )
    assert at_least.direction is Direction.HIGHER_IS_BETTER
    assert at_least.status is ProgressStatus.OFF_TRACK  # falling, the line rises
    unknown = one(attrs.evolve(plain, targets=(target("2025", Decimal(30)),)))
    assert unknown.direction is None and unknown.status is ProgressStatus.UNKNOWN
    assert unknown.trend is Trend.FALLING


def test_yes_no_and_ranges() -> None:
    yes = Indicator(id="plan", name="Handlingsplan antagen", targets=(target("2025", True),))
    assert one(attrs.evolve(yes, observations=(obs("2020", True),))).status is (
        ProgressStatus.ACHIEVED
    )
    not_yet = one(attrs.evolve(yes, observations=(obs("2020", False),)))
    assert not_yet.status is ProgressStatus.UNKNOWN and not_yet.gap is None
    ranged = Indicator(
        id="r",
        name="r",
        direction=Direction.ON_TARGET,
        targets=(target("2025", Decimal(10), upper=Decimal(15)),),
    )
    inside = one(attrs.evolve(ranged, observations=(obs("2020", Decimal(12)),)))
    assert inside.status is ProgressStatus.ACHIEVED and inside.gap == 0
    above = one(attrs.evolve(ranged, observations=(obs("2020", Decimal(17)),)))
    assert above.gap == Decimal(2)


def test_the_table_is_a_plain_table_a_frame_can_filter() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    table = progress_table(plan)
    assert table.name == "progress" and table.columns[0] == "indicator"
    assert len(table) == len(progress(plan))
    frame = pd.DataFrame(table.records())
    judged = frame[frame["status"] == "on_track"]
    assert judged["indicator"].tolist() == ["bu-forsta-linjen.r1"]
    assert isinstance(judged["latest_value"].iloc[0], Decimal)


@given(plans(max_items=4))
def test_statuses_agree_with_the_figures_for_any_plan(plan: Plan) -> None:
    for found in progress(plan):
        assert (found.status is ProgressStatus.NO_TARGET) == (found.target_value is None)
        if found.status is ProgressStatus.NO_DATA:
            assert found.latest is None
        if found.status in (
            ProgressStatus.ON_TRACK,
            ProgressStatus.OFF_TRACK,
            ProgressStatus.ACHIEVED,
        ):
            assert found.latest is not None and found.target_value is not None
        if found.status is ProgressStatus.ACHIEVED and found.gap is not None:
            assert found.gap <= 0 or (found.target is not None and found.target.qualifier)
        if found.status in (ProgressStatus.ON_TRACK, ProgressStatus.OFF_TRACK) and not (
            found.reason
        ):
            assert found.direction is not None
        assert repr(found).startswith("<IndicatorProgress ")
    assert len(progress_table(plan)) >= len(plan.indicators)


def test_a_plan_is_not_needed_only_indicators() -> None:
    assert progress(Plan(id="p", title="t", kind=PlanKind.OTHER)) == []
