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
from datetime import date, timedelta

import attrs

from uphmodel._text import shown
from uphmodel._typed import typed


class Granularity(enum.Enum):
    """How long one calendar unit is.

    Besides the calendar's own units, three that Swedish planning uses: the school term
    (``TERM``: *vårterminen* January to June, *höstterminen* August to December — the calendar
    months the terms fall in; July is in neither), the tertial (``TERTIAL``: four months,
    January–April, May–August, September–December, the reporting periods of many regions) and
    the councils' term of office (``TERM_OF_OFFICE``, *mandatperiod*: four years from 15 October
    of an election year, Kommunallagen 5 kap. 5 §; election years are those of the general
    elections, 2014, 2018, 2022, 2026 …, every fourth year since 1994).
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    TERTIAL = "tertial"
    TERM = "term"
    HALF_YEAR = "half_year"
    YEAR = "year"
    TERM_OF_OFFICE = "term_of_office"


_RANK = {g: i for i, g in enumerate(Granularity)}
#: Months per span of the granularities that are whole months of one year, aligned.
_MONTHS = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.TERTIAL: 4,
           Granularity.HALF_YEAR: 6}  # fmt: skip
_TERM_MONTHS = (1, 8)  # the first months of the spring and the autumn term
_ELECTION = 2  # election years are 2 modulo 4: 2018, 2022


def _index(g: Granularity, first: date) -> int:
    """The number of a span among the spans of its granularity, in calendar order."""
    if g is Granularity.DAY:
        return first.toordinal()
    if g is Granularity.WEEK:
        return (first.toordinal() - 1) // 7  # day 1 of the calendar, 0001-01-01, is a Monday
    if g is Granularity.YEAR:
        return first.year
    if g is Granularity.TERM:
        return first.year * 2 + (first.month == 8)
    if g is Granularity.TERM_OF_OFFICE:
        return (first.year - _ELECTION) // 4
    months = _MONTHS[g]
    return (first.year * 12 + first.month - 1) // months


def _first(g: Granularity, index: int) -> date:
    """The first day of the span with this number (:func:`_index`)."""
    if g is Granularity.DAY:
        return date.fromordinal(index)
    if g is Granularity.WEEK:
        return date.fromordinal(index * 7 + 1)
    if g is Granularity.YEAR:
        return date(index, 1, 1)
    if g is Granularity.TERM:
        return date(index // 2, _TERM_MONTHS[index % 2], 1)
    if g is Granularity.TERM_OF_OFFICE:
        return date(index * 4 + _ELECTION, 10, 15)
    month = index * _MONTHS[g]
    return date(month // 12, month % 12 + 1, 1)


def _last(g: Granularity, first: date) -> date:
    """The last day of the span that starts on ``first``."""
    if g is Granularity.DAY:
        return first
    if g is Granularity.WEEK:
        return first + timedelta(days=6)
    if g is Granularity.YEAR:
        return date(first.year, 12, 31)
    if g is Granularity.TERM:
        return date(first.year, 6, 30) if first.month == 1 else date(first.year, 12, 31)
    if g is Granularity.TERM_OF_OFFICE:
        return date(first.year + 4, 10, 14)
    month = first.month + _MONTHS[g] - 1  # spans are aligned: it stays within the year
    return date(first.year, month, calendar.monthrange(first.year, month)[1])


def _start_of(g: Granularity, day: date) -> date | None:
    """The first day of the span of ``g`` that holds ``day``; None where none does (a day
    of July is in no school term)."""
    if g is Granularity.DAY:
        return day
    if g is Granularity.WEEK:
        return day - timedelta(days=day.weekday())
    if g is Granularity.TERM:
        if day.month == 7:
            return None
        return date(day.year, 1 if day.month < 7 else 8, 1)
    if g is Granularity.TERM_OF_OFFICE:
        election = day.year - (day.year - _ELECTION) % 4
        if day < date(election, 10, 15):
            election -= 4
        return date(election, 10, 15)
    if g is Granularity.YEAR:
        return date(day.year, 1, 1)
    return _first(g, _index(g, day.replace(day=1)))


_SPAN_RE = re.compile(
    r"""^(?:
        (?P<year>\d{4})
        (?:S(?P<half>\d)|Q(?P<quarter>\d)|W(?P<week>\d{1,2})|T(?P<tertial>\d)
          |(?P<term>VT|HT)|(?P<office>MP)
          |-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
    )$""",
    re.VERBOSE,
)


def _span_first(value: object) -> date:
    if type(value) is not date:
        raise TypeError(f"a span starts on a date (got {shown(value)})")
    return value


@functools.total_ordering
@attrs.frozen(order=False, repr=False, field_transformer=typed)
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
        if _start_of(self.granularity, self.first) != self.first:
            what = self.granularity.value.replace("_", " ")
            raise ValueError(f"{self.first} is not the first day of a {what}")

    @classmethod
    def containing(cls, granularity: Granularity, day: date) -> Span:
        """The span of the given granularity that contains ``day``. Raises ``ValueError``
        where none does (July is in no school term)."""
        first = _start_of(granularity, day)
        if first is None:
            raise ValueError(f"{day} lies in no {granularity.value.replace('_', ' ')}")
        return cls(granularity, first)

    @classmethod
    def parse(cls, text: str) -> Span:
        """Read the text form (``2021``, ``2021S2``, ``2021Q3``, ``2021-10``, ``2021W41``, a day,
        ``2024VT``/``2024HT``, ``2023T2``, ``2022MP``).

        Raises ``ValueError`` naming the text when it is not a span.
        """
        m = _SPAN_RE.match(text) if isinstance(text, str) else None
        if m is None:
            raise ValueError(
                f"{shown(text)} is not a period: expected e.g. 2021, 2021S2, 2021Q3, 2021-10,"
                " 2021W41, 2021-10-05, 2024HT, 2023T2 or 2022MP"
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
            if m["tertial"] is not None:
                tertial = int(m["tertial"])
                if not 1 <= tertial <= 3:
                    raise ValueError("tertial must be T1 to T3")
                return cls(Granularity.TERTIAL, date(year, 4 * tertial - 3, 1))
            if m["term"] is not None:
                return cls(Granularity.TERM, date(year, 1 if m["term"] == "VT" else 8, 1))
            if m["office"] is not None:
                if (year - _ELECTION) % 4:
                    raise ValueError(f"{year} is no election year: a term of office starts in "
                                     "one (2018, 2022, 2026 …)")  # fmt: skip
                return cls(Granularity.TERM_OF_OFFICE, date(year, 10, 15))
            if m["day"] is not None:
                return cls(Granularity.DAY, date(year, int(m["month"]), int(m["day"])))
            if m["month"] is not None:
                return cls(Granularity.MONTH, date(year, int(m["month"]), 1))
            return cls(Granularity.YEAR, date(year, 1, 1))
        except ValueError as exc:
            raise ValueError(f"{shown(text)} is not a period: {exc}") from None

    @property
    def last(self) -> date:
        """The last day of the span (computed from the calendar, as often as it is asked)."""
        return _last(self.granularity, self.first)

    def shift(self, n: int) -> Span:
        """The span ``n`` units later (earlier for negative ``n``): 2021S2 shifted 1 is 2022S1,
        2024HT shifted 1 is 2025VT."""
        return Span(
            self.granularity, _first(self.granularity, _index(self.granularity, self.first) + n)
        )

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
        if g is Granularity.TERTIAL:
            return f"{d.year:04d}T{(d.month - 1) // 4 + 1}"
        if g is Granularity.TERM:
            return f"{d.year:04d}{'VT' if d.month == 1 else 'HT'}"
        if g is Granularity.TERM_OF_OFFICE:
            return f"{d.year:04d}MP"
        return d.isoformat()


@functools.total_ordering
@attrs.frozen(order=False, repr=False, field_transformer=typed)
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

        Raises ``ValueError`` naming the text when it is not a period. Periods are values, so
        the same text gives the same (shared) period: a plan's few texts are read once.
        """
        if cls is Period and type(text) is str:
            return _parse_period(text)
        return cls._read(text)

    @classmethod
    def _read(cls, text: str) -> Period:
        if not isinstance(text, str):
            raise TypeError(f"a period is written as text (got {shown(text)})")
        if text.count("/") > 1:
            raise ValueError(f"{shown(text)} is not a period: at most one '/'")
        if "/" not in text:
            return cls.of(text)
        left, right = text.split("/")
        if not left and not right:
            raise ValueError(f"{shown(text)} is not a period: it needs a start, an end or both")
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
        index = _index(granularity, _start_of(granularity, first) or first)
        while True:
            span = Span(granularity, _first(granularity, index))
            if span.first > last:
                return
            if span.last >= first:
                yield span
            index += 1

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
        # A plan's periods are few objects shared by many records: each is written once.
        found = _TEXTS.get(id(self))
        if found is not None and found[0] is self:
            return found[1]
        if self.start is not None and self.start == self.end:
            text = str(self.start)
        else:
            left = "" if self.start is None else str(self.start)
            right = "" if self.end is None else str(self.end)
            text = f"{left}/{right}"
        if len(_TEXTS) >= 4096:
            _TEXTS.clear()
        _TEXTS[id(self)] = (self, text)  # held, so its id is not reused while it is here
        return text


_TEXTS: dict[int, tuple[Period, str]] = {}


@functools.lru_cache(maxsize=4096)
def _parse_period(text: str) -> Period:
    return Period._read(text)
