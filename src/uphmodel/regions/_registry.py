"""The registry of regions and municipalities, read once from ``data/sweden.json``."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from importlib import resources
from typing import Any, cast

import attrs

from uphmodel.model import Citation

__all__ = [
    "COVERAGE",
    "SOURCE",
    "Municipality",
    "Region",
    "entries_with_code",
    "find",
    "municipalities",
    "municipality",
    "name_matches",
    "region",
    "regions",
]

Day = dt.date | str | int | None


@attrs.frozen(kw_only=True)
class Region:
    """A region (län) under one code for the time that code meant it.

    Attributes:
        code: the SCB county code, two digits ("23").
        name: the county's name ("Jämtlands län").
        body: the self-governing region's name today ("Region Jämtland Härjedalen").
        valid_from: the first day the code meant this county (the start of the data's coverage
            for codes older than that).
        valid_until: the last day, or None while it is valid.
        variants: other names plans use for it, older names included.
        note: anything worth knowing (what it was formed from).
    """

    code: str
    name: str
    body: str | None = None
    valid_from: dt.date
    valid_until: dt.date | None = None
    variants: tuple[str, ...] = ()
    note: str | None = None

    def valid_on(self, day: Day = None) -> bool:
        """Whether the code meant this region on ``day`` (a date, ISO text or a year's first
        day; today by default)."""
        return _valid(self, _day(day))

    @property
    def names(self) -> tuple[str, ...]:
        """Its name, the body's name and every variant."""
        return tuple(dict.fromkeys((self.name, *((self.body,) if self.body else ()),
                                    *self.variants)))  # fmt: skip


@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality (kommun) under one code for the time that code meant it.

    Attributes:
        code: the SCB municipality code, four digits, the first two its county's ("2380").
        name: the official name ("Östersund").
        region: the code of the county it belongs to under this code.
        valid_from: the first day of the code (or of the data's coverage).
        valid_until: the last day, or None while it is valid.
        variants: other names plans use ("Östersunds kommun").
        previous: the codes it came from (a move between counties, a new municipality split
            from another).
        successor: the codes it went on as.
        note: anything worth knowing.
    """

    code: str
    name: str
    region: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    variants: tuple[str, ...] = ()
    previous: tuple[str, ...] = ()
    successor: tuple[str, ...] = ()
    note: str | None = None

    def valid_on(self, day: Day = None) -> bool:
        """Whether the code meant this municipality on ``day`` (today by default)."""
        return _valid(self, _day(day))

    @property
    def names(self) -> tuple[str, ...]:
        """Its name and every variant."""
        return tuple(dict.fromkeys((self.name, *self.variants)))


def _day(day: Day) -> dt.date:
    if day is None:
        return dt.date.today()
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    if isinstance(day, int) and not isinstance(day, bool):
        return dt.date(day, 1, 1)
    if isinstance(day, str):
        try:
            return dt.date.fromisoformat(day)
        except ValueError:
            pass
    raise TypeError(f"expected a date, an ISO date text or a year, not {day!r}")


def _valid(entry: Region | Municipality, day: dt.date) -> bool:
    return entry.valid_from <= day and (entry.valid_until is None or day <= entry.valid_until)


_GENERIC = frozenset({"kommun", "stad", "region", "regionen", "län", "läns", "landsting",
                      "landstinget", "i", "och", "county", "municipality"})  # fmt: skip


def _normal(name: str) -> str:
    """A name as compared: case and punctuation ignored ("Region Jämtland/Härjedalen" is
    "region jämtland härjedalen")."""
    return " ".join(re.sub(r"[\s\-‐-―/,.()]+", " ", name).casefold().split())


def _stem(entry: Region | Municipality) -> tuple[str, ...]:
    """The words that name the place itself: "Jämtlands län" → ("jämtland",)."""
    words = [w for w in _normal(entry.name).split() if w not in _GENERIC]
    if isinstance(entry, Region) and words and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]  # the genitive of the county's name
    return tuple(words)


def name_matches(entry: Region | Municipality, name: str) -> bool:
    """Whether ``name`` names ``entry``: one of its names or variants, or a name built on it
    ("Östersunds kommun, socialtjänsten", "Region Jämtland Härjedalen"), case and punctuation
    aside."""
    normal = _normal(name)
    if any(_normal(n) == normal for n in entry.names):
        return True
    stem = _stem(entry)
    if not stem:
        return False
    words = normal.split()
    for start in range(len(words) - len(stem) + 1):
        found = words[start : start + len(stem)]
        head, last = found[:-1], found[-1]
        if list(stem[:-1]) == head and last in (stem[-1], stem[-1] + "s"):
            return True
    return False


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


@attrs.frozen
class _Data:
    source: Citation
    coverage: str
    regions: tuple[Region, ...]
    municipalities: tuple[Municipality, ...]


@functools.cache
def _data() -> _Data:
    text = resources.files("uphmodel.regions").joinpath("data/sweden.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    source = raw["source"]
    return _Data(
        source=Citation(
            title=source.get("title"), publisher=source.get("publisher"),
            url=source.get("url"), note=source.get("note"),
        ),
        coverage=raw["coverage"],
        regions=tuple(
            Region(code=r["code"], name=r["name"], body=r.get("body"),
                   valid_from=dt.date.fromisoformat(r["valid_from"]),
                   valid_until=_date(r.get("valid_until")),
                   variants=tuple(r.get("variants") or ()), note=r.get("note"))
            for r in raw["regions"]
        ),
        municipalities=tuple(
            Municipality(code=m["code"], name=m["name"], region=m["region"],
                         valid_from=dt.date.fromisoformat(m["valid_from"]),
                         valid_until=_date(m.get("valid_until")),
                         variants=tuple(m.get("variants") or ()),
                         previous=tuple(m.get("previous") or ()),
                         successor=tuple(m.get("successor") or ()), note=m.get("note"))
            for m in raw["municipalities"]
        ),
    )  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "SOURCE":
        return _data().source
    if name == "COVERAGE":
        return _data().coverage
    raise AttributeError(name)


SOURCE: Citation  #: where the data comes from
COVERAGE: str  #: what period the history covers and what it leaves out


def regions(on: Day = None) -> tuple[Region, ...]:
    """The regions on a day (today by default), by code."""
    day = _day(on)
    return tuple(r for r in _data().regions if _valid(r, day))


def municipalities(on: Day = None, *, region: str | None = None) -> tuple[Municipality, ...]:
    """The municipalities on a day (today by default), by code; of one region when ``region``
    (its code or a name) is given."""
    day = _day(on)
    county = None if region is None else _lookup("region", region, day).code
    return tuple(
        m for m in _data().municipalities
        if _valid(m, day) and (county is None or m.region == county)
    )  # fmt: skip


def _span(entry: Region | Municipality) -> str:
    until = entry.valid_until.isoformat() if entry.valid_until else "today"
    return f"{entry.valid_from.isoformat()} – {until}"


@functools.cache
def _index(kind: str) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """The entries of a kind by code and by normalised name."""
    entries: tuple[Any, ...] = _data().regions if kind == "region" else _data().municipalities
    codes: dict[str, list[Any]] = {}
    names: dict[str, list[Any]] = {}
    for entry in entries:
        codes.setdefault(entry.code, []).append(entry)
        for name in entry.names:
            bucket = names.setdefault(_normal(name), [])
            if entry not in bucket:
                bucket.append(entry)
    return codes, names


def entries_with_code(code: str, kind: str) -> list[Any]:
    """Every entry that ever had this code ("region" or "municipality")."""
    return list(_index(kind)[0].get(code, ()))


def _lookup(kind: str, key: str, day: dt.date) -> Any:
    if not isinstance(key, str):
        raise TypeError(f"expected a {kind}'s code or name, not {type(key).__name__}")
    codes, names = _index(kind)
    matches = codes.get(key.strip()) or names.get(_normal(key)) or []
    valid = [e for e in matches if _valid(e, day)]
    if valid:
        return valid[0]
    if matches:
        spans = "; ".join(f"{e.code} {e.name} {_span(e)}" for e in matches)
        raise KeyError(f"no {kind} {key!r} on {day.isoformat()}: {spans}")
    close = difflib.get_close_matches(_normal(key), list(names), n=3, cutoff=0.75)
    shown = [names[c][0].names[[_normal(n) for n in names[c][0].names].index(c)] for c in close]
    hint = f"; did you mean {', '.join(repr(n) for n in shown)}?" if shown else ""
    raise KeyError(f"no {kind} has the code or name {key!r}{hint}")


def region(key: str, on: Day = None) -> Region:
    """The region with this code or name on a day (today by default). Raises ``KeyError``
    naming the dates the code or name was valid, or the closest names."""
    return cast(Region, _lookup("region", key, _day(on)))


def municipality(key: str, on: Day = None) -> Municipality:
    """The municipality with this code or name on a day (today by default). Raises
    ``KeyError`` like :func:`region`."""
    return cast(Municipality, _lookup("municipality", key, _day(on)))


def find(key: str, on: Day = None) -> Region | Municipality | None:
    """The region or municipality with this code or name on a day, or None: a two-digit code
    is a region's, a four-digit one a municipality's; a name is looked up among regions first
    ("Gotland" is the municipality, "Region Gotland" the region)."""
    day = _day(on)
    try:
        return cast(Region, _lookup("region", key, day))
    except KeyError:
        pass
    try:
        return cast(Municipality, _lookup("municipality", key, day))
    except KeyError:
        return None
