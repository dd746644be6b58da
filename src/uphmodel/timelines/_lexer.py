"""One line of timeline text cut into events: date expressions joined into points and placed
in a year, and the words around them (from, until, before, recurrences, phases, states).

Each kind of token has a small handler; all of them together take time linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from uphmodel._period import Granularity, Period, Span
from uphmodel.timelines._points import (
    Context,
    Event,
    Point,
    day_of,
    full_year,
    plan_span,
    relative,
    resolve,
    short_year,
)
from uphmodel.timelines._words import MONTHS, ORDINALS, PHASES, RECURRENCES, STATUS, TOKEN

__all__ = ["events_of"]


class _Lexer:
    """The state of reading one line: the events so far and the point being built."""

    def __init__(self, text: str, ctx: Context) -> None:
        self.ctx = ctx
        self.tokens = [m for m in TOKEN.finditer(text) if m.lastgroup != "space"]
        self.events: list[Event] = []
        self.point = Point()
        self.index = 0

    # -- building points ---------------------------------------------------------------------

    def flush(self) -> None:
        if not self.point.empty():
            self.events.append(Event("pending", text=" ".join(self.point.text), point=self.point))
            self.point = Point()

    def add(self, raw: str) -> None:
        self.point.text.append(raw)

    def unknown(self, raw: str) -> None:
        self.events.append(Event("unknown", None, raw))

    def complete(self, period: Period | None, raw: str) -> None:
        """A whole date read in one token ("2019-03-15", "läsåret 2024/25")."""
        self.flush()
        if period is None:
            self.unknown(raw)
            return
        self.point.complete = period
        self.add(raw)
        self.flush()

    def dated(self) -> bool:
        return self.point.year is not None or self.point.complete is not None

    # -- handlers, one per kind of token -------------------------------------------------------

    def year(self, raw: str) -> None:
        if self.dated():
            self.flush()
        self.point.year = int(raw)
        self.add(raw)

    def yearpair(self, raw: str) -> None:
        first, second = re.split(r"\s*/\s*", raw)
        if self.dated():
            self.flush()
        self.point.year = int(first)
        self.point.year2 = full_year(second, int(first))
        self.add(raw)

    def schoolyear(self, raw: str) -> None:
        """ "läsåret 2024/25": the autumn term to the spring term."""
        first = re.findall(r"\d+", raw)[-2]
        autumn = int(first) if len(first) == 4 else short_year(first)
        try:
            found: Period | None = Period(
                Span(Granularity.TERM, date(autumn, 8, 1)),
                Span(Granularity.TERM, date(autumn + 1, 1, 1)),
            )
        except (ValueError, OverflowError):
            found = None
        self.complete(found, raw)

    def yearmonth(self, raw: str) -> None:
        self.flush()
        year, part = int(raw[:4]), raw[5:]
        if int(part) > year % 100:  # "2018-20": the years 2018 to 2020
            self.point.year, self.point.year2 = year, full_year(part, year)
        elif 1 <= int(part) <= 12:
            self.point.complete = Period.of(Span.parse(raw))
        else:
            self.point.year = year  # keep what can be read; the rest is reported
            self.unknown(part)
        self.add(raw)
        self.flush()

    def iso(self, raw: str) -> None:
        self.complete(day_of(int(raw[:4]), int(raw[5:7]), int(raw[8:])), raw)

    def compact(self, raw: str) -> None:
        """ "190315" (YYMMDD), "20150112" (YYYYMMDD)."""
        if len(raw) == 8:
            self.complete(day_of(int(raw[:4]), int(raw[4:6]), int(raw[6:])), raw)
        else:
            self.complete(day_of(short_year(raw[:2]), int(raw[2:4]), int(raw[4:])), raw)

    def dmy(self, raw: str) -> None:
        """ "15/3 2019", "18.1.2017", "23/06-20"."""
        day, month, year_text = re.findall(r"\d+", raw)
        year = int(year_text) if len(year_text) == 4 else short_year(year_text)
        self.complete(day_of(year, int(month), int(day)), raw)

    def daymonth(self, raw: str) -> None:
        self.flush()
        day, month = (int(x) for x in raw.split("/"))
        self.point.day, self.point.month = day, month
        self.add(raw)

    def termyear(self, raw: str) -> None:
        """ "HT 2024", "vt-25", "VT25"."""
        self.flush()
        digits = re.findall(r"\d+", raw)[0]
        self.point.term = 1 if raw[0] in "vV" else 2
        self.point.year = int(digits) if len(digits) == 4 else short_year(digits)
        self.add(raw)
        self.flush()

    def term(self, raw: str) -> None:
        self.flush()
        self.point.term = 1 if raw[0] in "vV" else 2
        self.add(raw)

    def week(self, raw: str) -> None:
        if (
            self.point.week is not None or self.point.month is not None
            or self.point.complete is not None
        ):  # fmt: skip
            self.flush()
        self.point.week = int(re.sub(r"\D", "", raw))
        self.add(raw)

    def numbered(self, kind: str, number: int, raw: str) -> None:
        """A quarter, tertial or half-year by its number."""
        self.flush()
        setattr(self.point, kind, number)
        self.add(raw)

    def ordinal(self, raw: str) -> None:
        """ "andra kvartalet", "sista halvåret", "tredje tertialet"."""
        words = raw.lower().split()
        unit = words[-1]
        kind, count = (("quarter", 4) if unit.startswith("kvartal")
                       else ("half", 2) if unit.startswith("halv") else ("tertial", 3))  # fmt: skip
        number = ORDINALS[words[-2]]
        number = count if number == -1 else number
        if number > count:
            self.flush()
            self.unknown(raw)
            return
        self.numbered(kind, number, raw)

    def monthyy(self, raw: str) -> None:
        """ "okt-19", "mars -20": a month and a two-digit year."""
        if (
            self.point.month is not None or self.point.season is not None
            or self.point.complete is not None
        ):  # fmt: skip
            self.flush()
        name = re.match(r"[^\W\d_]+", raw)
        self.point.month = MONTHS[name.group().lower()] if name else None
        self.point.year = short_year(raw[-2:])
        self.add(raw)
        self.flush()

    def dayrange(self, raw: str) -> None:
        """ "12-13 april": two days of one month, a range."""
        self.flush()
        first, second, name = re.findall(r"\d+|[^\W\d_]+", raw)[:3]
        month = MONTHS[name.lower()]
        self.point.day, self.point.month = int(first), month
        self.add(f"{first} {name}")
        self.flush()
        self.events.append(Event("dash", None, "-"))
        self.point.day, self.point.month = int(second), month
        self.add(f"{second} {name}")

    def season(self, raw: str) -> None:
        self.flush()
        names = re.split(r"\s*/\s*", raw)
        self.point.season = names[0]
        self.point.season2 = names[1] if len(names) > 1 else None
        self.add(raw)

    def month(self, raw: str) -> None:
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        year_follows = nxt is not None and nxt.lastgroup == "year"
        if (
            self.point.month is not None or self.point.season is not None
            or self.point.complete is not None
            or (self.point.year is not None and year_follows)  # "2000 februari 2001"
        ):  # fmt: skip
            self.flush()
        self.point.month = MONTHS[raw.lower().rstrip(".")]
        self.add(raw)

    def daynum(self, raw: str) -> None:
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        events = self.events
        before = events[-2].point if len(events) >= 2 else None
        after_week = (
            self.point.empty() and bool(events) and events[-1].kind == "dash"
            and before is not None and before.week is not None
        )  # fmt: skip
        if nxt is not None and nxt.lastgroup in ("month", "monthyy"):
            self.flush()
            self.point.day = int(raw)
            self.add(raw)
        elif after_week:  # "v 40-42": the second week of a range of weeks
            self.point.week = int(raw)
            self.add(raw)
        else:
            self.flush()
            self.unknown(raw)

    def this_or_next_year(self, kind: str, raw: str) -> None:
        self.flush()
        reference = self.ctx.reference
        if reference is None:
            self.unknown(raw)
            return
        year = reference + (1 if kind == "nextyear" else 0)
        if not 1000 <= year <= 9999:  # a year the calendar code cannot name
            self.unknown(raw)
            return
        self.ctx.inferred.append(f"{raw!r} is the plan's year {reference}"
                                 + (" and one" if kind == "nextyear" else ""))  # fmt: skip
        self.events.append(Event("point", (Period.parse(str(year)), False), raw))

    def supplied(self, kind: str, raw: str) -> None:
        """ "de kommande två åren", "under planperioden": what the plan supplies."""
        self.flush()
        found = relative(raw, self.ctx) if kind == "relative" else plan_span(raw, self.ctx)
        if found is None:
            self.unknown(raw)
        else:
            self.events.append(Event("point", (found, False), raw))

    def state(self, word: str) -> None:
        """The state of the work a word names; "ej påbörjad", "inte genomförd": planned."""
        previous = self.tokens[self.index - 1].group().lower() if self.index else ""
        found = "planned" if previous in ("ej", "inte") else STATUS[word]
        self.ctx.note_status(found)

    def other(self, kind: str, raw: str) -> None:
        """Words that are events of their own: from, until, before, recurrences, phases."""
        self.flush()
        low = raw.lower()
        if kind == "recur":
            rule = next(r for p, r in RECURRENCES if re.fullmatch(p, low, re.IGNORECASE))
            self.ctx.recurs.append(" ".join(raw.split()))
            self.events.append(Event("recur", rule, raw))
        elif kind == "phase":
            self.events.append(Event("phase", PHASES[low], raw))
        elif kind == "word":
            self.unknown(raw)
        else:
            if kind == "start" and low in STATUS:  # "påbörjad 2020": started, and when
                self.state(low)
            self.events.append(Event(kind, None, raw))

    # -- the loop ----------------------------------------------------------------------------

    def run(self) -> list[Event]:
        simple: dict[str, Callable[[str], None]] = {
            "year": self.year, "yearpair": self.yearpair, "schoolyear": self.schoolyear,
            "yearmonth": self.yearmonth, "iso": self.iso, "compact": self.compact,
            "dmy": self.dmy, "daymonth": self.daymonth, "termyear": self.termyear,
            "term": self.term, "week": self.week, "ordinal": self.ordinal,
            "monthyy": self.monthyy, "season": self.season, "month": self.month,
            "daynum": self.daynum, "dayrange": self.dayrange,
        }  # fmt: skip
        numbered = {"quarter": "quarter", "tertial": "tertial", "halfnum": "half"}
        ctx = self.ctx
        for index, match in enumerate(self.tokens):
            self.index = index
            kind = match.lastgroup or "word"
            raw = match.group()
            if kind in simple:
                simple[kind](raw)
            elif kind in numbered:
                self.numbered(numbered[kind], int(raw[-1]), raw)
            elif kind in ("thisyear", "nextyear"):
                self.this_or_next_year(kind, raw)
            elif kind in ("relative", "planperiod"):
                self.supplied(kind, raw)
            elif kind == "uncertain" or (kind == "punct" and "?" in raw):
                ctx.uncertain = True
            elif kind == "status":
                self.flush()
                word = raw.lower().split()[-1]
                self.state(word)
                if STATUS[word] == "paused":  # "pausad 2020": it ran until then
                    self.events.append(Event("tom", None, raw))
            elif kind == "now":  # "för närvarande", "i dagsläget": going on
                self.flush()
                ctx.note_status("started")
            elif kind == "within":  # "i slutet av oktober": within the time named
                continue
            elif kind == "recurtext":
                self.flush()
                ctx.recurs.append(" ".join(raw.split()))
            elif kind not in ("filler", "punct", "space"):  # they neither start nor end a date
                self.other(kind, raw)
        self.flush()
        return self.events


def events_of(text: str, ctx: Context) -> list[Event]:
    """The events of one line, every date expression placed in a year (see :func:`place`)."""
    return place(_Lexer(text, ctx).run(), ctx)


def place(events: list[Event], ctx: Context) -> list[Event]:
    """Resolve the date expressions: one without a year takes the year of the next that has
    one ("januari–mars 2022"), else of the one before, else the plan's year (and says so).
    Linear: the years around each expression are found in one pass each way."""
    years = [e.point.year if e.point is not None else None for e in events]
    after: list[int | None] = [None] * len(events)
    following: int | None = None
    for index in range(len(events) - 1, -1, -1):
        after[index] = following
        if years[index] is not None:
            following = years[index]
    placed: list[Event] = []
    preceding: int | None = None
    for event in events:
        point = event.point
        if point is not None:
            year = after[len(placed)] if after[len(placed)] is not None else preceding
            if point.year is None and point.complete is None and year is None:
                year = ctx.reference
                if year is not None:
                    ctx.inferred.append(f"the year {year} is the plan's: {event.text!r} names none")
            period = resolve(point, year)
            if period is None:
                event = Event("unknown", None, event.text)
            else:
                event = Event("point", (period, point.season is not None), event.text)
            if point.year is not None:
                preceding = point.year
        placed.append(event)
    return placed
