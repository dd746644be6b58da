"""Rules about periods and timelines."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator
from types import UnionType
from typing import Any

from uphmodel._period import Period
from uphmodel._text import quote
from uphmodel._typed import hints
from uphmodel.model import (
    Goal,
    Horizon,
    Plan,
    Timeline,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


_PERIOD_FIELDS: dict[type, tuple[str, ...]] = {}


def _period_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that can hold a period."""
    found = _PERIOD_FIELDS.get(cls)
    if found is None:
        found = _PERIOD_FIELDS[cls] = tuple(
            name for name, hint in hints(cls).items() if _may_be_period(hint)
        )
    return found


def _may_be_period(hint: Any) -> bool:
    if hint is Period:
        return True
    if typing.get_origin(hint) in (typing.Union, UnionType):
        return any(_may_be_period(arg) for arg in typing.get_args(hint))
    return not isinstance(hint, type) and typing.get_origin(hint) is None  # Any: it may


def _order(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    reversed_: dict[int, bool] = {}  # by the id of a period: plans share period objects
    for path, record in ctx.having(_period_fields):
        for name in _period_fields(type(record)):
            period = getattr(record, name)
            if not isinstance(period, Period):
                continue
            known = reversed_.get(id(period))
            if known is None:
                known = reversed_[id(period)] = period.is_reversed
            if known:
                yield Finding(
                    path=f"{path}/{name}",
                    message=f"the period {period} ends ({period.last_day}) before it starts "
                    f"({period.first_day})",
                )


def _readable(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in ctx.of(Timeline):
        if record.unparsed:
            parts = ", ".join(repr(p) for p in record.unparsed)
            yield Finding(
                path=f"{path}/unparsed",
                message=f"in the timeline {quote(record.text)} these parts could not be read: "
                f"{parts}",
            )
        elif not record.understood:
            yield Finding(
                path=path,
                message=f"the timeline {quote(record.text)} has no structured period; "
                "uphmodel.structure_timelines() reads it from the text",
            )


#: Goals that reach beyond the plan's period by design.
_BEYOND = (Horizon.LONG_TERM, Horizon.OVERALL)


def _holds(span: Period, day: dt.date) -> bool:
    """Whether ``day`` falls within ``span``."""
    first, last = span.first_day, span.last_day
    return (first is None or first <= day) and (last is None or day <= last)


def _within_plan(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """Timelines against the period of their section (an "Aktivitetsplan 2019" inside a plan for
    2018), or else the plan's; only info when that period is itself the transcriber's."""
    plan_inferred = plan.provenance is not None and any(
        entry.field == "period" for entry in plan.provenance.inferred
    )
    section_periods = {s.id: s.period for s in plan.sections if s.period is not None}
    for collection in ("goals", "activities"):
        for i, item in enumerate(getattr(plan, collection)):
            timeline = item.timeline
            if timeline is None or timeline.period is None or timeline.period.is_reversed:
                continue
            if isinstance(item, Goal) and (item.horizon in _BEYOND or item.vision is not None):
                continue  # a long-term goal or a vision may reach beyond the plan
            period = timeline.period
            if period.first_day is None:
                continue  # "till år 2025", "senast …": a deadline, not a period of work
            own = [section_periods[s] for s in item.sections if s in section_periods]
            spans = [s for s in own if not s.is_reversed]
            what = "its section's period" if spans else "the plan period"
            if not spans:
                if plan.period is None or plan.period.is_reversed:
                    continue
                spans = [plan.period]
            if any(span.contains(period) for span in spans):
                continue
            if period.last_day is None and any(_holds(span, period.first_day) for span in spans):
                continue  # starts in time and runs on ("fortlöpande"): no end to be late with
            span = spans[0]
            if not span.overlaps(period):
                how = "lies outside"
            elif span.first_day is not None and period.first_day < span.first_day:
                how = "starts before"
            else:
                how = "runs past the end of"
            inferred = plan_inferred and what == "the plan period"
            yield Finding(
                path=f"/{collection}/{i}/timeline/period",
                item=item.id,
                severity=INFO if inferred else None,
                message=f"the timeline {quote(timeline.text)} ({period}) {how} {what} {span}"
                + (" (a period the document does not state)" if inferred else ""),
            )


def _inferred_periods(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """Timelines dated by what the plan supplied, not by their text: ambiguous in a plan of
    several years ("hösten" could be any autumn of 2021–2023), a note in a plan of one."""
    period = plan.period
    years = None
    if period is not None and period.first_day is not None:
        last = period.last_day
        years = None if last is None else last.year - period.first_day.year + 1
    for path, record in ctx.of(Timeline):
        if not record.inferred:
            continue
        several = years is None or years > 1
        why = "; ".join(i.basis or i.field for i in record.inferred)
        span = f" of the plan's period {period}" if period is not None else ""
        yield Finding(
            path=f"{path}/inferred",
            severity=Severity.WARNING if several else Severity.INFO,
            message=(
                f"the timeline {quote(record.text)} is dated {record.period} by what the plan "
                f"supplied, not by its text ({why})"
                + (f"; it could mean another year{span}: write the year" if several else "")
            ),
        )
