"""Walking and rebuilding the tree of records a plan is made of."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Mapping
from types import UnionType
from typing import Any, TypeVar, cast

import attrs

from uphmodel._period import Period
from uphmodel._typed import hints

__all__ = ["rebuild", "records", "update", "walk"]

T = TypeVar("T")


def _is_record(value: object) -> bool:
    return attrs.has(type(value)) and not isinstance(value, Period)


def _may_hold_records(hint: Any) -> bool:
    """Whether a field of this annotation can hold a record, directly or in a tuple."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, UnionType, tuple):
        return any(_may_hold_records(arg) for arg in typing.get_args(hint) if arg is not ...)
    if isinstance(hint, type):
        return attrs.has(hint) and not issubclass(hint, Period)
    return origin is None and hint is not type(None)  # Any, a type variable: it may


_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}


def _record_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record that can hold records (not its texts, numbers or unknown
    fields): a walk need not look anywhere else."""
    found = _RECORD_FIELDS.get(cls)
    if found is None:
        annotations = hints(cls)
        found = _RECORD_FIELDS[cls] = tuple(
            f.name
            for f in attrs.fields(cls)
            if f.metadata.get("uph") != "extra" and _may_hold_records(annotations.get(f.name, Any))
        )
    return found


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every record inside ``value`` (itself included) with its JSON Pointer, parents before
    their children, in the order of the fields."""
    return iter(records(value, path))


def records(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """What :func:`walk` yields, as a list (made in one pass, without a generator per level)."""
    out: list[tuple[str, Any]] = []
    fields = _RECORD_FIELDS
    append = out.append

    def visit(value: Any, path: str) -> None:
        names = fields.get(type(value))
        if names is None:
            if not _is_record(value):
                return
            names = _record_fields(type(value))
        append((path, value))
        for name in names:
            field = getattr(value, name)
            if type(field) is tuple:
                for i, item in enumerate(field):
                    if type(item) is not str:  # a tuple of ids holds no records
                        visit(item, f"{path}/{name}/{i}")
            elif field is not None:
                visit(field, f"{path}/{name}")

    if isinstance(value, tuple):
        for i, item in enumerate(value):
            visit(item, f"{path}/{i}")
    else:
        visit(value, path)
    return out


def rebuild(value: T, change: Callable[[Any], Any]) -> T:
    """``value`` with ``change`` applied to every record in it, innermost first.

    ``change`` takes a record and returns it, or a new one in its place. Parts that did not
    change are shared, not copied, so an unchanged tree comes back as the same object.
    """
    if isinstance(value, tuple):
        items = tuple(rebuild(item, change) for item in value)
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return cast(T, items) if changed else value
    if not _is_record(value):
        return value
    updates: dict[str, Any] = {}
    for field in attrs.fields(cast(Any, type(value))):
        current = getattr(value, field.name)
        new = rebuild(current, change)
        if new is not current:
            updates[field.name] = new
    record = attrs.evolve(cast(Any, value), **updates) if updates else value
    return cast(T, change(record))


def update(value: T, changes: Mapping[str, Callable[[Any], Any]], path: str = "") -> T:
    """``value`` with ``changes[p]`` applied to the record at each JSON Pointer ``p``.

    Only the records along those paths are rebuilt; everything else is shared. A path that
    leads nowhere is ignored.
    """
    along = {path}
    for target in changes:
        parts = target.split("/")
        along.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return cast(T, _update(value, changes, along, path))


def _update(
    value: Any, changes: Mapping[str, Callable[[Any], Any]], along: set[str], path: str
) -> Any:
    if isinstance(value, tuple):
        items = list(value)
        for i, item in enumerate(value):
            sub = f"{path}/{i}"
            if sub in along:
                items[i] = _update(item, changes, along, sub)
        return tuple(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if not _is_record(value):
        return value
    updates: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        sub = f"{path}/{field.name}"
        if sub in along:
            current = getattr(value, field.name)
            new = _update(current, changes, along, sub)
            if new is not current:
                updates[field.name] = new
    record = attrs.evolve(value, **updates) if updates else value
    change = changes.get(path)
    return change(record) if change is not None else record
