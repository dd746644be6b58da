"""The change log names things as a planner would, and every ordinary edit is one change that
reads the same through diff, JSON Patch, apply and history."""

from __future__ import annotations

import enum
import inspect
import json
import re
from collections.abc import Callable
from decimal import Decimal

import attrs
import jsonpatch  # type: ignore[import-untyped]
import pytest

import uphmodel
import uphmodel.model
from uphmodel import Plan
from uphmodel._json import json_text
from uphmodel.formats._headings import WORDS
from uphmodel.model._labels import SWEDISH

BASE = uphmodel.examples.load("norrbotten-2021")


def _activity(plan: Plan, **changes: object) -> Plan:
    first = plan.activities[0]
    return attrs.evolve(plan, activities=(attrs.evolve(first, **changes), *plan.activities[1:]))


def _goal(plan: Plan, **changes: object) -> Plan:
    first = plan.goals[0]
    return attrs.evolve(plan, goals=(attrs.evolve(first, **changes), *plan.goals[1:]))


EDITS: dict[str, tuple[Callable[[Plan], Plan], Callable[[Plan], Plan], str]] = {
    "a list from empty to one": (
        lambda p: _activity(p, conditions=()),
        lambda p: _activity(p, conditions=("Om medel beviljas",)),
        ": villkor har lagts till: ”Om medel beviljas”.",
    ),
    "a list from one to empty": (
        lambda p: _activity(p, conditions=("Om medel beviljas",)),
        lambda p: _activity(p, conditions=()),
        ": villkor har tagits bort (var ”Om medel beviljas”).",
    ),
    "the plan's list from some to none": (
        lambda p: p,
        lambda p: attrs.evolve(p, terms=()),
        "- Planens begrepp har tagits bort (var ",
    ),
    "a field from absent to present": (
        lambda p: _activity(p, priority=None),
        lambda p: _activity(p, priority="Hög"),
        ": prioritet har lagts till: ”Hög”.",
    ),
    "an enum by its Swedish label": (
        lambda p: _activity(p, status=uphmodel.ActivityStatus.PLANNED),
        lambda p: _activity(p, status=uphmodel.ActivityStatus.DONE),
        ": status har ändrats från ”planerad” till ”genomförd”.",
    ),
    "a horizon": (
        lambda p: _goal(p, horizon=uphmodel.Horizon.LONG_TERM),
        lambda p: _goal(p, horizon=uphmodel.Horizon.SHORT_TERM),
        ": tidshorisonten har ändrats från ”långsiktigt mål” till ”kortsiktigt mål”.",
    ),
    "an unknown list": (
        lambda p: p,
        lambda p: attrs.evolve(p, extra={"x_lista": [1, {"a": None}]}),
        '- Planens fält ”x_lista” har lagts till: ”[1, {"a": null}]”.',
    ),
    "an unknown null": (
        lambda p: p,
        lambda p: attrs.evolve(p, extra={"x_tom": None}),
        "- Planens fält ”x_tom” har lagts till: inget.",
    ),
    "an unknown object in an item": (
        lambda p: p,
        lambda p: _activity(p, extra={"kostnad": {"belopp": Decimal("1.50"), "ok": True}}),
        ': fältet ”kostnad” har lagts till: ”{"belopp": 1.50, "ok": true}”.',
    ),
    "an unknown yes/no in an item": (
        lambda p: p,
        lambda p: _activity(p, extra={"prioriterad": True}),
        ": fältet ”prioriterad” har lagts till: ja.",
    ),
    "a record that moves": (
        lambda p: p,
        lambda p: attrs.evolve(p, activities=(*p.activities[1:], p.activities[0])),
        "- Ordningen bland aktiviteter har ändrats.",
    ),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_ordinary_edit_is_one_readable_change_everywhere(edit: str) -> None:
    before, after, sentence = EDITS[edit]
    old, new = before(BASE), after(BASE)
    changes = uphmodel.diff(old, new)
    assert len(changes) == 1, [str(c) for c in changes]
    assert uphmodel.apply(old, changes) == new
    assert uphmodel.PlanDiff.loads(changes.dumps()) == changes
    document = json.loads(uphmodel.dumps(old), parse_float=Decimal)
    patched = jsonpatch.apply_patch(document, uphmodel.to_json_patch(old, changes))
    assert uphmodel.loads(json_text(patched)) == new
    assert uphmodel.history([old, new]).compiled == new
    log = uphmodel.render_changelog(old, new)
    bullets = [line for line in log.splitlines() if line.startswith("- ")]
    assert len(bullets) == 1 and sentence in bullets[0], log
    assert not re.search(r"\{'|: None\b|\bTrue\b|\bFalse\b|FrozenMap|Decimal\(", log), log


def test_an_activity_is_named_by_its_number_and_the_start_of_its_text() -> None:
    old = _activity(BASE, number="2.3", text="Utbilda personal i suicidprevention " * 5)
    new = _activity(old, status=uphmodel.ActivityStatus.STARTED)
    log = uphmodel.render_changelog(old, new)
    bullet = next(line for line in log.splitlines() if line.startswith("- "))
    assert bullet.startswith("- Aktiviteten 2.3 ”Utbilda personal i suicidprevention Utbilda")
    assert "…”: status har lagts till: ”påbörjad”." in bullet


def test_a_timeline_rewritten_is_one_sentence_of_its_text() -> None:
    old = _activity(BASE, timeline=uphmodel.parse_timeline("2021- kontinuerligt", year=2021))
    new = _activity(BASE, timeline=uphmodel.parse_timeline("våren 2022 och framåt", year=2021))
    assert [str(c.path[-1]) for c in uphmodel.diff(old, new)] == ["text", "period"]
    bullets = [b for b in uphmodel.render_changelog(old, new).splitlines() if b.startswith("- ")]
    assert len(bullets) == 1
    assert bullets[0].endswith(
        ": tidsplanen har ändrats från ”2021- kontinuerligt” till ”våren 2022 och framåt”."
    )


def test_a_timeline_read_anew_is_one_sentence() -> None:
    timeline = uphmodel.parse_timeline("hösten 2021", year=2021)
    old = _activity(BASE, timeline=timeline)
    new = _activity(BASE, timeline=attrs.evolve(timeline, period=uphmodel.Period.parse("2021")))
    bullets = [b for b in uphmodel.render_changelog(old, new).splitlines() if b.startswith("- ")]
    assert len(bullets) == 1
    assert "tidsplanen ”hösten 2021” läses nu annorlunda: perioden ”2021S2” → ”2021”." in bullets[0]


def test_the_english_change_log_speaks_english() -> None:
    old = _goal(BASE, horizon=uphmodel.Horizon.LONG_TERM)
    new = _goal(BASE, horizon=uphmodel.Horizon.SHORT_TERM)
    log = uphmodel.render_changelog(old, new, language="en")
    assert "the horizon changed from “long term” to “short term”." in log


def _model_classes() -> list[type]:
    return [c for _, c in inspect.getmembers(uphmodel.model, inspect.isclass) if attrs.has(c)]


def test_every_field_of_the_model_has_a_swedish_word() -> None:
    names = {f.name for cls in _model_classes() for f in attrs.fields(cls)}
    assert sorted(names - set(WORDS)) == []


def test_every_coded_value_has_a_swedish_label() -> None:
    members = [
        member
        for _, cls in inspect.getmembers(uphmodel.model, inspect.isclass)
        if issubclass(cls, enum.Enum)
        for member in cls
    ]
    assert [m for m in members if m not in SWEDISH] == []
    assert len(set(SWEDISH.values())) > 100  # labels, not copies of one word
