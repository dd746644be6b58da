"""The tables a plan is laid out in, generated from the model's attrs fields.

One table per kind of record: ``plan`` for the plan's own fields, one per list of the plan
(``goals``, ``activities``, ``indicators`` …) and one per kind of record in lists further down
(``observations``, ``targets``, ``responsibilities``, ``phases``, ``inferred`` …). A record's
nested single records (a goal's ``timeline``, its ``provenance``) are flattened into its row, as
columns named by their JSON Pointer path below the record (``timeline/period``). A row of a
nested list says where it belongs: its parent's id (or JSON Pointer, where the parent has no
id), the field of the parent that holds the list (``timeline/phases``) where a kind of record
has more than one, and its position. Nothing here is a hand-kept list: a field added to the
model appears in the layout, and so in every format built on it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from decimal import Decimal
from typing import Any

import attrs

from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel.model import EXTRA, Plan, Value

__all__ = ["EXTRA_COLUMN", "FIELD", "INDEX", "PARENT", "PLAN", "Column", "TableSpec", "layout"]

#: The columns that place a row of a nested list: its parent, the parent's field, its position.
PARENT, FIELD, INDEX = "_parent", "_field", "_index"
#: The column of a record's fields that the model does not know (a JSON object).
EXTRA_COLUMN = "_extra"
#: The table of the plan's own fields (one row).
PLAN = "plan"


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: the JSON Pointer path of the field below the record ("timeline/period"), or a
            key column (``_parent``, ``_field``, ``_index``).
        path: the field names of that path.
        kind: how its values are written: ``text``, ``number``, ``integer``, ``bool``, ``enum``,
            ``date``, ``period``, ``value`` (a number, true/false or text), ``list``, ``map``,
            ``present`` (whether an optional nested record is there), ``extra`` (the record's
            unknown fields, a JSON object) or ``key``.
        choices: the allowed values of an ``enum`` column.
        required: whether every row must have it (where its record is there).
        record: the record class the field belongs to.
    """

    name: str
    path: tuple[str, ...]
    kind: str
    choices: tuple[str, ...] = ()
    required: bool = False
    record: type | None = None

    @property
    def field(self) -> str:
        """The field's name in its record class."""
        return self.path[-1] if self.path else self.name


@attrs.frozen
class Place:
    """Where records of a table occur: in a list field of another table's records.

    Attributes:
        table: the table whose rows hold the list.
        within: the field path from such a row's record to the list ("timeline", "phases").
    """

    table: str
    within: tuple[str, ...]

    @property
    def field(self) -> str:
        """The ``_field`` value of its rows ("timeline/phases")."""
        return "/".join(self.within)


@attrs.frozen
class TableSpec:
    """One table: the records of one kind.

    Attributes:
        name: "plan", "goals", "observations", "phases".
        record: the record class of its rows.
        places: where its records occur (none for the plan).
        columns: its columns, key columns first.
    """

    name: str
    record: type
    places: tuple[Place, ...]
    columns: tuple[Column, ...]
    _by_name: dict[str, Column] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {c.name: c for c in self.columns})

    @property
    def top(self) -> bool:
        """Whether its records are in a list of the plan itself (no key columns needed)."""
        return len(self.places) == 1 and self.places[0].table == PLAN

    @property
    def keyed(self) -> bool:
        """Whether its records have an ``id``."""
        return any(f.name == "id" for f in attrs.fields(self.record))

    def column(self, name: str) -> Column | None:
        """The column of that name, or ``None``."""
        return self._by_name.get(name)


def _is_record(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t) and t is not Period


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The type inside ``X | None``, and whether ``None`` is allowed."""
    args = typing.get_args(hint)
    if type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return hint, False


_SCALARS = {
    str: "text", bool: "bool", int: "integer", Decimal: "number", dt.date: "date",
    Period: "period",
}  # fmt: skip


def _kind(hint: Any) -> tuple[str, tuple[str, ...]]:
    """How a scalar field's values are written, and the choices of an enum."""
    if set(typing.get_args(hint)) == set(typing.get_args(Value)):
        return "value", ()
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "enum", tuple(m.value for m in hint)
    if typing.get_origin(hint) is tuple:
        return "list", ()
    if hint is FrozenMap or typing.get_origin(hint) is FrozenMap:
        return "map", ()
    if hint in _SCALARS:
        return _SCALARS[hint], ()
    raise TypeError(f"no table column kind for {hint!r}")


def _plural(name: str) -> str:
    """A table's name from its record class: ``BudgetLine`` → ``budget_lines``."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    if snake.endswith("ed"):  # Inferred: an adjective, no plural
        return snake
    return snake[:-1] + "ies" if snake.endswith("y") else snake + "s"


class _Builder:
    def __init__(self) -> None:
        self.columns: dict[type, list[Column]] = {}
        self.places: dict[type, list[Place]] = {}
        self.names: dict[type, str] = {Plan: PLAN}
        self.order: list[type] = [Plan]

    def visit(self, record: type, table: str) -> None:
        self.columns[record] = self.flatten(record, (), table)

    def flatten(self, record: type, prefix: tuple[str, ...], table: str) -> list[Column]:
        columns: list[Column] = []
        hints = typing.get_type_hints(record)
        for field in attrs.fields(record):
            path = (*prefix, field.name)
            if field.metadata.get("uph") == EXTRA["uph"]:
                columns.append(
                    Column("/".join((*prefix, EXTRA_COLUMN)), path, "extra", record=record)
                )
                continue
            hint, optional = _unwrap(hints[field.name])
            if typing.get_origin(hint) is tuple and _is_record(typing.get_args(hint)[0]):
                self.child(typing.get_args(hint)[0], Place(table, path))
                continue
            required = field.default is attrs.NOTHING
            if _is_record(hint):
                if optional or not required:
                    columns.append(Column("/".join(path), path, "present", record=record))
                columns.extend(self.flatten(hint, path, table))
                continue
            kind, choices = _kind(hint)
            columns.append(Column("/".join(path), path, kind, choices, required, record))
        return columns

    def child(self, record: type, place: Place) -> None:
        self.places.setdefault(record, []).append(place)
        if record in self.names:
            return
        top = place.table == PLAN and len(place.within) == 1
        self.names[record] = place.within[0] if top else _plural(record.__name__)
        self.order.append(record)
        self.visit(record, self.names[record])

    def tables(self) -> dict[str, TableSpec]:
        out: dict[str, TableSpec] = {}
        for record in self.order:
            places = tuple(self.places.get(record, ()))
            keys: list[Column] = []
            if places and not (len(places) == 1 and places[0].table == PLAN):
                keys.append(Column(PARENT, (), "key"))
                if len({p.field for p in places}) > 1 or len({p.table for p in places}) > 1:
                    keys.append(Column(FIELD, (), "key"))
                keys.append(Column(INDEX, (), "key"))
            name = self.names[record]
            out[name] = TableSpec(name, record, places, (*keys, *self.columns[record]))
        return out


@functools.cache
def layout() -> dict[str, TableSpec]:
    """Every table, parents before children, the plan's first.

    >>> tables = layout()
    >>> list(tables)[:4]
    ['plan', 'responsibilities', 'relations', 'inferred']
    >>> [c.name for c in tables["phases"].columns]
    ['_parent', '_field', '_index', 'label', 'period', 'text', '_extra']
    >>> sorted({p.table for p in tables["phases"].places})
    ['activities', 'follow_up_items', 'goals', 'plan']
    """
    builder = _Builder()
    builder.visit(Plan, PLAN)
    return builder.tables()
