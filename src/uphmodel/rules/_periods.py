"""Rules about periods and timelines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from uphmodel._period import Period
from uphmodel._tree import walk
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


def _period_fields(record: Any) -> Iterator[tuple[str, Period]]:
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, Period):
            yield field.name, value


def _order(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        for name, period in _period_fields(record):
            if period.is_reversed:
                yield Finding(
                    path=f"{path}/{name}",
                    message=f"the period {period} ends ({period.last_day}) before it starts "
                    f"({period.first_day})",
                )


def _readable(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        if not isinstance(record, Timeline):
            continue
        if record.unparsed:
            parts = ", ".join(repr(p) for p in record.unparsed)
            yield Finding(
                path=f"{path}/unparsed",
                message=f"in the timeline {record.text!r} these parts could not be read: {parts}",
            )
        elif record.period is None and record.recurrence is None:
            yield Finding(
                path=path,
                message=f"the timeline {record.text!r} has no structured period; "
                "uphmodel.structure_timelines() reads it from the text",
            )


#: Goals that reach beyond the plan's period by design.
_BEYOND = (Horizon.LONG_TERM, Horizon.OVERALL)


def _within_plan(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    span = plan.period
    if span is None or span.is_reversed:
        return
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
            if span.contains(period):
                continue
            if not span.overlaps(period):
                how = "lies outside"
            elif span.first_day is not None and period.first_day < span.first_day:
                how = "starts before"
            else:
                how = "runs past the end of"
            yield Finding(
                path=f"/{collection}/{i}/timeline/period",
                item=item.id,
                message=f"the timeline {timeline.text!r} ({period}) {how} the plan period {span}",
            )
