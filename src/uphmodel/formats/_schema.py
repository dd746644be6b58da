"""A JSON Schema (draft 2020-12) of the documents, generated from the model.

Every record is a definition with its fields' types, the enums' values, the formats of dates,
periods and ids, which fields are required, and the descriptions of the records' docstrings.
Unknown fields are allowed everywhere (``additionalProperties``), as ``loads`` keeps them.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import re
import typing
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel._upgrade import SCHEMA_VERSION
from uphmodel.model import CODE, EXTRA, ID, IDS, Crosswalk, Framework, Plan, Value

__all__ = ["attribute_docs", "json_schema", "shipped_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_KINDS = {"plan": Plan, "framework": Framework, "crosswalk": Crosswalk}

_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_WEEK = r"(?:0?[1-9]|[1-4][0-9]|5[0-3])"
_SPAN = rf"[0-9]{{4}}(?:S[12]|Q[1-4]|T[1-3]|VT|HT|MP|W{_WEEK}|-{_MONTH}(?:-{_DAY})?)?"
_DATE = rf"^[0-9]{{4}}-{_MONTH}-{_DAY}$"
_PERIOD = rf"^(?:{_SPAN}(?:/(?:{_SPAN})?)?|/{_SPAN})$"
_ID = r"^\S+$"
_CODE = r"^[^\s:]+$"


def attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a record's docstring, by field name, lines joined."""
    doc = inspect.getdoc(cls) or ""
    section = doc.split("Attributes:", 1)[1] if "Attributes:" in doc else ""
    out: dict[str, str] = {}
    current = None
    for line in section.splitlines():
        m = re.match(r"^    (\w+): (.*)$", line)
        if m:
            current = m.group(1)
            out[current] = m.group(2).strip()
        elif current and line.startswith("        "):
            out[current] += " " + line.strip()
        elif line.strip() and not line.startswith(" "):
            break
    return out


def _plain(text: str) -> str:
    """Docstring markup as plain text: ``:class:`X``` and ````x```` as ``X`` and ``x``."""
    return re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "`")


def _summary(cls: type) -> str:
    return _plain((inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " "))


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder: records refer to each other
            self.defs[cls.__name__] = self.record(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def record(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.metadata.get("uph") == EXTRA["uph"]:
                continue
            schema = self.field(field, hints[field.name])
            if field.name in docs:
                schema = {**schema, "description": _plain(docs[field.name])}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": _summary(cls),
            "properties": properties,
            "additionalProperties": True,
        }
        if required:
            out["required"] = required
        return out

    def field(self, field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
        kind = field.metadata.get("uph")
        args = typing.get_args(hint)
        optional = type(None) in args and field.default is None
        rest = tuple(a for a in args if a is not type(None)) if type(None) in args else None
        inner = (rest[0] if len(rest) == 1 else typing.Union[rest]) if rest else hint  # noqa: UP007
        if kind == ID["uph"]:
            schema: dict[str, Any] = {"type": "string", "pattern": _ID}
        elif kind == CODE["uph"]:
            schema = {"type": "string", "pattern": _CODE}
        elif kind == IDS["uph"]:
            schema = {"type": "array", "items": {"type": "string", "pattern": _ID}}
        else:
            schema = self.type(inner)
        if optional:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema

    def type(self, hint: Any) -> dict[str, Any]:
        if set(typing.get_args(hint)) == set(typing.get_args(Value)):
            return {"type": ["number", "boolean", "string"]}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint]}
        if isinstance(hint, type) and attrs.has(hint) and hint is not Period:
            return self.ref(hint)
        origin = typing.get_origin(hint)
        if origin is tuple:
            return {"type": "array", "items": self.type(typing.get_args(hint)[0])}
        if hint is FrozenMap or origin is FrozenMap:
            value = typing.get_args(hint)[1] if typing.get_args(hint) else Any
            return {"type": "object", "additionalProperties": self.type(value)}
        simple: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            Decimal: {"type": "number"},
            dt.date: {
                "type": "string",
                "format": "date",
                "pattern": rf"^[0-9]{{4}}-{_MONTH}-{_DAY}$",
            },
            Period: {"type": "string", "pattern": _PERIOD},
        }
        if hint in simple:
            return simple[hint]
        return {}  # any JSON value


@functools.cache
def _generated(kind: str) -> str:
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    builder = _Builder()
    top = builder.ref(_KINDS[kind])
    major = SCHEMA_VERSION.split(".")[0]
    schema = {
        "$schema": _DIALECT,
        "title": f"uphmodel {kind} document, schema {SCHEMA_VERSION}",
        "description": f"A {kind} document as uphmodel {SCHEMA_VERSION} writes it: "
        "schema_version first, then the fields of the record; unknown fields are allowed.",
        "allOf": [top],
        "properties": {
            "schema_version": {
                "type": "string",
                "pattern": rf"^{major}\.[0-9]+$",
                "description": "The version of the format, MAJOR.MINOR.",
            }
        },
        "required": ["schema_version"],
        "$defs": builder.defs,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def json_schema(kind: str = "plan") -> dict[str, Any]:
    """The JSON Schema of a ``plan``, ``framework`` or ``crosswalk`` document (a new dict).

    >>> import jsonschema, json, uphmodel
    >>> schema = uphmodel.json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> document = json.loads(uphmodel.examples.text("norrbotten-2021"))
    >>> jsonschema.Draft202012Validator(schema).is_valid(document)
    True
    """
    result: dict[str, Any] = json.loads(_generated(kind))
    return result


def shipped_schema(kind: str = "plan") -> str:
    """The text of the schema the package ships (``uphmodel/formats/KIND.schema.json``)."""
    return (resources.files(__package__) / f"{kind}.schema.json").read_text(encoding="utf-8")


def schema_text(kind: str = "plan") -> str:
    """The generated schema as the text the package ships."""
    return _generated(kind)
