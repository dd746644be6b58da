"""Plans as a folder of CSV files with a Frictionless ``datapackage.json``, and back.

One file per table that has rows (``goals.csv``, ``observations.csv`` …, always ``plan.csv``),
cells written as :mod:`uphmodel.formats._cells` says. Two dialects: ``excel`` (``,``, decimal
point, UTF-8) and ``excel-sv``, what Swedish Excel writes and expects (``;``, decimal comma,
UTF-8 with a byte-order mark). Reading tells the dialect from each file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from uphmodel._errors import LoadError, Problem
from uphmodel._frozen import FrozenMap, freeze
from uphmodel._json import json_text, write_text
from uphmodel.formats._cells import MISSING, CellError, cell_kind, decode, encode
from uphmodel.formats._layout import PLAN, Column, TableSpec, layout
from uphmodel.formats._tables import VERSION, Table, from_tables, kind_of, to_tables
from uphmodel.model import Plan

__all__ = ["DIALECTS", "read_csv", "write_csv"]

#: The dialects: separator, decimal comma, encoding.
DIALECTS: Mapping[str, tuple[str, bool, str]] = {
    "excel": (",", False, "utf-8"),
    "excel-sv": (";", True, "utf-8-sig"),
}

_TYPES = {
    "text": "string", "enum": "string", "period": "string", "number": "number",
    "integer": "integer", "bool": "boolean", "present": "boolean", "date": "date",
    "list": "array", "map": "object", "extra": "object", "value": "any",
}  # fmt: skip


def _text(table: Table, spec: TableSpec, dialect: str) -> str:
    separator, comma, _ = DIALECTS[dialect]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(table.columns)
    kinds = [kind_of(spec, name) for name in table.columns]
    for row in table.rows:
        writer.writerow([
            encode(row[name], kind, decimal_comma=comma) if name in row else ""
            for name, kind in zip(table.columns, kinds, strict=True)
        ])  # fmt: skip
    return buffer.getvalue()


def _field(spec: TableSpec, name: str, comma: bool) -> dict[str, Any]:
    column: Column | None = spec.column(name)
    kind = "text" if name == VERSION else (column.kind if column else "value")
    kind = cell_kind(name, kind)
    field: dict[str, Any] = {"name": name, "type": _TYPES.get(kind, "string")}
    if kind in ("bool", "present"):
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if kind == "number" and comma:
        field["decimalChar"] = ","
    if column is not None and column.choices:
        field["constraints"] = {"enum": list(column.choices)}
    if column is not None and column.required:
        field.setdefault("constraints", {})["required"] = True
    return field


def _package(plan: Plan, tables: Mapping[str, Table], dialect: str) -> dict[str, Any]:
    separator, comma, encoding = DIALECTS[dialect]
    specs = layout()
    resources = []
    for name, table in tables.items():
        spec = specs[name]
        schema: dict[str, Any] = {
            "fields": [_field(spec, c, comma) for c in table.columns],
            "missingValues": [""],
        }
        if spec.keyed:
            schema["primaryKey"] = ["id"]
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": encoding,
            "dialect": {"delimiter": separator, "lineTerminator": "\r\n", "header": True},
            "schema": schema,
        })  # fmt: skip
    return {
        "profile": "tabular-data-package",
        "name": "".join(c if c.isalnum() or c in "-._" else "-" for c in plan.id.lower()),
        "title": plan.title,
        VERSION: tables[PLAN].rows[0][VERSION],
        "resources": resources,
    }


def write_csv(plan: Plan, directory: str | os.PathLike[str], *, dialect: str = "excel") -> None:
    """Write ``plan`` as CSV files and a ``datapackage.json`` into ``directory`` (created if
    needed). ``dialect`` is ``excel`` or ``excel-sv``. Files of tables without rows are not
    written, and removed where an earlier write left them; every file is written atomically.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {', '.join(DIALECTS)}, not {dialect!r}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    specs = layout()
    tables = {name: t for name, t in to_tables(plan).items() if t.rows or name == PLAN}
    bom = "\ufeff" if DIALECTS[dialect][2] == "utf-8-sig" else ""
    for name, table in tables.items():
        write_text(bom + _text(table, specs[name], dialect), folder / f"{name}.csv")
    for name in specs.keys() - tables.keys():  # a table an earlier plan had is not this one's
        (folder / f"{name}.csv").unlink(missing_ok=True)
    write_text(json_text(_package(plan, tables, dialect)), folder / "datapackage.json")


def _dialect(text: str) -> tuple[str, bool]:
    """A file's separator and whether it writes decimal commas, told from its header line."""
    header = text.split("\n", 1)[0]
    if header.count(";") > header.count(","):
        return ";", True
    return ",", False


def read_csv(directory: str | os.PathLike[str], *, strict: bool = False) -> Plan:
    """The plan in a folder written by :func:`write_csv` (or edited since): every ``TABLE.csv``
    whose name is a table of the layout. Raises :class:`LoadError` with every problem, each
    naming the file, line and column."""
    folder = Path(directory)
    if not (folder / f"{PLAN}.csv").is_file():
        raise LoadError([Problem("", f"no {PLAN}.csv in {folder}")], str(folder))
    specs = layout()
    problems: list[Problem] = []
    tables: dict[str, Table] = {}
    lines: dict[str, list[int]] = {}  # the file line of each row
    for path in sorted(folder.glob("*.csv")):
        name = path.stem
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problems.append(Problem("", f"not UTF-8 text: {exc}", path.name))
            continue
        spec = specs.get(name)
        if spec is None:
            problems.append(Problem("", f"{name!r} is no table of a plan", path.name))
            continue
        tables[name], lines[name] = _read_table(name, spec, text, problems)
    if problems:
        raise LoadError(problems, str(folder))

    def where(table: str, row: int, column: str | None) -> str:
        numbers = lines.get(table, [])
        line = numbers[row] if row < len(numbers) else row + 2
        return f"{table}.csv:{line}" + (f", column {column}" if column else "")

    return from_tables(tables, source=str(folder), strict=strict, where=where)


def _read_table(
    name: str, spec: TableSpec, text: str, problems: list[Problem]
) -> tuple[Table, list[int]]:
    separator, comma = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = list(reader)
    if not rows:
        return Table(name, ()), []
    header = tuple(rows[0])
    kinds = [kind_of(spec, column) for column in header]
    out = []
    numbers: list[int] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cells):
            continue  # an empty line
        if len(cells) > len(header):
            problems.append(
                Problem(
                    "", f"{len(cells)} cells, but {len(header)} headings", f"{name}.csv:{number}"
                )
            )
            continue
        row: dict[str, Any] = {}
        for column, kind, cell in zip(header, kinds, cells, strict=False):
            try:
                value = decode(cell, kind, decimal_comma=comma)
            except CellError as exc:
                problems.append(Problem("", str(exc), f"{name}.csv:{number}, column {column}"))
                continue
            if value is not MISSING:
                row[column] = freeze(value)
        out.append(FrozenMap(row))
        numbers.append(number)
    return Table(name, header, tuple(out)), numbers
