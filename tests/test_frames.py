"""Plans as pandas DataFrames: the same tables, exact numbers, dates beside periods."""

from __future__ import annotations

import sys
from decimal import Decimal

import pandas as pd
import pytest

import uphmodel
from uphmodel import to_frames, to_tables

EXAMPLES = [uphmodel.examples.load(name) for name in uphmodel.examples.names()]


def test_frames_hold_the_tables_of_many_plans() -> None:
    frames = to_frames(EXAMPLES)
    for name, frame in frames.items():
        tables = [to_tables(p)[name] for p in EXAMPLES]
        assert len(frame) == sum(len(t) for t in tables), name
        pairs = zip(EXAMPLES, tables, strict=True)
        assert frame["_plan"].tolist() == [p.id for p, t in pairs for _ in t]
        assert set(tables[0].columns) <= set(frame.columns)
    goals = frames["goals"]
    jamtland = goals[goals["_plan"] == "jamtland-harjedalen-2018"]
    assert jamtland["id"].tolist() == [g.id for g in EXAMPLES[0].goals]


def test_numbers_are_exact_unless_floats_are_asked_for() -> None:
    funds = uphmodel.examples.load("norrbotten-2021-funds")
    grants = to_frames(funds)["grants"]
    assert grants["amount"].dtype == object
    assert grants["amount"].tolist() == [g.amount for g in funds.grants]
    assert all(isinstance(a, Decimal) for a in grants["amount"].dropna())
    floats = to_frames(funds, floats=True)["grants"]
    assert str(floats["amount"].dtype) == "Float64"
    assert floats["amount"].sum() == pytest.approx(float(sum(g.amount or 0 for g in funds.grants)))


def test_types_for_analysis() -> None:
    frames = to_frames(uphmodel.examples.load("norrbotten-2021"))
    activities = frames["activities"]
    assert str(activities["timeline/period#start"].dtype) == "datetime64[s]"
    row = activities[activities["timeline/period"] == "2021S2/2022"].iloc[0]
    assert row["timeline/period#start"] == pd.Timestamp("2021-07-01")
    assert row["timeline/period#end"] == pd.Timestamp("2022-12-31")
    open_ended = activities[activities["timeline/period"].str.endswith("/", na=False)]
    assert open_ended["timeline/period#end"].isna().all()
    assert str(frames["responsibilities"]["_index"].dtype) == "Int64"
    assert str(activities["provenance"].dtype) == "boolean"
    focus = activities["focus_areas"].dropna()
    assert all(isinstance(v, list) for v in focus)


def test_frames_need_their_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(uphmodel.MissingExtra, match=r"pip install 'uphmodel\[pandas\]'"):
        to_frames(EXAMPLES[0])


def test_anything_but_plans_is_refused() -> None:
    with pytest.raises(TypeError, match="item 1 is a str, not a Plan"):
        to_frames([EXAMPLES[0], "plan.json"])  # type: ignore[list-item]
