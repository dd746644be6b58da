"""Plans as spreadsheets (``.xlsx``), and back; an empty workbook for a planner to fill in.

One sheet per table that has rows, the plan's own fields on a sheet of their own (``meta``, or
``Plan`` with Swedish headings) as heading–value pairs, a frozen and styled heading row, column
widths that fit, drop-down lists of the allowed values in enum columns. Numbers are written as
numbers where a spreadsheet holds them exactly — at most 15 significant digits, and written
back with the same digits — and as text where it cannot (``6.90``, 30 digits, ``1E+3``); every
other value as the text :mod:`uphmodel.formats._cells` describes. Needs the ``xlsx`` extra
(openpyxl).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uphmodel._atomic import replacing
from uphmodel._errors import LoadError, Problem
from uphmodel._extras import need
from uphmodel._frozen import FrozenMap, freeze
from uphmodel._upgrade import SCHEMA_VERSION
from uphmodel.formats._cells import MISSING, CellError, decode, encode
from uphmodel.formats._headings import headings as swedish
from uphmodel.formats._headings import sheet as swedish_sheet
from uphmodel.formats._layout import PLAN, TableSpec, layout
from uphmodel.formats._tables import VERSION, Table, _columns, from_tables, kind_of, to_tables
from uphmodel.model import Plan

if TYPE_CHECKING:
    pass

__all__ = ["read_xlsx", "template", "write_xlsx"]

_META = "meta"
_HEADING_FILL = "DDEBF7"
_WIDTH = (8, 60)  # the narrowest and the widest column, in characters


def _titles(mode: str) -> dict[str, str]:
    """Table name to sheet title."""
    if mode == "sv":
        return {name: swedish_sheet(name) for name in layout()}
    return {name: (_META if name == PLAN else name) for name in layout()}


def _headings(table: str, columns: tuple[str, ...], mode: str) -> list[str]:
    words = swedish(table) if mode == "sv" else {}
    return [words.get(c, c) for c in columns]


_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]")
_PLAIN = re.compile(r"^-?[0-9]+(?:\.[0-9]*[1-9])?$")  # no exponent, no trailing zeros


def _number(value: Decimal | int) -> int | float | None:
    """A number as a spreadsheet holds it exactly and gives back with the same digits (at most
    15 of them, written plainly), or ``None``."""
    text = str(value)
    if not _PLAIN.match(text) or len(text.replace("-", "").replace(".", "")) > 15:
        return None
    if "." not in text:
        return int(text)
    number = float(text)
    return number if repr(number) == text else None


def _cell_value(value: Any, kind: str) -> Any:
    """What to put in a cell: a number, true/false, or text."""
    if isinstance(value, bool) and kind in ("bool", "present", "value"):
        return value
    numeric = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
    if numeric and kind in ("number", "value", "integer"):
        number = _number(value)
        if number is not None:
            return number
    text = encode(value, kind)
    if isinstance(value, str) and _UNSAFE.search(text):
        # characters a workbook's XML cannot hold, or changes (a carriage return), are
        # written escaped, as a JSON string: the cells' rule for a text that would read wrong
        return json.dumps(value, ensure_ascii=False)
    return text


class _Styles:
    """The few cell styles of a workbook, made once and copied to the cells that need them (as
    openpyxl copies styles itself): a styled cell costs no more than a plain one."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        wrap = Alignment(vertical="top", wrap_text=True)
        self._cell = WriteOnlyCell
        self._ws = ws
        bold = Font(bold=True)
        self.heading = self._style(font=bold, fill=PatternFill("solid", fgColor=_HEADING_FILL),
                                   alignment=wrap)  # fmt: skip
        self.bold = self._style(font=bold)
        self.wrap = self._style(alignment=wrap)

    def _style(self, **style: Any) -> Any:
        cell: Any = self._cell(self._ws, None)
        for name, value in style.items():
            setattr(cell, name, value)
        return cell._style

    def cell(self, value: Any, style: Any) -> Any:
        """A cell of ``value`` in one of the styles."""
        from copy import copy

        cell: Any = self._cell(self._ws, value)
        cell._style = copy(style)
        return cell


def _dimension(ws: Any, ref: str) -> None:
    """Tell a write-only sheet the cells it will hold (``A1:G355``), so that it writes them at
    its top as a full writer does: a reader then knows them without reading the sheet twice
    (openpyxl's read-only mode reads a whole sheet to find out when they are missing)."""
    ws.calculate_dimension = lambda: ref


def _width(longest: int) -> int:
    return max(_WIDTH[0], min(_WIDTH[1], longest + 2))


def _write_sheet(ws: Any, table: str, columns: tuple[str, ...], rows: Any, mode: str) -> None:
    """One table on a sheet of a write-only workbook: widths and lists first, then the rows."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = layout()[table]
    kinds = [kind_of(spec, c) for c in columns]
    header = _headings(table, columns, mode)
    values = [
        [_cell_value(row[c], k) if c in row else None for c, k in zip(columns, kinds, strict=True)]
        for row in rows
    ]
    styles = _Styles(ws)
    wrapped = []
    for index, (name, kind) in enumerate(zip(columns, kinds, strict=True)):
        letter = get_column_letter(index + 1)
        lengths = [len(str(line[index])) for line in values if line[index] is not None]
        ws.column_dimensions[letter].width = _width(max([len(header[index]), *lengths[:200]]))
        column = spec.column(name)
        if column is not None and column.choices:
            choices = ",".join(column.choices)
            if len(choices) <= 250:
                check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
                check.add(f"{letter}2:{letter}1048576")
                ws.data_validations.append(check)
        if kind in ("text", "value") and max(lengths, default=0) > _WIDTH[1]:
            wrapped.append(index)  # texts longer than the column wrap
    ws.freeze_panes = "A2"
    _dimension(ws, f"A1:{get_column_letter(max(len(columns), 1))}{len(values) + 1}")
    ws.append([styles.cell(title, styles.heading) for title in header])
    for line in values:
        for index in wrapped:
            if line[index] is not None and len(str(line[index])) > _WIDTH[1]:
                line[index] = styles.cell(line[index], styles.wrap)
        ws.append(line)


def _write_meta(ws: Any, table: Table, mode: str) -> None:
    spec = layout()[PLAN]
    styles = _Styles(ws)
    row = table.rows[0] if table.rows else FrozenMap()
    ws.freeze_panes = "B2"
    _dimension(ws, f"A1:B{len(table.columns) + 1}")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 80
    first = ("field", "value") if mode == "paths" else ("Fält", "Värde")
    ws.append([styles.cell(title, styles.heading) for title in first])
    for name, title in zip(table.columns, _headings(PLAN, table.columns, mode), strict=True):
        value = _cell_value(row[name], kind_of(spec, name)) if name in row else None
        ws.append([styles.cell(title, styles.bold), value])


def _save(book: Any, path: str | os.PathLike[str]) -> None:
    """Save atomically (:func:`uphmodel._atomic.replacing`)."""
    try:
        with replacing(path) as tmp:
            book.save(tmp)
    except BaseException:
        _abandon(book)  # a folder that is not there or not writable, or a failed save
        raise


def _abandon(book: Any) -> None:
    """Close the sheets of a write-only workbook that could not be saved, and remove the
    temporary files openpyxl streamed their rows to."""
    for ws in book.worksheets:
        try:
            if not ws.closed:
                ws.close()
            Path(ws._writer.out).unlink(missing_ok=True)
        except Exception:  # cleaning up after the error being raised: never hide it
            pass


def _book(tables: dict[str, Table], mode: str, every: bool) -> Any:
    openpyxl = need("openpyxl", "xlsx")
    if mode not in ("paths", "sv"):
        raise ValueError(f"headings must be 'paths' or 'sv', not {mode!r}")
    book = openpyxl.Workbook(write_only=True)  # rows go straight to the file
    titles = _titles(mode)
    try:
        _write_meta(book.create_sheet(titles[PLAN]), tables[PLAN], mode)
        for name, table in tables.items():
            if name == PLAN or not (table.rows or every):
                continue
            _write_sheet(book.create_sheet(titles[name]), name, table.columns, table.rows, mode)
    except BaseException:
        _abandon(book)
        raise
    return book


def write_xlsx(plan: Plan, path: str | os.PathLike[str], *, headings: str = "paths") -> None:
    """Write ``plan`` as a workbook: one sheet per table that has rows, the plan's fields on the
    first. ``headings`` is ``"paths"`` (the columns' JSON Pointer paths) or ``"sv"`` (Swedish
    titles a planner reads: "Aktivitet", "Ansvarig", "Tidsplan"). Written atomically."""
    _save(_book(to_tables(plan), headings, every=False), path)


def template(path: str | os.PathLike[str], *, headings: str = "sv") -> None:
    """Write an empty workbook to fill in: every sheet with its headings and drop-down lists,
    the schema version filled in. :func:`read_xlsx` reads it once it holds a plan."""
    tables = {name: Table(name, _columns(spec)) for name, spec in layout().items()}
    tables[PLAN] = Table(PLAN, tables[PLAN].columns, (FrozenMap({VERSION: SCHEMA_VERSION}),))
    _save(_book(tables, headings, every=True), path)


# --------------------------------------------------------------------------------------------
# reading


def _cell_text(value: Any) -> str | None:
    """A typed cell as the text it would hold (numbers and true/false are typed)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def _read_cell(value: Any, kind: str) -> Any:
    """A cell's value in a column of ``kind``: typed cells as such, text as the cells' text."""
    if value is None or value == "":
        return MISSING
    if kind == "text" and type(value) is str and value[0] != '"' and value != "null":
        return value  # most cells: a text as it is
    if isinstance(value, bool):
        if kind in ("bool", "present", "value"):
            return value
        raise CellError(f"expected {kind}, got {value}")
    if isinstance(value, (int, float)):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if kind == "integer":
            if number != number.to_integral_value():
                raise CellError(f"expected a whole number, got {value}")
            return int(number)
        if kind in ("number", "value"):
            return number
        if kind in ("text", "enum", "period"):
            return str(value) if isinstance(value, int) else repr(value)
        raise CellError(f"expected {kind}, got the number {value}")
    text = _cell_text(value)
    return decode(text or "", kind)


def read_xlsx(path: str | os.PathLike[str], *, strict: bool = False) -> Plan:
    """The plan in a workbook written by :func:`write_xlsx` or :func:`template` and filled in
    or edited since, with either kind of headings. Raises :class:`LoadError` with every problem
    at once, each naming the sheet and cell (``Aktiviteter!C7``) and the JSON Pointer; a sheet,
    heading or row it does not understand is a problem, never dropped."""
    openpyxl = need("openpyxl", "xlsx")
    from openpyxl.utils import get_column_letter

    source = str(path)
    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # a zip or XML that is no workbook
        raise LoadError([Problem("", f"not a workbook openpyxl can read: {exc}")], source) from None
    names = {}
    for mode in ("paths", "sv"):
        names.update({title: table for table, title in _titles(mode).items()})
    names.update({table: table for table in layout()})
    problems: list[Problem] = []
    tables: dict[str, Table] = {}
    cells: dict[str, tuple[str, list[int], list[str]]] = {}  # table: (sheet, rows, headings)
    meta: tuple[str, dict[str, int]] = (_META, {})  # the plan's sheet, and its fields' rows
    for ws in book.worksheets:
        table = names.get(ws.title)
        rows = list(ws.iter_rows(values_only=True))
        if table is None:
            if any(any(v is not None for v in row) for row in rows):
                problems.append(Problem("", f"the sheet {ws.title!r} is no table of a plan",
                                        f"{ws.title}!A1"))  # fmt: skip
            continue
        spec = layout()[table]
        if table == PLAN:
            tables[table], positions = _read_meta(ws.title, rows, spec, problems)
            meta = (ws.title, positions)
            continue
        by_heading = _heading_names(table)
        header = [by_heading.get(str(h).strip(), str(h).strip()) if h is not None else None
                  for h in (rows[0] if rows else ())]  # fmt: skip
        letters = [get_column_letter(i + 1) for i in range(len(header))]
        out, numbers = [], []
        kinds = [kind_of(spec, c) if c is not None else "" for c in header]
        for number, values in enumerate(rows[1:], start=2):
            if all(v is None or v == "" for v in values):
                continue
            row: dict[str, Any] = {}
            for column, kind, letter, value in zip(header, kinds, letters, values, strict=False):
                if value is None or value == "":
                    continue
                if column is None:
                    at = f"{ws.title}!{letter}{number}"
                    problems.append(Problem("", "a value in a column without a heading", at))
                    continue
                try:
                    decoded = _read_cell(value, kind)
                except CellError as exc:
                    problems.append(Problem("", str(exc), f"{ws.title}!{letter}{number}"))
                    continue
                if decoded is not MISSING:
                    row[column] = decoded if type(decoded) is str else freeze(decoded)
            out.append(row)
            numbers.append(number)
        tables[table] = Table(table, tuple(c for c in header if c), tuple(out))
        cells[table] = (ws.title, numbers, [c or "" for c in header])
    book.close()

    def where(table: str, row: int, column: str | None) -> str:
        if table == PLAN:
            title, positions = meta
            field = (column or "").split("/")[0]
            return f"{title}!B{positions[field]}" if field in positions else title
        if table not in cells:
            return table
        title, numbers, header = cells[table]
        number = numbers[row] if row < len(numbers) else row + 2
        if column in header:
            return f"{title}!{get_column_letter(header.index(column) + 1)}{number}"
        return f"{title}!{number}:{number}" + (f", column {column}" if column else "")

    try:
        plan = from_tables(tables, source=source, strict=strict, where=where)
    except LoadError as exc:
        # a field missing because its cell could not be read is that cell's problem, once
        seen = {p.location for p in problems}
        problems += [p for p in exc.problems if p.location not in seen]
    if problems:
        raise LoadError(problems, source)
    return plan


def _heading_names(table: str) -> dict[str, str]:
    """Heading (Swedish or a path) to column name."""
    out = {heading: name for name, heading in swedish(table).items()}
    out.update({name: name for name in swedish(table)})
    return out


def _read_meta(
    title: str, rows: list[Any], spec: TableSpec, problems: list[Problem]
) -> tuple[Table, dict[str, int]]:
    """The plan's fields from heading–value rows, and the row each is on."""
    by_heading = _heading_names(PLAN)
    row: dict[str, Any] = {}
    positions: dict[str, int] = {}
    for number, values in enumerate(rows[1:], start=2):
        if not values or values[0] is None:
            continue
        heading = str(values[0]).strip()
        name = by_heading.get(heading, heading)
        positions.setdefault(name.split("/")[0], number)
        value = values[1] if len(values) > 1 else None
        try:
            decoded = _read_cell(value, kind_of(spec, name))
        except CellError as exc:
            problems.append(Problem("", str(exc), f"{title}!B{number}"))
            continue
        if decoded is not MISSING:
            row[name] = freeze(decoded)
    return Table(PLAN, tuple(row), (FrozenMap(row),)), positions
