"""Timelines (tidsplan) as written, and what could be understood of them."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
from dateutil.rrule import rrule, rrulestr

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    extra_field,
    items_field,
    valid_recurrence,
)
from uphmodel.model._provenance import Inferred

__all__ = ["ActivityStatus", "Phase", "Timeline"]


class ActivityStatus(enum.Enum):
    """Where an activity stands."""

    PLANNED = "planned"
    STARTED = "started"
    PAUSED = "paused"
    WAITING_FOR_DECISION = "waiting_for_decision"
    DONE = "done"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True, field_transformer=typed)
class Phase:
    """One phase of a timeline ("Planering hösten 2021", "genomförs 2022").

    Attributes:
        label: what the phase is, normalised ("planering", "genomförande"); none for a
            further line of the timeline.
        period: when.
        text: the part of the timeline text it was read from.
    """

    label: str | None = None
    period: Period | None = None
    text: str
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Timeline:
    """A timeline (tidsplan) as written, and what could be understood of it.

    ``uphmodel.parse_timeline`` reads the text into this structure; a timeline always keeps the
    text, and what could not be read is listed in ``unparsed`` rather than lost.

    Attributes:
        text: the original text, exactly as written ("2017- framåt", "Hösten 2021 V 41").
        period: the structured period it stands for, when known: its start and end ("2017/"
            for "2017- framåt"); an end left out means the end is not stated.
        open_end: true when the text says the work runs on ("framåt", "fortlöpande",
            "löpande", "så länge …").
        recurrence: how often it recurs, as an RFC 5545 RRULE ("FREQ=YEARLY" for "årligen",
            "FREQ=YEARLY;INTERVAL=2" for "vartannat år").
        phases: its phases ("Planering hösten 2021 genomförs 2022 och löpande"), or its further
            lines when the timeline lists several.
        conditions: conditions kept as written ("så länge nationella medel tillförs",
            "med eventuell förlängning").
        unparsed: the parts of the text that could not be read.
        recurs: the recurrence as written ("årligen", "en gång per mandatperiod", "vid varje
            styrelsemöte"), also where no calendar rule says it (then ``recurrence`` is empty).
        status: what the text says of the state of the work without dating it ("pågår":
            started; "redan infört": done).
        uncertain: true when the text hedges its time ("preliminärt", "ca", "troligen").
        inferred: what the text does not say but the period rests on, each with its basis: a
            year taken from the plan ("hösten" in a plan of 2021), a period from the plan's
            period ("under planperioden").
    """

    text: str
    period: Period | None = None
    open_end: bool = False
    recurrence: str | None = attrs.field(default=None, validator=valid_recurrence)
    phases: tuple[Phase, ...] = items_field()
    conditions: tuple[str, ...] = items_field()
    unparsed: tuple[str, ...] = items_field()
    recurs: str | None = None
    status: ActivityStatus | None = None
    uncertain: bool = False
    inferred: tuple[Inferred, ...] = items_field()
    extra: Extra = extra_field()

    @property
    def start(self) -> dt.date | None:
        """First day, when known."""
        return None if self.period is None else self.period.first_day

    @property
    def end(self) -> dt.date | None:
        """Last day, when stated."""
        return None if self.period is None else self.period.last_day

    @property
    def understood(self) -> bool:
        """True when every part of the text was read and it says something of time: a period,
        a recurrence (with or without a calendar rule), that the work runs on, or its state."""
        said = (self.period, self.recurrence, self.recurs, self.status)
        return not self.unparsed and (self.open_end or any(x is not None for x in said))

    def rrule(self) -> rrule | None:
        """The recurrence as a dateutil ``rrule`` from the timeline's start, if it has both."""
        start = self.start
        if self.recurrence is None or start is None:
            return None
        until = self.end
        rule = rrulestr(
            f"RRULE:{self.recurrence}",
            dtstart=dt.datetime(start.year, start.month, start.day),
        )
        if until is not None and isinstance(rule, rrule):
            rule = rule.replace(until=dt.datetime(until.year, until.month, until.day))
        return rule if isinstance(rule, rrule) else None
