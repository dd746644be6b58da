"""Date expressions being read ("hösten 2021", "v 40", "okt-19") and what they stand for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from uphmodel._period import Granularity, Period, Span
from uphmodel.timelines._words import NUMBERS


@dataclass
class Point:
    """A date expression being read: the parts seen so far."""

    text: list[str] = field(default_factory=list)
    year: int | None = None
    year2: int | None = None
    season: str | None = None
    season2: str | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    tertial: int | None = None
    term: int | None = None  # 1: the spring term, 2: the autumn term
    complete: Period | None = None  # a full date or year-month read in one token

    def empty(self) -> bool:
        return not self.text


@dataclass
class Event:
    kind: str  # pending, point, open, dash, since, fromm, start, until, tom, cont, recur, …
    value: object = None
    text: str = ""
    point: Point | None = None  # a date expression not yet placed in a year


def season_of(name: str, year: int) -> Period:
    key = name.lower()[:3]
    if key == "vår":
        return Period.of(Span(Granularity.HALF_YEAR, date(year, 1, 1)))
    if key == "hös":
        return Period.of(Span(Granularity.HALF_YEAR, date(year, 7, 1)))
    if key == "som":
        return Period.between(f"{year}-06", f"{year}-08")
    return Period.between(f"{year}-01", f"{year}-02")  # vintern


def resolve(point: Point, reference: int | None) -> Period | None:
    """The period a date expression stands for, or ``None`` when its year is unknown."""
    if point.complete is not None:
        return point.complete
    year = point.year if point.year is not None else reference
    if year is None:
        return None
    try:
        if point.week is not None:
            return Period.of(Span(Granularity.WEEK, date.fromisocalendar(year, point.week, 1)))
        if point.day is not None and point.month is not None:
            return Period.of(Span(Granularity.DAY, date(year, point.month, point.day)))
        if point.month is not None:
            return Period.of(Span(Granularity.MONTH, date(year, point.month, 1)))
        if point.quarter is not None:
            return Period.of(Span(Granularity.QUARTER, date(year, 3 * point.quarter - 2, 1)))
        if point.half is not None:
            return Period.of(Span(Granularity.HALF_YEAR, date(year, 6 * point.half - 5, 1)))
        if point.tertial is not None:
            return Period.of(Span(Granularity.TERTIAL, date(year, 4 * point.tertial - 3, 1)))
        if point.term is not None:
            return Period.of(Span(Granularity.TERM, date(year, 1 if point.term == 1 else 8, 1)))
        if point.season is not None:
            if point.season2 is not None:  # "hösten/vintern 2018/19"
                end_year = point.year2 if point.year2 is not None else year
                first = season_of(point.season, year)
                if point.season2.lower().startswith("vinter") and point.year2 is not None:
                    last = Period.between(f"{end_year}-02", f"{end_year}-02")
                else:
                    last = season_of(point.season2, end_year)
                return Period(first.start, last.end)
            if point.season.lower().startswith("vinter") and point.year2 is not None:
                return Period.between(f"{year}-12", f"{point.year2}-02")
            return season_of(point.season, year)
        if point.year2 is not None:
            return Period.between(str(year), str(point.year2))
        return Period.of(Span(Granularity.YEAR, date(year, 1, 1)))
    except (ValueError, OverflowError):  # a year or day the calendar does not have
        return None


def full_year(two_or_four: str, base: int) -> int:
    value = int(two_or_four)
    return value if len(two_or_four) == 4 else base // 100 * 100 + value


def short_year(digits: str) -> int:
    """A year written with two digits ("vt-25", "okt-19"): this century's."""
    return full_year(digits, 2000)


def day_of(year: int, month: int, day: int) -> Period | None:
    try:
        return Period.of(Span(Granularity.DAY, date(year, month, day)))
    except (ValueError, OverflowError):
        return None


@dataclass
class Context:
    """What one timeline's reading gathers besides its events."""

    reference: int | None
    plan_period: Period | None
    unparsed: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    recurs: list[str] = field(default_factory=list)
    status: str | None = None
    uncertain: bool = False

    def note_status(self, found: str) -> None:
        """Keep the latest stage of the work the text names: "påbörjad men pausad" is paused,
        "påbörjades och planerades" started."""
        if self.status is None or _STAGES.index(found) > _STAGES.index(self.status):
            self.status = found


#: The stages of the work, in the order they come.
_STAGES = ("planned", "started", "paused", "done")


def number_of(word: str) -> int:
    low = word.lower()
    return NUMBERS[low] if low in NUMBERS else int(low)


def relative(raw: str, ctx: Context) -> Period | None:
    """ "de kommande två åren", "inom ett år": years counted from the plan's year."""
    if ctx.reference is None:
        return None
    words = raw.split()
    count = number_of(words[words.index(next(w for w in words if w.lower().startswith("år"))) - 1])
    if not 1 <= count <= 50:
        return None
    first = ctx.reference
    try:
        period = Period.between(str(first), str(first + count - 1)) if count > 1 else (
            Period.parse(str(first)))  # fmt: skip
    except ValueError:
        return None
    ctx.inferred.append(f"{' '.join(words)!r} counted from the plan's year {first}")
    return period


def plan_span(raw: str, ctx: Context) -> Period | None:
    """ "under planperioden", "de kommande åren": the plan's period; "under mandatperioden":
    the councils' term of office in the plan's year."""
    text = " ".join(raw.split())
    if "mandatperiod" in text.lower():
        if ctx.reference is None:
            return None
        try:
            office = Span.containing(Granularity.TERM_OF_OFFICE, date(ctx.reference, 12, 31))
        except (ValueError, OverflowError):
            return None
        ctx.inferred.append(f"{text!r}: the term of office {office} holds the plan's year "
                            f"{ctx.reference}")  # fmt: skip
        return Period.of(office)
    if ctx.plan_period is None:
        return None
    if text.lower().endswith("åren"):  # "de kommande åren": how many, the plan says
        ctx.inferred.append(f"{text!r} names no number of years: the plan's period "
                            f"{ctx.plan_period}")  # fmt: skip
    else:
        ctx.inferred.append(f"{text!r}: the plan's period {ctx.plan_period}")
    return ctx.plan_period
