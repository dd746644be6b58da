"""Short representations of records, for notebooks and error messages.

A record's ``repr`` names its class, its id and a few of its fields that are set, and counts its
lists of records — never the whole of what it holds: the repr of a plan of 268 kB is one line.
A plan, and the reports and tables built on it, also show themselves as HTML in a notebook.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from uphmodel._frozen import FrozenMap
from uphmodel._period import Period

__all__ = ["html_table", "short_repr"]

_TEXT = 48  # characters of a text shown
_FIELDS = 4  # fields shown (the id first)


def _shown(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, Period):
        return repr(str(value))
    if isinstance(value, str):
        return repr(value if len(value) <= _TEXT else value[: _TEXT - 1] + "…")
    if isinstance(value, tuple):
        inner = ", ".join(_shown(v) for v in value[:3])
        return f"({inner}{', …' if len(value) > 3 else ''}{',' if len(value) == 1 else ''})"
    return repr(value)


def _is_record(value: Any) -> bool:
    return attrs.has(type(value)) and not isinstance(value, Period)


def short_repr(record: Any) -> str:
    """``Goal(id='g1', text='Minskat antal suicid i länet', horizon='long_term')``: the class,
    the first few fields that are set (texts cut short), and how many records each list holds
    (``Plan(id='…', title='…', kind='joint_county_plan', …, 36 goals, 37 activities, …)``)."""
    fields: list[str] = []
    counts: list[str] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "extra" or field.metadata.get("personal"):
            continue
        if isinstance(value, tuple) and value and _is_record(value[0]):
            counts.append(f"{len(value)} {field.name}")
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        unset = value is None or value == default or value in ((), FrozenMap())
        if unset or _is_record(value) or len(fields) >= _FIELDS:
            continue
        fields.append(f"{field.name}={_shown(value)}")
    parts = [*fields, *counts]
    return f"{type(record).__name__}({', '.join(parts)})"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, FrozenMap):
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def html_table(headings: Sequence[str], rows: Iterable[Sequence[Any]], *, limit: int = 50) -> str:
    """An HTML table of text cells (escaped), at most ``limit`` rows and a line saying how many
    more there are."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headings)
    body, more = [], 0
    for number, row in enumerate(rows):
        if number >= limit:
            more += 1
            continue
        cells = "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    tail = f"<p>… {more} more rows</p>" if more else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{tail}"
