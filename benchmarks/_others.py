"""The plan schema as msgspec and pydantic models, for comparing ``loads`` with them.

Both are generated from the records' own attrs fields, so they read the same documents: texts,
whole numbers, yes/no, exact numbers (``Decimal``), dates, code values (the enums), nested
records, lists and maps; periods as text; a figure's value (a number, yes/no or text) as any
JSON value. Neither keeps unknown fields, checks ids or parses periods, so each does less than
``uphmodel.loads``. Missing libraries give no model: the benchmark leaves them out.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable
from decimal import Decimal
from types import UnionType
from typing import Any

import attrs

import uphmodel
from uphmodel._frozen import FrozenMap
from uphmodel._typed import hints

Make = Callable[[str, list[tuple[str, Any, Any]]], Any]


def _models(make: Make, optional: Callable[[Any], Any]) -> Any:
    """The model of a plan, with ``make(name, [(field, type, default)])`` making each."""
    made: dict[type, Any] = {}

    def kind(hint: Any) -> Any:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, UnionType):
            rest = [a for a in args if a is not type(None)]
            if len(rest) > 1:
                return Any  # a figure's value: a number, yes/no or text
            return optional(kind(rest[0]))
        if origin is tuple:
            return list[kind(args[0])]  # type: ignore[misc]
        if origin is FrozenMap:
            return dict[str, kind(args[1])]  # type: ignore[misc]
        if hint in (str, int, bool, Decimal, dt.date):
            return hint
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return hint
        if isinstance(hint, type) and attrs.has(hint) and hint.__name__ not in ("Period", "Span"):
            return model(hint)
        return str  # periods are text

    def model(cls: type) -> Any:
        if cls not in made:
            fields = []
            for f in attrs.fields(cls):
                if f.metadata.get("uph") == "extra":
                    continue
                default = f.default
                if isinstance(default, (FrozenMap, tuple)):
                    default = None  # an empty list or map: left out
                if default is attrs.NOTHING:
                    default = ...
                fields.append((f.name, kind(hints(cls)[f.name]), default))
            made[cls] = make(cls.__name__, fields)
        return made[cls]

    return model(uphmodel.Plan)


def msgspec_loads() -> Callable[[str], Any] | None:
    """``loads`` by a msgspec model of the plan schema, or ``None`` without msgspec."""
    try:
        import msgspec
    except ImportError:
        return None

    def make(name: str, fields: list[tuple[str, Any, Any]]) -> Any:
        specs = [(n, t) if d is ... else (n, typing.Optional[t], d) for n, t, d in fields]  # noqa: UP045
        return msgspec.defstruct(name, specs, kw_only=True)

    plan = _models(make, lambda t: t)
    decoder = msgspec.json.Decoder(plan, float_hook=Decimal)
    return lambda text: decoder.decode(text)


def pydantic_loads() -> Callable[[str], Any] | None:
    """``loads`` by a pydantic model of the plan schema, or ``None`` without pydantic."""
    try:
        import pydantic
    except ImportError:
        return None

    def make(name: str, fields: list[tuple[str, Any, Any]]) -> Any:
        specs = {n: ((t, ...) if d is ... else (typing.Optional[t], d)) for n, t, d in fields}  # noqa: UP045
        return pydantic.create_model(name, **specs)  # type: ignore[call-overload]

    plan = _models(make, lambda t: t)
    return lambda text: plan.model_validate_json(text)
