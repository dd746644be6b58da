"""Every rule fails on its failing example and passes on its passing one; options work."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import uphmodel
from uphmodel import CheckContext, Finding, Plan, Rule, Severity

from .conftest import EXAMPLES
from .rule_cases import CASES, document


def _check(fragment: str, rule: str, **kwargs: Any) -> uphmodel.Report:
    plan = uphmodel.loads(document(fragment))
    (selected,) = [r for r in uphmodel.RULES if r.id == rule]
    return uphmodel.check(plan, rules=[selected], **kwargs)


def test_every_rule_has_cases_and_the_cases_only_name_rules() -> None:
    assert set(CASES) == {rule.id for rule in uphmodel.RULES}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_failing_example_fails(rule: str) -> None:
    report = _check(CASES[rule][0], rule)
    assert report.by_rule(rule), f"{rule} found nothing in its failing example"
    for finding in report:
        assert finding.path.startswith("/")
        assert finding.message
        assert finding.severity is not None


@pytest.mark.parametrize("rule", sorted(CASES))
def test_passing_example_passes(rule: str) -> None:
    assert not _check(CASES[rule][1], rule).findings


@pytest.mark.parametrize("rule", sorted(CASES))
def test_passing_example_is_clean_for_every_rule(rule: str) -> None:
    plan = uphmodel.loads(document(CASES[rule][1]))
    others = uphmodel.check(plan, disable=["indicators.baseline", "followup.decided"])
    assert not others.errors, [str(f) for f in others.errors]


def test_totals_report_the_figures() -> None:
    report = _check(CASES["totals.sum"][0], "totals.sum")
    population, money = report.findings  # errors first
    assert (population.path, population.severity) == ("/totals/0/value", Severity.ERROR)
    assert (population.expected, population.actual, population.difference) == (
        Decimal(13623),
        Decimal(13600),
        Decimal(-23),
    )
    assert "under by 23" in population.message
    # one krona over on two rounded amounts is what rounding explains: a warning
    assert (money.severity, money.difference) == (Severity.WARNING, Decimal(1))


def test_tolerance_decides_between_warning_and_error() -> None:
    fragment = CASES["totals.sum"][0]
    strict = _check(fragment, "totals.sum", tolerance=0)
    assert {f.severity for f in strict} == {Severity.ERROR}
    lenient = _check(fragment, "totals.sum", tolerance=100)
    assert {f.severity for f in lenient} == {Severity.WARNING}


def test_disable_and_change_severity() -> None:
    plan = uphmodel.loads(document(CASES["refs.resolve"][0]))
    assert uphmodel.check(plan).by_rule("refs.resolve")
    assert not uphmodel.check(plan, disable=["refs.resolve"]).by_rule("refs.resolve")
    softer = uphmodel.check(plan, severities={"refs.resolve": "info"})
    assert {f.severity for f in softer.by_rule("refs.resolve")} == {Severity.INFO}
    assert softer.ok
    options = uphmodel.CheckOptions(disable=frozenset({"refs.resolve"}))
    assert "refs.resolve" not in uphmodel.check(plan, options=options).rules
    with pytest.raises(ValueError, match=r"no such rule: refs\.resolv"):
        uphmodel.check(plan, disable=["refs.resolv"])
    with pytest.raises(ValueError, match="profile"):
        uphmodel.check(plan, profile="strict")


def test_draft_profile_reports_missing_values_as_info() -> None:
    plan = uphmodel.loads(document(CASES["indicators.baseline"][0]))
    assert {f.severity for f in uphmodel.check(plan).by_rule("indicators.baseline")} == {
        Severity.WARNING
    }
    draft = uphmodel.check(plan, profile="draft")
    assert {f.severity for f in draft.by_rule("indicators.baseline")} == {Severity.INFO}
    assert draft.profile == "draft"


def test_a_rule_of_ones_own() -> None:
    def every_goal_has_an_indicator(plan: Plan, ctx: CheckContext) -> list[Finding]:
        return [
            Finding(path=f"/goals/{i}/indicators", item=g.id, message="no indicator")
            for i, g in enumerate(plan.goals)
            if not g.indicators
        ]

    mine = Rule(
        id="region.goal-indicator",
        category="local",
        severity=Severity.WARNING,
        description="Our region wants an indicator on every goal.",
        check=every_goal_has_an_indicator,
    )
    plan = uphmodel.loads(document(CASES["ids.unique"][1]))
    report = uphmodel.check(plan, rules=(*uphmodel.RULES, mine))
    assert [f.path for f in report.by_rule("region.goal-indicator")] == [
        "/goals/0/indicators",
        "/goals/1/indicators",
    ]
    assert mine.anchor == "docs/rules.md#region-goal-indicator"
    with pytest.raises(ValueError, match="share an id"):
        uphmodel.check(plan, rules=(*uphmodel.RULES, attrs.evolve(mine, id="ids.unique")))


def test_report_is_ordered_and_summarised() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    report = uphmodel.check(plan)
    ranks = [["error", "warning", "info"].index(f.severity.value) for f in report]  # type: ignore[union-attr]
    assert ranks == sorted(ranks)
    assert report.summary() == (
        f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''}, "
        f"{len(report.warnings)} warnings, {len(report.infos)} infos"
    )
    assert len(report) == len(report.findings)
    assert report.findings[0].as_dict()["rule"] == "totals.sum"


def test_the_published_slips_are_found_with_their_figures() -> None:
    """Every arithmetic slip in the published documents, and nothing on correct figures."""
    slips = {}
    for path in EXAMPLES:
        plan = uphmodel.load(path)
        for rule in ("totals.sum", "grants.uses", "grants.shares", "pools.balance"):
            for f in uphmodel.check(plan).by_rule(rule):
                slips[(plan.id, f.item)] = (f.actual, f.expected, f.difference, f.severity)
    assert slips == {
        ("jamtland-harjedalen-2018", "total-folkmangd-2017"): (
            Decimal(129649),
            Decimal(129712),
            Decimal(-63),
            Severity.ERROR,
        ),
        ("jamtland-harjedalen-2018", "total-stimulansmedel-2018"): (
            Decimal(8986348),
            Decimal(8986345),
            Decimal(3),
            Severity.WARNING,
        ),
        ("norrbotten-2021-funds", "total-medel-2021"): (
            Decimal(16407684),
            Decimal(16407683),
            Decimal(1),
            Severity.WARNING,
        ),
        ("vasterbotten-2018", "total-malomraden-vuxna"): (
            Decimal(21),
            Decimal(20),
            Decimal(1),
            Severity.ERROR,
        ),
    }


def test_personal_data_is_found_and_redacted() -> None:
    plan = uphmodel.loads(document(CASES["contacts.personal-data"][0]))
    assert uphmodel.check(plan).by_rule("contacts.personal-data")
    clean = uphmodel.redact(plan)
    assert clean.contacts[0].name is None
    assert clean.contacts[0].role == "Länssamordnare"
    assert not uphmodel.check(clean).by_rule("contacts.personal-data")
    untouched = uphmodel.examples.load("norrbotten-2021")
    assert uphmodel.redact(untouched) is untouched
