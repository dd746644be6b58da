"""Plans hold what documents say, as they say it: figures, money, decisions and plans over time,
who and for whom, inferred values; the rules compare only what can be compared."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

import uphmodel
from uphmodel import (
    AllocationKey,
    BudgetLine,
    Contribution,
    Decision,
    DecisionKind,
    Goal,
    Grant,
    GrantUse,
    Horizon,
    Indicator,
    Inferred,
    KeyMethod,
    MeasureKind,
    Observation,
    Payment,
    Period,
    Plan,
    PlanKind,
    PlanRelation,
    Pool,
    Provenance,
    Qualifier,
    RelationKind,
    Severity,
    Stakeholder,
    StakeholderKind,
    Target,
    Timeline,
    Total,
    UseKind,
)


def plan(**fields: object) -> Plan:
    base = Plan(id="p", title="Handlingsplan", kind=PlanKind.JOINT_COUNTY_PLAN)
    return attrs.evolve(base, **fields)


def findings(p: Plan, rule: str) -> list[str]:
    (selected,) = [r for r in uphmodel.RULES if r.id == rule]
    return [f"{f.severity.value if f.severity else '?'}: {f.path}: {f.message}"
            for f in uphmodel.check(p, rules=[selected])]  # fmt: skip


def round_trip(p: Plan) -> Plan:
    again = uphmodel.loads(uphmodel.dumps(p))
    assert again == p
    return again


# --------------------------------------------------------------------------------------------
# figures as written


def test_figures_are_held_as_written() -> None:
    indicator = Indicator(
        id="i",
        name="Kommuner med lokal handlingsplan",
        measure=MeasureKind.COUNT,
        observations=(
            Observation(period=Period.parse("2023"), value=Decimal(70),
                        qualifier=Qualifier.APPROXIMATELY, comment="cirka 70"),
            Observation(period=Period.parse("2024"), value=Decimal(10), upper=Decimal(15),
                        comment="10–15"),
            Observation(period=Period.parse("2025"), value=Decimal(11), of=Decimal(14),
                        comment="11 av länets 14 kommuner"),
            Observation(period=Period.parse("2026"), stated=False, comment="redovisas senare"),
        ),
        targets=(Target(period=Period.parse("2027"), value=Decimal(80),
                        qualifier=Qualifier.AT_LEAST, comment="minst 80"),),
    )  # fmt: skip
    p = round_trip(plan(indicators=(indicator,)))
    data = json.loads(uphmodel.dumps(p))["indicators"][0]
    assert data["observations"][0] == {
        "period": "2023",
        "value": 70,
        "qualifier": "approximately",
        "comment": "cirka 70",
    }
    assert data["observations"][1]["upper"] == 15 and data["observations"][2]["of"] == 14
    assert data["observations"][3] == {"period": "2026", "stated": False,
                                       "comment": "redovisas senare"}  # fmt: skip
    assert data["targets"][0]["qualifier"] == "at_least"
    assert findings(p, "indicators.values") == []
    # an approximate 70 is not an exact 70
    exact = attrs.evolve(indicator.observations[0], qualifier=None)
    assert exact != indicator.observations[0]


def test_figures_written_inconsistently_are_reported_at_their_field() -> None:
    indicator = Indicator(
        id="i",
        name="Andel",
        measure=MeasureKind.PERCENTAGE,
        observations=(
            Observation(value="ett tiotal", qualifier=Qualifier.APPROXIMATELY),
            Observation(value=Decimal(90), upper=Decimal(120)),
        ),
    )
    assert findings(plan(indicators=(indicator,)), "indicators.values") == [
        "error: /indicators/0/observations/0/qualifier: a qualifier needs a number in value",
        "error: /indicators/0/observations/1/upper: a percentage lies between 0 and 100, not 120",
        "warning: /indicators/0/observations/0/value: a percentage indicator takes a number; "
        "'ett tiotal' is text",
    ]


def test_a_relative_target_needs_a_dated_baseline_of_its_breakdown() -> None:
    target = Target(period=Period.parse("2019"), of_baseline=Decimal("0.5"))
    undated = Indicator(id="i", name="Suicid", baselines=(Observation(value=Decimal("21.77")),),
                        targets=(target,))  # fmt: skip
    assert len(findings(plan(indicators=(undated,)), "indicators.target-baseline")) == 1
    dated = attrs.evolve(
        undated, baselines=(Observation(period=Period.parse("2011/2015"), value=Decimal("21.77")),)
    )
    assert findings(plan(indicators=(dated,)), "indicators.target-baseline") == []


# --------------------------------------------------------------------------------------------
# money as written


def test_an_unknown_amount_is_never_zero_and_totals_say_what_they_cannot_compare() -> None:
    grants = (
        Grant(id="a", purpose="Stärkt samverkan", amount=Decimal(100)),
        Grant(id="b", purpose="Brukarmedverkan"),  # amount not stated
    )
    p = round_trip(
        plan(
            grants=grants,
            totals=(
                Total(id="t", label="Totalt", value=Decimal(150), unit="SEK", parts=("a", "b")),
            ),
        )
    )
    assert "amount" not in json.loads(uphmodel.dumps(p))["grants"][1]
    assert findings(p, "totals.sum") == [
        "info: /totals/0/value: 'Totalt' is not compared with its parts: 1 of the 2 have no "
        "amount (the 1 stated add up to 100)"
    ]
    over = attrs.evolve(p, totals=(attrs.evolve(p.totals[0], value=Decimal(50)),))
    assert findings(over, "totals.sum")[0].startswith(
        "error: /totals/0/value: 'Totalt' is 50 but the 1 parts stated add up to 100: under by 50"
    )
    rows = uphmodel.money_summary(p, by="recipient")
    assert rows == (uphmodel.MoneyRow(None, granted=Decimal(100), unstated=1),)


def test_a_partial_list_falls_short_without_a_slip() -> None:
    grants = tuple(Grant(id=g, purpose=g, amount=Decimal(10)) for g in ("a", "b"))
    total = Total(id="t", label="bland annat", value=Decimal(100), unit="SEK", parts=("a", "b"))
    assert findings(plan(grants=grants, totals=(total,)), "totals.sum")[0].startswith("error")
    partial = attrs.evolve(total, partial=True)
    assert findings(plan(grants=grants, totals=(partial,)), "totals.sum") == []
    too_much = attrs.evolve(partial, value=Decimal(5))
    assert findings(plan(grants=grants, totals=(too_much,)), "totals.sum")[0].startswith(
        "error: /totals/0/value: 'bland annat' is 5 but the 2 parts stated add up to 20"
    )


def test_a_pool_has_a_stated_size_apart_from_its_lines() -> None:
    pool = Pool(
        id="pool", name="Regional budget", size=Decimal(2500000),
        contributions=(Contribution(id="c1", stakeholder="r", amount=Decimal(1250000)),
                       Contribution(id="c2", stakeholder="k", amount=Decimal(1250000))),
        budget_lines=(BudgetLine(id="b1", label="Samordningsresurs", amount=Decimal(800000)),
                      BudgetLine(id="b2", label="Utbildning", amount=Decimal(1500000))),
    )  # fmt: skip
    stakeholders = (Stakeholder(id="r", name="Regionen", kind=StakeholderKind.REGION),
                    Stakeholder(id="k", name="Kommunerna", kind=StakeholderKind.GROUP))  # fmt: skip
    p = round_trip(plan(pools=(pool,), stakeholders=stakeholders))
    (finding,) = findings(p, "pools.balance")
    assert finding.startswith("error: /pools/0/budget_lines: 'Regional budget' is 2 500 000 but")
    assert finding.endswith("budget lines against its stated size")
    partial = attrs.evolve(pool, partial=True)
    assert findings(plan(pools=(partial,), stakeholders=stakeholders), "pools.balance") == []


def test_payments_eligibility_and_earmarks() -> None:
    stakeholders = (
        Stakeholder(id="region", name="Region Norrbotten", kind=StakeholderKind.REGION),
        Stakeholder(id="pitea", name="Piteå kommun", kind=StakeholderKind.MUNICIPALITY),
    )
    grant = Grant(
        id="g", purpose="Stimulansmedel suicidprevention", amount=Decimal(1000), recipient="region",
        eligible=("pitea",), eligibility="kommuner som har en samordnande person",
        payments=(Payment(id="g1", amount=Decimal(500), date=Period.parse("2025-03")),
                  Payment(id="g2", date=Period.parse("2025-09"), text="resterande")),
    )  # fmt: skip
    earmark = Grant(id="g-e", purpose="Varav efterlevandestöd", amount=Decimal(200), part_of="g")
    p = round_trip(plan(owners=("region",), stakeholders=stakeholders, grants=(grant, earmark)))
    assert findings(p, "grants.payments") == [] and findings(p, "refs.resolve") == []
    (row,) = uphmodel.money_summary(p, by="recipient")
    assert (row.group, row.granted, row.earmarked, row.allocated) == (
        "region",
        Decimal(1000),
        Decimal(200),
        Decimal(0),
    )
    over = attrs.evolve(grant, payments=(*grant.payments, Payment(id="g3", amount=Decimal(600))))
    assert findings(plan(stakeholders=stakeholders, grants=(over,)), "grants.payments") == [
        "error: /grants/0/payments: the 3 payments of 'Stimulansmedel suicidprevention' add up "
        "to 1 100, more than the 1 000 granted"
    ]


def test_money_summary_counts_every_amount_once_and_not_others_money() -> None:
    stakeholders = (
        Stakeholder(id="alla", name="Landets kommuner och regioner", kind=StakeholderKind.GROUP),
        Stakeholder(id="region", name="Regionen", kind=StakeholderKind.REGION),
        Stakeholder(id="kommunerna", name="Länets kommuner", kind=StakeholderKind.GROUP),
        Stakeholder(id="a", name="A kommun", kind=StakeholderKind.MUNICIPALITY,
                    member_of=("kommunerna",)),
        Stakeholder(id="a-soc", name="Socialtjänsten i A", kind=StakeholderKind.UNIT,
                    part_of="a"),
    )  # fmt: skip
    grants = (
        Grant(id="national", purpose="Nationellt", amount=Decimal(1_414_000_000), recipient="alla"),
        Grant(id="county", purpose="Länet", amount=Decimal(1000), recipient="kommunerna",
              part_of="national",
              uses=(GrantUse(id="u", kind=UseKind.SPENT, amount=Decimal(300)),)),
        Grant(id="share-a", purpose="A:s del", amount=Decimal(600), recipient="a",
              part_of="county"),
        Grant(id="share-a-soc", purpose="Socialtjänsten", amount=Decimal(100), recipient="a-soc",
              part_of="share-a"),
    )  # fmt: skip
    p = plan(owners=("region", "a"), stakeholders=stakeholders, grants=grants)
    (row,) = uphmodel.money_summary(p)
    assert (row.granted, row.allocated, row.earmarked, row.spent) == (
        Decimal(1000),
        Decimal(600),
        Decimal(0),
        Decimal(300),
    )
    by_party = {r.group: r for r in uphmodel.money_summary(p, by="recipient")}
    assert "alla" not in by_party  # the state's money to everyone is context
    assert by_party["a"].granted == 600 and by_party["a"].allocated == 100
    assert by_party["kommunerna"].allocated == 600
    summary = uphmodel.summarize(p)
    assert "1 000 kr in all to the plan's parties (and 1 to others, for context)" in summary


def test_keys_that_cannot_split_say_so() -> None:
    named = AllocationKey(id="folkmangd", method=KeyMethod.POPULATION,
                          population=Period.parse("2017-11-01"), source="SCB")  # fmt: skip
    with pytest.raises(uphmodel.AllocationError, match="refers to the population of 2017-11-01 "
                       r"\(SCB\) without listing the figures"):  # fmt: skip
        uphmodel.allocate(1000, named, plan=plan(allocation_keys=(named,)))
    empty = AllocationKey(id="halva", method=KeyMethod.PERCENTAGE, percent=Decimal(50))
    with pytest.raises(uphmodel.AllocationError, match="names no grants to take 50 % of"):
        uphmodel.allocate(None, empty, plan=plan(allocation_keys=(empty,)))
    report = uphmodel.check(plan(allocation_keys=(named, empty))).by_rule("keys.shares")
    assert [(f.severity, f.path) for f in report] == [
        (Severity.WARNING, "/allocation_keys/1"),
        (Severity.INFO, "/allocation_keys/0"),
    ]


# --------------------------------------------------------------------------------------------
# decisions and plans over time, who and for whom


def test_decisions_relations_and_review() -> None:
    stakeholders = (
        Stakeholder(id="rf", name="Regionfullmäktige", kind=StakeholderKind.ASSEMBLY),
        Stakeholder(id="rs", name="Regionstyrelsen", kind=StakeholderKind.BOARD),
        Stakeholder(id="ub", name="Uppdragsberedningen", kind=StakeholderKind.COMMITTEE),
        Stakeholder(id="kommunerna", name="Länets kommuner", kind=StakeholderKind.GROUP, size=14),
        Stakeholder(id="lulea", name="Luleå kommun", kind=StakeholderKind.MUNICIPALITY,
                    member_of=("kommunerna",)),
    )  # fmt: skip
    decisions = (
        Decision(id="d1", kind=DecisionKind.RECOMMENDED, bodies=("rs",), addressees=("rf",)),
        Decision(id="d2", kind=DecisionKind.SENT_FOR_CONSULTATION, bodies=("rs",),
                 subjects=("plan-2022",)),
        Decision(id="d3", kind=DecisionKind.ENDORSED, bodies=("kommunerna",), members=("lulea",)),
        Decision(id="d4", kind=DecisionKind.NOTED, bodies=("ub",)),
    )  # fmt: skip
    p = round_trip(plan(
        stakeholders=stakeholders, decisions=decisions,
        relations=(PlanRelation(plan="plan-2022", kind=RelationKind.REVISES),
                   PlanRelation(plan="overenskommelse-2025", kind=RelationKind.UNDER_AGREEMENT,
                                title="Överenskommelse om strategiska insatser 2025")),
        review=uphmodel.parse_timeline("revideras årligen"),
        responsibilities=(uphmodel.Responsibility(stakeholder="rs",
                                                   role=uphmodel.Role.COORDINATING),),
    ))  # fmt: skip
    assert findings(p, "refs.resolve") == []
    assert p.review is not None and p.review.recurrence == "FREQ=YEARLY"
    data = json.loads(uphmodel.dumps(p))
    assert data["relations"][0] == {"plan": "plan-2022", "kind": "revises"}
    assert [d["kind"] for d in data["decisions"]] == [
        "recommended", "sent_for_consultation", "endorsed", "noted"]  # fmt: skip


def test_target_groups_with_ages_and_prevention_levels_resolve() -> None:
    groups = uphmodel.Framework(
        id="malgrupper-2026", title="Planens målgrupper", kind=uphmodel.FrameworkKind.TARGET_GROUPS,
        codes=(uphmodel.FrameworkCode(code="unga-15-24", label="Unga 15–24 år", age_from=15,
                                      age_to=24),),
    )  # fmt: skip
    goal = Goal(id="g", text="Färre suicid bland unga", target_groups=("unga-15-24",),
                prevention_levels=("selective", "indicated"))  # fmt: skip
    activity = uphmodel.Activity(
        id="a", text="Utbildning i YAM", conditions=("om medel beviljas",), priority="Prio 1",
        prevention_levels=("universal",),
    )  # fmt: skip
    p = round_trip(plan(own_frameworks=(groups,), goals=(goal,), activities=(activity,)))
    assert findings(p, "refs.codes") == []
    wrong = attrs.evolve(goal, target_groups=(), prevention_levels=("selektiv",))
    assert findings(plan(goals=(wrong,)), "refs.codes") == [
        "error: /goals/0/prevention_levels/0: 'selektiv' is not a code of the prevention_levels "
        "frameworks searched (prevention-levels); nearest: selective"
    ]


def test_indicator_sources_and_rounds() -> None:
    indicator = Indicator(
        id="i", name="Andel elever som mår bra", source="Skolelevers hälsa",
        source_kind=uphmodel.SourceKind.SURVEY, frequency=uphmodel.Frequency.QUADRENNIAL,
        rounds=(Period.parse("2018"), Period.parse("2022")),
    )  # fmt: skip
    data = json.loads(uphmodel.dumps(round_trip(plan(indicators=(indicator,)))))
    assert data["indicators"][0]["rounds"] == ["2018", "2022"]
    assert data["indicators"][0]["source_kind"] == "survey"


# --------------------------------------------------------------------------------------------
# stated or inferred


def test_inferred_values_are_listed_and_dropped() -> None:
    indicator = Indicator(
        id="i", name="Andel elever som mår bra", measure=MeasureKind.PERCENTAGE,
        provenance=Provenance(page="12", inferred=(
            Inferred(field="name", basis="efter tabellens kolumnrubrik"),
            Inferred(field="measure"),
        )),
    )  # fmt: skip
    p = round_trip(plan(
        owners=("r",), stakeholders=(Stakeholder(id="r", name="R", kind=StakeholderKind.REGION),),
        indicators=(indicator,),
        provenance=Provenance(inferred=(Inferred(field="owners", basis="logotypen"),
                                        Inferred(field="kind"))),
    ))  # fmt: skip
    listed = [(v.path, v.basis) for v in uphmodel.inferred(p)]
    assert listed == [
        ("/owners", "logotypen"),
        ("/kind", None),
        ("/indicators/0/name", "efter tabellens kolumnrubrik"),
        ("/indicators/0/measure", None),
    ]
    bare = uphmodel.drop_inferred(p)
    assert bare.owners == () and bare.kind is PlanKind.JOINT_COUNTY_PLAN
    assert bare.indicators[0].name == "" and bare.indicators[0].measure is None
    assert bare.indicators[0].provenance == Provenance(page="12")
    assert [v.path for v in uphmodel.inferred(bare)] == ["/kind"]
    assert findings(p, "fields.inferred") == []


# --------------------------------------------------------------------------------------------
# rules that match real plans


def test_no_within_plan_finding_for_deadlines_long_term_goals_and_visions() -> None:
    year = Period.parse("2025")
    goals = (
        Goal(id="deadline", text="Senast 2027", horizon=Horizon.SHORT_TERM,
             timeline=Timeline(text="till år 2027", period=Period.parse("/2027"))),
        Goal(id="long", text="Färre suicid", horizon=Horizon.LONG_TERM,
             timeline=Timeline(text="2025–2030", period=Period.parse("2025/2030"))),
        Goal(id="vision", text="Nollvision", vision=uphmodel.Vision.ZERO,
             timeline=Timeline(text="2025–2035", period=Period.parse("2025/2035"))),
        Goal(id="late", text="Kort sikt", horizon=Horizon.SHORT_TERM,
             timeline=Timeline(text="2026", period=Period.parse("2026"))),
    )  # fmt: skip
    assert findings(plan(period=year, goals=goals), "periods.within-plan") == [
        "warning: /goals/3/timeline/period: the timeline '2026' (2026) lies outside the plan "
        "period 2025"
    ]


def test_sections_are_numbered_apart_by_kind() -> None:
    sections = (
        uphmodel.Section(id="s1", title="Inledning", number="1", kind="avsnitt"),
        uphmodel.Section(id="b1", title="Analys 2016", number="1", kind="bilaga"),
        uphmodel.Section(id="s1b", title="Bakgrund", number="1", kind="avsnitt"),
    )
    assert findings(plan(sections=sections), "sections.numbers") == [
        "warning: /sections/2/number: two sections (avsnitt) at the top level have the number "
        "'1' (also /sections/0)"
    ]
