"""The fast path of reading (``uphmodel._fast``): it gives what the detailed path gives, or
nothing, so every problem is still found and reported by the detailed path."""

from __future__ import annotations

import json
import sys
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import uphmodel
from tests.fuzzing import cases
from uphmodel import Limits, LoadError, Plan, strategies
from uphmodel._json import _CONVERTER, _LIMITS, _parse, _quick, json_text, structure, unstructure

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "src" / "uphmodel" / "examples").glob("*.json"))
sys.path.insert(0, str(ROOT))
from benchmarks._generate import plan_document  # noqa: E402


def detailed(text: str | bytes, *, strict: bool = False, limits: Limits | None = None) -> Plan:
    """The plan by the detailed path alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return structure(_parse(text, None, limits), Plan, "plan", strict=strict)


def quick(text: str | bytes, *, strict: bool = False, limits: Limits | None = None) -> Any:
    return _quick(text, Plan, strict, limits or _LIMITS)


def assert_same(fast: Plan, slow: Plan) -> None:
    assert fast == slow
    assert uphmodel.dumps(fast) == uphmodel.dumps(slow)
    assert type(fast) is type(slow)


def assert_same_data(record: Any) -> None:
    """The generated unstructure functions give what the converter gives, key for key."""
    fast, slow = unstructure(record), _CONVERTER.unstructure(record)
    assert fast == slow
    assert json_text(fast) == json_text(slow)  # the same order of keys, all the way down


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_takes_the_fast_path_and_gives_the_same_plan(path: Path) -> None:
    text = path.read_text("utf-8")
    for given_as in (text, text.encode("utf-8"), "\ufeff" + text):
        fast = quick(given_as)
        assert fast is not None, "the fast path declined a bundled example"
        assert_same(fast, detailed(given_as))
        assert_same_data(fast)
    assert_same(quick(text, strict=True), detailed(text, strict=True))


def test_generated_plans_take_the_fast_path() -> None:
    for number in range(4):
        text = json.dumps(plan_document(number, scale=0.05), default=str, ensure_ascii=False)
        fast = quick(text)
        assert fast is not None
        assert_same(fast, detailed(text))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.plans())
def test_any_plan_reads_the_same_by_both_paths(plan: Plan) -> None:
    text = uphmodel.dumps(plan)
    fast = quick(text)
    if fast is None:  # texts such as ':)' or '\\":' make the key count high: declined
        assert_same(detailed(text), plan)
        return
    assert_same(fast, plan)
    assert_same(fast, detailed(text))
    assert_same_data(plan)


@pytest.mark.parametrize("seed", [21, 22])
def test_mutated_documents_give_the_same_result_by_both_paths(seed: int) -> None:
    """Whatever the fast path accepts, the detailed path accepts, and reads the same."""
    taken = 0
    for _name, text in cases(seed, 150):
        fast = quick(text)
        if fast is None:
            continue
        taken += 1
        assert_same(fast, detailed(text))
    assert taken > 10  # many mutations leave a valid document


def test_frameworks_and_crosswalks_write_the_same_data() -> None:
    for framework in uphmodel.frameworks.builtin().frameworks:
        assert_same_data(framework)
        text = uphmodel.dumps_framework(framework)
        assert uphmodel.loads_framework(text) == framework
        assert _quick(text, uphmodel.Framework, False, _LIMITS) == framework
    for crosswalk in uphmodel.frameworks.builtin().crosswalks:
        assert_same_data(crosswalk)
        assert uphmodel.loads_crosswalk(uphmodel.dumps_crosswalk(crosswalk)) == crosswalk


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.frameworks())
def test_any_framework_reads_and_writes_the_same_by_both_paths(framework: Any) -> None:
    assert_same_data(framework)
    text = uphmodel.dumps_framework(framework)
    fast = _quick(text, uphmodel.Framework, False, _LIMITS)
    if fast is not None:
        assert fast == framework


def _document(**fields: Any) -> dict[str, Any]:
    return {"schema_version": uphmodel.SCHEMA_VERSION, "id": "p", "title": "Plan",
            "kind": "principal_plan", **fields}  # fmt: skip


def _text(doc: Any) -> str:
    return json_text(doc)


KEPT = [
    pytest.param({"x-tool": {"a": [1, {"b": None}], "c": Decimal("1.5")}}, id="unknown-field"),
    pytest.param({"goals": [{"id": "g1", "text": "Mål", "x": [[[]]]}]}, id="unknown-nested"),
    pytest.param({"goals": [{"id": "g1", "text": 'Säger "nej": så'}]}, id="quote-and-colon"),
    pytest.param(
        {"goals": [{"id": "g1", "text": "rad ett\nrad två\t\u2013 \U0001f600"}]}, id="escapes"
    ),
]


@pytest.mark.parametrize("fields", KEPT)
def test_unusual_but_valid_documents_read_the_same(fields: dict[str, Any]) -> None:
    text = _text(_document(**fields))
    slow = detailed(text)
    fast = quick(text)
    if fast is not None:  # a text holding '":' is counted high, and declined: both are right
        assert_same(fast, slow)
    assert_same(uphmodel.loads(text), slow)


def test_unknown_fields_take_the_fast_path_and_are_kept() -> None:
    text = _text(_document(**{"x-tool": {"a": [1, {"b": None}]}, "goals": [
        {"id": "g1", "text": "Mål", "x-note": "kept"}]}))  # fmt: skip
    fast = quick(text)
    assert fast is not None
    assert fast.extra["x-tool"]["a"][1]["b"] is None
    assert fast.goals[0].extra["x-note"] == "kept"
    assert_same(fast, detailed(text))
    assert quick(text, strict=True) is None  # strictly, the detailed path reports them


# Documents the fast path must hand to the detailed path, and what that path then reports.
DECLINED = [
    pytest.param('"id": "p", "id": "q", "title": "T"', "/id", id="key-twice"),
    pytest.param(
        '"id": "p", "title": "T", "goals": [{"id": "g", "text": "a", "text": "b"}]',
        "/goals/0/text",
        id="key-twice-nested",
    ),
    pytest.param(
        '"id" : "p", "title": "T", "title": "U", "x": "\\":"',
        "/title",
        id="key-twice-hidden-by-spaces",
    ),
    pytest.param(
        '"id": "p", "title": "T", "goals": [{"id": "g", "text": "a", "x": "b", "x": 1}]',
        "/goals/0/x",
        id="unknown-twice",
    ),
    pytest.param('"id": "p", "title": "T\\ud800"', "/title", id="escaped-lone-surrogate"),
    pytest.param('"id": "p", "title": "T", "x": 1e999999', "/x", id="huge-exponent"),
    pytest.param('"id": "p", "title": "T", "x": ' + "9" * 150, "/x", id="long-integer"),
    pytest.param(
        '"id": "p", "title": "T", "grants": [{"id": "g", "amount": ' + "9" * 150 + "}]",
        "/grants/0/amount",
        id="long-integer-amount",
    ),
    pytest.param(
        '"id": "p", "title": "T", "x": {"y": [' + "9" * 150 + "]}",
        "/x/y/0",
        id="long-integer-nested",
    ),
    pytest.param('"id": "p", "title": "T", "x": 0.' + "1" * 150, "/x", id="long-decimal"),
    pytest.param('"id": "p", "title": "T", "x": ' + "[" * 120 + "]" * 120, "/x", id="deep-extra"),
    pytest.param('"id": "p"', "/title", id="required-missing"),
    pytest.param('"id": "p q", "title": "T"', "/id", id="bad-id"),
    pytest.param('"id": "p", "title": 5', "/title", id="wrong-type"),
    pytest.param(
        '"id": "p", "title": "T", "goals": [{"id": "g", "text": "a", "horizon": "x"}]',
        "/goals/0/horizon",
        id="bad-enum",
    ),
    pytest.param(
        '"id": "p", "title": "T", "indicators": [{"id": "i", "name": "n", '
        '"observations": [{"period": "2021", "value": 1.5, "breakdown": {"sex": 1}}]}]',
        "/indicators/0/observations/0/breakdown/sex",
        id="bad-breakdown",
    ),
    pytest.param('"id": "p", "title": "T", "period": "20x1"', "/period", id="bad-period"),
]


@pytest.mark.parametrize(("body", "pointer"), DECLINED)
def test_documents_with_problems_are_declined_and_reported_by_the_detailed_path(
    body: str, pointer: str
) -> None:
    head = f'"schema_version": "{uphmodel.SCHEMA_VERSION}", "kind": "principal_plan"'
    text = "{" + head + ", " + body + "}"
    assert quick(text) is None
    with pytest.raises(LoadError) as caught:
        uphmodel.loads(text)
    assert [p.path for p in caught.value.problems if p.path.startswith(pointer)]


def test_a_raw_lone_surrogate_is_declined() -> None:
    text = _text(_document()).replace('"Plan"', '"Pl\ud800an"')
    assert quick(text) is None
    with pytest.raises(LoadError, match="surrogate"):
        uphmodel.loads(text)


def test_limits_given_by_the_caller_hold_on_the_fast_path() -> None:
    doc = _document(goals=[{"id": "g1", "text": "Mål", "indicators": ["i1"]}],
                    indicators=[{"id": "i1", "name": "n", "observations": [
                        {"period": "2021", "value": Decimal("12.5"),
                         "breakdown": {"sex": "kvinnor"}}]}])  # fmt: skip
    text = _text(doc)
    assert quick(text) is not None
    assert quick(text, limits=Limits(depth=5)) is None
    with pytest.raises(LoadError, match="nested deeper"):
        uphmodel.loads(text, limits=Limits(depth=5))
    assert quick(text, limits=Limits(digits=2)) is None
    with pytest.raises(LoadError, match="digits"):
        uphmodel.loads(text, limits=Limits(digits=2))
    assert quick(text, limits=Limits(value_size=10)) is None


def test_older_documents_are_upgraded_by_the_detailed_path() -> None:
    older = ROOT / "tests" / "fixtures" / "schema-1.0"
    for path in sorted(older.glob("*.json"))[:2]:
        text = path.read_text("utf-8")
        assert quick(text) is None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert isinstance(uphmodel.loads(text), Plan)


def test_a_validator_the_fast_path_does_not_imply_still_runs() -> None:
    """A recurrence is checked by its own validator (an RRULE), on the fast path too."""
    timeline = {"text": "varje år", "recurrence": "FREQ=NEVER"}
    doc = _document(activities=[{"id": "a1", "text": "Möte", "timeline": timeline}])
    text = _text(doc)
    assert quick(text) is None
    with pytest.raises(LoadError, match="RRULE"):
        uphmodel.loads(text)
    doc["activities"][0]["timeline"]["recurrence"] = "FREQ=YEARLY"  # a good rule reads fast
    fast = quick(_text(doc))
    assert fast is not None
    assert fast.activities[0].timeline.recurrence == "FREQ=YEARLY"
