"""Reading Swedish timeline text ("tidsplan") into a structured :class:`~uphmodel.Timeline`.

>>> from uphmodel import parse_timeline
>>> t = parse_timeline("Planering hösten 2021 genomförs 2022 och löpande")
>>> str(t.period), t.open_end, [(p.label, str(p.period)) for p in t.phases]
('2021S2/', True, [('planering', '2021S2'), ('genomförande', '2022/')])
>>> t = parse_timeline("2021- årligen så länge nationella medel tillförs")
>>> str(t.period), t.recurrence, t.conditions
('2021/', 'FREQ=YEARLY', ('så länge nationella medel tillförs',))

The parser never raises on text: what it cannot read it lists in ``Timeline.unparsed``.
Seasons follow Swedish planning usage: *våren* is the first half-year (``S1``), *hösten* the
second (``S2``), *sommaren* June to August, *vintern* January to February (``vintern 2018/19``:
December 2018 to February 2019). Text without a year ("i höst", "v 45", "under året") takes the
year given as ``year``; without one it cannot be placed and is reported as unparsed.
"""

from __future__ import annotations

import itertools
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import attrs

from uphmodel._period import Granularity, Period, Span
from uphmodel._tree import rebuild
from uphmodel.model import Phase, Plan, Timeline

__all__ = ["parse_timeline", "structure_timelines"]

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_RE = r"(?:våren|vår|hösten|höst|vintern|vinter|sommaren|sommar)"

# Recurrences as RFC 5545 RRULE text, most specific first.
_RECURRENCES: tuple[tuple[str, str], ...] = (
    (r"vart\s*annat\s+år|varannat\s+år|varje\s+två\s+år", "FREQ=YEARLY;INTERVAL=2"),
    (r"(?:tre|3)\s+(?:gånger|ggr)\s*(?:per|om|i|/)\s*år(?:et)?", "FREQ=MONTHLY;INTERVAL=4"),
    (
        r"(?:två|2)\s+(?:gånger|ggr)\s*(?:per|om|i|/)\s*år(?:et)?|halvårsvis|varje\s+halvår"
        r"|terminsvis|varje\s+termin",
        "FREQ=MONTHLY;INTERVAL=6",
    ),
    (r"kvartalsvis|varje\s+kvartal", "FREQ=MONTHLY;INTERVAL=3"),
    (
        r"månadsvis|varje\s+månad|månatligen|(?:en|1)\s+gång\s+(?:per|i|om)\s+månad(?:en)?",
        "FREQ=MONTHLY",
    ),
    (r"varannan\s+vecka", "FREQ=WEEKLY;INTERVAL=2"),
    (r"varje\s+vecka|veckovis|veckoligen", "FREQ=WEEKLY"),
    (
        r"årligen|varje\s+år|årsvis|årlig|(?:en|1)\s+gång\s+(?:per|om|i)\s+år(?:et)?",
        "FREQ=YEARLY",
    ),
)

_PHASES = {
    "planering": "planering", "planeras": "planering", "förberedelse": "förberedelse",
    "förbereds": "förberedelse", "genomförs": "genomförande", "genomförande": "genomförande",
    "genomföras": "genomförande", "utvärdering": "utvärdering", "utvärderas": "utvärdering",
    "implementering": "implementering", "implementeras": "implementering",
    "uppföljning": "uppföljning",
}  # fmt: skip

_TOKEN = re.compile(
    "|".join(
        [
            "(?P<recur>" + "|".join(rf"\b(?:{p})\b" for p, _ in _RECURRENCES) + ")",
            r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
            r"(?P<yearmonth>\b\d{4}-\d{2}\b)(?![-\d])",
            r"(?P<yearpair>\b\d{4}\s*/\s*(?:\d{4}|\d{2})\b)",
            r"(?P<daymonth>\b\d{1,2}/\d{1,2}\b)",
            r"(?P<year>\b\d{4}\b)",
            r"(?P<week>\b(?:v\.?|vecka|veckonummer)\s*\d{1,2}\b)",
            r"(?P<quarter>\b(?:q|kv\.?|kvartal)\s*[1-4]\b)",
            r"(?P<half>\b(?:första|andra)\s+halvåret\b)",
            rf"(?P<season>\b{_SEASON_RE}(?:\s*/\s*{_SEASON_RE})?\b)",
            rf"(?P<month>\b(?:{_MONTH_RE})\b\.?)",
            r"(?P<tom>\bt\.?\s*o\.?\s*m\b\.?|\btill\s+och\s+med\b)",
            r"(?P<since>\bsedan\b)",
            r"(?P<fromm>\bfr\.?\s*o\.?\s*m\b\.?|\bfrån\s+och\s+med\b|\bfrån\b)",
            r"(?P<start>\b(?:start(?:a|ar|as|ade|ades|en)?|början|börjar"
            r"|påbörja(?:s|d|des)?|inled(?:s|des)?)\b)",
            r"(?P<until>\b(?:till|senast)\b)",
            r"(?P<cont>\bfortsätter\b)",
            r"(?P<open>\b(?:framåt|fortlöpande|löpande|kontinuerligt|kontinuerlig|pågående|pågår"
            r"|tills\s+vidare|och\s+vidare|fortsättningsvis|framöver)\b)",
            "(?P<phase>" + "|".join(rf"\b{w}\b" for w in _PHASES) + ")",
            r"(?P<thisyear>\b(?:i\s+år|innevarande\s+år|under\s+året|detta\s+år)\b)",
            r"(?P<nextyear>\b(?:nästa\s+år|kommande\s+år)\b)",
            r"(?P<filler>\b(?:och|under|i|för|med|per|om|ca|cirka|omkring|ungefär|samt|år|året)\b)",
            r"(?P<dash>-+)",
            r"(?P<punct>[,;:.()/?!])",
            r"(?P<daynum>\b\d{1,2}\b)",
            r"(?P<word>[^\s,;:()/?!-]+)",
        ]
    ),
    re.IGNORECASE,
)

_TOKEN_COND = re.compile(
    r"\b(?:så\s+länge|med\s+eventuell|med\s+möjlig|under\s+förutsättning|förutsatt"
    r"|i\s+förhållande\s+till|beroende\s+på|vid\s+behov|om\s+medel|om\s+beslut)\b.*",
    re.IGNORECASE,
)

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))


@dataclass
class _Point:
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
    complete: Period | None = None  # a full date or year-month read in one token

    def empty(self) -> bool:
        return not self.text


@dataclass
class _Event:
    kind: str  # pending, point, open, dash, since, fromm, start, until, tom, cont, recur, …
    value: object = None
    text: str = ""
    point: _Point | None = None  # a date expression not yet placed in a year


def _season(name: str, year: int) -> Period:
    key = name.lower()[:3]
    if key == "vår":
        return Period.of(Span(Granularity.HALF_YEAR, date(year, 1, 1)))
    if key == "hös":
        return Period.of(Span(Granularity.HALF_YEAR, date(year, 7, 1)))
    if key == "som":
        return Period.between(f"{year}-06", f"{year}-08")
    return Period.between(f"{year}-01", f"{year}-02")  # vintern


def _resolve(point: _Point, reference: int | None) -> Period | None:
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
            return Period.of(Span.parse(f"{year}Q{point.quarter}"))
        if point.half is not None:
            return Period.of(Span.parse(f"{year}S{point.half}"))
        if point.season is not None:
            if point.season2 is not None:  # "hösten/vintern 2018/19"
                end_year = point.year2 if point.year2 is not None else year
                first = _season(point.season, year)
                if point.season2.lower().startswith("vinter") and point.year2 is not None:
                    last = Period.between(f"{end_year}-02", f"{end_year}-02")
                else:
                    last = _season(point.season2, end_year)
                return Period(first.start, last.end)
            if point.season.lower().startswith("vinter") and point.year2 is not None:
                return Period.between(f"{year}-12", f"{point.year2}-02")
            return _season(point.season, year)
        if point.year2 is not None:
            return Period.between(str(year), str(point.year2))
        return Period.of(Span(Granularity.YEAR, date(year, 1, 1)))
    except ValueError:
        return None


def _full_year(two_or_four: str, base: int) -> int:
    value = int(two_or_four)
    return value if len(two_or_four) == 4 else base // 100 * 100 + value


def _events(text: str, reference: int | None, unparsed: list[str]) -> list[_Event]:
    """Tokens of one line of timeline text, with date expressions joined into points."""
    events: list[_Event] = []
    point = _Point()

    def flush() -> None:
        nonlocal point
        if not point.empty():
            events.append(_Event("pending", text=" ".join(point.text), point=point))
            point = _Point()

    tokens = list(_TOKEN.finditer(text))
    for index, m in enumerate(tokens):
        kind = m.lastgroup or "word"
        raw = m.group()
        low = raw.lower()
        if kind == "year":
            if point.year is not None or point.complete is not None:
                flush()
            point.year = int(raw)
            point.text.append(raw)
        elif kind == "yearpair":
            first, second = re.split(r"\s*/\s*", raw)
            if point.year is not None or point.complete is not None:
                flush()
            point.year = int(first)
            point.year2 = _full_year(second, int(first))
            point.text.append(raw)
        elif kind == "yearmonth":
            flush()
            year, part = int(raw[:4]), raw[5:]
            if int(part) > year % 100:  # "2018-20": the years 2018 to 2020
                point.year, point.year2 = year, _full_year(part, year)
            elif 1 <= int(part) <= 12:
                point.complete = Period.of(Span.parse(raw))
            else:
                point.year = year  # keep what can be read; the rest is reported
                events.append(_Event("unknown", None, part))
            point.text.append(raw)
            flush()
        elif kind == "iso":
            flush()
            try:
                point.complete = Period.of(Span.parse(raw))
            except ValueError:
                events.append(_Event("unknown", None, raw))
                point = _Point()
                continue
            point.text.append(raw)
            flush()
        elif kind == "daymonth":
            flush()
            day, month = (int(x) for x in raw.split("/"))
            point.day, point.month = day, month
            point.text.append(raw)
        elif kind == "week":
            if point.week is not None or point.month is not None or point.complete is not None:
                flush()
            point.week = int(re.sub(r"\D", "", raw))
            point.text.append(raw)
        elif kind == "quarter":
            flush()
            point.quarter = int(raw[-1])
            point.text.append(raw)
        elif kind == "half":
            flush()
            point.half = 1 if low.startswith("första") else 2
            point.text.append(raw)
        elif kind == "season":
            flush()
            names = re.split(r"\s*/\s*", raw)
            point.season = names[0]
            point.season2 = names[1] if len(names) > 1 else None
            point.text.append(raw)
        elif kind == "month":
            if point.month is not None or point.season is not None or point.complete is not None:
                flush()
            point.month = _MONTHS[low.rstrip(".")]
            point.text.append(raw)
        elif kind == "daynum":
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            before = events[-2].point if len(events) >= 2 else None
            after_week = (
                point.empty() and bool(events) and events[-1].kind == "dash"
                and before is not None and before.week is not None
            )  # fmt: skip
            if nxt is not None and nxt.lastgroup == "month":
                flush()
                point.day = int(raw)
                point.text.append(raw)
            elif after_week:  # "v 40-42": the second week of a range of weeks
                point.week = int(raw)
                point.text.append(raw)
            else:
                flush()
                events.append(_Event("unknown", None, raw))
        elif kind in ("thisyear", "nextyear"):
            flush()
            if reference is None:
                events.append(_Event("unknown", None, raw))
            else:
                year = reference + (1 if kind == "nextyear" else 0)
                events.append(_Event("point", (Period.parse(str(year)), False), raw))
        elif kind in ("filler", "punct"):
            continue  # neither starts nor ends a date expression: "hösten 2021, v 41"
        else:
            flush()
            if kind == "recur":
                rule = next(r for p, r in _RECURRENCES if re.fullmatch(p, low, re.IGNORECASE))
                events.append(_Event("recur", rule, raw))
            elif kind == "phase":
                events.append(_Event("phase", _PHASES[low], raw))
            elif kind == "word":
                events.append(_Event("unknown", None, raw))
            else:
                events.append(_Event(kind, None, raw))
    flush()
    return _place(events, reference, unparsed)


def _place(events: list[_Event], reference: int | None, unparsed: list[str]) -> list[_Event]:
    """Resolve the date expressions: one without a year takes the year of the next that has
    one ("januari–mars 2022"), else of the one before, else the reference year."""
    years = [e.point.year if e.point is not None else None for e in events]
    placed: list[_Event] = []
    for index, event in enumerate(events):
        point = event.point
        if point is not None:
            year = next((y for y in years[index + 1 :] if y is not None), None)
            if year is None:
                year = next((y for y in reversed(years[:index]) if y is not None), reference)
            period = _resolve(point, year)
            if period is None:
                event = _Event("unknown", None, event.text)
            else:
                event = _Event("point", (period, point.season is not None), event.text)
        if event.kind == "unknown":
            unparsed.append(event.text)
        placed.append(event)
    return placed


@dataclass
class _Reading:
    period: Period | None = None
    open_end: bool = False
    recurrence: str | None = None


def _read(events: Sequence[_Event]) -> _Reading:
    """What one stretch of events (no phases in it) says about start, end and recurrence."""
    points: list[tuple[int, Period, bool]] = [
        (i, *typing.cast(tuple[Period, bool], e.value))
        for i, e in enumerate(events)
        if e.kind == "point"
    ]
    kinds = [e.kind for e in events]
    reading = _Reading()
    reading.recurrence = next((str(e.value) for e in events if e.kind == "recur"), None)
    runs_on = "open" in kinds or "since" in kinds
    if not points:
        reading.open_end = runs_on
        return reading
    first_at, first, first_is_season = points[0]
    last_at, last, _ = points[-1]
    before = set(kinds[:first_at])
    after = kinds[last_at + 1 :]
    if len(points) == 1:
        if before & {"tom", "until"} and not before & {"fromm", "start", "since"}:
            if "until" in before and first_is_season and "tom" not in before:
                reading.period = first  # "till hösten": in the coming autumn
            else:
                reading.period = Period(None, first.end)
            return reading
        trailing_dash = bool(after) and after[0] == "dash"
        starts = bool(before & {"fromm", "start", "since"}) or trailing_dash
        if starts or runs_on or "cont" in after:
            reading.period = Period(first.start, None)
            reading.open_end = runs_on or (trailing_dash and not before & {"start"})
            return reading
        reading.period = first
        return reading
    open_after_last = "open" in after
    reading.period = Period(first.start, None if open_after_last else last.end)
    reading.open_end = open_after_last
    return reading


def _read_line(line: str, reference: int | None, unparsed: list[str]) -> tuple[
    _Reading, list[Phase]
]:  # fmt: skip
    events = _events(line, reference, unparsed)
    cuts = [i for i, e in enumerate(events) if e.kind == "phase"]
    if not cuts:
        return _read(events), []
    phases: list[Phase] = []
    pieces = _phase_texts(line)
    starts = [*cuts, len(events)]
    if cuts[0] > 0 and any(e.kind == "point" for e in events[: cuts[0]]):
        starts = [0, *starts]
        labels: list[str | None] = [None] + [str(events[i].value) for i in cuts]
    else:
        labels = [str(events[i].value) for i in cuts]
    readings = []
    for n, (a, b) in enumerate(itertools.pairwise(starts)):
        reading = _read(events[a:b])
        readings.append(reading)
        text = pieces[n] if n < len(pieces) else ""
        phases.append(Phase(label=labels[n], period=reading.period, text=text))
    return _combine(readings), phases


def _phase_texts(line: str) -> list[str]:
    """The line cut before every phase word, in the original wording."""
    pattern = re.compile("|".join(rf"\b{w}\b" for w in _PHASES), re.IGNORECASE)
    cuts = [m.start() for m in pattern.finditer(line)]
    if cuts and line[: cuts[0]].strip():
        cuts = [0, *cuts]
    bounds = [*cuts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _combine(readings: Sequence[_Reading]) -> _Reading:
    """One reading for several: from the earliest start to the latest end."""
    known = [r for r in readings if r.period is not None]
    combined = _Reading(recurrence=next((r.recurrence for r in readings if r.recurrence), None))
    if not known:
        combined.open_end = any(r.open_end for r in readings)
        return combined
    starts = [r.period.start for r in known if r.period is not None]
    start = None if any(s is None for s in starts) else min(s for s in starts if s is not None)
    last = known[-1]
    ends = [r.period.end for r in known if r.period is not None]
    open_end = last.open_end or any(r.open_end for r in known)
    end = None if open_end or any(e is None for e in ends) else max(e for e in ends if e)
    combined.period = Period(start, end) if start is not None or end is not None else None
    combined.open_end = open_end
    return combined


def parse_timeline(text: str, *, year: int | None = None) -> Timeline:
    """Read Swedish timeline text into a :class:`~uphmodel.Timeline`; never raises on text.

    ``year`` places text that names no year ("i höst", "v 45", "under året"), typically the
    year of the plan. The result keeps ``text`` exactly as given.

    >>> t = parse_timeline("Hösten 2021 V 41")
    >>> str(t.period), t.open_end, t.unparsed
    ('2021W41', False, ())
    >>> parse_timeline("när det passar").unparsed
    ('när', 'det', 'passar')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_timeline() takes text, not {type(text).__name__}")
    unparsed: list[str] = []
    conditions: list[str] = []
    lines = [line.strip() for line in text.translate(_DASHES).splitlines() if line.strip()]
    readings: list[_Reading] = []
    phases: list[Phase] = []
    for n, line in enumerate(lines):
        condition = _TOKEN_COND.search(line)
        if condition:
            conditions.append(" ".join(condition.group().split()))
            line = line[: condition.start()]
        reading, line_phases = _read_line(line, year, unparsed)
        readings.append(reading)
        if n == 0:
            phases.extend(line_phases)
        else:
            phases.append(Phase(label=None, period=reading.period, text=" ".join(line.split())))
            phases.extend(line_phases)
    overall = _combine(readings) if len(readings) > 1 else (readings[0] if readings else None)
    return Timeline(
        text=text,
        period=overall.period if overall else None,
        open_end=overall.open_end if overall else False,
        recurrence=overall.recurrence if overall else None,
        phases=tuple(phases),
        conditions=tuple(conditions),
        unparsed=tuple(unparsed),
    )


def structure_timelines(plan: Plan, *, year: int | None = None) -> Plan:
    """A copy of ``plan`` with every timeline read afresh from its text by :func:`parse_timeline`.

    ``year`` defaults to the first year of the plan's period (or of its date).
    """
    if year is None:
        first = plan.period.first_day if plan.period is not None else None
        year = first.year if first is not None else (plan.date.year if plan.date else None)

    def read(record: object) -> object:
        if isinstance(record, Timeline):
            return attrs.evolve(parse_timeline(record.text, year=year), extra=record.extra)
        return record

    return rebuild(plan, read)
