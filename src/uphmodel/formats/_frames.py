"""Plans as pandas DataFrames: the tables of :func:`~uphmodel.to_tables`, for analysis.

One DataFrame per table, rows of one plan or of many, each row naming its plan in the key
column ``_plan`` (a key column like ``_parent``, since ``plan`` is a field of a relation: the
plan's id; ``id@version`` where several plans given share an id). Numbers stay
exact (``Decimal`` values in an ``object`` column) unless ``floats=True`` asks for ``float64``;
whole numbers are ``Int64``, yes/no ``boolean``, dates ``datetime64``; a period stays text and
gets two date columns beside it, ``<column>#start`` and ``<column>#end`` (empty where the period
is open). Lists and objects are Python lists and dicts. A frame is for reading: a missing value
and a JSON ``null`` are both empty (use :func:`~uphmodel.to_tables` or Parquet to keep them
apart). Needs the ``pandas`` extra.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from uphmodel._extras import need
from uphmodel._frozen import thaw
from uphmodel._period import Period
from uphmodel.formats._layout import layout
from uphmodel.formats._tables import Table, _columns, kind_of, to_tables
from uphmodel.model import Plan

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PLAN_COLUMN", "as_plans", "period_bounds", "plan_keys", "tabled", "to_frames"]

#: The column that names each row's plan.
PLAN_COLUMN = "_plan"
#: The suffixes of the date columns beside a period column.
START, END = "#start", "#end"


def as_plans(plans: Plan | Iterable[Plan]) -> list[Plan]:
    """One plan or many as a list; a clear ``TypeError`` for anything else."""
    if isinstance(plans, Plan):
        return [plans]
    if isinstance(plans, (str, bytes)) or not isinstance(plans, Iterable):
        raise TypeError(f"expected a Plan or plans, not {type(plans).__name__}")
    out = list(plans)
    for index, plan in enumerate(out):
        if not isinstance(plan, Plan):
            raise TypeError(f"item {index} is a {type(plan).__name__}, not a Plan")
    return out


def plan_keys(plans: Sequence[Plan]) -> list[str]:
    """What names each plan in the ``_plan`` column: its id, or ``id@version`` where several
    plans share an id. Raises ``ValueError`` when two plans cannot be told apart."""
    return keys_of([(p.id, p.version) for p in plans])


def keys_of(plans: Sequence[tuple[str, str | None]]) -> list[str]:
    """:func:`plan_keys` of plans given by their ids and versions."""
    shared = Counter(plan_id for plan_id, _ in plans)
    keys = [i if shared[i] == 1 else f"{i}@{version}" for i, version in plans]
    seen: set[str] = set()
    for (plan_id, version), key in zip(plans, keys, strict=True):
        if key in seen:
            raise ValueError(
                f"two plans are both {plan_id!r}, version {version!r}: "
                "plans with one id need different versions to be told apart"
            )
        seen.add(key)
    return keys


def tabled(plans: Plan | Iterable[Plan]) -> tuple[list[str], list[dict[str, Table]]]:
    """The plans' keys and their tables."""
    given = as_plans(plans)
    return plan_keys(given), [to_tables(p) for p in given]


def period_bounds(text: object) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a period written as text (``None`` where it is open)."""
    if not isinstance(text, str):
        return None, None
    period = Period.parse(text)
    return period.first_day, period.last_day


def _objects(values: list[Any]) -> Any:
    """An ``object`` array of exactly these values (lists stay values, not a dimension)."""
    import numpy as np

    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _series(pd: Any, values: list[Any], kind: str, floats: bool) -> Any:
    if kind == "integer":
        if all(v is None or (isinstance(v, int) and -(2**63) <= v < 2**63) for v in values):
            return pd.array(values, dtype="Int64")
        return _objects(values)
    if kind in ("bool", "present"):
        return pd.array(values, dtype="boolean")
    if kind == "number" and floats:
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kind == "value" and floats:
        return _objects([float(v) if isinstance(v, Decimal) else v for v in values])
    if kind == "date":
        return _dates(pd, [None if v is None else dt.date.fromisoformat(v) for v in values])
    return _objects(values)


def _dates(pd: Any, values: list[dt.date | None]) -> Any:
    """Dates as ``datetime64[s]`` (every year a plan can name), empty as ``NaT``."""
    import numpy as np

    return np.array([np.datetime64("NaT") if v is None else v for v in values], "datetime64[s]")


def to_frames(plans: Plan | Iterable[Plan], *, floats: bool = False) -> dict[str, pd.DataFrame]:
    """The tables of one plan or many as pandas DataFrames, by table name.

    >>> import uphmodel
    >>> frames = uphmodel.to_frames(uphmodel.examples.load("norrbotten-2021-funds"))
    >>> grants = frames["grants"]
    >>> grants.loc[0, ["_plan", "id", "amount"]].tolist()
    ['norrbotten-2021-funds', 'medel-2021-ungdomsmottagningarna', Decimal('3311612')]
    >>> grants.loc[0, ["period", "period#start", "period#end"]].tolist()
    ['2021', Timestamp('2021-01-01 00:00:00'), Timestamp('2021-12-31 00:00:00')]
    >>> str(uphmodel.to_frames(uphmodel.examples.load("norrbotten-2021-funds"),
    ...                        floats=True)["grants"]["amount"].dtype)
    'Float64'
    """
    pd = need("pandas", "pandas")
    keys, tables = tabled(plans)
    out: dict[str, Any] = {}
    for name, spec in layout().items():
        columns = _columns(spec)
        values: dict[str, list[Any]] = {c: [] for c in (PLAN_COLUMN, *columns)}
        for key, table in zip(keys, (t[name] for t in tables), strict=True):
            for row in table.rows:
                values[PLAN_COLUMN].append(key)
                for column in columns:
                    values[column].append(thaw(row[column]) if column in row else None)
        data: dict[str, Any] = {PLAN_COLUMN: _objects(values[PLAN_COLUMN])}
        for column in columns:
            kind = kind_of(spec, column)
            data[column] = _series(pd, values[column], kind, floats)
            if kind == "period":
                bounds = [period_bounds(v) for v in values[column]]
                data[column + START] = _dates(pd, [b[0] for b in bounds])
                data[column + END] = _dates(pd, [b[1] for b in bounds])
        out[name] = pd.DataFrame(data)
    return out
