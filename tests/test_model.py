"""The records: immutable all the way down, exact numbers, ids that are ids."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import uphmodel
from uphmodel import FrozenMap, Goal, Grant, InvalidValue, Observation, Plan, PlanKind


def test_records_are_frozen_and_hashable() -> None:
    goal = Goal(id="g1", text="Färre suicid", indicators=("i1",))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.text = "Fler suicid"  # type: ignore[misc]
    plan = Plan(id="p", title="t", kind=PlanKind.OTHER, goals=(goal,))
    assert hash(plan) == hash(attrs.evolve(plan))
    changed = attrs.evolve(plan, goals=(attrs.evolve(goal, text="Noll suicid"),))
    assert changed != plan and plan.goals[0].text == "Färre suicid"


def test_frozen_map_is_immutable_and_compares_like_a_dict() -> None:
    m = FrozenMap({"sex": "flickor"})
    with pytest.raises(TypeError):
        m["sex"] = "pojkar"  # type: ignore[index]
    with pytest.raises(AttributeError):
        m.x = 1  # type: ignore[attr-defined]
    assert m == {"sex": "flickor"} and hash(m) == hash(FrozenMap({"sex": "flickor"}))
    assert m.set("grade", "Gy") == {"sex": "flickor", "grade": "Gy"} and len(m) == 1
    assert m.set("grade", "Gy").delete("sex") == {"grade": "Gy"}


@pytest.mark.parametrize(
    ("build", "field", "fragment"),
    [
        (lambda: Goal(id="g 1", text="t"), "id", "without spaces"),
        (lambda: Goal(id="", text="t"), "id", "non-empty"),
        (lambda: Goal(id="g", text="t", indicators=["i1"]), "indicators", "tuple of ids"),  # type: ignore[arg-type]
        (lambda: Goal(id="g", text="t", responsibilities=[]), "responsibilities", "tuple"),  # type: ignore[arg-type]
        (lambda: Grant(id="g", purpose="p", amount=1.5), "amount", "not float"),  # type: ignore[arg-type]
        (lambda: Grant(id="g", purpose="p", amount=Decimal("NaN")), "amount", "finite"),
        (lambda: Observation(value=0.5), "value", "not float"),  # type: ignore[arg-type]
        (lambda: Observation(breakdown=[("sex", "f")]), "breakdown", "FrozenMap"),  # type: ignore[arg-type]
    ],
)
def test_bad_values_are_refused_with_the_field_named(build, field: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue, match=fragment) as info:
        build()
    assert info.value.field == field
    assert isinstance(info.value, ValueError) and isinstance(info.value, uphmodel.UphError)


def test_plain_dicts_are_frozen() -> None:
    obs = Observation(breakdown={"sex": "flickor"})
    assert isinstance(obs.breakdown, FrozenMap)
    goal = Goal(id="g", text="t", extra={"x_tool": {"rows": [1, 2]}})
    assert goal.extra == FrozenMap({"x_tool": FrozenMap({"rows": (1, 2)})})
    hash(goal)
    key = uphmodel.AllocationKey(id="k", method=uphmodel.KeyMethod.FIXED, amounts={"a": 5})
    assert key.amounts == FrozenMap({"a": Decimal(5)})


def test_ints_become_exact_decimals() -> None:
    assert Grant(id="g", purpose="p", amount=4493174).amount == Decimal(4493174)
    assert Observation(value=True).value is True  # yes/no stays a bool
    assert Observation(value="Riktlinje framtagen.").value == "Riktlinje framtagen."


def test_timeline_exposes_start_end_and_open_end() -> None:
    timeline = uphmodel.Timeline(
        text="2017- framåt", period=uphmodel.Period.parse("2017/"), open_end=True
    )
    assert str(timeline.start) == "2017-01-01" and timeline.end is None and timeline.open_end
    assert timeline.understood
    unknown = uphmodel.Timeline(text="oklart", unparsed=("oklart",))
    assert not unknown.open_end and not unknown.understood and unknown.start is None


def test_timeline_recurrence_is_an_rrule() -> None:
    timeline = uphmodel.Timeline(
        text="2021-2023 årligen",
        period=uphmodel.Period.parse("2021/2023"),
        recurrence="FREQ=YEARLY",
    )
    rule = timeline.rrule()
    assert rule is not None
    assert [d.year for d in rule] == [2021, 2022, 2023]
    with pytest.raises(InvalidValue, match="RRULE"):
        uphmodel.Timeline(text="ibland", recurrence="FREQ=SOMETIMES")


def test_focus_area_codes_are_stable_and_distinct_from_numbering() -> None:
    catalogue = uphmodel.frameworks.builtin()
    focus = catalogue["focus-areas-2016"]
    assert len(focus.codes) == 5
    assert focus.get("participation-rights").label == "Enskildas delaktighet och rättigheter"  # type: ignore[union-attr]
    strategy = catalogue["strategy-2025"]
    overall = [c for c in strategy.codes if c.kind == "overall_goal"]
    sub = [c for c in strategy.codes if c.kind == "sub_goal"]
    assert (len(overall), len(sub)) == (4, 7)
    assert overall[1].label == "Färre liv förlorade i suicid"
    assert sub[5].label == "Stärkt suicidpreventivt arbete"
    national = catalogue.of_kind(uphmodel.FrameworkKind.FOCUS_AREAS)
    every = [c.code for fw in national for c in fw.codes]
    assert len(every) == len(set(every))  # a national code names one framework item
    found = catalogue.resolve("fewer-suicides", uphmodel.FrameworkKind.FOCUS_AREAS).found
    assert found is not None and found[0] is strategy
    assert catalogue.resolve("no-such-code", uphmodel.FrameworkKind.FOCUS_AREAS).found is None
    assert catalogue["target-groups"].get("no-such-code") is None
    assert set(catalogue.ids) == {
        "focus-areas-2016",
        "strategy-2025",
        "target-groups",
        "prevention-levels",
        "perspectives",
    }


def test_a_framework_with_a_code_twice_is_a_finding_not_a_crash() -> None:
    item = uphmodel.FrameworkCode(code="a", label="A")
    framework = uphmodel.Framework(id="x", title="x", codes=(item, item))  # data can be wrong
    plan = Plan(id="p", title="t", kind=PlanKind.OTHER, own_frameworks=(framework,))
    (finding,) = uphmodel.check(plan).by_rule("frameworks.defined")
    assert "appears twice" in finding.message
    with pytest.raises(InvalidValue, match="cannot contain ':'"):
        uphmodel.FrameworkCode(code="x:a", label="A")


def test_public_api_is_importable() -> None:
    assert len(uphmodel.__all__) == len(set(uphmodel.__all__))
    for name in uphmodel.__all__:
        assert hasattr(uphmodel, name), name


def test_a_yes_is_not_a_one() -> None:
    assert Observation(value=True) != Observation(value=Decimal(1))
    assert Observation(value=Decimal(1)) == Observation(value=1)
    assert uphmodel.Target(value=False) != uphmodel.Target(value=Decimal(0))
