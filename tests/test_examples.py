"""The bundled Jämtland Härjedalen 2018 example holds the published document faithfully."""

from __future__ import annotations

import collections
from decimal import Decimal

import attrs
import pytest

import uphmodel
from uphmodel import GoalFate, Horizon, Plan

from .conftest import ROOT


def test_bundled_names_and_files_agree() -> None:
    names = uphmodel.examples.names()
    assert "jamtland-harjedalen-2018" in names
    for name in names:
        on_disk = (ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8")
        assert uphmodel.examples.text(name) == on_disk


def test_unknown_example_lists_the_known_ones() -> None:
    with pytest.raises(uphmodel.examples.UnknownExample, match="jamtland-harjedalen-2018"):
        uphmodel.examples.load("gotland-2030")
    with pytest.raises(LookupError):
        uphmodel.examples.text("../pyproject")


def test_plan_facts(jamtland: Plan) -> None:
    assert jamtland.diary_number == "RUN/407/2017"
    assert jamtland.county == "23"
    assert str(jamtland.period) == "2018/2020"
    assert (jamtland.version, str(jamtland.date)) == ("1.24", "2018-08-28")
    focus_areas = uphmodel.frameworks.builtin()["focus-areas-2016"]
    assert [fa.code for fa in jamtland.focus_areas] == [c.code for c in focus_areas.codes]
    assert [fa.number for fa in jamtland.focus_areas] == ["1", "2", "3", "4", "5"]


def test_change_log_runs_from_1_0_to_1_24(jamtland: Plan) -> None:
    versions = [c.version for c in jamtland.changes]
    assert versions == [f"1.{n}" for n in range(25)]
    assert str(jamtland.changes[0].date) == "2016-04-18"
    assert jamtland.changes[0].change == "Nyutgåva"
    assert jamtland.changes[16].change == "Efter synpunkter SVOM (161014) och Barnarenan (161021)"


def test_the_36_goals_of_2018_2020(jamtland: Plan) -> None:
    assert len(jamtland.goals) == 36
    by_id = {g.id: g for g in jamtland.goals}
    assert by_id["bu-suicid-halvera"].text == (
        "Minska andelen suicid per 100 000 invånare i länet till hälften "
        "(ungdomar/unga vuxna 15-24 år) år 2019."
    )
    assert by_id["bu-nollvision"].vision is uphmodel.Vision.ZERO
    assert by_id["ti-primarvard"].responsibilities[0].note == "Regionintern"
    assert {r.stakeholder for r in by_id["ls-stigma"].responsibilities} == {"svom", "jlb"}
    short = {g.id: g.parent for g in jamtland.goals if g.horizon is Horizon.SHORT_TERM}
    assert short["ti-primarvard"] == "ti-ratt-vard"
    assert short["ug-mangbesokare"] is None  # the document does not say under which goal
    for goal in jamtland.goals:
        assert goal.timeline is not None and goal.timeline.period is not None
        assert goal.sections and goal.provenance is not None


def test_every_reviewed_2017_goal_has_a_decision(jamtland: Plan) -> None:
    (follow_up,) = jamtland.follow_ups
    assert follow_up.of_version == "2017"
    assert len(follow_up.items) == 43
    assert all(item.fate is not None and item.fate_text for item in follow_up.items)
    fates = collections.Counter(item.fate for item in follow_up.items)
    assert set(fates) == set(GoalFate)  # kept, reworded, fulfilled, merged, activity, removed …
    items = {item.goal: item for item in follow_up.items}
    assert items["ug-vald-struktur"].fate is GoalFate.MERGED
    assert items["ug-vald-struktur"].successors == ("ug-vald",)
    assert items["ls-webbplattform"].fate is GoalFate.REMOVED
    assert items["fr-suicid-ta-fram-handlingsplan"].fate_text == "Nej, målet är uppfyllt"
    targets = {a.id for a in jamtland.activities} | {g.id for g in jamtland.goals}
    for item in follow_up.items:
        assert set(item.successors) <= targets
        if item.fate is GoalFate.TO_ACTIVITY:
            assert all(s in {a.id for a in jamtland.activities} for s in item.successors)


def test_indicator_values_as_published(jamtland: Plan) -> None:
    indicators = {i.id: i for i in jamtland.indicators}
    bup = indicators["bu-forsta-linjen.r1"]
    monthly = {str(o.period): o.value for o in bup.observations if o.statistic is None}
    assert monthly["2016"] == 72 and monthly["2017"] == 84
    assert [monthly[f"2018-{m:02d}"] for m in range(1, 9)] == [38, 63, 73, 65, 60, 82, 90, 37]
    (mean,) = [o for o in bup.observations if o.statistic is uphmodel.Statistic.MEAN]
    assert (str(mean.period), mean.value) == ("2018-01/2018-08", Decimal("63.5"))
    assert sum(monthly[f"2018-{m:02d}"] for m in range(1, 9)) / 8 == mean.value
    youth = indicators["bu-nollvision.r1"]
    values = {str(o.period): str(o.value) for o in youth.observations}
    assert values == {"2011/2015": "21.77", "2016": "6.90"}
    grades = indicators["bu-risk.r1"]
    assert set(grades.dimensions) == {"school_grade", "sex"}
    gy_girls = [
        o
        for o in grades.observations
        if dict(o.breakdown) == {"school_grade": "Gy", "sex": "flickor"}
    ]
    assert [o.value for o in gy_girls] == [22]


def test_money_exactly_as_published(jamtland: Plan) -> None:
    grants = {g.id: g for g in jamtland.grants}
    totals = {t.id: t for t in jamtland.totals}
    county = totals["total-lanet-2018"]
    assert county.value == 18202437
    assert sum(grants[p].amount for p in county.parts) == county.value
    (pool,) = jamtland.pools
    assert [str(c.amount) for c in pool.contributions][:2] == ["1250000", "68671.3"]
    assert sum(c.amount for c in pool.contributions) == Decimal(2500000)
    assert sum(b.amount for b in pool.budget_lines) == Decimal(2500000)
    # The published "Summa" rows contain slips; they are transcribed, not corrected.
    population = totals["total-folkmangd-2017"]
    counted = {p.id: p.count for p in jamtland.populations}
    assert (population.value, sum(counted[p] for p in population.parts)) == (129649, 129712)
    municipal = totals["total-stimulansmedel-2018"]
    assert municipal.value - sum(grants[p].amount for p in municipal.parts) == 3
    shares = [g for g in jamtland.grants if g.part_of is not None]
    assert len(shares) == 8 and {g.part_of for g in shares} == {"stim-2018-kommunerna-analys"}


def test_no_personal_data(jamtland: Plan, jamtland_text: str) -> None:
    assert "@" not in jamtland_text
    for contact in jamtland.contacts:
        assert contact.name is None and contact.email is None and contact.phone is None
        assert contact.role and contact.organisation
    personal = [f.name for f in attrs.fields(uphmodel.ContactPoint) if f.metadata.get("personal")]
    assert personal == ["name", "email", "phone"]


def test_ids_unique_and_references_resolve(jamtland: Plan) -> None:
    pooled = [x for p in jamtland.pools for x in (*p.contributions, *p.budget_lines)]
    items = [
        *jamtland.sections,
        *jamtland.stakeholders,
        *jamtland.contacts,
        *jamtland.goals,
        *jamtland.activities,
        *jamtland.indicators,
        *jamtland.decisions,
        *jamtland.grants,
        *jamtland.populations,
        *jamtland.pools,
        *jamtland.totals,
        *pooled,
    ]
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    known = set(ids) | {r.plan for r in jamtland.relations}  # decisions may concern other plans
    refs = [
        r
        for g in jamtland.goals
        for r in (
            *g.indicators,
            *g.sections,
            *(x.stakeholder for x in g.responsibilities),
            *([g.parent] if g.parent else []),
        )
    ]
    refs += [r for a in jamtland.activities for r in a.goals]
    refs += [r for t in jamtland.totals for r in t.parts]
    refs += [r for d in jamtland.decisions for r in (*d.bodies, *d.subjects)]
    refs += [r for p in jamtland.pools for b in p.budget_lines for r in b.goals]
    assert set(refs) <= known


def test_shares_of_the_joint_grant_are_three_kronor_short(jamtland: Plan) -> None:
    grants = {g.id: g for g in jamtland.grants}
    joint = grants["stim-2018-kommunerna-analys"]
    shares = sum(g.amount for g in jamtland.grants if g.part_of == joint.id)
    assert (joint.amount, shares) == (4493174, 4493171)
