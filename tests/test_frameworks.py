"""Frameworks as data: citations, resolution against the plan's own and a caller's frameworks,
crosswalks, conversion and its undoing."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import uphmodel
from uphmodel import (
    SCHEMA_VERSION,
    Citation,
    ConversionStatus,
    Crosswalk,
    Framework,
    FrameworkCode,
    FrameworkKind,
    Goal,
    Mapping,
    MappingBasis,
    Plan,
    Relation,
    frameworks,
)
from uphmodel.frameworks import Catalogue, ConversionError, UnknownFramework, builtin
from uphmodel.strategies import crosswalks, plans
from uphmodel.strategies import frameworks as framework_strategy

DATA = Path(uphmodel.frameworks.__file__).parent / "data"
OLD_PLANS = ["jamtland-harjedalen-2018", "norrbotten-2021", "vasterbotten-2018"]

RUS = Framework(
    id="rus-2024",
    title="Regional utvecklingsstrategi 2024",
    codes=(
        FrameworkCode(code="unga-i-fokus", label="Unga i fokus"),
        FrameworkCode(code="ungas-inflytande", label="Ungas inflytande", parent="unga-i-fokus"),
    ),
)


def _codes_report(plan: Plan, **kwargs: object) -> list[str]:
    (rule,) = [r for r in uphmodel.RULES if r.id == "refs.codes"]
    return [str(f) for f in uphmodel.check(plan, rules=[rule], **kwargs)]  # type: ignore[arg-type]


def _with_regional_goal(plan: Plan, *, own: bool) -> Plan:
    goal = Goal(id="g-rus", text="Ungas inflytande ökar", focus_areas=("ungas-inflytande",))
    return attrs.evolve(
        plan,
        frameworks=(*plan.frameworks, "rus-2024"),
        own_frameworks=(RUS,) if own else (),
        goals=(*plan.goals, goal),
    )


# --------------------------------------------------------------------------------------------
# the built-in frameworks


def test_every_built_in_framework_cites_where_it_is_published() -> None:
    for framework in builtin():
        cited = framework.citation
        if cited is not None:
            assert cited.title and cited.year and cited.publisher, framework.id
            assert cited.url and cited.url.startswith("http"), framework.id
        else:  # compiled by editors: every code cites a published document that names it
            assert "editorial" in (framework.description or ""), framework.id
            for entry in framework.codes:
                assert entry.citation is not None, (framework.id, entry.code)
                assert entry.citation.title and entry.citation.year, (framework.id, entry.code)
                assert entry.citation.note and '"' in entry.citation.note, (
                    framework.id,
                    entry.code,
                )


def test_the_built_in_frameworks_hold_what_the_seeds_say() -> None:
    catalogue = builtin()
    focus = catalogue["focus-areas-2016"]
    assert [e.label for e in focus.codes] == [
        "Förebyggande och främjande arbete",
        "Tillgängliga och tidiga insatser",
        "Utsatta grupper",
        "Enskildas delaktighet och rättigheter",
        "Ledning, styrning och organisation",
    ]
    strategy = catalogue["strategy-2025"]
    kinds = [e.kind for e in strategy.codes]
    assert kinds.count("overall_goal") == 4 and kinds.count("sub_goal") == 7
    assert strategy.get("fewer-suicides").label == "Färre liv förlorade i suicid"  # type: ignore[union-attr]
    assert [e.code for e in catalogue["prevention-levels"].codes] == [
        "universal",
        "selective",
        "indicated",
    ]


def test_the_shipped_crosswalk_is_editorial_with_evidence_for_every_pair() -> None:
    catalogue = builtin()
    (crosswalk,) = catalogue.crosswalks
    assert crosswalk.basis is MappingBasis.EDITORIAL
    source = catalogue[crosswalk.source_framework]
    target = catalogue[crosswalk.target_framework]
    assert {m.source for m in crosswalk.mappings} == {e.code for e in source.codes}
    for mapping in crosswalk.mappings:
        assert mapping.source in source and mapping.target in target
        assert mapping.evidence and "Norrbotten" in mapping.evidence


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_data_files_are_canonical_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name.endswith(".crosswalk.json"):
        assert uphmodel.dumps_crosswalk(uphmodel.loads_crosswalk(text, strict=True)) == text
    else:
        assert uphmodel.dumps_framework(uphmodel.loads_framework(text, strict=True)) == text


def test_a_framework_is_published_and_read_back_as_a_document(tmp_path: Path) -> None:
    target = tmp_path / "rus-2024.json"
    uphmodel.dump_framework(RUS, target)
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert uphmodel.load_framework(target) == RUS
    with pytest.raises(TypeError, match=r"dumps_framework\(\) takes a Framework"):
        uphmodel.dumps_framework(RUS.codes[0])  # type: ignore[arg-type]


def test_a_broken_framework_document_reports_every_problem() -> None:
    text = json.dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "id": "rus:2024",
            "kind": "goals",
            "codes": [{"code": "a b", "label": 3}],
        }
    )
    with pytest.raises(uphmodel.LoadError) as info:
        uphmodel.loads_framework(text)
    paths = {p.path for p in info.value.problems}
    assert paths == {"/id", "/title", "/kind", "/codes/0/code", "/codes/0/label"}


def test_a_mapping_of_none_has_no_target_and_others_need_one() -> None:
    with pytest.raises(uphmodel.InvalidValue, match="relation 'none' cannot have a target"):
        Mapping(source="a", target="b", relation=Relation.NONE)
    with pytest.raises(uphmodel.InvalidValue, match="relation 'exact' needs a target"):
        Mapping(source="a", relation=Relation.EXACT)
    assert Mapping(source="a", target="b", relation=Relation.BROADER).inverse() == Mapping(
        source="b", target="a", relation=Relation.NARROWER
    )


# --------------------------------------------------------------------------------------------
# catalogues are values


def test_a_catalogue_is_a_value_and_additions_make_new_ones() -> None:
    base = builtin()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        base.frameworks = ()  # type: ignore[misc]
    bigger = base.with_frameworks(RUS)
    assert "rus-2024" in bigger and "rus-2024" not in base
    renamed = attrs.evolve(RUS, title="RUS, reviderad")
    assert bigger.with_frameworks(renamed)["rus-2024"].title == "RUS, reviderad"
    assert bigger.with_frameworks(renamed).ids == bigger.ids  # replaced in place
    with pytest.raises(ValueError, match="two frameworks have the id"):
        Catalogue((RUS, RUS))


def test_an_unknown_framework_id_is_a_key_error_with_a_suggestion() -> None:
    with pytest.raises(UnknownFramework) as info:
        builtin()["strategy-2052"]
    assert isinstance(info.value, KeyError) and isinstance(info.value, uphmodel.UphError)
    assert "did you mean 'strategy-2025'" in str(info.value)


def test_suggestions_come_from_codes_and_from_labels() -> None:
    catalogue = builtin()
    assert catalogue.suggest("fewer-suicide", FrameworkKind.FOCUS_AREAS) == ["fewer-suicides"]
    assert catalogue.suggest("barn-och-unga", FrameworkKind.TARGET_GROUPS)[0] == "children-youth"
    assert catalogue.suggest("utsatta-grupper", FrameworkKind.FOCUS_AREAS) == ["vulnerable-groups"]


# --------------------------------------------------------------------------------------------
# checking codes


def test_a_plan_that_declares_its_own_framework_validates_clean() -> None:
    plan = _with_regional_goal(uphmodel.examples.load("norrbotten-2025-decision"), own=True)
    assert _codes_report(plan) == []
    again = uphmodel.loads(uphmodel.dumps(plan))
    assert again.own_frameworks == (RUS,)
    assert (
        uphmodel.check(again, disable=["indicators.baseline"]).by_rule("frameworks.defined") == ()
    )


def test_codes_of_a_framework_passed_to_check_validate_clean() -> None:
    plan = _with_regional_goal(uphmodel.examples.load("norrbotten-2025-decision"), own=False)
    without = _codes_report(plan)
    assert any("'rus-2024' is not a known framework" in f for f in without)
    assert any("'ungas-inflytande' is not a code" in f for f in without)
    assert _codes_report(plan, frameworks=[RUS]) == []


def test_codes_from_nowhere_fail_with_a_suggestion() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    goal = attrs.evolve(
        plan.goals[0], focus_areas=("vulnerable-group",), target_groups=("young-adult",)
    )
    report = _codes_report(attrs.evolve(plan, goals=(goal, *plan.goals[1:])))
    assert report == [
        "error: /goals/0/focus_areas/0: 'vulnerable-group' is not a code of the focus_areas "
        "frameworks searched (focus-areas-2016, strategy-2025); nearest: vulnerable-groups "
        "[refs.codes]",
        "error: /goals/0/target_groups/0: 'young-adult' is not a code of the target_groups "
        "frameworks "
        "searched (target-groups); nearest: young-adults [refs.codes]",
    ]


def test_a_code_two_frameworks_in_use_define_must_be_qualified() -> None:
    twin = Framework(
        id="rus-2024",
        title="RUS",
        codes=(FrameworkCode(code="children-youth", label="Barn och unga i länet"),),
    )
    plan = uphmodel.examples.load("norrbotten-2025-decision")
    plan = attrs.evolve(plan, own_frameworks=(twin,))
    (finding,) = [f for f in _codes_report(plan) if "children-youth" in f]
    assert "is a code of strategy-2025 and of rus-2024" in finding
    assert "strategy-2025:children-youth or rus-2024:children-youth" in finding
    index = next(i for i, g in enumerate(plan.goals) if "children-youth" in g.focus_areas)
    goal = plan.goals[index]
    fixed = tuple(
        "rus-2024:children-youth" if c == "children-youth" else c for c in goal.focus_areas
    )
    goals = list(plan.goals)
    goals[index] = attrs.evolve(goal, focus_areas=fixed)
    assert _codes_report(attrs.evolve(plan, goals=tuple(goals))) == []


def test_own_frameworks_are_checked_for_duplicates_parents_and_circles() -> None:
    broken = attrs.evolve(
        RUS,
        codes=(
            FrameworkCode(code="a", label="A", parent="b"),
            FrameworkCode(code="b", label="B", parent="a"),
            FrameworkCode(code="b", label="B igen"),
        ),
    )
    plan = Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER, own_frameworks=(broken, RUS))
    (rule,) = [r for r in uphmodel.RULES if r.id == "frameworks.defined"]
    messages = [f"{f.path}: {f.message}" for f in uphmodel.check(plan, rules=[rule])]
    assert messages == [
        "/own_frameworks/0/codes/0/parent: parent goes round in a circle: a → b → a",
        "/own_frameworks/0/codes/2/code: the code 'b' appears twice in 'rus-2024' "
        "(also at /own_frameworks/0/codes/1)",
        "/own_frameworks/1/id: the framework 'rus-2024' is defined twice (also at "
        "/own_frameworks/0)",
    ]


# --------------------------------------------------------------------------------------------
# conversion


def _references(plan: Plan, framework: str) -> list[tuple[str, str]]:
    """Every reference to a code of ``framework`` in the plan's goals, activities, sections and
    grants, with its JSON Pointer."""
    data = json.loads(uphmodel.dumps(plan))
    codes = {e.code for e in builtin()[framework].codes}
    out = []
    for collection in ("sections", "goals", "activities", "grants"):
        for i, item in enumerate(data.get(collection, [])):
            for j, code in enumerate(item.get("focus_areas", [])):
                if code in codes:
                    out.append((f"/{collection}/{i}/focus_areas/{j}", code))
    return out


@pytest.mark.parametrize("name", OLD_PLANS)
def test_converting_a_2016_plan_reports_every_reference_and_loses_nothing(name: str) -> None:
    plan = uphmodel.examples.load(name)
    conversion = uphmodel.convert_framework(plan, to="strategy-2025")
    converted = conversion.plan
    expected = sorted(_references(plan, "focus-areas-2016"))
    assert sorted((r.path, r.code) for r in conversion.references) == expected
    assert expected, "the example refers to focus areas"
    relations = {r.code: r.relation for r in conversion.converted}
    assert relations == {
        code: Relation.BROADER
        for code in ("prevention-promotion", "accessible-early", "vulnerable-groups")
        if code in {c for _, c in expected}
    }
    for ref in conversion.references:
        *where, field, index = ref.path.split("/")
        record: object = converted
        for step in where[1:]:
            record = record[int(step)] if step.isdigit() else getattr(record, step)  # type: ignore[index]
        now = getattr(record, field)[int(index)]
        if ref.status is ConversionStatus.CONVERTED:
            assert now == ref.target and now in builtin()["strategy-2025"]
        else:
            assert now == ref.code and ref.note and ref.candidates
    assert converted.frameworks == (*plan.frameworks, "strategy-2025")
    assert converted.conversions == (conversion.record,)
    assert converted.focus_areas == plan.focus_areas  # the plan's own wording is kept
    assert uphmodel.revert_framework(converted) == plan
    assert uphmodel.loads(uphmodel.dumps(converted)) == converted
    assert _codes_report(converted) == []


def test_only_codes_change_in_a_conversion() -> None:
    plan = uphmodel.examples.load("vasterbotten-2018")
    converted = uphmodel.convert_framework(plan, to="strategy-2025").plan
    changes = list(uphmodel.diff(plan, converted))
    assert {c.field for c in changes if c.item is not None} == {"focus_areas"}
    assert {c.collection for c in changes if c.item is None} == {"frameworks", "conversions"}


def test_several_candidates_leave_the_code_and_list_them() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    conversion = uphmodel.convert_framework(
        plan, to="strategy-2025", accept=[Relation.BROADER, Relation.RELATED]
    )
    ambiguous = {r.code for r in conversion.ambiguous}
    assert ambiguous == {"prevention-promotion", "accessible-early", "vulnerable-groups",
                         "participation-rights"}  # fmt: skip
    (lg,) = {r.target for r in conversion.references if r.code == "leadership-governance"}
    assert lg == "knowledge"  # one related candidate, accepted
    for ref in conversion.ambiguous:
        assert ref.target is None and len(ref.candidates) > 1
        assert "candidates" in (ref.note or "")


def test_a_crosswalk_of_ones_own_an_explicit_none_and_a_broken_pair() -> None:
    crosswalk = Crosswalk(
        id="mine",
        source_framework="focus-areas-2016",
        target_framework="strategy-2025",
        basis=MappingBasis.EDITORIAL,
        mappings=(
            Mapping(source="prevention-promotion", target="wellbeing", relation=Relation.EXACT),
            Mapping(source="leadership-governance", relation=Relation.NONE),
            Mapping(source="accessible-early", target="no-such-goal", relation=Relation.EXACT),
        ),
    )
    plan = uphmodel.examples.load("norrbotten-2021")
    conversion = uphmodel.convert_framework(
        plan, to="strategy-2025", catalogue=Catalogue(builtin().frameworks), crosswalk=crosswalk
    )
    notes = {r.code: (r.status, r.target, r.note) for r in conversion.references}
    assert notes["prevention-promotion"] == (ConversionStatus.CONVERTED, "wellbeing", None)
    assert notes["leadership-governance"][:2] == (ConversionStatus.UNMAPPED, None)
    assert "no counterpart" in notes["leadership-governance"][2]
    assert "'no-such-goal', which is not a code of 'strategy-2025'" in notes["accessible-early"][2]
    assert "the crosswalk has no pair for it" in notes["vulnerable-groups"][2]


def test_a_crosswalk_serves_backwards() -> None:
    plan = uphmodel.examples.load("norrbotten-2025-decision")
    conversion = uphmodel.convert_framework(plan, to="focus-areas-2016")
    back = {(r.code, r.target, r.relation) for r in conversion.converted}
    assert ("better-mental-health", "prevention-promotion", Relation.NARROWER) in back
    assert ("care-meets-needs", None, None) not in back
    ambiguous = {r.code for r in conversion.ambiguous}
    assert "care-meets-needs" not in ambiguous  # one broader pair only: accessible-early
    assert all(r.crosswalk == "focus-areas-2016--strategy-2025" for r in conversion.references)


def test_no_crosswalk_and_unknown_frameworks() -> None:
    plan = _with_regional_goal(uphmodel.examples.load("norrbotten-2025-decision"), own=True)
    conversion = uphmodel.convert_framework(plan, to="focus-areas-2016")
    (ref,) = [r for r in conversion.references if r.framework == "rus-2024"]
    assert ref.status is ConversionStatus.UNMAPPED
    assert ref.note == "no crosswalk from 'rus-2024' to 'focus-areas-2016'"
    with pytest.raises(UnknownFramework, match="did you mean 'strategy-2025'"):
        uphmodel.convert_framework(plan, to="strategy-2024")


def test_revert_refuses_a_plan_edited_since_or_never_converted() -> None:
    plan = uphmodel.examples.load("norrbotten-2021")
    with pytest.raises(ConversionError, match="records no conversion"):
        uphmodel.revert_framework(plan)
    converted = uphmodel.convert_framework(plan, to="strategy-2025")
    ref = converted.converted[0]
    *where, _field, _index = ref.path.split("/")
    assert where[1] in {"sections", "goals", "activities", "grants"}
    collection, position = where[1], int(where[2])
    items = list(getattr(converted.plan, collection))
    items[position] = attrs.evolve(items[position], focus_areas=("wellbeing",))
    edited = attrs.evolve(converted.plan, **{collection: tuple(items)})
    with pytest.raises(ConversionError, match=f"{ref.path}: the conversion to strategy-2025 put"):
        uphmodel.revert_framework(edited)
    shorter = attrs.evolve(converted.plan, **{collection: tuple(items[:position])})
    with pytest.raises(ConversionError, match="no longer there"):
        uphmodel.revert_framework(shorter)


@given(plans(max_items=4), st.sampled_from(["strategy-2025", "focus-areas-2016"]))
def test_any_plan_converts_and_reverts(plan: Plan, to: str) -> None:
    conversion = uphmodel.convert_framework(plan, to=to)
    assert uphmodel.revert_framework(conversion.plan) == plan
    assert uphmodel.loads(uphmodel.dumps(conversion.plan)) == conversion.plan


# --------------------------------------------------------------------------------------------
# generated frameworks and crosswalks


@given(framework_strategy(extras=True))
def test_framework_documents_round_trip(framework: Framework) -> None:
    text = uphmodel.dumps_framework(framework)
    assert uphmodel.loads_framework(text) == framework
    assert uphmodel.dumps_framework(uphmodel.loads_framework(text)) == text


@given(st.data())
def test_crosswalk_documents_round_trip_and_invert(data: st.DataObject) -> None:
    source = data.draw(framework_strategy())
    target = data.draw(framework_strategy())
    crosswalk = data.draw(crosswalks(source, target, extras=True))
    text = uphmodel.dumps_crosswalk(crosswalk)
    assert uphmodel.loads_crosswalk(text) == crosswalk
    twice = crosswalk.inverse().inverse()
    assert twice.mappings == tuple(m for m in crosswalk.mappings if m.target is not None)


def test_public_names() -> None:
    assert frameworks.builtin is builtin
    assert isinstance(Citation(title="t").title, str)


def test_a_diff_names_the_code_of_a_framework_that_changed() -> None:
    plan = Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER, own_frameworks=(RUS,))
    renamed = attrs.evolve(RUS.codes[1], label="Ungas inflytande i regionen")
    new = attrs.evolve(plan, own_frameworks=(attrs.evolve(RUS, codes=(RUS.codes[0], renamed)),))
    (change,) = uphmodel.diff(plan, new)
    assert str(change) == (
        "changed own_frameworks[rus-2024] / codes[ungas-inflytande] / label: "
        '"Ungas inflytande" → "Ungas inflytande i regionen"'
    )
    assert uphmodel.apply(plan, uphmodel.diff(plan, new)) == new
