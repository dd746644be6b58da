"""What a line's events say: start, end, open end, recurrence, phases."""

from __future__ import annotations

import itertools
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass

from uphmodel._period import Period, Span
from uphmodel.model import Phase
from uphmodel.timelines._lexer import events_of
from uphmodel.timelines._points import Context, Event
from uphmodel.timelines._words import PHASES

#: Words before a time that make it the end, or the start, of the work.
_ENDS = frozenset({"tom", "until", "framtill"})
_STARTS = frozenset({"fromm", "start", "since"})


@dataclass
class Reading:
    period: Period | None = None
    open_end: bool = False
    recurrence: str | None = None
    unplaced: str | None = None  # a point that could not be moved ("efter 9999")


def _shifted(span: Span | None, steps: int) -> Span | None:
    if span is None:
        return None
    try:
        return span.shift(steps)
    except (ValueError, OverflowError):
        return None


def read(events: Sequence[Event]) -> Reading:
    """What one stretch of events (no phases in it) says about start, end and recurrence."""
    points: list[tuple[int, Period, bool]] = [
        (i, *typing.cast(tuple[Period, bool], e.value))
        for i, e in enumerate(events)
        if e.kind == "point"
    ]
    kinds = [e.kind for e in events]
    reading = Reading()
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
        if "before" in before and "open" in after:  # "inför 2022 och framåt": from then on
            reading.period = Period(first.start, None)
            reading.open_end = True
            return reading
        if "before" in before:  # "inför 2021", "före sommaren": until it begins
            end = _shifted(first.start, -1)
            if end is None:  # no span of the calendar before it
                reading.unplaced = events[first_at].text
                return reading
            reading.period = Period(None, end)
            return reading
        if "after" in before:  # "efter 2021": from when it has ended
            start = _shifted(first.end, 1)
            if start is None:
                reading.unplaced = events[first_at].text
                return reading
            reading.period = Period(start, None)
            reading.open_end = runs_on
            return reading
        ties = [k for k in kinds[:first_at] if k in _ENDS or k in _STARTS]
        if ties and ties[-1] in _ENDS:  # the nearest word says until ("påbörjad, pausad 2020")
            if (
                "until" in before and first_is_season
                and not before & {"tom", "framtill"}
            ):  # fmt: skip
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


#: Words that tie a time to something ("inför", "efter", "till", "fr.o.m."): when that is not
#: a time the reader knows, the word goes unread with it.
_TIES = frozenset({"before", "after", "until", "tom", "framtill", "fromm"})


def _unread(events: Sequence[Event], readings: Sequence[tuple[int, int, Reading]]) -> list[str]:
    """The words of a line not read, in the order of the text: unknown words, a tie to
    something that is not a time, and a point that could not be moved ("efter 9999")."""
    dangling: set[int] = set()
    for a, b, reading in readings:
        if reading.period is None:
            dangling.update(i for i in range(a, b) if events[i].kind in _TIES)
    words = [e.text for i, e in enumerate(events) if e.kind == "unknown" or i in dangling]
    return words + [r.unplaced for _, _, r in readings if r.unplaced]


def read_line(line: str, ctx: Context) -> tuple[Reading, list[Phase]]:
    events = events_of(line, ctx)
    cuts = [i for i, e in enumerate(events) if e.kind == "phase"]
    if not cuts:
        reading = read(events)
        ctx.unparsed.extend(_unread(events, [(0, len(events), reading)]))
        return reading, []
    phases: list[Phase] = []
    pieces = _phase_texts(line)
    starts = [*cuts, len(events)]
    if cuts[0] > 0 and any(e.kind in ("point", "recur") for e in events[: cuts[0]]):
        starts = [0, *starts]
        labels: list[str | None] = [None] + [str(events[i].value) for i in cuts]
    else:
        labels = [str(events[i].value) for i in cuts]
    readings: list[tuple[int, int, Reading]] = []
    if starts[0] > 0:  # words before the first phase that say no time
        readings.append((0, starts[0], Reading()))
    for n, (a, b) in enumerate(itertools.pairwise(starts)):
        reading = read(events[a:b])
        readings.append((a, b, reading))
        text = pieces[n] if n < len(pieces) else ""
        phases.append(Phase(label=labels[n], period=reading.period, text=text))
    ctx.unparsed.extend(_unread(events, readings))
    return combine([r for _, _, r in readings]), phases


def _phase_texts(line: str) -> list[str]:
    """The line cut before every phase word, in the original wording."""
    pattern = re.compile("|".join(rf"\b{w}\b" for w in PHASES), re.IGNORECASE)
    cuts = [m.start() for m in pattern.finditer(line)]
    if cuts and line[: cuts[0]].strip():
        cuts = [0, *cuts]
    bounds = [*cuts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds)]


def combine(readings: Sequence[Reading]) -> Reading:
    """One reading for several: from the earliest start to the latest end."""
    known = [r for r in readings if r.period is not None]
    combined = Reading(recurrence=next((r.recurrence for r in readings if r.recurrence), None))
    if not known:
        combined.open_end = any(r.open_end for r in readings)
        return combined
    starts = [r.period.start for r in known if r.period is not None and r.period.start]
    start = min(starts) if starts else None
    ends = [r.period.end for r in known if r.period is not None and r.period.end]
    open_end = any(r.open_end for r in known)
    end = None if open_end or not ends else max(ends)
    combined.period = Period(start, end) if start is not None or end is not None else None
    combined.open_end = open_end
    return combined
