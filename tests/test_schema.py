"""The JSON Schema: generated from the model, shipped, and in agreement with ``loads``."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import uphmodel
from uphmodel import Plan
from uphmodel.formats._schema import schema_text, shipped_schema
from uphmodel.strategies import plans

NAMES = uphmodel.examples.names()


def validator(kind: str = "plan") -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        uphmodel.json_schema(kind), format_checker=jsonschema.FormatChecker()
    )


@pytest.mark.parametrize("kind", ["plan", "framework", "crosswalk"])
def test_the_schemas_are_valid_draft_2020_12_and_shipped_as_generated(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(uphmodel.json_schema(kind))
    assert shipped_schema(kind) == schema_text(kind), "run: python tools/gen_schemas.py"


def test_the_schema_describes_records_from_their_docstrings() -> None:
    schema = uphmodel.json_schema()
    goal = schema["$defs"]["Goal"]
    assert goal["required"] == ["id", "text"]
    assert goal["properties"]["horizon"]["anyOf"][0]["enum"] == [
        "long_term", "short_term", "overall", "sub_goal"]  # fmt: skip
    assert goal["properties"]["text"]["description"] == "the goal as worded."
    assert goal["additionalProperties"] is True
    assert schema["$defs"]["Observation"]["properties"]["value"]["anyOf"][0] == {
        "type": ["number", "boolean", "string"]
    }


@pytest.mark.parametrize("name", NAMES)
def test_every_example_is_valid(name: str) -> None:
    assert list(validator().iter_errors(json.loads(uphmodel.examples.text(name)))) == []


def test_every_built_in_framework_and_crosswalk_is_valid() -> None:
    for framework in uphmodel.frameworks.builtin():
        document = json.loads(uphmodel.dumps_framework(framework))
        assert validator("framework").is_valid(document), framework.id
    for crosswalk in uphmodel.frameworks.builtin().crosswalks:
        assert validator("crosswalk").is_valid(json.loads(uphmodel.dumps_crosswalk(crosswalk)))


@given(plans(max_items=4, extras=True))
def test_generated_plans_are_valid(plan: Plan) -> None:
    errors = list(validator().iter_errors(json.loads(uphmodel.dumps(plan))))
    assert errors == [], [e.message for e in errors]


Mutation = Callable[[dict[str, Any]], None]
MUTATIONS: dict[str, Mutation] = {
    "title a number": lambda d: d.__setitem__("title", 5),
    "no id": lambda d: d.pop("id"),
    "unknown kind": lambda d: d.__setitem__("kind", "plan"),
    "goal text missing": lambda d: d["goals"][0].pop("text"),
    "goals an object": lambda d: d.__setitem__("goals", {}),
    "horizon misspelt": lambda d: d["goals"][0].__setitem__("horizon", "lång"),
    "period in words": lambda d: d.__setitem__("period", "2018-2020"),
    "date as written": lambda d: d.__setitem__("date", "28/8 2018"),
    "amount with spaces": lambda d: d["grants"][0].__setitem__("amount", "4 493 174"),
    "an id with a space": lambda d: d["goals"][0].__setitem__("id", "mål 1"),
    "owners not a list": lambda d: d.__setitem__("owners", "region-jh"),
    "open end as text": lambda d: d["goals"][0]["timeline"].__setitem__("open_end", "ja"),
    "value an object": lambda d: d["indicators"][0]["observations"][0].__setitem__("value", {}),
    "schema version missing": lambda d: d.pop("schema_version"),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_what_loads_rejects_the_schema_rejects(mutation: str) -> None:
    document = json.loads(uphmodel.examples.text("jamtland-harjedalen-2018"))
    with_timeline = next(i for i, g in enumerate(document["goals"]) if "timeline" in g)
    document["goals"].insert(0, document["goals"].pop(with_timeline))
    with_values = next(i for i, x in enumerate(document["indicators"]) if "observations" in x)
    document["indicators"].insert(0, document["indicators"].pop(with_values))
    assert validator().is_valid(document)
    broken = copy.deepcopy(document)
    MUTATIONS[mutation](broken)
    with pytest.raises(uphmodel.LoadError):
        uphmodel.loads(json.dumps(broken, ensure_ascii=False))
    assert not validator().is_valid(broken)


def test_a_whole_number_written_with_a_decimal_point_is_the_one_difference() -> None:
    """JSON Schema cannot tell 12.0 from 12; ``loads`` refuses 12.0 for a whole number."""
    document = json.loads(uphmodel.examples.text("jamtland-harjedalen-2018"))
    document["populations"][0]["count"] = 7126.0
    assert validator().is_valid(document)
    with pytest.raises(uphmodel.LoadError, match="expected a whole number"):
        uphmodel.loads(json.dumps(document))
