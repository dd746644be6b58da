"""Canonical JSON: exact numbers, unknown fields, every problem with its path, atomic saves."""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import uphmodel
from uphmodel import FrozenMap, Goal, Grant, LoadError, Plan, PlanKind

from .conftest import EXAMPLES


def small_plan(**changes: object) -> Plan:
    plan = Plan(
        id="p",
        title="Handlingsplan för Östersund – psykisk hälsa",
        kind=PlanKind.PRINCIPAL_PLAN,
        goals=(Goal(id="g1", text="Färre suicid"),),
        grants=(Grant(id="gr1", purpose="Brukarmedverkan", amount=Decimal("68671.3")),),
    )
    return attrs.evolve(plan, **changes)


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as info:
        uphmodel.loads(text)
    return [(p.path, p.message) for p in info.value.problems]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert uphmodel.dumps(uphmodel.loads(text)) == text


def test_output_is_readable_utf8_with_two_space_indent() -> None:
    text = uphmodel.dumps(small_plan())
    assert text.startswith(f'{{\n  "schema_version": "{uphmodel.SCHEMA_VERSION}",\n  "id": "p",\n')
    assert "Östersund – psykisk hälsa" in text  # not \u-escaped
    assert '\n    {\n      "id": "g1"' in text
    assert text.endswith("}\n")
    assert json.loads(text)["grants"][0]["amount"] == 68671.3


def test_numbers_are_read_and_written_exactly() -> None:
    text = uphmodel.dumps(small_plan())
    for written in ["68671.30", "0.1", "12345678901234567890.123456789", "1E+3", "4493174"]:
        changed = text.replace('"amount": 68671.3', f'"amount": {written}')
        plan = uphmodel.loads(changed)
        assert plan.grants[0].amount == Decimal(written)
        assert str(plan.grants[0].amount) == str(Decimal(written))
        assert uphmodel.dumps(plan) == changed


def test_same_plan_gives_same_bytes() -> None:
    a = small_plan(extra=FrozenMap({"b": 1, "a": (FrozenMap({"y": 1, "x": 2}),)}))
    b = small_plan(extra=FrozenMap({"a": (FrozenMap({"x": 2, "y": 1}),), "b": 1}))
    assert a == b
    assert uphmodel.dumps(a) == uphmodel.dumps(b)


def test_unknown_fields_survive_at_plan_level_and_inside_an_activity() -> None:
    data = json.loads(
        uphmodel.dumps(
            small_plan(
                activities=(uphmodel.Activity(id="a1", text="Utbildning i MHFA", goals=("g1",)),)
            )
        )
    )
    data["x_region_tool"] = {"exported": "2026-11-01", "rows": [1, 2.50, None, True]}
    data["activities"][0]["x_cost_centre"] = "4711"
    data["activities"][0]["extra"] = "a field that happens to be called extra"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    plan = uphmodel.loads(text)
    assert plan.extra["x_region_tool"] == FrozenMap(
        {"exported": "2026-11-01", "rows": (1, Decimal("2.50"), None, True)}
    )
    assert plan.activities[0].extra["x_cost_centre"] == "4711"
    again = json.loads(uphmodel.dumps(plan), parse_float=Decimal)
    assert again["x_region_tool"] == {
        "exported": "2026-11-01",
        "rows": [1, Decimal("2.50"), None, True],
    }
    assert again["activities"][0]["x_cost_centre"] == "4711"
    assert again["activities"][0]["extra"] == "a field that happens to be called extra"
    assert uphmodel.dumps(uphmodel.loads(uphmodel.dumps(plan))) == uphmodel.dumps(plan)


def test_unknown_fields_go_after_known_ones_in_sorted_order() -> None:
    text = uphmodel.dumps(small_plan(extra=FrozenMap({"zz": 1, "aa": 2})))
    keys = list(json.loads(text))
    assert keys[-2:] == ["aa", "zz"]
    assert keys[:2] == ["schema_version", "id"]


def test_defaults_are_left_out() -> None:
    data = json.loads(uphmodel.dumps(small_plan()))
    assert "language" not in data  # "sv" is the default
    assert "currency" not in data["grants"][0]  # SEK is the default
    assert "horizon" not in data["goals"][0]


def test_three_wrong_values_are_reported_together_with_their_paths() -> None:
    data = json.loads(
        uphmodel.dumps(
            small_plan(
                indicators=(
                    uphmodel.Indicator(
                        id="i1",
                        name="Antal utbildade",
                        baselines=(uphmodel.Observation(value=Decimal(35)),),
                    ),
                ),
            )
        )
    )
    data["goals"][0]["horizon"] = "longterm"
    data["indicators"][0]["baselines"][0]["value"] = [35]
    data["grants"][0]["amount"] = "68 671,3"
    found = problems(json.dumps(data))
    assert [path for path, _ in found] == [
        "/goals/0/horizon",
        "/indicators/0/baselines/0/value",
        "/grants/0/amount",
    ]
    messages = dict(found)
    assert (
        "'long_term'" in messages["/goals/0/horizon"]
        and "'longterm'" in messages["/goals/0/horizon"]
    )
    assert "expected a number" in messages["/grants/0/amount"]
    assert "68 671,3" in messages["/grants/0/amount"]


def test_load_error_is_a_value_error_under_the_root() -> None:
    with pytest.raises(LoadError) as info:
        uphmodel.loads("{}")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, uphmodel.UphError)
    assert "/schema_version" in str(info.value)


@pytest.mark.parametrize(
    ("text", "path", "fragment"),
    [
        ("{", "", "not valid JSON"),
        ("[]", "", "must be a JSON object"),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "plan"}',
            "/kind",
            "expected one of 'joint_county_plan'",
        ),
        (
            '{"schema_version": "99.0", "id": "p", "title": "t", "kind": "other"}',
            "/schema_version",
            "newer than this version of uphmodel, which reads up to",
        ),
        (
            '{"schema_version": "1.0", "title": "t", "kind": "other"}',
            "/id",
            "required field is missing",
        ),
        (
            '{"schema_version": "1.0", "id": "p p", "title": "t", "kind": "other"}',
            "/id",
            "without spaces",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": 5, "kind": "other"}',
            "/title",
            "expected text, got the number 5",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other",'
            ' "period": "2018-20"}',
            "/period",
            "is not a period",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other", "date": "28/9"}',
            "/date",
            "YYYY-MM-DD",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other", "goals": {}}',
            "/goals",
            "expected a list",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other", "goals": ["g"]}',
            "/goals/0",
            "expected an object (Goal)",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other",'
            ' "owners": ["a", ""]}',
            "/owners/1",
            "id must be non-empty",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other", "title": "u"}',
            "/title",
            "appears more than once",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other", "version": NaN}',
            "",
            "not valid JSON",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other",'
            ' "populations": [{"id": "x", "stakeholder": "s", "count": 12.0}]}',
            "/populations/0/count",
            "expected a whole number",
        ),
        (
            '{"schema_version": "1.0", "id": "p", "title": "t", "kind": "other",'
            ' "stakeholders": [{"id": "s", "name": "n", "kind": "region",'
            ' "identifiers": {"a/b": 1}}]}',
            "/stakeholders/0/identifiers/a~1b",
            "expected text",
        ),
    ],
)
def test_bad_documents_name_the_path(text: str, path: str, fragment: str) -> None:
    text = text.replace('"schema_version": "1.0"', f'"schema_version": "{uphmodel.SCHEMA_VERSION}"')
    found = problems(text)
    assert any(p == path and fragment in m for p, m in found), found


def test_bytes_with_bom_and_bad_utf8() -> None:
    text = uphmodel.dumps(small_plan())
    assert uphmodel.loads(b"\xef\xbb\xbf" + text.encode()) == small_plan()
    with pytest.raises(LoadError, match="not UTF-8"):
        uphmodel.loads(b'{"id": "\xff"}')


def test_negative_zero_is_written_as_it_will_be_read() -> None:
    plan = small_plan(grants=(Grant(id="g", purpose="p", amount=Decimal("-0")),))
    text = uphmodel.dumps(plan)
    assert '"amount": 0' in text
    assert uphmodel.dumps(uphmodel.loads(text)) == text


def test_records_refuse_extras_that_would_shadow_fields() -> None:
    with pytest.raises(ValueError, match="holds 'schema_version', which the record writes"):
        small_plan(extra=FrozenMap({"schema_version": "9"}))
    with pytest.raises(ValueError, match="extra: holds 'text', which the record writes itself"):
        Goal(id="g", text="t", extra=FrozenMap({"text": "other"}))
    assert Goal(id="g", text="t", extra={"extra": 1, "schema_version": "x"}).extra["extra"] == 1


def test_load_and_dump_paths_and_files(tmp_path: Path) -> None:
    plan = small_plan()
    target = tmp_path / "plan.json"
    uphmodel.dump(plan, target)
    assert uphmodel.load(target) == plan
    assert uphmodel.load(str(target)) == plan
    with target.open("rb") as binary:
        assert uphmodel.load(binary) == plan
    with target.open(encoding="utf-8") as textfile:
        assert uphmodel.load(textfile) == plan
    buffer = io.StringIO()
    uphmodel.dump(plan, buffer)
    assert buffer.getvalue() == target.read_text(encoding="utf-8")
    raw = io.BytesIO()
    uphmodel.dump(plan, raw)
    assert raw.getvalue() == target.read_bytes()


def test_load_error_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "broken.json"
    target.write_text(f'{{"schema_version": "{uphmodel.SCHEMA_VERSION}"}}', encoding="utf-8")
    with pytest.raises(LoadError, match=r"broken\.json") as info:
        uphmodel.load(target)
    assert {p.path for p in info.value.problems} == {"/id", "/title", "/kind"}


def test_dump_to_a_path_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.json"
    uphmodel.dump(small_plan(), target)
    os.chmod(target, 0o640)
    before = target.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk pulled out"):
        uphmodel.dump(small_plan(title="Ny titel"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]  # no temporary file left

    monkeypatch.undo()
    uphmodel.dump(small_plan(title="Ny titel"), target)
    assert uphmodel.load(target).title == "Ny titel"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # the file keeps its mode
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_dumps_rejects_what_is_not_a_plan() -> None:
    with pytest.raises(TypeError, match="dumps\\(\\) takes a Plan"):
        uphmodel.dumps({"id": "p"})  # type: ignore[arg-type]


def test_example_copy_keeps_unknown_fields_at_plan_level_and_in_an_activity(
    jamtland_text: str,
) -> None:
    data = json.loads(jamtland_text)
    data["x_landsting_tool"] = {"version": 3, "checked": True}
    data["activities"][4]["x_kostnad"] = "__number__"
    text = json.dumps(data, ensure_ascii=False).replace('"__number__"', "12500.50")
    again = json.loads(uphmodel.dumps(uphmodel.loads(text)), parse_float=Decimal)
    assert again["x_landsting_tool"] == {"version": 3, "checked": True}
    assert str(again["activities"][4]["x_kostnad"]) == "12500.50"
    del again["x_landsting_tool"], again["activities"][4]["x_kostnad"]
    assert again == json.loads(jamtland_text, parse_float=Decimal)


def test_example_copy_with_three_wrong_values(jamtland_text: str) -> None:
    data = json.loads(jamtland_text)
    data["goals"][3]["timeline"]["period"] = "2018-2022"
    data["indicators"][0]["measure"] = "procent"
    data["pools"][0]["contributions"][1]["amount"] = "68 671,3"
    found = problems(json.dumps(data))
    assert [path for path, _ in found] == [
        "/goals/3/timeline/period",
        "/indicators/0/measure",
        "/pools/0/contributions/1/amount",
    ]
