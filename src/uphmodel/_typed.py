"""Every field of a record checks the type of what it is given, so a record never holds what its
annotation does not allow: "x" where an enum, a period or a date belongs is an error at
construction, naming the field and the value, not a crash later in ``check`` or ``dumps``.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from decimal import Decimal
from types import UnionType
from typing import Any

import attrs

from uphmodel._errors import InvalidType
from uphmodel._text import shown

__all__ = ["hints", "typed", "without_none"]


_HINTS: dict[type, dict[str, Any]] = {}


def hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a record's fields, read once per class."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def without_none(hint: Any) -> Any:
    """``X`` of ``X | None`` (a union of more than one type besides None stays as it is)."""
    if typing.get_origin(hint) in (typing.Union, UnionType):
        parts = [p for p in typing.get_args(hint) if p is not type(None)]
        return parts[0] if len(parts) == 1 else hint
    return hint


class _TypeCheck:
    """A validator that checks a field's value against the field's annotation, resolved the
    first time it runs (annotations name classes defined later in the module)."""

    __slots__ = ("allowed", "expected", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self.allowed: tuple[type, ...] | None = None
        self.expected = ""

    def resolve(self, cls: type) -> tuple[type, ...]:
        hint = hints(cls)[self.name]
        parts = (
            typing.get_args(hint)
            if typing.get_origin(hint) in (typing.Union, UnionType)
            else (hint,)
        )
        allowed: list[type] = []
        names: list[str] = []
        for part in parts:
            origin = typing.get_origin(part) or part
            if part is type(None):
                allowed.append(type(None))
                names.append("None")
            elif isinstance(origin, type):
                allowed.append(origin)
                names.append(_name_of(origin))
            else:  # Any, a type variable: nothing to check
                allowed.append(object)
        self.expected = " or ".join(names)
        self.allowed = tuple(allowed)
        return self.allowed

    def __call__(self, inst: object, att: attrs.Attribute[Any], value: object) -> None:
        allowed = self.allowed if self.allowed is not None else self.resolve(type(inst))
        kind = type(value)
        if kind in allowed:
            return
        if isinstance(value, allowed) and not (
            (kind is bool and bool not in allowed)  # True is an int, but not a number here
            or (kind is dt.datetime and dt.datetime not in allowed)  # a date has no time
        ):
            return
        raise InvalidType(att.name, value, f"must be {self.expected} (got {_got(value)})")


def _name_of(cls: type) -> str:
    if issubclass(cls, enum.Enum):
        values = ", ".join(repr(member.value) for member in cls)
        return f"{_a(cls.__name__)} (one of {values})"
    return {str: "text", bool: "True or False", int: "a whole number", dt.date: "a date",
            tuple: "a tuple", Decimal: "a Decimal"}.get(cls, _a(cls.__name__))  # fmt: skip


def _a(name: str) -> str:
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def _got(value: object) -> str:
    return f"{type(value).__name__} {shown(value, 40)}" if value is not None else "None"


def typed(_cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The ``field_transformer`` of every record: a field without a validator of its own gets one
    that checks its type."""
    return [
        f if f.validator is not None else f.evolve(validator=_TypeCheck(f.name)) for f in fields
    ]
