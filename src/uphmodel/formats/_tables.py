"""Plans as tidy tables, and back: :func:`to_tables`, :func:`from_tables`, :class:`Table`.

The tables hold the plan's canonical JSON data, cell by cell, so the round trip is exact: a
field left out (its default) is a cell left out, ``null`` is ``None``, an empty list or text is
an empty list or text, numbers are the ``int`` and ``Decimal`` of the document, and every
record's unknown fields are kept in its ``_extra`` cell.
"""

from __future__ import annotations

import functools
import graphlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from uphmodel._errors import LoadError, Problem
from uphmodel._frozen import FrozenMap, JsonValue, freeze, thaw
from uphmodel._json import document, structure
from uphmodel.formats._cells import cell_kind
from uphmodel.formats._layout import (
    EXTRA_COLUMN,
    FIELD,
    INDEX,
    PARENT,
    PLAN,
    TableSpec,
    layout,
)
from uphmodel.model import EXTRA, Plan
from uphmodel.model._repr import html_table

__all__ = ["VERSION", "Table", "from_tables", "kind_of", "to_tables"]

#: The column of the plan's table that holds the document's schema version.
VERSION = "schema_version"

Row = Mapping[str, JsonValue]


@attrs.frozen
class Table:
    """Records of one kind as a table: column names and rows.

    A row maps column names to JSON values (``Decimal`` numbers kept exact, lists as tuples,
    objects as :class:`~uphmodel.FrozenMap`); a column missing from a row is a field left out.
    Iterate over it, or take ``records()`` as plain dicts.

    Attributes:
        name: "goals", "observations", "plan".
        columns: every column the table can have, key columns first.
        rows: the rows, in the order of the plan.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...] = ()

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """The rows as plain dicts of plain values (lists and dicts)."""
        return [{key: thaw(value) for key, value in row.items()} for row in self.rows]

    def __repr__(self) -> str:
        return f"Table({self.name!r}, {len(self.columns)} columns, {len(self.rows)} rows)"

    def _repr_html_(self) -> str:
        """The table in a notebook: its first rows."""
        used = [c for c in self.columns if any(c in row for row in self.rows)] or self.columns
        rows = ([row.get(c) for c in used] for row in self.rows)
        return f"<p><b>{self.name}</b>: {len(self.rows)} rows</p>" + html_table(used, rows)


def kind_of(spec: TableSpec, name: str) -> str:
    """How the cells of the column ``name`` of ``spec`` are written (see ``_cells``): the
    schema version as text, an unknown column as any value."""
    if name == VERSION:
        return "text"
    column = spec.column(name)
    return cell_kind(name, column.kind) if column is not None else "value"


def _columns(spec: TableSpec) -> tuple[str, ...]:
    names = tuple(c.name for c in spec.columns)
    return (VERSION, *names) if spec.name == PLAN else names


def _children() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """For each table, the tables whose records its records hold, and in which field."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for spec in layout().values():
        for place in spec.places:
            out.setdefault(place.table, []).append((spec.name, place.within))
    return out


def _get(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at ``path`` inside nested dicts, or ``_MISSING``."""
    value: Any = data
    for step in path:
        if not isinstance(value, Mapping) or step not in value:
            return _MISSING
        value = value[step]
    return value


_MISSING = object()


@functools.cache
def _known(record: type | None) -> frozenset[str]:
    """The JSON names of a record's fields: all but ``extra``, whose keys are written spread."""
    if record is None:
        return frozenset()
    return frozenset(f.name for f in attrs.fields(record) if f.metadata.get("uph") != EXTRA["uph"])


@functools.cache
def _writing(table: str) -> tuple[tuple[str, tuple[str, ...], str, frozenset[str]], ...]:
    """How each column of a table is read from a record's data: name, path, kind and, for
    unknown fields, the known ones."""
    return tuple(
        (c.name, c.path, c.kind, _known(c.record) if c.kind == "extra" else frozenset())
        for c in layout()[table].columns
        if c.kind != "key"
    )


def _row(spec: TableSpec, data: Mapping[str, Any]) -> dict[str, JsonValue]:
    """A record's canonical data as a row of ``spec``'s columns (without key columns)."""
    row: dict[str, JsonValue] = {}
    for name, path, kind, known in _writing(spec.name):
        if kind == "extra":
            owner = _get(data, path[:-1])
            if isinstance(owner, Mapping):
                unknown = {k: v for k, v in owner.items() if k not in known}
                if unknown:
                    row[name] = freeze(unknown)
            continue
        value = data.get(path[0], _MISSING) if len(path) == 1 else _get(data, path)
        if value is _MISSING:
            continue
        if kind == "present":
            row[name] = True
        else:
            row[name] = value if type(value) in _SCALARS else freeze(value)
    return row


def to_tables(plan: Plan) -> dict[str, Table]:
    """``plan`` as one table per kind of record, every table of the layout, empty or not.

    >>> import uphmodel
    >>> tables = uphmodel.to_tables(uphmodel.examples.load("norrbotten-2021"))
    >>> row = tables["activities"].rows[0]
    >>> row["id"], row["timeline/text"], row["timeline/period"]
    ('samverkan-indikatorer', '2021- kontinuerligt i förhållande till aktiviteter', '2021/')
    >>> tables["responsibilities"].columns
    ('_parent', '_field', '_index', 'stakeholder', 'role', 'note', '_extra')
    >>> uphmodel.dumps(uphmodel.from_tables(tables)) == uphmodel.dumps(
    ...     uphmodel.examples.load("norrbotten-2021"))
    True
    """
    if not isinstance(plan, Plan):
        raise TypeError(f"to_tables() takes a Plan, not {type(plan).__name__}")
    data = document(plan)
    specs = layout()
    children = _children()
    rows: dict[str, list[dict[str, JsonValue]]] = {name: [] for name in specs}
    # (row, pointer of the parent record, id of the parent record): parents are keyed below
    placed: list[tuple[dict[str, JsonValue], str, Any]] = []
    ids: dict[Any, int] = {}

    def emit(table: str, record: Mapping[str, Any], pointer: str, key: dict[str, Any]) -> None:
        row = {**key, **_row(specs[table], record)}
        rows[table].append(row)
        # an id is the model's id field; an unknown field called "id" is no key
        own = record.get("id") if specs[table].keyed else None
        if isinstance(own, str):
            ids[own] = ids.get(own, 0) + 1
        for child, within in children.get(table, ()):
            items = _get(record, within)
            if not isinstance(items, list):
                continue
            child_spec = specs[child]
            for index, item in enumerate(items):
                child_key: dict[str, Any] = {}
                if not child_spec.top:
                    child_key[INDEX] = index
                    if child_spec.column(FIELD) is not None:
                        child_key[FIELD] = "/".join(within)
                emit(child, item, f"{pointer}/{'/'.join(within)}/{index}", child_key)
                if not child_spec.top:
                    placed.append((rows[child][-1], pointer, own))

    emit(PLAN, {k: v for k, v in data.items() if k != VERSION}, "", {})
    rows[PLAN][0][VERSION] = data[VERSION]
    for row, pointer, parent_id in placed:
        unique = parent_id is not None and ids.get(parent_id) == 1
        usable = unique and isinstance(parent_id, str) and not parent_id.startswith("/")
        row[PARENT] = parent_id if usable else pointer
    return {
        name: Table(name, _columns(spec), tuple(_ordered(r, spec) for r in rows[name]))
        for name, spec in specs.items()
    }


def _ordered(row: dict[str, JsonValue], spec: TableSpec) -> FrozenMap[str, JsonValue]:
    order = _columns(spec)
    return FrozenMap({name: row[name] for name in order if name in row})


# --------------------------------------------------------------------------------------------
# back


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        inner = target.get(step)
        if not isinstance(inner, dict):
            inner = target[step] = {}
        target = inner
    target[path[-1]] = value


@functools.cache
def _reading(table: str) -> dict[str, tuple[tuple[str, ...], str]]:
    """How each column of a table goes back into a record: its path, and whether it is a key
    column (``key``), a presence (``present``), unknown fields (``extra``) or a value."""
    out: dict[str, tuple[tuple[str, ...], str]] = {VERSION: ((), "key")}
    for column in layout()[table].columns:
        out[column.name] = (column.path, column.kind if column.kind in _READING else "value")
    return out


_READING = ("key", "present", "extra")
_SCALARS = (str, Decimal, int, bool, type(None))


def _record(spec: TableSpec, row: Row) -> dict[str, Any]:
    """A row of ``spec`` back as a record's data; columns the layout does not have are unknown
    fields at their path."""
    data: dict[str, Any] = {}
    reading = _reading(spec.name)
    for name, value in row.items():
        path, how = reading.get(name) or (
            tuple(name.split("/")),
            "extra" if name.rsplit("/", 1)[-1] == EXTRA_COLUMN else "value",
        )
        if how == "value":
            plain = value if type(value) in _SCALARS else thaw(value)
            if len(path) == 1:
                data[path[0]] = plain
            else:
                _put(data, path, plain)
        elif how == "present":
            if value is not None and value is not False and not isinstance(_get(data, path), dict):
                _put(data, path, {})
        elif how == "extra":
            plain = thaw(value)
            if isinstance(plain, dict):
                for key, item in plain.items():
                    _put(data, (*path[:-1], key), item)
    return data


Where = Callable[[str, int, str | None], str]


def _where(table: str, row: int, column: str | None) -> str:
    return f"{table} row {row + 1}" + (f", column {column}" if column else "")


def _topological() -> list[str]:
    specs = layout()
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for name, spec in specs.items():
        sorter.add(name, *(p.table for p in spec.places))
    return list(sorter.static_order())


def from_tables(
    tables: Mapping[str, Table | Iterable[Row]],
    *,
    source: str | None = None,
    strict: bool = False,
    where: Where = _where,
) -> Plan:
    """The plan that ``tables`` (as :func:`to_tables` gives them, or edited) hold.

    Rows of nested lists find their parent by ``_parent`` (an id, or a JSON Pointer starting
    with ``/``) and ``_field``, and their place by ``_index``. Raises :class:`LoadError` with
    every problem at once, each naming the table, row and column (``where`` says how) as well
    as the JSON Pointer; a row that cannot be placed is a problem, never dropped.
    """
    specs = layout()
    problems: list[Problem] = []
    for name in tables:
        if name not in specs:
            message = f"there is no table {name!r} in a plan"
            problems.append(Problem("", message, where(name, 0, None)))
    plan_rows = list(_rows(tables.get(PLAN, ())))
    if len(plan_rows) != 1:
        message = f"the table {PLAN!r} has {len(plan_rows)} rows, not 1"
        raise LoadError([*problems, Problem("", message, where(PLAN, 0, None))], source)
    plan_row = plan_rows[0]
    data = {VERSION: thaw(plan_row.get(VERSION)), **_record(specs[PLAN], plan_row)}
    if data[VERSION] is None:
        del data[VERSION]
    # what each placed record is: its data, by id and by pointer; where each came from
    by_pointer: dict[str, dict[str, Any]] = {"": data}
    by_id: dict[Any, list[str]] = {data["id"]: [""]} if isinstance(data.get("id"), str) else {}
    origin: dict[str, tuple[str, int]] = {"": (PLAN, 0)}  # pointer: (table, row number)
    for name in _topological():
        if name == PLAN or name not in tables:
            continue
        spec = specs[name]
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[int, int, dict[str, Any]]]] = {}
        for number, row in enumerate(_rows(tables[name])):
            parent, within, index, problem = _placement(spec, row, by_id, origin)
            if problem is not None:
                column = problem[0]
                problems.append(Problem("", problem[1], where(name, number, column)))
                continue
            groups.setdefault((parent, within), []).append((index, number, _record(spec, row)))
        for (parent, within), members in groups.items():
            members.sort(key=lambda m: (m[0], m[1]))
            holder = by_pointer[parent]
            target = _get(holder, within)
            if not isinstance(target, list):
                target = []
                _put(holder, within, target)
            base = f"{parent}/{'/'.join(within)}"
            for _, number, record in members:
                pointer = f"{base}/{len(target)}"
                target.append(record)
                by_pointer[pointer] = record
                origin[pointer] = (name, number)
                if spec.keyed and isinstance(record.get("id"), str):
                    by_id.setdefault(record["id"], []).append(pointer)
    try:
        return structure(data, Plan, "plan", source=source, strict=strict, problems=problems)
    except LoadError as error:
        located = [_locate(p, origin, where) for p in error.problems]
        raise LoadError(located, source) from None


def _rows(table: Table | Iterable[Row]) -> Iterator[Row]:
    yield from (table.rows if isinstance(table, Table) else table)


def _placement(
    spec: TableSpec,
    row: Row,
    by_id: Mapping[Any, list[str]],
    origin: Mapping[str, tuple[str, int]],
) -> tuple[str, tuple[str, ...], int, tuple[str, str] | None]:
    """Where a row goes: (parent pointer, field path, index, problem as (column, message))."""
    none = ("", (), 0)
    if spec.top:
        return "", spec.places[0].within, 1 << 62, None  # in the order of the rows
    ref = row.get(PARENT)
    if ref is None:
        return (*none, (PARENT, "the row says nothing of its parent (_parent is empty)"))
    if isinstance(ref, str) and ref.startswith("/"):
        pointer = ref if ref in origin else None
    else:
        found = by_id.get(ref, []) if isinstance(ref, str) else []
        pointer = found[0] if len(found) == 1 else None
        if len(found) > 1:
            return (*none, (PARENT, f"_parent {ref!r} is the id of {len(found)} records"))
    if pointer is None:
        return (*none, (PARENT, f"_parent {ref!r} is no record of the plan"))
    parent_table = origin[pointer][0]
    candidates = [p for p in spec.places if p.table == parent_table]
    field = row.get(FIELD)
    if field is not None:
        candidates = [p for p in candidates if p.field == field]
    if len(candidates) != 1:
        allowed = ", ".join(sorted({p.field for p in spec.places if p.table == parent_table}))
        what = f"_field {field!r}" if field is not None else "_field is empty"
        return (*none, (FIELD, f"{what}: the parent takes these in {allowed or 'no field'}"))
    index = row.get(INDEX, 1 << 62)
    if not isinstance(index, int) or isinstance(index, bool):
        return (*none, (INDEX, f"_index is a whole number, not {index!r}"))
    return pointer, candidates[0].within, index, None


def _locate(problem: Problem, origin: Mapping[str, tuple[str, int]], where: Where) -> Problem:
    """The problem with where its value came from: the row of the longest pointer it is in."""
    if problem.location:
        return problem
    best = max((p for p in origin if problem.path == p or problem.path.startswith(p + "/")),
               key=len, default="")  # fmt: skip
    table, number = origin[best]
    column = problem.path[len(best) :].lstrip("/") or None
    return attrs.evolve(problem, location=where(table, number, column))
