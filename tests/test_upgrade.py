"""Schema versions: documents of every earlier version load, to the same plan; upgrades keep
unknown fields; documents from the future are refused; typos are named with a suggestion."""

from __future__ import annotations

import copy
import itertools
import json
from decimal import Decimal
from pathlib import Path

import pytest

import uphmodel
from uphmodel import SCHEMA_VERSION, SchemaWarning, UpgradeError
from uphmodel._upgrade import STEPS, version_of
from uphmodel.cli import main

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
VERSIONS = sorted(p.name.removeprefix("schema-") for p in FIXTURES.glob("schema-*"))
FROZEN = sorted(FIXTURES.glob("schema-*/*.json"))


def _minimal(version: str, **fields: object) -> dict[str, object]:
    return {"schema_version": version, "id": "p", "title": "t", "kind": "other", **fields}


# --------------------------------------------------------------------------------------------
# the frozen documents of every earlier version


def test_there_is_a_frozen_document_of_every_version_for_every_example() -> None:
    earlier = {step.source for step in STEPS}
    assert earlier <= set(VERSIONS) <= earlier | {uphmodel.SCHEMA_VERSION}
    for version in VERSIONS:
        folder = FIXTURES / f"schema-{version}"
        assert sorted(p.stem for p in folder.glob("*.json")) == sorted(uphmodel.examples.names())
        for path in folder.glob("*.json"):
            assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == version


@pytest.mark.parametrize("path", FROZEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_frozen_documents_keep_loading_to_the_same_plan(path: Path) -> None:
    version = path.parent.name.removeprefix("schema-")
    expected = (path.parent / "upgraded" / path.name).read_text(encoding="utf-8")
    if version == uphmodel.SCHEMA_VERSION:
        plan = uphmodel.load(path)
    else:
        with pytest.warns(SchemaWarning, match=f"upgraded from schema_version {version} to"):
            plan = uphmodel.load(path)
    assert uphmodel.dumps(plan) == expected
    assert uphmodel.loads(expected) == plan


# --------------------------------------------------------------------------------------------
# the steps


def test_the_steps_form_one_chain_to_the_current_version() -> None:
    assert STEPS[0].source == "1.0"
    for before, after in itertools.pairwise(STEPS):
        assert after.source == before.target
    for step in STEPS:
        assert version_of(step.target) > version_of(step.source)  # type: ignore[operator]
    assert STEPS[-1].target == uphmodel.SCHEMA_VERSION


def test_upgrade_keeps_unknown_fields_everywhere_and_leaves_its_input_alone() -> None:
    data = json.loads(
        (FIXTURES / "schema-1.0" / "norrbotten-2021.json").read_text(encoding="utf-8"),
        parse_float=Decimal,
    )
    data["x_tool"] = {"exported": "2026-11-30", "rows": [1, Decimal("2.50"), None]}
    data["activities"][0]["x_kostnadsstalle"] = "4711"
    data["activities"][0]["timeline"]["x_osaker"] = True
    before = copy.deepcopy(data)
    upgraded, notes = uphmodel.upgrade(data)
    assert data == before
    assert upgraded["schema_version"] == uphmodel.SCHEMA_VERSION
    assert [str(n) for n in notes] == [
        "1.0 → 1.1: nothing to change; 1.1 adds own frameworks and framework conversions to plans",
        "1.1 → 2.0 /relations: related_plans became relations: 1 plan(s) related without saying "
        "how (kind 'related'); say 'replaces', 'revises', 'supplements', 'follows_up' or "
        "'under_agreement' where the plan does",
        "2.0 → 2.1: nothing to change; 2.1 adds school terms (2024HT), tertials (2023T2) and "
        "terms of office (2022MP) to periods, and to timelines the recurrence as written, the "
        "state of the work, hedging, and what was inferred",
    ]
    assert upgraded["relations"] == [{"plan": "norrbotten-2020", "kind": "related"}]
    assert "related_plans" not in upgraded
    assert upgraded["x_tool"] == data["x_tool"]
    assert upgraded["activities"][0]["x_kostnadsstalle"] == "4711"
    assert upgraded["activities"][0]["timeline"]["x_osaker"] is True
    with pytest.warns(SchemaWarning):
        plan = uphmodel.loads(json.dumps(data, default=str))
    assert plan.extra["x_tool"]["exported"] == "2026-11-30"  # type: ignore[index]
    assert plan.activities[0].extra["x_kostnadsstalle"] == "4711"


def test_a_current_document_is_not_copied() -> None:
    data = _minimal(uphmodel.SCHEMA_VERSION)
    upgraded, notes = uphmodel.upgrade(data)
    assert upgraded is data and notes == ()


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (None, "required field is missing"),
        ("1", "written MAJOR.MINOR"),
        ("1.0.1", "written MAJOR.MINOR"),
        ("01.0", "written MAJOR.MINOR"),
        (1.0, "written MAJOR.MINOR"),
        ("0.9", "schema_version 0.9 was never released"),
        ("99.0", f"newer than this version of uphmodel, which reads up to {SCHEMA_VERSION}"),
    ],
)
def test_bad_versions_are_refused_clearly(version: object, message: str) -> None:
    data = _minimal("x")
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    with pytest.raises(UpgradeError, match=message):
        uphmodel.upgrade(data)
    with pytest.raises(uphmodel.LoadError) as info:
        uphmodel.loads(json.dumps(data))
    assert [(p.path, message in p.message) for p in info.value.problems] == [
        ("/schema_version", True)
    ]


def test_a_newer_minor_version_is_read_with_a_warning_but_never_made_older() -> None:
    newer = f"{SCHEMA_VERSION.split('.')[0]}.9"
    data = _minimal(newer, x_added_later={"kept": True})
    with pytest.warns(SchemaWarning, match=f"{newer} is newer than this version of uphmodel"):
        plan = uphmodel.loads(json.dumps(data))
    assert plan.extra["x_added_later"] == uphmodel.FrozenMap({"kept": True})
    with pytest.raises(UpgradeError, match="cannot be brought down to an older version"):
        uphmodel.upgrade(data)


# --------------------------------------------------------------------------------------------
# uphmodel migrate


def test_migrate_rewrites_an_old_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "plan.json"
    old.write_bytes((FIXTURES / "schema-1.0" / "vasterbotten-2018.json").read_bytes())
    new = tmp_path / "new.json"
    assert main(["migrate", str(old), str(new)]) == 0
    upgraded = FIXTURES / "schema-1.0" / "upgraded" / "vasterbotten-2018.json"
    assert new.read_text(encoding="utf-8") == upgraded.read_text(encoding="utf-8")
    assert "1.0 → 1.1" in capsys.readouterr().err
    assert main(["migrate", str(old)]) == 0  # in place
    assert old.read_bytes() == new.read_bytes()
    assert main(["migrate", str(old)]) == 0
    assert f"already at schema_version {SCHEMA_VERSION}" in capsys.readouterr().err


def test_migrate_refuses_a_document_from_the_future(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    future = tmp_path / "future.json"
    text = json.dumps(_minimal("99.9"))
    future.write_text(text, encoding="utf-8")
    assert main(["migrate", str(future)]) == 2
    err = capsys.readouterr().err
    assert f"99.9 is newer than this version of uphmodel, which reads up to {SCHEMA_VERSION}" in err
    assert future.read_text(encoding="utf-8") == text
    assert list(tmp_path.iterdir()) == [future]


def test_migrate_tells_frameworks_from_plans(tmp_path: Path) -> None:
    framework = uphmodel.frameworks.builtin()["strategy-2025"]
    target = tmp_path / "fw.json"
    uphmodel.dump_framework(framework, target)
    assert main(["migrate", str(target), str(tmp_path / "same.json")]) == 0
    assert uphmodel.load_framework(tmp_path / "same.json") == framework
    assert main(["migrate", "--kind", "plan", str(target), str(tmp_path / "x.json")]) == 2


# --------------------------------------------------------------------------------------------
# strict reading and typos


def test_strict_reading_names_every_unknown_field_with_a_suggestion() -> None:
    data = _minimal(
        uphmodel.SCHEMA_VERSION,
        goals=[{"id": "g1", "txt": "Färre suicid", "timline": "2026", "horizon": "lång"}],
        x_tool=1,
    )
    text = json.dumps(data)
    with pytest.raises(uphmodel.LoadError) as info:
        uphmodel.loads(text, strict=True)
    found = {(p.path, p.message) for p in info.value.problems}
    assert ("/x_tool", "unknown field 'x_tool'") in found
    assert ("/goals/0/timline", "unknown field 'timline' (did you mean 'timeline'?)") in found
    assert ("/goals/0/txt", "unknown field 'txt' (did you mean 'text'?)") in found
    assert any(p == "/goals/0/horizon" and "expected one of" in m for p, m in found)


def test_unknown_fields_are_kept_and_reported_by_check() -> None:
    data = _minimal(
        uphmodel.SCHEMA_VERSION,
        goals=[{"id": "g1", "text": "Färre suicid", "timline": "2026"}],
    )
    plan = uphmodel.loads(json.dumps(data))
    assert plan.goals[0].extra == uphmodel.FrozenMap({"timline": "2026"})
    (finding,) = uphmodel.check(plan).by_rule("fields.unknown")
    assert finding.severity is uphmodel.Severity.INFO
    assert finding.path == "/goals/0/timline" and finding.item == "g1"
    assert "did you mean 'timeline'?" in finding.message
    assert json.loads(uphmodel.dumps(plan))["goals"][0]["timline"] == "2026"
