"""Plans as Arrow tables and Parquet files, for DuckDB, Polars and a whole portfolio of plans.

The tables of :func:`~uphmodel.to_tables`, for one plan or many, with the key column ``_plan``
naming each row's plan (as in :func:`~uphmodel.to_frames`). Every table is there, with the same
Arrow schema whichever plans it holds, so the files of many writes can be read as one:

- numbers are ``decimal128(38, 12)``; whole numbers ``int64``; yes/no ``bool``; dates
  ``date32``; texts, codes and periods ``string``, a period with two ``date32`` columns beside
  it, ``<column>#start`` and ``<column>#end`` (empty where it is open); lists of codes, ids or
  periods ``list<string>``; objects (a record's ``_extra``, amounts per party) JSON text;
- a value that the typed column cannot show exactly as written is empty there and written in
  the column ``<column>#written``, as a CSV cell would be: a JSON ``null``, a number with
  trailing zeros (``6.90``), an exponent or more digits than the type holds, a text or yes/no in
  a column of figures (an observation's ``value``). That column is there only when a value
  needs it, so the tables round-trip exactly and stay plain where the plans are.

Needs the ``arrow`` extra (pyarrow).
"""

from __future__ import annotations

import datetime as dt
import os
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uphmodel._atomic import replacing
from uphmodel._errors import LoadError, Problem
from uphmodel._extras import need
from uphmodel._frozen import FrozenMap, freeze
from uphmodel._upgrade import SCHEMA_VERSION
from uphmodel.formats._cells import MISSING, CellError, compact, decode, encode
from uphmodel.formats._frames import END, PLAN_COLUMN, START, period_bounds, tabled
from uphmodel.formats._layout import PLAN, TableSpec, _unwrap, layout
from uphmodel.formats._tables import Table, _columns, from_tables, kind_of
from uphmodel.model import Plan

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["from_arrow", "read_parquet", "to_arrow", "write_parquet"]

#: The suffix of the column that holds what the typed column cannot show exactly.
WRITTEN = "#written"
#: Precision and scale of the decimal columns.
PRECISION, SCALE = 38, 12
_QUANTUM = Decimal(1).scaleb(-SCALE)
_LIMIT = Decimal(10) ** (PRECISION - SCALE)


def _text_list(spec: TableSpec, name: str) -> bool:
    """Whether a list column holds texts (ids, codes, periods): ``list<string>``."""
    column = spec.column(name)
    if column is None or column.record is None:
        return False
    hint, _ = _unwrap(typing.get_type_hints(column.record)[column.field])
    return len(typing.get_args(hint)) == 2 and typing.get_args(hint)[0] is not Decimal


def _type(pa: Any, spec: TableSpec, name: str, kind: str) -> Any:
    if kind in ("number", "value"):
        return pa.decimal128(PRECISION, SCALE)
    if kind == "integer":
        return pa.int64()
    if kind in ("bool", "present"):
        return pa.bool_()
    if kind == "date":
        return pa.date32()
    if kind == "list" and _text_list(spec, name):
        return pa.list_(pa.string())
    return pa.string()


def _decimal(value: Decimal) -> Decimal | None:
    """The value in a decimal column when reading it back gives exactly ``value``, or None."""
    if value.is_signed() and value.is_zero():
        return None
    try:
        scaled = value.quantize(_QUANTUM)
    except InvalidOperation:
        return None
    if scaled != value or abs(scaled) >= _LIMIT or _plain(scaled) != str(value):
        return None
    return scaled


def _plain(value: Decimal) -> str:
    """A decimal as written after a decimal column: without trailing zeros in the fraction."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _typed(value: Any, kind: str, text_list: bool) -> Any:
    """The value of a cell in its typed column, or ``MISSING`` when only ``#written`` holds
    it exactly."""
    if kind in ("map", "extra") or (kind == "list" and not text_list):
        return compact(value)
    if value is None:
        return MISSING
    if kind in ("number", "value"):
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return MISSING
        return _decimal(Decimal(value)) if not isinstance(value, int) else _int_decimal(value)
    if kind == "integer":
        return value if isinstance(value, int) and -(2**63) <= value < 2**63 else MISSING
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "list":
        return list(value)
    return value


def _int_decimal(value: int) -> Decimal | None:
    return Decimal(value) if abs(value) < _LIMIT else None


def _arrays(pa: Any, spec: TableSpec, name: str, values: list[Any]) -> dict[str, Any]:
    """The column ``name`` as Arrow arrays: itself, and ``#written``/``#start``/``#end``."""
    kind = kind_of(spec, name)
    text_list = kind == "list" and _text_list(spec, name)
    typed: list[Any] = []
    written: list[str | None] = []
    for value in values:
        if value is MISSING:
            typed.append(None)
            written.append(None)
            continue
        cell = _typed(value, kind, text_list)
        if cell is MISSING or cell is None:
            typed.append(None)
            written.append(encode(value, kind))
        else:
            typed.append(cell)
            written.append(None)
    out = {name: pa.array(typed, type=_type(pa, spec, name, kind))}
    if any(w is not None for w in written):
        out[name + WRITTEN] = pa.array(written, type=pa.string())
    if kind == "period":
        bounds = [period_bounds(v) for v in values]
        out[name + START] = pa.array([b[0] for b in bounds], type=pa.date32())
        out[name + END] = pa.array([b[1] for b in bounds], type=pa.date32())
    return out


def to_arrow(plans: Plan | Iterable[Plan]) -> dict[str, pa.Table]:
    """The tables of one plan or many as pyarrow Tables, every table of the layout, by name.

    >>> import uphmodel
    >>> tables = uphmodel.to_arrow(uphmodel.examples.load("norrbotten-2021-funds"))
    >>> tables["grants"].schema.field("amount").type
    Decimal128Type(decimal128(38, 12))
    >>> tables["grants"].column("amount")[0].as_py()
    Decimal('3311612.000000000000')
    """
    pa = need("pyarrow", "arrow")
    keys, tables = tabled(plans)
    out: dict[str, Any] = {}
    for name, spec in layout().items():
        plan_keys: list[str] = []
        rows: list[Mapping[str, Any]] = []
        for key, table in zip(keys, (t[name] for t in tables), strict=True):
            plan_keys.extend([key] * len(table.rows))
            rows.extend(table.rows)
        arrays = {PLAN_COLUMN: pa.array(plan_keys, type=pa.string())}
        for column in _columns(spec):
            arrays.update(_arrays(pa, spec, column, [row.get(column, MISSING) for row in rows]))
        metadata = {"uphmodel.table": name, "uphmodel.schema_version": SCHEMA_VERSION}
        out[name] = pa.table(arrays, metadata=metadata)
    return out


def _value(typed: Any, written: Any, kind: str) -> Any:
    """A cell's value from its typed and ``#written`` columns."""
    if written is not None:
        return decode(written, kind)
    if typed is None:
        return MISSING
    if kind in ("map", "extra") or (kind == "list" and isinstance(typed, str)):
        return decode(typed, kind)
    if isinstance(typed, Decimal):
        return Decimal(_plain(typed))
    if isinstance(typed, dt.date):
        return typed.isoformat()
    return typed


def from_arrow(tables: Mapping[str, pa.Table], *, strict: bool = False) -> list[Plan]:
    """The plans that Arrow tables (as :func:`to_arrow` gives them) hold, in the order of the
    ``plan`` table. Raises :class:`LoadError` with every problem of every plan at once."""
    return _from_arrow(tables, strict=strict, source=None, suffix="")


def _from_arrow(
    tables: Mapping[str, Any], *, strict: bool, source: str | None, suffix: str
) -> list[Plan]:
    specs = layout()
    problems: list[Problem] = []
    # plan key: table: (rows, the number of each row in its table)
    per_plan: dict[str, dict[str, tuple[list[FrozenMap[str, Any]], list[int]]]] = {}
    order: list[str] = []
    for name in [PLAN, *(n for n in tables if n != PLAN)]:
        if name not in tables:
            problems.append(Problem("", f"there is no table {name!r}", f"{name}{suffix}"))
            continue
        spec = specs.get(name)
        columns = tables[name].to_pydict()
        keys = columns.pop(PLAN_COLUMN, None)
        length = tables[name].num_rows
        for number in range(length):
            at = f"{name}{suffix}, row {number + 1}"
            if name == PLAN:
                key = keys[number] if keys is not None else f"#{number}"
                if key in per_plan:
                    problems.append(Problem("", f"the plan {key!r} is there twice", at))
                    continue
                order.append(key)
                per_plan[key] = {}
            elif keys is None and len(order) != 1:
                message = f"no column {PLAN_COLUMN!r} to say which of {len(order)} plans"
                problems.append(Problem("", message, at))
                continue
            else:
                key = keys[number] if keys is not None else order[0]
                if key not in per_plan:
                    problems.append(Problem("", f"no plan {key!r} in the table 'plan'", at))
                    continue
            row: dict[str, Any] = {}
            for column, values in columns.items():
                if column.endswith((WRITTEN, START, END)) and column.rsplit("#", 1)[0] in columns:
                    continue
                kind = kind_of(spec, column) if spec is not None else "value"
                written = columns.get(column + WRITTEN)
                try:
                    value = _value(values[number], None if written is None else written[number],
                                   kind)  # fmt: skip
                except CellError as exc:
                    problems.append(Problem("", str(exc), f"{at}, column {column}"))
                    continue
                if value is not MISSING:
                    row[column] = freeze(value)
            rows, numbers = per_plan[key].setdefault(name, ([], []))
            rows.append(FrozenMap(row))
            numbers.append(number)
    plans = []
    for key in order:
        held = per_plan[key]

        def where(table: str, row: int, column: str | None, held: Any = held) -> str:
            numbers = held.get(table, ([], []))[1]
            number = numbers[row] + 1 if row < len(numbers) else row + 1
            return f"{table}{suffix}, row {number}" + (f", column {column}" if column else "")

        try:
            found = {name: Table(name, (), tuple(rows)) for name, (rows, _) in held.items()}
            plans.append(from_tables(found, source=source, strict=strict, where=where))
        except LoadError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LoadError(problems, source)
    return plans


def write_parquet(plans: Plan | Iterable[Plan], directory: str | os.PathLike[str]) -> None:
    """Write the tables of one plan or many into ``directory`` (created if needed), one
    ``TABLE.parquet`` per table of the layout, each written atomically. DuckDB reads them as
    ``read_parquet('DIR/goals.parquet')``; :func:`read_parquet` reads them back exactly."""
    pq = need("pyarrow.parquet", "arrow")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in to_arrow(plans).items():
        with replacing(folder / f"{name}.parquet") as tmp:
            pq.write_table(table, tmp)


def read_parquet(directory: str | os.PathLike[str], *, strict: bool = False) -> list[Plan]:
    """The plans in a folder written by :func:`write_parquet`: every ``TABLE.parquet`` whose
    name is a table of a plan. Raises :class:`LoadError` with every problem, each naming the
    file, row and column."""
    pq = need("pyarrow.parquet", "arrow")
    folder = Path(directory)
    source = str(folder)
    if not (folder / f"{PLAN}.parquet").is_file():
        raise LoadError([Problem("", f"no {PLAN}.parquet in {folder}")], source)
    tables: dict[str, Any] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.parquet")):
        if path.stem not in layout():
            problems.append(Problem("", "no table of a plan has this name", path.name))
            continue
        try:
            tables[path.stem] = pq.read_table(path)
        except Exception as exc:  # a file pyarrow cannot read
            problems.append(Problem("", f"not a Parquet file pyarrow can read: {exc}", path.name))
    if problems:
        raise LoadError(problems, source)
    return _from_arrow(tables, strict=strict, source=source, suffix=".parquet")
