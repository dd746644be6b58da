"""Notebook manners: short reprs, HTML views and navigation by id."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

import uphmodel
from uphmodel import Activity, Goal, Indicator, Plan, Responsibility, Stakeholder, strategies


@pytest.fixture(scope="module")
def plan() -> Plan:
    return uphmodel.examples.load("jamtland-harjedalen-2018")


def test_the_repr_of_a_whole_plan_is_one_short_line(plan: Plan) -> None:
    text = repr(plan)
    assert len(text) < 500
    assert "\n" not in text
    assert text.startswith("Plan(id='jamtland-harjedalen-2018', title='Handlingsplan")
    # lists of records are counted, not shown
    assert f"{len(plan.goals)} goals" in text
    assert f"{len(plan.activities)} activities" in text
    assert "Goal(" not in text


def test_a_record_repr_names_its_id_and_cuts_long_texts(plan: Plan) -> None:
    goal = plan.goals[0]
    text = repr(goal)
    assert text.startswith(f"Goal(id={goal.id!r}, text=")
    assert "…" in text and goal.text not in text  # the goal's text is longer than is shown
    assert "horizon='long_term'" in text  # enums by their value, not Horizon.LONG_TERM
    assert repr(Goal(id="g", text="Kort")) == "Goal(id='g', text='Kort')"  # defaults not shown


def test_a_repr_never_shows_personal_data() -> None:
    contact = uphmodel.ContactPoint(
        id="c1", role="Samordnare", organisation="region-x", name="Anna A", email="anna@x.se"
    )
    assert "Anna" not in repr(contact)
    assert "Samordnare" in repr(contact)


@settings(max_examples=30, deadline=None)
@given(strategies.plans())
def test_every_generated_plan_has_a_short_repr(generated: Plan) -> None:
    # a plan of any size: the repr grows with the number of kinds of items, not their count
    assert len(repr(generated)) < 1200
    for goal in generated.goals:
        assert len(repr(goal)) < 600


def test_html_views_escape_what_the_plan_says(plan: Plan) -> None:
    tricky = attrs.evolve(plan, title="<script>alert('x')</script> & co")
    page = tricky._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "&amp; co" in page
    assert "<td>goals</td><td>36</td>" in page

    report = uphmodel.check(tricky)
    assert repr(report) == f"Report(profile='final', {report.summary()})"
    view = report._repr_html_()
    assert view.count("<tr>") == len(report.findings) + 1  # one row per finding and the heading
    assert report.findings[0].rule in view

    changed = attrs.evolve(tricky, goals=tricky.goals[1:])
    difference = uphmodel.diff(tricky, changed)
    assert repr(difference).endswith(f"{len(difference.changes)} change)")
    assert "<td>removed</td>" in difference._repr_html_()


def test_tables_show_their_first_rows_and_say_how_many_more(plan: Plan) -> None:
    table = uphmodel.progress_table(plan)
    assert repr(table) == f"Table('progress', {len(table.columns)} columns, {len(table.rows)} rows)"
    view = table._repr_html_()
    assert view.count("<tr>") == 51  # the heading and 50 rows
    assert f"… {len(table.rows) - 50} more rows" in view


def test_get_finds_any_record_by_id(plan: Plan) -> None:
    assert plan.get("bu-risk") is plan.goals[0]
    assert isinstance(plan.get("bu-risk.a1"), Activity)
    assert isinstance(plan.get("bu-risk.i1"), Indicator)
    assert isinstance(plan.get("region-jh"), Stakeholder)
    assert plan.get("no-such-id") is None
    assert plan.get("no-such-id", "absent") == "absent"


def test_goals_activities_and_indicators_of_each_other(plan: Plan) -> None:
    activity = plan.get("bu-risk.a1")
    assert plan.goals_of(activity) == plan.goals_of("bu-risk.a1") == (plan.get("bu-risk"),)
    served = plan.activities_of("bu-risk")
    assert served and all("bu-risk" in a.goals for a in served)
    assert activity in served
    # order is the plan's
    assert list(served) == [a for a in plan.activities if a in served]
    # the goal's own indicators, and the one its follow-up reports on
    assert [i.id for i in plan.indicators_of("bu-risk")] == [
        *plan.get("bu-risk").indicators, "bu-risk.r1",
    ]  # fmt: skip


def test_the_goals_an_indicator_follows_up_and_back(plan: Plan) -> None:
    # named by the goal itself
    assert [g.id for g in plan.goals_of("bu-risk.i1")] == ["bu-risk"]
    # named only by the follow-up of the goal (the results of 2018)
    assert [g.id for g in plan.goals_of("bu-forsta-linjen.r1")] == ["bu-forsta-linjen"]
    assert "bu-forsta-linjen.r1" in [i.id for i in plan.indicators_of("bu-forsta-linjen")]
    # named by an activity: the activity's goals
    plan2 = attrs.evolve(
        plan,
        activities=(attrs.evolve(plan.activities[0], indicators=("bu-forsta-linjen.r1",)),
                    *plan.activities[1:]),
    )  # fmt: skip
    assert [g.id for g in plan2.goals_of("bu-forsta-linjen.r1")] == [
        "bu-risk", "bu-forsta-linjen",
    ]  # fmt: skip


def test_navigation_names_what_it_could_not_find(plan: Plan) -> None:
    with pytest.raises(KeyError, match="'no-such-goal'"):
        plan.activities_of("no-such-goal")
    with pytest.raises(TypeError, match="expected an Activity or Indicator or its id, got Goal"):
        plan.goals_of("bu-risk")  # a goal is not an activity
    with pytest.raises(TypeError, match="expected a Goal or Activity or its id, got Stakeholder"):
        plan.indicators_of("region-jh")
    with pytest.raises(TypeError, match="a Stakeholder has no responsibilities"):
        plan.responsible_for("region-jh")


def test_who_is_responsible_for_what() -> None:
    plan = Plan(
        id="p",
        title="Plan",
        kind=uphmodel.PlanKind.PRINCIPAL_PLAN,
        stakeholders=(
            Stakeholder(id="kommun", name="Kommunen", kind=uphmodel.StakeholderKind.MUNICIPALITY),
        ),
        goals=(
            Goal(
                id="g",
                text="Mål",
                responsibilities=(
                    Responsibility(stakeholder="kommun"),
                    Responsibility(stakeholder="okänd"),
                ),
            ),
        ),
        activities=(
            Activity(
                id="a", text="Aktivitet", responsibilities=(Responsibility(stakeholder="kommun"),)
            ),
        ),
    )
    who = plan.responsible_for("g")
    assert [(s.id if s else None, r.stakeholder) for s, r in who] == [
        ("kommun", "kommun"),
        (None, "okänd"),  # a stakeholder the plan does not name
    ]
    assert plan.responsible_for(plan) == ()
    what = plan.responsibilities_of("kommun")
    assert [item.id for item, _ in what] == ["g", "a"]
    assert plan.responsibilities_of(plan.stakeholders[0]) == what
    assert plan.responsibilities_of("nobody") == ()
