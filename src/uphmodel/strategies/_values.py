"""Strategies for the values records hold: ids, texts, amounts, periods, JSON."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from uphmodel._frozen import EMPTY, FrozenMap, JsonValue
from uphmodel._period import Granularity, Period, Span
from uphmodel.model import (
    Inferred,
    Provenance,
    Value,
)

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]

_ID_ALPHABET = string.ascii_lowercase + string.digits + "-._"


def ids() -> st.SearchStrategy[str]:
    """Ids as plans use them: short, no spaces."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=12).filter(lambda s: s[0].isalnum())


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text a document may hold, Swedish letters, quotes and control characters included."""
    return st.text(st.characters(codec="utf-8"), max_size=max_size)  # no lone surrogates


def amounts() -> st.SearchStrategy[Decimal]:
    """Exact amounts, integral or with decimals, as published figures are."""
    return st.one_of(
        st.integers(min_value=0, max_value=10**10).map(Decimal),
        st.decimals(
            min_value=Decimal("-1e9"),
            max_value=Decimal("1e9"),
            allow_nan=False,
            allow_infinity=False,
            places=2,
        ),
        st.decimals(allow_nan=False, allow_infinity=False),
    )


def values() -> st.SearchStrategy[Value]:
    """Indicator values: exact numbers, yes/no, text."""
    return st.one_of(amounts(), st.booleans(), texts(max_size=20))


def _span(granularity: Granularity, day: dt.date) -> Span:
    if granularity is Granularity.TERM and day.month == 7:  # July is in no school term
        day = day.replace(month=6, day=min(day.day, 30))
    return Span.containing(granularity, day)


def spans() -> st.SearchStrategy[Span]:
    """Calendar spans of every granularity."""
    return st.builds(
        _span,
        st.sampled_from(Granularity),
        st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    )


def periods() -> st.SearchStrategy[Period]:
    """Single spans, ranges between two spans, and ranges open at one end."""
    return st.one_of(
        spans().map(Period.of),
        st.builds(Period, spans(), spans()),
        st.builds(Period, spans(), st.none()),
        st.builds(Period, st.none(), spans()),
    )


def json_values(*, max_leaves: int = 8) -> st.SearchStrategy[JsonValue]:
    """Frozen JSON values: what a newer tool may put in an unknown field."""
    leaves: st.SearchStrategy[JsonValue] = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: str(d) != "-0"),
        texts(max_size=10),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3).map(tuple),
            st.dictionaries(texts(max_size=6), inner, max_size=3).map(FrozenMap),
        ),
        max_leaves=max_leaves,
    )


# Strategies built once: building them is what costs time, drawing from them is cheap.
_TEXT = texts()
_OPT_TEXT = st.none() | _TEXT
_SHORT_TEXT = texts(max_size=8)
_PERIOD = periods()
_OPT_PERIOD = st.none() | _PERIOD
_AMOUNT = amounts()
_OPT_AMOUNT = st.none() | _AMOUNT
_OPT_VALUE = st.none() | values()
_DATE = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
_OPT_DATE = st.none() | _DATE
_JSON = json_values()
_RECURRENCE = st.sampled_from(
    [None, "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=6", "FREQ=WEEKLY"]
)
_ENUMS: dict[type[Any], st.SearchStrategy[Any]] = {}


def _enum(cls: type[T]) -> st.SearchStrategy[T | None]:
    if cls not in _ENUMS:
        _ENUMS[cls] = st.none() | st.sampled_from(cls)  # type: ignore[arg-type]
    return _ENUMS[cls]


_EXTRAS: dict[type[Any], st.SearchStrategy[FrozenMap[str, JsonValue]]] = {}
_NO_EXTRAS: st.SearchStrategy[FrozenMap[str, JsonValue]] = st.just(EMPTY)


def _extras(cls: type[Any], enabled: bool) -> st.SearchStrategy[FrozenMap[str, JsonValue]]:
    """Unknown fields for a record of ``cls``: any key that is not one of its fields."""
    if not enabled:
        return _NO_EXTRAS
    if cls not in _EXTRAS:
        reserved = {f.name for f in attrs.fields(cls)} | {"schema_version"}
        reserved.discard("extra")
        keys = texts(max_size=8).filter(lambda k: k not in reserved)
        _EXTRAS[cls] = st.dictionaries(keys, _JSON, max_size=2).map(FrozenMap)
    return _EXTRAS[cls]


def _opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


_INDEXES: dict[tuple[int, int], st.SearchStrategy[list[int]]] = {}
_INDEX: dict[int, st.SearchStrategy[int | None]] = {}


def _subset(draw: Draw[Any], pool: Sequence[str], max_size: int = 3) -> tuple[str, ...]:
    """Up to ``max_size`` distinct items of ``pool``, in drawn order."""
    if not pool:
        return ()
    key = (len(pool), max_size)
    if key not in _INDEXES:
        _INDEXES[key] = st.lists(st.integers(0, len(pool) - 1), max_size=max_size, unique=True)
    return tuple(pool[i] for i in draw(_INDEXES[key]))


def _maybe(draw: Draw[Any], pool: Sequence[str]) -> str | None:
    """One item of ``pool``, or ``None``."""
    if not pool:
        return None
    if len(pool) not in _INDEX:
        _INDEX[len(pool)] = st.none() | st.integers(0, len(pool) - 1)
    index = draw(_INDEX[len(pool)])
    return None if index is None else pool[index]


def _provenance(draw: Draw[Any], documents: Sequence[str], extras: bool) -> Provenance | None:
    if not draw(st.booleans()):
        return None
    return Provenance(
        document=_maybe(draw, documents),
        page=draw(_OPT_TEXT),
        section=draw(_OPT_TEXT),
        original=draw(_OPT_TEXT),
        inferred=tuple(
            Inferred(field=field, basis=draw(_OPT_TEXT), extra=draw(_extras(Inferred, extras)))
            for field in draw(st.lists(st.sampled_from(_INFERRED), max_size=2, unique=True))
        ),
        extra=draw(_extras(Provenance, extras)),
    )


#: Fields a transcriber commonly supplies (names that may or may not be of the record at hand:
#: ``fields.inferred`` reports the ones that are not).
_INFERRED = ["name", "title", "text", "owners", "date", "focus_areas", "horizon"]
