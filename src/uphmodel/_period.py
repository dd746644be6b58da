"""Calendar periods with a compact text form in the style of DHIS2 period ids.

A :class:`Span` is one calendar unit — a year, half-year, quarter, month, ISO week or day. A
:class:`Period` runs from the start of one span to the end of another, either end possibly open.
Text forms:

==============  =======================  ==========================================
text            meaning                  Swedish planning text it stands for
==============  =======================  ==========================================
``2021``        the year 2021            "2021"
``2021S1``      first half of 2021       "våren 2021"
``2021S2``      second half of 2021      "hösten 2021"
``2021Q3``      third quarter of 2021
``2021-10``     October 2021             "oktober 2021"
``2021W41``     ISO week 41 of 2021      "V 41"
``2021-10-05``  one day
``2018/2020``   2018 up to and with 2020 "2018-2020"
``2021S2/``     from autumn 2021 on      "Start hösten 2021 fortlöpande"
``/2022``       until the end of 2022    "senast 2022"
==============  =======================  ==========================================
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule


class Granularity(enum.Enum):
    """How long one calendar unit is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


_LENGTH = {
    Granularity.DAY: relativedelta(days=1),
    Granularity.WEEK: relativedelta(weeks=1),
    Granularity.MONTH: relativedelta(months=1),
    Granularity.QUARTER: relativedelta(months=3),
    Granularity.HALF_YEAR: relativedelta(months=6),
    Granularity.YEAR: relativedelta(years=1),
}

# rrule frequency and interval that step from one span of a granularity to the next
_STEP: dict[Granularity, tuple[Literal[0, 1, 2, 3, 4, 5, 6], int]] = {
    Granularity.DAY: (DAILY, 1),
    Granularity.WEEK: (WEEKLY, 1),
    Granularity.MONTH: (MONTHLY, 1),
    Granularity.QUARTER: (MONTHLY, 3),
    Granularity.HALF_YEAR: (MONTHLY, 6),
    Granularity.YEAR: (YEARLY, 1),
}
_RANK = {g: i for i, g in enumerate(Granularity)}
_MONTHS = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.HALF_YEAR: 6}

_SPAN_RE = re.compile(
    r"""^(?:
        (?P<year>\d{4})
        (?:S(?P<half>\d)|Q(?P<quarter>\d)|W(?P<week>\d{1,2})
          |-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
    )$""",
    re.VERBOSE,
)


def _span_first(value: object) -> date:
    if type(value) is not date:
        raise TypeError(f"a span starts on a date (got {value!r})")
    return value


@functools.total_ordering
@attrs.frozen(order=False, repr=False)
class Span:
    """One calendar unit: a year, half-year, quarter, month, ISO week or day.

    Attributes:
        granularity: the kind of unit.
        first: its first day (for a week, the Monday).

    >>> s = Span.parse("2021S2")
    >>> s.first, s.last, str(s)
    (datetime.date(2021, 7, 1), datetime.date(2021, 12, 31), '2021S2')
    """

    granularity: Granularity
    first: date = attrs.field(converter=_span_first)

    def __attrs_post_init__(self) -> None:
        if Span._start_of(self.granularity, self.first) != self.first:
            raise ValueError(f"{self.first} is not the first day of a {self.granularity.value}")

    @staticmethod
    def _start_of(granularity: Granularity, day: date) -> date:
        if granularity is Granularity.DAY:
            return day
        if granularity is Granularity.WEEK:
            return day - timedelta(days=day.weekday())
        if granularity is Granularity.MONTH:
            return day.replace(day=1)
        if granularity is Granularity.QUARTER:
            return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        if granularity is Granularity.HALF_YEAR:
            return date(day.year, 1 if day.month <= 6 else 7, 1)
        return date(day.year, 1, 1)

    @classmethod
    def containing(cls, granularity: Granularity, day: date) -> Span:
        """The span of the given granularity that contains ``day``."""
        return cls(granularity, cls._start_of(granularity, day))

    @classmethod
    def parse(cls, text: str) -> Span:
        """Read the text form (``2021``, ``2021S2``, ``2021Q3``, ``2021-10``, ``2021W41``, a day).

        Raises ``ValueError`` naming the text when it is not a span.
        """
        m = _SPAN_RE.match(text) if isinstance(text, str) else None
        if m is None:
            raise ValueError(
                f"{text!r} is not a period: expected e.g. 2021, 2021S2, 2021Q3, 2021-10, 2021W41 or"
                " 2021-10-05"
            )
        year = int(m["year"])
        try:
            if m["half"] is not None:
                half = int(m["half"])
                if half not in (1, 2):
                    raise ValueError("half-year must be S1 or S2")
                return cls(Granularity.HALF_YEAR, date(year, 6 * half - 5, 1))
            if m["quarter"] is not None:
                quarter = int(m["quarter"])
                if not 1 <= quarter <= 4:
                    raise ValueError("quarter must be Q1 to Q4")
                return cls(Granularity.QUARTER, date(year, 3 * quarter - 2, 1))
            if m["week"] is not None:
                return cls(Granularity.WEEK, date.fromisocalendar(year, int(m["week"]), 1))
            if m["day"] is not None:
                return cls(Granularity.DAY, date(year, int(m["month"]), int(m["day"])))
            if m["month"] is not None:
                return cls(Granularity.MONTH, date(year, int(m["month"]), 1))
            return cls(Granularity.YEAR, date(year, 1, 1))
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a period: {exc}") from None

    @property
    def last(self) -> date:
        """The last day of the span (computed from the calendar, as often as it is asked)."""
        g, d = self.granularity, self.first
        if g is Granularity.DAY:
            return d
        if g is Granularity.WEEK:
            return d + timedelta(days=6)
        if g is Granularity.YEAR:
            return date(d.year, 12, 31)
        month = d.month + _MONTHS[g] - 1  # spans are aligned: it stays within the year
        return date(d.year, month, calendar.monthrange(d.year, month)[1])

    def shift(self, n: int) -> Span:
        """The span ``n`` units later (earlier for negative ``n``): 2021S2 shifted 1 is 2022S1."""
        return Span(self.granularity, self.first + _LENGTH[self.granularity] * n)

    def __repr__(self) -> str:
        return f"Span.parse({str(self)!r})"

    def _key(self) -> tuple[date, date, int]:
        return (self.first, self.last, _RANK[self.granularity])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        g, d = self.granularity, self.first
        if g is Granularity.YEAR:
            return f"{d.year:04d}"
        if g is Granularity.HALF_YEAR:
            return f"{d.year:04d}S{1 if d.month == 1 else 2}"
        if g is Granularity.QUARTER:
            return f"{d.year:04d}Q{(d.month - 1) // 3 + 1}"
        if g is Granularity.MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if g is Granularity.WEEK:
            iso = d.isocalendar()
            return f"{iso.year:04d}W{iso.week}"
        return d.isoformat()


@functools.total_ordering
@attrs.frozen(order=False, repr=False)
class Period:
    """A stretch of calendar time from the start of one span to the end of another.

    Either end may be open (``None``): ``2021S2/`` is "from autumn 2021 onwards". A single span
    has ``start == end``. The period is normalised when built, so ``==`` and ``hash`` compare
    meaning, and ``str`` gives the text form that :meth:`parse` reads back. A period whose start
    lies after its end can be built (plans contain such slips); :attr:`is_reversed` tells.

    Attributes:
        start: the first span, or ``None`` when the period has no start.
        end: the last span, or ``None`` when the period is open-ended.

    >>> p = Period.parse("2018/2020")
    >>> p.first_day, p.last_day, str(p)
    (datetime.date(2018, 1, 1), datetime.date(2020, 12, 31), '2018/2020')
    >>> Period.parse("2019-03") in p, Period.parse("2021S2/").open_end
    (True, True)
    """

    start: Span | None
    end: Span | None

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end or both")

    @classmethod
    def of(cls, span: Span | str) -> Period:
        """The period that is exactly one span."""
        s = Span.parse(span) if isinstance(span, str) else span
        return cls(s, s)

    @classmethod
    def between(cls, start: Span | str | None, end: Span | str | None) -> Period:
        """The period from ``start`` to ``end`` (``None`` for an open end)."""
        s = Span.parse(start) if isinstance(start, str) else start
        e = Span.parse(end) if isinstance(end, str) else end
        return cls(s, e)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read the text form: a span, ``A/B``, ``A/`` or ``/B``.

        Raises ``ValueError`` naming the text when it is not a period.
        """
        if not isinstance(text, str):
            raise TypeError(f"a period is written as text (got {text!r})")
        if text.count("/") > 1:
            raise ValueError(f"{text!r} is not a period: at most one '/'")
        if "/" not in text:
            return cls.of(text)
        left, right = text.split("/")
        if not left and not right:
            raise ValueError(f"{text!r} is not a period: it needs a start, an end or both")
        return cls.between(left or None, right or None)

    @property
    def first_day(self) -> date | None:
        """The first day, or ``None`` when the start is open."""
        return None if self.start is None else self.start.first

    @property
    def last_day(self) -> date | None:
        """The last day, or ``None`` when the end is open."""
        return None if self.end is None else self.end.last

    @property
    def open_start(self) -> bool:
        return self.start is None

    @property
    def open_end(self) -> bool:
        return self.end is None

    @property
    def is_reversed(self) -> bool:
        """True when the period ends before it starts (a slip in the data)."""
        first, last = self.first_day, self.last_day
        return first is not None and last is not None and last < first

    def contains(self, other: Period | Span | date) -> bool:
        """Whether every day of ``other`` lies inside this period (a reversed one holds none)."""
        if self.is_reversed:
            return False
        if isinstance(other, date):
            first: date | None = other
            last: date | None = other
        else:
            o = other if isinstance(other, Period) else Period.of(other)
            first, last = o.first_day, o.last_day
        starts_inside = self.first_day is None or (first is not None and first >= self.first_day)
        ends_inside = self.last_day is None or (last is not None and last <= self.last_day)
        return starts_inside and ends_inside

    __contains__ = contains

    def overlaps(self, other: Period | Span) -> bool:
        """Whether this period and ``other`` share at least one day."""
        o = other if isinstance(other, Period) else Period.of(other)
        if self.is_reversed or o.is_reversed:
            return False
        after = (
            self.last_day is not None and o.first_day is not None and o.first_day > self.last_day
        )
        before = (
            o.last_day is not None and self.first_day is not None and self.first_day > o.last_day
        )
        return not (after or before)

    def spans(self, granularity: Granularity) -> Iterator[Span]:
        """The spans of ``granularity`` that share a day with the period, in order.

        >>> [str(s) for s in Period.parse("2021S2/2022Q1").spans(Granularity.QUARTER)]
        ['2021Q3', '2021Q4', '2022Q1']

        Raises ``ValueError`` for a period without a start or an end: it has no end of spans.
        """
        first, last = self.first_day, self.last_day
        if first is None or last is None:
            raise ValueError(f"the period {self} is open: it has no end of spans")
        if last < first:
            return
        freq, interval = _STEP[granularity]
        start = Span.containing(granularity, first).first
        for moment in rrule(
            freq, interval=interval, dtstart=datetime(start.year, start.month, start.day),
            until=datetime(last.year, last.month, last.day),
        ):  # fmt: skip
            yield Span(granularity, moment.date())

    def __repr__(self) -> str:
        return f"Period.parse({str(self)!r})"

    def _key(self) -> tuple[date, date, int, int]:
        start = self.start
        end = self.end
        return (
            date.min if start is None else start.first,
            date.max if end is None else end.last,
            -1 if start is None else _RANK[start.granularity],
            -1 if end is None else _RANK[end.granularity],
        )

    def __lt__(self, other: object) -> bool:
        """Periods sort by first day, then last day (open ends first and last)."""
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        if self.start is not None and self.start == self.end:
            return str(self.start)
        left = "" if self.start is None else str(self.start)
        right = "" if self.end is None else str(self.end)
        return f"{left}/{right}"
