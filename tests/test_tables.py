"""Plans as tables and back: exact, generated from the model, every problem located."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import uphmodel
from uphmodel import FrozenMap, Goal, LoadError, Plan, PlanKind, Table, from_tables, to_tables
from uphmodel.formats._layout import layout
from uphmodel.strategies import plans

NAMES = uphmodel.examples.names()


def same(plan: Plan) -> bool:
    return uphmodel.dumps(from_tables(to_tables(plan))) == uphmodel.dumps(plan)


@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_through_tables(name: str) -> None:
    assert same(uphmodel.examples.load(name))


@given(plans(max_items=4, extras=True))
def test_generated_plans_round_trip_through_tables(plan: Plan) -> None:
    assert same(plan)


def test_missing_null_empty_and_long_values_stay_apart() -> None:
    goal = Goal(
        id="g1",
        text="",
        description="Rad ett.\nRad två.\n\n  Indragen rad, med ”citat” och 😀.",
        extra=FrozenMap({"x_null": None, "x_list": (), "x_text": "", "x_obj": FrozenMap()}),
    )
    plan = Plan(
        id="p", title="t", kind=PlanKind.OTHER, goals=(goal,),
        grants=(uphmodel.Grant(id="g", purpose="x",
                               amount=Decimal("123456789012345678.901234567890")),),
    )  # fmt: skip
    tables = to_tables(plan)
    row = tables["goals"].rows[0]
    assert row["text"] == "" and "number" not in row
    assert row["_extra"] == FrozenMap(
        {"x_null": None, "x_list": (), "x_text": "", "x_obj": FrozenMap()}
    )
    assert str(tables["grants"].rows[0]["amount"]) == "123456789012345678.901234567890"
    assert same(plan)


def test_tables_are_generated_from_the_model() -> None:
    tables = to_tables(uphmodel.examples.load("jamtland-harjedalen-2018"))
    assert set(tables) == set(layout())
    goals = tables["goals"]
    assert goals.columns[:4] == ("id", "text", "number", "horizon")
    assert {"timeline", "timeline/text", "timeline/period", "provenance/page"} <= set(goals.columns)
    observations = tables["observations"]
    assert observations.columns[:3] == ("_parent", "_field", "_index")
    assert {r["_field"] for r in observations} == {"baselines", "observations"}
    first = observations.rows[0]
    assert first["_parent"] in {r["id"] for r in tables["indicators"]}
    # every field of every record is a column, or the list of a child table
    specs = layout()
    for spec in specs.values():
        covered = {c.path[0] for c in spec.columns if c.path}
        covered |= {p.within[0] for s in specs.values() for p in s.places if p.table == spec.name}
        assert covered == {f.name for f in attrs.fields(spec.record)}, spec.name
    assert tables["goals"].records()[0]["id"] == tables["goals"].rows[0]["id"]
    assert isinstance(tables["goals"], Table) and len(tables["goals"]) == 36


def test_edited_tables_keep_children_with_their_parents() -> None:
    plan = uphmodel.examples.load("norrbotten-2021")
    tables = to_tables(plan)
    activities = tables["activities"]
    reordered = dict(tables, activities=attrs.evolve(activities, rows=activities.rows[::-1]))
    again = from_tables(reordered)
    assert [a.id for a in again.activities] == [a.id for a in plan.activities][::-1]
    by_id = {a.id: a for a in again.activities}
    for activity in plan.activities:
        assert by_id[activity.id].responsibilities == activity.responsibilities


def _broken() -> dict[str, Table]:
    tables = to_tables(uphmodel.examples.load("norrbotten-2021"))
    goals_free = dict(tables)
    rows = [dict(r) for r in tables["activities"].rows]
    rows[2]["timeline/period"] = "hösten"
    rows[4]["status"] = "klar"
    responsibilities = [dict(r) for r in tables["responsibilities"].rows]
    responsibilities[0]["_parent"] = "no-such-activity"
    responsibilities[1]["_field"] = "goals"
    goals_free["activities"] = attrs.evolve(tables["activities"], rows=tuple(map(FrozenMap, rows)))
    goals_free["responsibilities"] = attrs.evolve(
        tables["responsibilities"], rows=tuple(map(FrozenMap, responsibilities))
    )
    goals_free["notes"] = Table("notes", ("text",), (FrozenMap({"text": "x"}),))
    return goals_free


def test_broken_tables_report_every_problem_with_its_row_and_column() -> None:
    with pytest.raises(LoadError) as info:
        from_tables(_broken())
    found = sorted(str(p) for p in info.value.problems)
    assert found == sorted([
        "notes row 1: there is no table 'notes' in a plan",
        "responsibilities row 1, column _parent: _parent 'no-such-activity' is no record of "
        "the plan",
        "responsibilities row 2, column _field: _field 'goals': the parent takes these in "
        "responsibilities",
        "activities row 3, column timeline/period (/activities/2/timeline/period): 'hösten' is "
        "not a period: expected e.g. 2021, 2021S2, 2021Q3, 2021-10, 2021W41, 2021-10-05, "
        "2024HT, 2023T2 or 2022MP",
        "activities row 5, column status (/activities/4/status): expected one of 'planned', "
        "'started', 'paused', 'waiting_for_decision', 'done', 'cancelled', got the text 'klar'",
    ])  # fmt: skip


def test_a_plan_table_needs_one_row() -> None:
    tables = dict(to_tables(uphmodel.examples.load("norrbotten-2021")))
    tables["plan"] = attrs.evolve(tables["plan"], rows=())
    with pytest.raises(LoadError, match="the table 'plan' has 0 rows, not 1"):
        from_tables(tables)
    with pytest.raises(TypeError, match=r"to_tables\(\) takes a Plan"):
        to_tables({"id": "p"})  # type: ignore[arg-type]


def test_an_unknown_field_called_id_is_no_key() -> None:
    observation = uphmodel.Observation(
        period=uphmodel.Period.parse("2020"), value=Decimal(1),
        extra=FrozenMap({"id": FrozenMap({"x": 1})}),
    )  # fmt: skip
    indicator = uphmodel.Indicator(id="i1", name="n", observations=(observation,),
                                   extra=FrozenMap({"x": 2}))  # fmt: skip
    goal = Goal(id="g1", text="t", extra=FrozenMap({"id_old": "g0"}))
    plan = Plan(id="p", title="t", kind=PlanKind.OTHER, indicators=(indicator,), goals=(goal,))
    assert same(plan)
    rows = to_tables(plan)["observations"].rows
    assert rows[0]["_parent"] == "i1"
    tables = dict(to_tables(plan))
    tables["observations"] = Table("observations", (), ({**rows[0], "_parent": ("i1",)},))
    with pytest.raises(LoadError, match="no record of the plan"):
        from_tables(tables)
