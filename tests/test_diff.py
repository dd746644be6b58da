"""Diff, apply, JSON Patch, history and change logs between plan versions."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import jsonpatch
import pytest
from hypothesis import given

import uphmodel
from uphmodel import (
    ChangeKind,
    DiffError,
    FollowUp,
    FollowUpItem,
    GoalFate,
    Observation,
    Period,
    Plan,
    PlanDiff,
    apply,
    diff,
)
from uphmodel.cli import main
from uphmodel.strategies import plans, revisions


@given(revisions())
def test_apply_replays_a_revision(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    changes = diff(old, new)
    assert apply(old, changes) == new
    # a change is whatever changes the canonical text: 6.90 for 6.9 counts, though 6.90 == 6.9
    assert bool(changes) == (uphmodel.dumps(old) != uphmodel.dumps(new))
    assert uphmodel.dumps(apply(old, changes)) == uphmodel.dumps(new)


@given(plans(max_items=4), plans(max_items=4))
def test_apply_replays_any_two_plans(old: Plan, new: Plan) -> None:
    assert apply(old, diff(old, new)) == new


@given(revisions())
def test_json_patch_turns_old_json_into_new_json(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    patch = uphmodel.to_json_patch(old, diff(old, new))
    # numbers as text so that the independent jsonpatch library compares them exactly
    before = json.loads(uphmodel.dumps(old), parse_float=str, parse_int=str)
    after = json.loads(uphmodel.dumps(new), parse_float=str, parse_int=str)
    as_text = json.loads(json.dumps(patch, default=str), parse_float=str, parse_int=str)
    assert jsonpatch.apply_patch(before, as_text) == after


@given(revisions())
def test_a_diff_is_a_value_that_serializes(pair: tuple[Plan, Plan]) -> None:
    changes = diff(*pair)
    again = PlanDiff.loads(changes.dumps())
    assert again == changes
    assert apply(pair[0], again) == pair[1]


def test_equal_plans_have_an_empty_diff() -> None:
    plan = uphmodel.examples.load("norrbotten-2021")
    changes = diff(plan, plan)
    assert not changes
    assert len(changes) == 0
    assert apply(plan, changes) == plan


def _revised_jamtland() -> tuple[Plan, Plan]:
    """A goal reworded, one merged into another with a follow-up decision, a budget line
    changed, an indicator observation added."""
    old = uphmodel.examples.load("jamtland-harjedalen-2018")
    goals = []
    for goal in old.goals:
        if goal.id == "ls-stigma":
            goal = attrs.evolve(goal, text="Minska stigmatiseringen av psykisk ohälsa.")
        if goal.id != "ls-motesplatser":
            goals.append(goal)
    (pool,) = old.pools
    lines = tuple(
        attrs.evolve(line, amount=Decimal(850000)) if line.id == "budget-2018-samordningsresurs"
        else line
        for line in pool.budget_lines
    )  # fmt: skip
    indicators = tuple(
        attrs.evolve(i, observations=(*i.observations, Observation(
            period=Period.parse("2018-09"), value=Decimal(45), source="vantetider.se")))
        if i.id == "bu-forsta-linjen.r1" else i
        for i in old.indicators
    )  # fmt: skip
    follow_up = FollowUp(
        id="uppfoljning-1.24",
        of_plan=old.id,
        of_version="1.24",
        items=(
            FollowUpItem(
                goal="ls-motesplatser",
                text="Utveckla/tillskapa sociala, öppna mötesplatser.",
                fate=GoalFate.MERGED,
                fate_text="Nej, infogas i målet om samverkan.",
                successors=("ls-samverkan",),
            ),
        ),
    )
    new = attrs.evolve(
        old,
        version="1.25",
        goals=tuple(goals),
        pools=(attrs.evolve(pool, budget_lines=lines),),
        indicators=indicators,
        follow_ups=(*old.follow_ups, follow_up),
    )
    return old, new


def test_revised_jamtland_diffs_into_exactly_those_changes() -> None:
    old, new = _revised_jamtland()
    changes = diff(old, new)
    found = {(c.kind, str(c.path[0]), c.field) for c in changes}
    assert found == {
        (ChangeKind.CHANGED, "version", "version"),
        (ChangeKind.CHANGED, "goals[ls-stigma]", "text"),
        (ChangeKind.REMOVED, "goals[ls-motesplatser]", ""),
        (ChangeKind.CHANGED, "indicators[bu-forsta-linjen.r1]", ""),
        (
            ChangeKind.CHANGED,
            "pools[pool-2018]",
            "budget_lines[budget-2018-samordningsresurs].amount",
        ),
        (ChangeKind.ADDED, "follow_ups[uppfoljning-1.24]", ""),
    } - {(ChangeKind.CHANGED, "indicators[bu-forsta-linjen.r1]", "")} | {
        (ChangeKind.ADDED, "indicators[bu-forsta-linjen.r1]", "observations[2018-09||]")
    }
    removed = next(c for c in changes if c.kind is ChangeKind.REMOVED)
    assert (removed.fate, removed.successors) == (GoalFate.MERGED, ("ls-samverkan",))
    money = next(c for c in changes if c.collection == "pools")
    assert (money.old, money.new, money.difference) == (800000, 850000, Decimal(50000))
    assert apply(old, changes) == new


def test_the_markdown_change_log_says_so_in_plain_swedish() -> None:
    old, new = _revised_jamtland()
    text = uphmodel.render_changelog(old, new)
    assert text.startswith("# Ändringar från version 1.24 till 1.25\n")
    assert "## 5. Ledning, styrning och organisation" in text
    assert (
        "- Målet ”Minska stigmatiseringen av psykisk ohälsa.”: formuleringen har ändrats från "
        "”Minska stigmatisering och öka förståelsen för psykisk ohälsa.” till ”Minska "
        "stigmatiseringen av psykisk ohälsa.”." in text
    )
    assert (
        "- Målet ”Utveckla/tillskapa sociala, öppna mötesplatser.” har tagits bort: sammanslaget "
        "med ”Utveckla och stärka den länsövergripande samverkan som pågår inom området psykisk "
        "hälsa.” (beslut: ”Nej, infogas i målet om samverkan.”)." in text
    )
    assert (
        "budgetposten ”Samordningsresurs 100%” / beloppet har ändrats från 800 000 kr till "
        "850 000 kr (+50 000 kr)" in text
    )
    assert "nytt värde för 2018-09: 45" in text
    english = uphmodel.render_changelog(old, new, language="en")
    assert "merged into “Utveckla och stärka den länsövergripande samverkan" in english
    assert "## 5. Ledning, styrning och organisation" in english


def test_a_diff_that_does_not_fit_is_refused() -> None:
    old, new = _revised_jamtland()
    changes = diff(old, new)
    other = uphmodel.examples.load("norrbotten-2021")
    with pytest.raises(DiffError, match=r"^version is not \"1\.24\" in this plan"):
        apply(other, changes)
    goals_only = attrs.evolve(changes, changes=changes.of("goals"))
    with pytest.raises(DiffError, match=r"the plan has no goals\[ls-motesplatser\]"):
        apply(other, goals_only)
    with pytest.raises(DiffError, match="is not"):
        apply(new, changes)  # already applied: the old values are not there
    with pytest.raises(uphmodel.LoadError) as info:
        PlanDiff.loads('{"changes": [{"kind": "exploded"}, {"kind": "added", "path": [[1]]}]}')
    assert [str(p) for p in info.value.problems] == [
        "/changes/0/kind: expected one of ['added', 'removed', 'changed', 'reordered'], "
        "got the text 'exploded'",
        "/changes/1/path/0: a step is [field] or [field, key], both text, got a list",
    ]
    for bad in (
        "",
        "[]",
        '{"changes": 1}',
        "[" * 5000,
        '{"changes": [{"kind": "added", "path": [["x"]], "new": 1e999999}]}',
        b"\xff",
    ):
        with pytest.raises(uphmodel.LoadError):
            PlanDiff.loads(bad)


def test_history_over_three_versions() -> None:
    first, second = _revised_jamtland()
    third = attrs.evolve(second, version="1.26", goals=second.goals[1:])
    story = uphmodel.history([first, second, third])
    assert story.versions == ("1.24", "1.25", "1.26")
    assert story.compiled == third
    stigma = story.of("goals", "ls-stigma")
    assert [(e.version, e.kind) for e in stigma] == [("1.24", "appeared"), ("1.25", "changed")]
    assert stigma[1].changes[0].new == "Minska stigmatiseringen av psykisk ohälsa."
    merged = story.of("goals", "ls-motesplatser")
    assert [(e.kind, e.fate) for e in merged] == [("appeared", None), ("ended", GoalFate.MERGED)]
    assert [e.kind for e in story.of("goals", "bu-risk")] == ["appeared", "ended"]
    assert [e.kind for e in story.of("follow_ups", "uppfoljning-1.24")] == ["appeared"]
    with pytest.raises(ValueError, match="at least one"):
        uphmodel.history([])


def test_cli_diff_formats_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _revised_jamtland()
    a, b = tmp_path / "old.json", tmp_path / "new.json"
    uphmodel.dump(old, a)
    uphmodel.dump(new, b)
    assert main(["diff", str(a), str(a)]) == 0
    assert "0 changes from 1.24 to 1.24" in capsys.readouterr().out
    assert main(["diff", str(a), str(b)]) == 1
    assert "changed goals[ls-stigma] / text" in capsys.readouterr().out
    assert main(["diff", str(a), str(b), "--format", "markdown"]) == 1
    assert "har tagits bort: sammanslaget med" in capsys.readouterr().out
    assert main(["diff", str(a), str(b), "--format", "json"]) == 1
    assert apply(old, PlanDiff.loads(capsys.readouterr().out)) == new
    assert main(["diff", str(a), str(b), "--format", "jsonpatch"]) == 1
    ops = json.loads(capsys.readouterr().out)
    assert {op["op"] for op in ops} == {"replace", "remove", "add"}
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["diff", str(a), str(broken)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_a_decision_added_to_an_existing_follow_up_explains_the_removal() -> None:
    old = uphmodel.examples.load("jamtland-harjedalen-2018")
    (follow_up,) = old.follow_ups
    decision = FollowUpItem(
        goal="ls-riktlinjer",
        text="Verka för att nationella riktlinjer …",
        fate=GoalFate.FULFILLED,
        fate_text="Nej, målet är uppfyllt",
    )
    new = attrs.evolve(
        old,
        goals=tuple(g for g in old.goals if g.id != "ls-riktlinjer"),
        follow_ups=(attrs.evolve(follow_up, items=(*follow_up.items, decision)),),
    )
    changes = diff(old, new)
    (removed,) = [c for c in changes if c.kind is ChangeKind.REMOVED]
    assert (removed.item, removed.fate) == ("ls-riktlinjer", GoalFate.FULFILLED)
    # the 2017 decisions the plan already carried say nothing about this version's changes
    renamed = attrs.evolve(old, goals=tuple(g for g in old.goals if g.id != "bu-distans"))
    (gone,) = [c for c in diff(old, renamed) if c.kind is ChangeKind.REMOVED]
    assert gone.fate is None
    assert "målet är uppfyllt" in uphmodel.render_changelog(old, new)
    assert apply(old, changes) == new


def test_digits_as_written_are_a_change() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    (pool,) = plan.pools
    first = pool.contributions[1]
    assert str(first.amount) == "68671.3"
    wider = attrs.evolve(first, amount=Decimal("68671.30"))
    new = attrs.evolve(plan, pools=(attrs.evolve(pool, contributions=(
        pool.contributions[0], wider, *pool.contributions[2:])),))  # fmt: skip
    assert new == plan  # Decimal("68671.30") == Decimal("68671.3") …
    (change,) = diff(plan, new)  # … but the document says something else now
    assert (str(change.old), str(change.new), change.difference) == ("68671.3", "68671.30", 0)
    assert uphmodel.dumps(apply(plan, diff(plan, new))) == uphmodel.dumps(new)
