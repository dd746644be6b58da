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

import re

import attrs

from uphmodel._period import Period
from uphmodel._tree import rebuild
from uphmodel.model import ActivityStatus, Inferred, Phase, Plan, Timeline
from uphmodel.timelines._points import Context
from uphmodel.timelines._reading import Reading, combine, read_line
from uphmodel.timelines._words import DASHES, TOKEN_COND

__all__ = ["TIMELINE_LIMIT", "parse_timeline", "structure_timelines"]

#: The longest timeline text that is read: the most a spreadsheet cell holds. A longer text is
#: kept whole in ``Timeline.text`` but not read (no period; ``unparsed`` says why), so that a
#: pasted document neither takes long to read nor yields a period from part of it.
TIMELINE_LIMIT = 32_767

#: Characters that end a line.
_BREAKS = frozenset("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _clean(text: str) -> str:
    """Dashes as one kind, and characters that carry no text (controls, lone surrogates) as
    spaces, so that nothing in the text can trip the reading."""
    text = text.translate(DASHES)
    if text.isprintable():
        return text
    odd = {c for c in set(text) if not c.isprintable() and c not in "\n\t"}
    return text.translate({ord(c): "\n" if c in _BREAKS else " " for c in odd})


#: A line that ends so goes on in the next ("2021- t om" / "2022", "2017-" / "framåt").
_GOES_ON = re.compile(
    r"(?:-|\bt\.?\s*o\.?\s*m\.?|\btill|\boch|\bmed|\bfr\.?\s*o\.?\s*m\.?|\bså|\bi|\bunder"
    r"|\bper|\bfrån|\bav|\bsenast|\binför|\binnan|\befter|\bvid|\bfram|\bsedan|\bde)$",
    re.IGNORECASE,
)


#: A line that names a year, in any form ("2021", "vt-25", "okt-19", "190315", "2024/25").
_YEARISH = re.compile(r"\d{4}|\b\d{6}\b|[-'’/]\s?\d{2}\b")


def _joined(lines: list[str]) -> list[str]:
    """Lines of one statement broken by a table cell joined again; other lines stay apart
    (a timeline that lists several is read as phases). A line goes on in the next when it ends
    in a word that needs one ("2021- t om" / "2022"), and a line that names no year belongs with
    its neighbour: the first line with the next ("Start hösten" / "2021"), any other with the one
    before ("Hösten 2021" / "V 41", "2021" / "fortlöpande")."""
    out: list[str] = []
    waiting = False  # the line before names no year and waits for the next
    for line in lines:
        if out and (waiting or _GOES_ON.search(out[-1], max(0, len(out[-1]) - 24))):
            out[-1] = f"{out[-1]} {line}"
        elif out and len(line) <= 2 and line.isalpha() and line.islower():
            out[-1] += line  # a word broken by the page: "framå" / "t"
        elif out and not _YEARISH.search(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        waiting = not _YEARISH.search(out[-1])
    return out


def parse_timeline(text: str, *, year: int | None = None, period: Period | None = None) -> Timeline:
    """Read Swedish timeline text into a :class:`~uphmodel.Timeline`; never raises on text.

    ``year`` places text that names no year ("i höst", "v 45", "under året"), typically the
    first year of the plan; ``period`` is the plan's period, for "under planperioden". What
    either supplied is listed in ``inferred``. The result keeps ``text`` exactly as given.
    Reading takes time linear in the length of the text.

    >>> t = parse_timeline("Hösten 2021 V 41")
    >>> str(t.period), t.open_end, t.unparsed
    ('2021W41', False, ())
    >>> parse_timeline("när det passar").unparsed
    ('när', 'passar')
    >>> t = parse_timeline("under hösten", year=2021)
    >>> str(t.period), [i.basis for i in t.inferred]
    ('2021S2', ["the year 2021 is the plan's: 'hösten' names none"])
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_timeline() takes text, not {type(text).__name__}")
    if year is not None and not 1 <= year <= 9999:
        year = None  # a year the calendar does not have places nothing
    if len(text) > TIMELINE_LIMIT:
        return Timeline(text=text, unparsed=(
            f"the text of {len(text):,} characters is longer than the {TIMELINE_LIMIT:,} "
            "a timeline is read to",))  # fmt: skip
    ctx = Context(reference=year, plan_period=period)
    conditions: list[str] = []
    lines = _joined([line.strip() for line in _clean(text).splitlines() if line.strip()])
    readings: list[Reading] = []
    phases: list[Phase] = []
    for n, line in enumerate(lines):
        if n > 0 and conditions:
            break  # the lines after a condition are part of it
        condition = TOKEN_COND.search(line)
        if condition:
            rest = " ".join([condition.group(), *lines[n + 1 :]])
            conditions.append(" ".join(rest.split()))
            line = line[: condition.start()]
        reading, line_phases = read_line(line, ctx)
        readings.append(reading)
        if n == 0:
            phases.extend(line_phases)
        else:
            phases.append(Phase(label=None, period=reading.period, text=" ".join(line.split())))
            phases.extend(line_phases)
    overall = combine(readings) if len(readings) > 1 else (readings[0] if readings else None)
    found = overall.period if overall else None
    return Timeline(
        text=text,
        period=found,
        open_end=overall.open_end if overall else False,
        recurrence=overall.recurrence if overall else None,
        phases=tuple(phases),
        conditions=tuple(conditions),
        unparsed=tuple(ctx.unparsed),
        recurs="; ".join(dict.fromkeys(ctx.recurs)) or None,
        status=ActivityStatus(ctx.status) if ctx.status else None,
        uncertain=ctx.uncertain,
        inferred=tuple(Inferred(field="period", basis=basis)
                       for basis in dict.fromkeys(ctx.inferred)) if found else (),
    )  # fmt: skip


def structure_timelines(plan: Plan, *, year: int | None = None) -> Plan:
    """A copy of ``plan`` with every timeline read afresh from its text by :func:`parse_timeline`.

    ``year`` defaults to the first year of the plan's period (or of its date); the plan's
    period stands for "under planperioden". Whatever either supplied is marked ``inferred``
    in the timeline.
    """
    if year is None:
        first = plan.period.first_day if plan.period is not None else None
        year = first.year if first is not None else (plan.date.year if plan.date else None)

    def read(record: object) -> object:
        if isinstance(record, Timeline):
            found = parse_timeline(record.text, year=year, period=plan.period)
            return attrs.evolve(found, extra=record.extra)
        return record

    return rebuild(plan, read)
