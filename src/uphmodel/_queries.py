"""Questions about time over a plan: what runs in a period, what ends, what is overdue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from uphmodel._period import Period
from uphmodel.model import Activity, ActivityStatus, Goal, Plan

__all__ = ["active_in", "ending_in", "overdue"]

_FINISHED = (ActivityStatus.DONE, ActivityStatus.CANCELLED)


def _as_period(period: Period | str) -> Period:
    return Period.parse(period) if isinstance(period, str) else period


def _dated(plan: Plan) -> Iterator[tuple[Goal | Activity, Period]]:
    items: list[Goal | Activity] = [*plan.goals, *plan.activities]
    for item in items:
        if item.timeline is not None and item.timeline.period is not None:
            yield item, item.timeline.period


def active_in(plan: Plan, period: Period | str) -> tuple[Goal | Activity, ...]:
    """The goals and activities whose timeline shares a day with ``period``.

    A timeline without a stated end ("Påbörjas hösten 2021", "2017- framåt") counts as running
    on. Items without a structured timeline are left out.

    >>> import uphmodel
    >>> plan = uphmodel.examples.load("norrbotten-2021")
    >>> [a.id for a in uphmodel.active_in(plan, "2021W41")][:2]
    ['samverkan-indikatorer', 'samverkan-vip']
    """
    wanted = _as_period(period)
    return tuple(item for item, span in _dated(plan) if span.overlaps(wanted))


def ending_in(plan: Plan, period: Period | str) -> tuple[Goal | Activity, ...]:
    """The goals and activities whose timeline ends inside ``period``."""
    wanted = _as_period(period)
    return tuple(
        item
        for item, span in _dated(plan)
        if span.last_day is not None and wanted.contains(span.last_day)
    )


def overdue(plan: Plan, on: date) -> tuple[Activity, ...]:
    """The activities whose timeline ended before ``on`` but that are not marked done.

    An activity marked ``done`` or ``cancelled`` is not overdue; one without a status is.
    """
    return tuple(
        item
        for item, span in _dated(plan)
        if isinstance(item, Activity)
        and span.last_day is not None
        and span.last_day < on
        and item.status not in _FINISHED
    )
