"""The cattrs converter between plan records and JSON-ready data.

This is the edge of the library: the records in the model know nothing of JSON. The converter is
strict where a planner's data can go wrong — text where text is wanted, exact numbers, real
dates and periods, known code values — and reports every problem with the path to it. Fields a
record does not know are kept in its ``extra`` and written back in place, so a newer tool's
extensions survive a round trip through this version.

In the style of cattrs' preconfigured converters: :func:`configure_converter` sets up any
converter, :func:`make_converter` makes a new one.

>>> from uphmodel import Goal
>>> conv = make_converter()
>>> conv.unstructure(Goal(id="g1", text="Färre suicid"))
{'id': 'g1', 'text': 'Färre suicid'}
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from uphmodel._errors import InvalidValue, Problem
from uphmodel._frozen import FrozenMap, freeze, thaw
from uphmodel._period import Period
from uphmodel._text import did_you_mean, quote, shown
from uphmodel.model import CODE, EXTRA, ID, IDS, Value, check_code, check_exact, check_id

__all__ = [
    "configure_converter",
    "make_converter",
    "problems_from",
]


class Invalid(ValueError):
    """A value in a document that cannot be structured; the message says what was expected."""


def describe(obj: object) -> str:
    """A short description of a JSON value for error messages."""
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, (int, Decimal)):
        return f"the number {shown(obj, 40)}"
    if isinstance(obj, str):
        return f"the text {quote(obj, 40)}"
    if isinstance(obj, dict):
        return "an object"
    if isinstance(obj, list):
        return "a list"
    return f"a {type(obj).__name__}"


# --------------------------------------------------------------------------------------------
# Structure hooks for the leaves.


def _structure_str(obj: object, _: object) -> str:
    if isinstance(obj, str):
        return obj
    raise Invalid(f"expected text, got {describe(obj)}")


def _structure_int(obj: object, _: object) -> int:
    if isinstance(obj, int) and not isinstance(obj, bool):
        return obj
    raise Invalid(f"expected a whole number, got {describe(obj)}")


def _structure_bool(obj: object, _: object) -> bool:
    if isinstance(obj, bool):
        return obj
    raise Invalid(f"expected true or false, got {describe(obj)}")


def _structure_decimal(obj: object, _: object) -> Decimal:
    if isinstance(obj, int) and not isinstance(obj, bool):
        return Decimal(obj)
    if isinstance(obj, Decimal):
        problem = check_exact(obj)
        if problem is None:
            return obj
    raise Invalid(f"expected a number, got {describe(obj)}")


def _structure_value(obj: object, _: object) -> Value | None:
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, (int, Decimal)):
        return _structure_decimal(obj, None)
    raise Invalid(f"expected a number, true/false or text, got {describe(obj)}")


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _structure_date(obj: object, _: object) -> dt.date:
    if isinstance(obj, str) and _DATE_RE.match(obj):
        try:
            return dt.date.fromisoformat(obj)
        except ValueError as exc:
            raise Invalid(f"{shown(obj)} is not a date: {exc}") from None
    raise Invalid(f"expected a date written YYYY-MM-DD, got {describe(obj)}")


def _structure_period(obj: object, _: object) -> Period:
    if not isinstance(obj, str):
        raise Invalid(f"expected a period such as 2021, 2021S2 or 2018/2020, got {describe(obj)}")
    try:
        return Period.parse(obj)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def _is_frozen_map_type(t: Any) -> bool:
    return get_origin(t) is FrozenMap


def _frozen_map_structure_factory(t: Any, conv: cattrs.Converter) -> Callable[..., Any]:
    """Objects into FrozenMaps, every value structured, every bad value reported at its key."""
    _, value_type = get_args(t)
    handler = conv.get_structure_hook(value_type)
    what = "texts" if value_type is str else "numbers" if value_type is Decimal else "values"

    def structure(obj: object, _: object) -> FrozenMap[str, Any]:
        if not isinstance(obj, dict):
            raise Invalid(f"expected an object of {what}, got {describe(obj)}")
        out: dict[str, Any] = {}
        errors: list[Exception] = []
        for key, value in obj.items():
            try:
                out[key] = handler(value, value_type)
            except Exception as exc:  # reported with its key, all at once
                exc.__notes__ = [IterableValidationNote(f"key {key!r}", key, value_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"invalid object of {what}", errors, FrozenMap)
        return FrozenMap(out)

    return structure


Hook = Callable[[object, object], Any]


def _checked(check: Callable[[object], str | None]) -> tuple[Hook, Hook]:
    """Structure hooks for a text that ``check`` judges (an id, a code): required, optional."""

    def required(obj: object, _: object) -> str:
        problem = check(obj)
        if problem:
            raise Invalid(problem)
        return typing.cast(str, obj)

    def optional(obj: object, _: object) -> str | None:
        return None if obj is None else required(obj, _)

    return required, optional


#: Hooks for fields whose metadata says they hold an id or a code: (required, optional).
_CHECKED = {ID["uph"]: _checked(check_id), CODE["uph"]: _checked(check_code)}


def _structure_ids(obj: object, _: object) -> tuple[str, ...]:
    if not isinstance(obj, list):
        raise Invalid(f"expected a list of ids, got {describe(obj)}")
    errors: list[Exception] = []
    for index, item in enumerate(obj):
        problem = check_id(item)
        if problem:
            exc = Invalid(problem)
            exc.__notes__ = [IterableValidationNote(f"index {index}", index, str)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid list of ids", errors, tuple)
    return tuple(obj)


# --------------------------------------------------------------------------------------------
# Hook factories for enums, tuples and records.


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _enum_structure_factory(t: type[enum.Enum], _conv: cattrs.Converter) -> Callable[..., Any]:
    by_value = {member.value: member for member in t}
    expected = ", ".join(repr(v) for v in by_value)

    def structure(obj: object, _: object) -> enum.Enum:
        if isinstance(obj, str) and obj in by_value:
            return by_value[obj]
        raise Invalid(f"expected one of {expected}, got {describe(obj)}")

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_structure_factory(t: Any, conv: cattrs.Converter) -> Callable[..., Any]:
    inner = homogenous_tuple_structure_factory(t, conv)

    def structure(obj: object, cl: object) -> tuple[Any, ...]:
        if not isinstance(obj, list):
            raise Invalid(f"expected a list, got {describe(obj)}")
        result: tuple[Any, ...] = inner(obj, cl)
        return result

    return structure


def _is_record(t: Any) -> bool:
    return (
        isinstance(t, type)
        and attrs.has(t)
        and any(f.metadata.get("uph") == EXTRA["uph"] for f in attrs.fields(t))
    )


class UnknownField(Invalid):
    """A field a record does not know, in a document read strictly."""


def _record_structure_factory(
    cls: type[Any], conv: cattrs.Converter, *, strict: bool = False
) -> Callable[..., Any]:
    overrides: dict[str, Any] = {}
    known: set[str] = set()
    for f in attrs.fields(cls):
        kind = f.metadata.get("uph")
        if kind == EXTRA["uph"]:
            overrides[f.name] = override(omit=True)
            continue
        known.add(f.name)
        if kind in _CHECKED:
            required, optional = _CHECKED[kind]
            overrides[f.name] = override(struct_hook=optional if f.default is None else required)
        elif kind == IDS["uph"]:
            overrides[f.name] = override(struct_hook=_structure_ids)
    base = make_dict_structure_fn(cls, conv, **overrides)
    name = cls.__name__

    def structure(obj: object, _: object) -> Any:
        if not isinstance(obj, dict):
            raise Invalid(f"expected an object ({name}), got {describe(obj)}")
        unknown = [key for key in obj if key not in known]
        if not unknown:
            return base(obj, cls)
        if strict:
            raise _unknown_fields(unknown, known, base, obj, cls)
        record = base({k: v for k, v in obj.items() if k in known}, cls)
        return attrs.evolve(record, extra=FrozenMap({k: freeze(obj[k]) for k in unknown}))

    return structure


def unknown_field_message(name: str, known: Iterable[str]) -> str:
    """What to say about a field a record does not know: with a suggestion when one is close."""
    return f"unknown field {shown(name)}{did_you_mean(name, known)}"


def _unknown_fields(
    unknown: list[str], known: set[str], base: Callable[..., Any], obj: dict[str, Any], cls: type
) -> ClassValidationError:
    """Every unknown field of ``obj`` as an error, with every other problem of the record."""
    errors: list[Exception] = []
    for key in unknown:
        exc = UnknownField(unknown_field_message(key, sorted(known)))
        exc.__notes__ = [AttributeValidationNote(f"unknown field {key!r}", key, object)]
        errors.append(exc)
    try:
        base({k: v for k, v in obj.items() if k in known}, cls)
    except ClassValidationError as exc:
        errors.extend(exc.exceptions)
    except (ValueError, TypeError) as exc:
        errors.append(exc)
    return ClassValidationError(f"While structuring {cls.__name__}", errors, cls)


def _record_unstructure_factory(cls: type[Any], conv: cattrs.Converter) -> Callable[..., Any]:
    fields = attrs.fields(cls)
    extra_name = next(f.name for f in fields if f.metadata.get("uph") == EXTRA["uph"])
    names = {f.name for f in fields if f.name != extra_name}
    overrides: dict[str, Any] = {extra_name: override(omit=True)}
    base = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **overrides)

    def unstructure(record: Any) -> dict[str, Any]:
        out: dict[str, Any] = base(record)
        extra: FrozenMap[str, Any] = getattr(record, extra_name)
        for key in sorted(extra):
            if key in names:
                raise ValueError(
                    f"{cls.__name__}.{extra_name} holds {key!r}, which is a field of {cls.__name__}"
                )
            out[key] = thaw(extra[key])
        return out

    return unstructure


def _is_frozen_map(t: Any) -> bool:
    return t is FrozenMap or get_origin(t) is FrozenMap


def _unstructure_map(m: FrozenMap[str, Any]) -> dict[str, Any]:
    return {key: m[key] for key in sorted(m)}


# --------------------------------------------------------------------------------------------


def configure_converter(conv: cattrs.Converter, *, strict: bool = False) -> None:
    """Set up ``conv`` to (un)structure plans to and from JSON-ready data.

    Unstructured data holds ``Decimal`` numbers (never ``float``); dates and periods become their
    text forms, enums their values, tuples lists, and fields equal to their default are left out.
    Fields a record does not know are kept in its ``extra``; with ``strict`` they are errors
    instead, each with a suggestion when it is close to a known field.
    """
    for t, hook in (
        (str, _structure_str),
        (int, _structure_int),
        (bool, _structure_bool),
        (Decimal, _structure_decimal),
        (dt.date, _structure_date),
        (Period, _structure_period),
    ):
        conv.register_structure_hook(t, hook)
    value = Value | None
    conv.register_structure_hook_func(lambda t: t == value, _structure_value)
    conv.register_structure_hook_factory(_is_frozen_map_type, _frozen_map_structure_factory)
    conv.register_unstructure_hook(Decimal, lambda d: d)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(Period, str)
    conv.register_unstructure_hook_func(_is_frozen_map, _unstructure_map)
    conv.register_structure_hook_factory(_is_enum, _enum_structure_factory)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    conv.register_structure_hook_factory(
        _is_record, functools.partial(_record_structure_factory, strict=strict)
    )
    conv.register_unstructure_hook_factory(_is_record, _record_unstructure_factory)


def make_converter(*, strict: bool = False, **kwargs: Any) -> cattrs.Converter:
    """A new converter configured by :func:`configure_converter` (with detailed validation)."""
    kwargs.setdefault("detailed_validation", True)
    conv = cattrs.Converter(**kwargs)
    configure_converter(conv, strict=strict)
    return conv


def _pointer(path: str, segment: str | int) -> str:
    text = str(segment).replace("~", "~0").replace("/", "~1")
    return f"{path}/{text}"


def problems_from(exc: BaseException, path: str = "") -> list[Problem]:
    """Every problem inside a structuring exception, each with the JSON Pointer to its value."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            segment = note.name if isinstance(note, AttributeValidationNote) else note.index
            out.extend(problems_from(sub, _pointer(path, segment)))
        for sub in without:
            out.extend(problems_from(sub, path))
        return out
    if isinstance(exc, InvalidValue):
        return [Problem(_pointer(path, exc.field), exc.problem)]
    if isinstance(exc, Invalid):
        return [Problem(path, str(exc))]
    if isinstance(exc, KeyError):
        return [Problem(path, "required field is missing")]
    return [Problem(path, f"invalid value: {exc}")]
