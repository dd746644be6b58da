"""Field helpers shared by the records: validators, converters and field metadata.

Validators check what the type system cannot: ids are real ids, collections are tuples (so a
record stays immutable), numbers are exact. Field metadata tells the converter the same, so that
a document gets every such problem reported at once.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
from dateutil.rrule import rrulestr

from uphmodel._errors import InvalidValue
from uphmodel._frozen import EMPTY, FrozenMap, JsonValue, freeze
from uphmodel._limits import MAX_DIGITS, width
from uphmodel._text import shown

#: A measured or stated value: an exact number, a yes/no answer, or text (ordinal or qualitative).
Value = Decimal | bool | str


#: metadata of a field that holds an id, of one that holds a tuple of ids, of unknown fields,
#: and of personal data.
ID: dict[str, object] = {"uph": "id"}
IDS: dict[str, object] = {"uph": "ids"}
CODE: dict[str, object] = {"uph": "code"}  #: a framework's id or code (an id without ":")
EXTRA: dict[str, object] = {"uph": "extra"}
PERSONAL: dict[str, object] = {"uph": "personal", "personal": True}

#: The metadata key of a field that refers to codes of frameworks; its value is the
#: :class:`~uphmodel.FrameworkKind` value of the frameworks whose codes it takes.
CODES = "codes"


def check_id(value: object) -> str | None:
    """What is wrong with ``value`` as an id, or ``None`` when it is a good one."""
    if not isinstance(value, str):
        return f"an id must be text (got {type(value).__name__})"
    parts = value.split()  # splits at every character str.isspace() calls a space
    if len(parts) != 1 or len(parts[0]) != len(value):
        return f"an id must be non-empty text without spaces (got {shown(value)})"
    return None


def check_code(value: object) -> str | None:
    """What is wrong with ``value`` as a framework's id or code, or ``None`` when it is good.

    A code is an id without ``:``, which separates a framework's id from a code in a qualified
    reference (``strategy-2025:fewer-suicides``).
    """
    problem = check_id(value)
    if problem is None and ":" in typing.cast(str, value):
        problem = f"a code or framework id cannot contain ':' (got {shown(value)})"
    return problem


def check_exact(value: object) -> str | None:
    """What is wrong with ``value`` as an exact amount, or ``None`` when it is one."""
    if isinstance(value, float):
        return f"must be exact: use Decimal or int, not float (got {value!r})"
    if not isinstance(value, Decimal):
        return f"must be a Decimal (got {type(value).__name__})"
    if not value.is_finite():
        return f"must be a finite number (got {value})"
    if width(value) > MAX_DIGITS:
        return f"must need at most {MAX_DIGITS:,} digits written out (got {shown(value)})"
    return None


def fail(att: attrs.Attribute[Any], value: object, problem: str) -> None:
    raise InvalidValue(att.name, value, problem)


def valid_id(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    problem = check_id(value)
    if problem:
        fail(att, value, problem)


def valid_optional_id(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        valid_id(inst, att, value)


def valid_ids(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        fail(att, value, f"must be a tuple of ids (got {type(value).__name__})")
    for item in value:  # type: ignore[attr-defined]
        valid_id(inst, att, item)


def valid_tuple(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        fail(att, value, f"must be a tuple (got {type(value).__name__})")


def valid_map(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, FrozenMap):
        fail(att, value, f"must be a FrozenMap (got {type(value).__name__})")


def valid_amount(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    problem = check_exact(value)
    if problem:
        fail(att, value, problem)


def valid_optional_amount(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        valid_amount(inst, att, value)


def valid_value(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is None or isinstance(value, (bool, str)):
        return
    valid_amount(inst, att, value)


def value_eq(value: object) -> tuple[bool, object]:
    """Compare yes/no answers apart from numbers: ``True`` is not ``Decimal(1)``."""
    return (isinstance(value, bool), value)


def to_decimal(value: object) -> object:
    """Accept ints where an exact number is wanted; everything else is left to validators."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def ids_field() -> Any:
    return attrs.field(default=(), validator=valid_ids, metadata=IDS)


def codes_field(kind: str) -> Any:
    """References to codes of frameworks of ``kind`` (a :class:`~uphmodel.FrameworkKind` value):
    bare codes (``fewer-suicides``) or qualified ones (``strategy-2025:fewer-suicides``)."""
    return attrs.field(default=(), validator=valid_ids, metadata={**IDS, CODES: kind})


def valid_code(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    problem = check_code(value)
    if problem:
        fail(att, value, problem)


def valid_optional_code(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        valid_code(inst, att, value)


def items_field() -> Any:
    return attrs.field(default=(), validator=valid_tuple)


def text_map(value: Mapping[str, str]) -> FrozenMap[str, str]:
    """Plain dicts are accepted where a record holds a mapping, and frozen."""
    return (
        value
        if isinstance(value, FrozenMap) or not isinstance(value, Mapping)
        else FrozenMap(value)
    )


def amount_map(value: Mapping[str, Decimal | int]) -> FrozenMap[str, Decimal]:
    if isinstance(value, FrozenMap) or not isinstance(value, Mapping):
        return value  # anything else is refused by the validator
    return FrozenMap({k: Decimal(v) if isinstance(v, int) else v for k, v in value.items()})


def extra_map(value: Mapping[str, object]) -> FrozenMap[str, JsonValue]:
    """Unknown fields frozen, and checked as JSON values (even when given frozen)."""
    if not isinstance(value, Mapping):
        return value  # anything else is refused by the validator
    if not value:
        return EMPTY
    frozen = freeze(value)
    return frozen if isinstance(frozen, FrozenMap) else EMPTY


#: Records written as documents of their own, whose JSON begins with ``schema_version``.
_DOCUMENTS = frozenset({"Plan", "Framework", "Crosswalk"})


def valid_extra(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    """Unknown fields are a FrozenMap of names the record does not know: a field of its own
    (or a document's ``schema_version``) there would be written twice."""
    valid_map(inst, att, value)
    if not value:
        return
    names = {f.name for f in attrs.fields(typing.cast(Any, type(inst))) if f.name != att.name}
    if type(inst).__name__ in _DOCUMENTS:
        names.add("schema_version")
    clash = sorted(names.intersection(typing.cast("FrozenMap[str, Any]", value)))
    if clash:
        fail(att, value, f"holds {', '.join(map(repr, clash))}, which the record writes itself")


def extra_field() -> Any:
    return attrs.field(default=EMPTY, converter=extra_map, validator=valid_extra, metadata=EXTRA)


def personal_field() -> Any:
    return attrs.field(default=None, metadata=PERSONAL)


def valid_recurrence(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        fail(att, value, f"must be an RRULE text (got {type(value).__name__})")
    try:
        rrulestr(f"RRULE:{value}", dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        fail(att, value, f"{shown(value)} is not an RFC 5545 RRULE such as FREQ=YEARLY ({exc})")


def valid_amount_map(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    valid_map(inst, att, value)
    for party, amount in value.items():  # type: ignore[attr-defined]
        check_id_in(att, value, party)
        problem = check_exact(amount)
        if problem:
            fail(att, value, f"{party}: {problem}")


def check_id_in(att: attrs.Attribute[Any], value: object, party: object) -> None:
    problem = check_id(party)
    if problem:
        fail(att, value, problem)
