"""Indicator progress: where each indicator stands against its target, and which way it moves.

For every indicator, and for every part of a breakdown it has values for, :func:`progress`
finds the baseline, the latest observation on or before a date, the target that applies, and
judges the status by the indicator's direction. The rules, in the order they apply:

1. **no_target** — the indicator has no target, or its target cannot be resolved to a figure:
   a target relative to the baseline ("halvera") when the plan states no baseline, or one
   without a value or a date; a figure the plan does not state. The reason says which.
2. **no_data** — no observation with a value on or before the date.
3. **achieved** — the latest value meets the target: at or above it when higher is better (or
   the target says "minst"), at or below it when lower is better ("högst", a zero vision),
   within it for a range, equal to it for yes/no and text.
4. **off_track** — not achieved and the target's date has passed.
5. **on_track** / **off_track** — not achieved, the date still ahead: the latest value is
   compared with the straight line from the starting point (the baseline, or else the earliest
   observation) to the target at its date; on track when at least as good as the line. A target
   without a date is judged by the trend instead: on track while improving.
6. **unknown** — the status cannot be judged, and the reason says why: which way is better is
   neither stated nor told by the target, or there is one value and nothing to draw a line from,
   or a yes/no value not yet reached before its date.

Times are the last days of periods: a value for 2021 stands at 2021-12-31, a target "by 2025"
at 2025-12-31. Figures stay exact: the gap is a ``Decimal``; the trend is the least-squares
slope of the values of the same kind of period as the latest (years with years, months with
months), placed at the periods' starts, per year, rounded to four decimals. A figure the
document qualifies ("cirka 70 %") or gives as a range is judged by its first figure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from uphmodel._frozen import EMPTY, FrozenMap
from uphmodel._limits import exact
from uphmodel._period import Period
from uphmodel.formats import Table
from uphmodel.model import Direction, Indicator, Observation, Plan, Qualifier, Target

__all__ = ["IndicatorProgress", "ProgressStatus", "Trend", "progress", "progress_table"]


class ProgressStatus(enum.Enum):
    """Where an indicator stands against its target (see the module's rules)."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"
    UNKNOWN = "unknown"  #: cannot be judged; the reason says why


class Trend(enum.Enum):
    """Which way the values move: better or worse where the direction is known, else up or
    down."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    UNCHANGED = "unchanged"
    RISING = "rising"
    FALLING = "falling"


@attrs.frozen(kw_only=True)
class IndicatorProgress:
    """The progress of one indicator, or of one part of its breakdown.

    Attributes:
        indicator: the indicator's id.
        name: its name.
        breakdown: the part of the breakdown (``{"sex": "flickor"}``), empty for the whole.
        direction: which way is better: as the plan states it, or as the target tells it.
        direction_inferred: whether the direction was told from the target, not stated.
        unit: the indicator's unit.
        baseline: the baseline that applies, if any.
        latest: the latest observation with a value on or before the date, if any.
        target: the target that applies, if any.
        target_value: the target as a figure: its value, or the baseline's value times
            ``of_baseline``; empty when it cannot be resolved (the reason says why).
        gap: how far the latest value still is from the target, in the direction of
            improvement: positive while not reached, zero or less once reached.
        status: see :class:`ProgressStatus`.
        reason: why the status is what it is, where the figures alone do not say.
        trend: which way the values move.
        change_per_year: the trend's slope per year, rounded to four decimals.
        observations: how many values the trend is drawn from.
    """

    indicator: str
    name: str
    breakdown: FrozenMap[str, str] = EMPTY
    direction: Direction | None = None
    direction_inferred: bool = False
    unit: str | None = None
    baseline: Observation | None = None
    latest: Observation | None = None
    target: Target | None = None
    target_value: Decimal | bool | str | None = None
    gap: Decimal | None = None
    status: ProgressStatus
    reason: str | None = None
    trend: Trend | None = None
    change_per_year: Decimal | None = None
    observations: int = 0

    def __repr__(self) -> str:
        part = f" {dict(self.breakdown)}" if self.breakdown else ""
        seen = ""
        if self.latest is not None:
            seen = f", latest {self.latest.value} ({self.latest.period})"
        target = "" if self.target_value is None else f", target {self.target_value}"
        return f"<IndicatorProgress {self.indicator}{part}: {self.status.value}{seen}{target}>"


def _day(at: dt.date | Period | int | str | None) -> dt.date | None:
    """The last day of ``at``: a date, a period, a year, or a period's text."""
    if at is None or isinstance(at, dt.date):
        return at
    if isinstance(at, int) and not isinstance(at, bool):
        return dt.date(at, 12, 31)
    if isinstance(at, str):
        at = Period.parse(at)
    if isinstance(at, Period) and at.last_day is not None:
        return at.last_day
    raise ValueError(f"at must be a date, a year or a closed period, not {at!r}")


def _end(period: Period | None) -> dt.date | None:
    if period is None:
        return None
    return period.last_day or period.first_day


def _when(item: Observation | Target) -> dt.date:
    """The last day of a dated item's period (callers keep to dated items)."""
    day = _end(item.period)
    assert day is not None
    return day


def _number(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _breakdowns(indicator: Indicator) -> list[FrozenMap[str, str]]:
    out: list[FrozenMap[str, str]] = [EMPTY]
    parts = [o.breakdown for o in (*indicator.baselines, *indicator.observations)]
    for part in (*parts, *(t.breakdown for t in indicator.targets)):
        if part and part not in out:
            out.append(part)
    return out


def _dated(
    items: Iterable[Observation], part: FrozenMap[str, str], until: dt.date | None
) -> list[Observation]:
    """The values of one part with a period that ends on or before ``until``, in time order."""
    found = [
        o for o in items
        if o.breakdown == part and o.value is not None and _end(o.period) is not None
        and (until is None or _when(o) <= until)
    ]  # fmt: skip
    return sorted(found, key=lambda o: (_when(o), str(o.period)))


def _target(indicator: Indicator, part: FrozenMap[str, str], now: dt.date | None) -> Target | None:
    """The target that applies at ``now``: the next one due, else one without a date, else the
    last one due; the part's own targets before the whole's."""
    own = [t for t in indicator.targets if t.breakdown == part]
    targets = own or [t for t in indicator.targets if not t.breakdown]
    dated = sorted((t for t in targets if _end(t.period) is not None), key=_when)
    undated = [t for t in targets if _end(t.period) is None]
    upcoming = [t for t in dated if now is None or _when(t) >= now]
    for choice in (upcoming, undated, dated[-1:]):
        if choice:
            return choice[0]
    return None


def _resolve(target: Target, baseline: Observation | None) -> tuple[Any, str | None]:
    """The target as a figure, or ``None`` and why it cannot be one."""
    if not target.stated:
        return None, "the plan says there is a target figure but does not state it"
    if target.value is not None:
        return target.value, None
    if target.of_baseline is not None:
        factor = f"{target.of_baseline} × the baseline"
        if baseline is None:
            return None, f"the target is {factor}, and the plan states no baseline"
        start = _number(baseline.value)
        if start is None:
            return None, f"the target is {factor}, and the baseline has no figure"
        if baseline.period is None:
            return None, f"the target is {factor}, and the baseline has no date"
        return start * target.of_baseline, None
    said = f": {target.comment!r}" if target.comment else ""
    return None, f"the target states no figure{said}"


_HIGHER = (Qualifier.AT_LEAST, Qualifier.OVER, Qualifier.JUST_OVER)
_LOWER = (Qualifier.AT_MOST, Qualifier.UNDER)


def _direction(
    indicator: Indicator, target: Target | None, goal: Any, start: Decimal | None
) -> tuple[Direction | None, bool]:
    """The direction as stated, or as the target tells it (a qualifier, or a target below or
    above where the values start), and whether it was told."""
    if indicator.direction is not None:
        return indicator.direction, False
    if target is not None and target.qualifier in _HIGHER:
        return Direction.HIGHER_IS_BETTER, True
    if target is not None and target.qualifier in _LOWER:
        return Direction.LOWER_IS_BETTER, True
    if isinstance(goal, Decimal) and start is not None and goal != start:
        return (Direction.LOWER_IS_BETTER if goal < start else Direction.HIGHER_IS_BETTER), True
    return None, False


def _gap(value: Decimal, goal: Decimal, upper: Decimal | None, way: Direction | None) -> Decimal:
    if upper is not None:  # a range: nothing to go inside it
        return max(goal - value, value - upper, Decimal(0))
    if way is Direction.LOWER_IS_BETTER:
        return value - goal
    if way is Direction.ON_TARGET:
        return abs(value - goal)
    return goal - value


#: Days are placed in years with months in twelfths and days in parts of their month; this
#: many units make a year, so that every such point is a whole number of them.
_UNITS = 12 * math.lcm(28, 29, 30, 31)


def _slope(series: Sequence[Observation]) -> Fraction | None:
    """Least-squares change per year of the values, exact (whole numbers throughout: the
    points in :data:`_UNITS` of a year, the values scaled to whole numbers)."""
    if len(series) < 2:
        return None
    xs = [_units(o.period.first_day if o.period and o.period.first_day else _when(o))
          for o in series]  # fmt: skip
    values = [_number(o.value) or Decimal(0) for o in series]
    shift = max(0, *(-v.as_tuple().exponent for v in values))  # type: ignore[operator]
    ys = [int(v.scaleb(shift)) for v in values]
    n, sx, sy = len(xs), sum(xs), sum(ys)
    spread = n * sum(x * x for x in xs) - sx * sx
    if spread == 0:
        return None
    moment = n * sum(x * y for x, y in zip(xs, ys, strict=True)) - sx * sy
    return Fraction(moment * _UNITS, spread * 10**shift)


def _units(day: dt.date) -> int:
    """A day as a point in time, in :data:`_UNITS` of a year: months in exact twelfths,
    days in parts of their month (2018-07-01 is 2018.5 years)."""
    length = calendar.monthrange(day.year, day.month)[1]
    return (day.year * 12 + day.month - 1) * (_UNITS // 12) + (day.day - 1) * (
        _UNITS // 12 // length
    )


def _trend(slope: Fraction | None, way: Direction | None) -> Trend | None:
    if slope is None:
        return None
    if slope == 0:
        return Trend.UNCHANGED
    if way is Direction.HIGHER_IS_BETTER:
        return Trend.IMPROVING if slope > 0 else Trend.WORSENING
    if way is Direction.LOWER_IS_BETTER:
        return Trend.IMPROVING if slope < 0 else Trend.WORSENING
    return Trend.RISING if slope > 0 else Trend.FALLING


def _kind(period: Period | None) -> tuple[object, bool]:
    """What kind of period: its unit, and whether it is a single one (years with years)."""
    if period is None or period.start is None:
        return None, False
    return period.start.granularity, period.start == period.end


def _met(value: Any, goal: Any, target: Target, way: Direction | None) -> bool:
    if not isinstance(value, Decimal) or not isinstance(goal, Decimal):
        return bool(value == goal)
    if target.upper is not None:
        return goal <= value <= target.upper
    if target.qualifier in _HIGHER or way is Direction.HIGHER_IS_BETTER:
        return value >= goal
    if target.qualifier in _LOWER or way is Direction.LOWER_IS_BETTER:
        return value <= goal
    return value == goal


def _on_line(latest: Observation, start: Observation, goal: Decimal, due: dt.date,
             way: Direction) -> bool:  # fmt: skip
    """Whether the latest value is at least as good as the straight line from the start to the
    target at its date."""
    t0, t, t1 = (d.toordinal() for d in (_when(start), _when(latest), due))
    v0, value = Fraction(_number(start.value) or 0), Fraction(_number(latest.value) or 0)
    aim = Fraction(goal)
    expected = aim if t1 <= t0 else v0 + (aim - v0) * Fraction(t - t0, t1 - t0)
    if way is Direction.HIGHER_IS_BETTER:
        return value >= expected
    if way is Direction.LOWER_IS_BETTER:
        return value <= expected
    return abs(value - aim) <= abs(expected - aim)


def _round(value: Fraction) -> Decimal:
    return Decimal(round(value * 10_000)).scaleb(-4)  # round() of a Fraction: half to even


@attrs.frozen
class _Facts:
    """What the status of one indicator part is judged from."""

    indicator: Indicator
    part: FrozenMap[str, str]
    until: dt.date | None
    values: list[Observation]
    baseline: Observation | None
    target: Target | None
    goal: Any
    why: str | None
    way: Direction | None
    slope: Fraction | None

    @property
    def latest(self) -> Observation | None:
        return self.values[-1] if self.values else None

    @property
    def numbers(self) -> list[Observation]:
        return [o for o in self.values if _number(o.value) is not None]


def _facts(
    indicator: Indicator, part: FrozenMap[str, str], until: dt.date | None
) -> tuple[_Facts, bool]:
    values = _dated(indicator.observations, part, until)
    baselines = _dated(indicator.baselines, part, until) or [
        b for b in indicator.baselines if b.breakdown == part and b.period is None
    ]
    baseline = baselines[-1] if baselines else None
    now = until or (_when(values[-1]) if values else None)
    target = _target(indicator, part, now)
    goal, why = _resolve(target, baseline) if target is not None else (None, None)
    numbers = [o for o in values if _number(o.value) is not None]
    first = _number(baseline.value) if baseline else None
    if first is None and numbers:
        first = _number(numbers[0].value)
    way, told = _direction(indicator, target, goal, first)
    kind = _kind(values[-1].period) if values else None
    slope = _slope([o for o in numbers if _kind(o.period) == kind])
    facts = _Facts(indicator, part, until, values, baseline, target, goal, why, way, slope)
    return facts, told


def _judge(f: _Facts) -> tuple[ProgressStatus, str | None, Decimal | None]:
    """The status, why, and the gap (see the module's rules)."""
    latest, target, goal, way = f.latest, f.target, f.goal, f.way
    if target is None:
        return ProgressStatus.NO_TARGET, "the indicator has no target", None
    if goal is None:
        return ProgressStatus.NO_TARGET, f.why, None
    if latest is None:
        if not f.part and any(o.breakdown for o in f.indicator.observations):
            return ProgressStatus.NO_DATA, "values only by breakdown, none for the whole", None
        when = f" on or before {f.until}" if f.until else ""
        return ProgressStatus.NO_DATA, f"no observation with a value{when}", None
    value = latest.value
    figures = isinstance(value, Decimal) and isinstance(goal, Decimal)
    gap = _gap(value, goal, target.upper, way) if figures else None  # type: ignore[arg-type]
    due = _end(target.period)
    if _met(value, goal, target, way):
        return ProgressStatus.ACHIEVED, None, gap
    now = max(f.until or _when(latest), _when(latest))
    if due is not None and now >= due:
        return ProgressStatus.OFF_TRACK, f"the target's date ({target.period}) has passed", gap
    unknown = ProgressStatus.UNKNOWN
    if not figures:
        return unknown, "not reached; a value that is not a figure has no trajectory", gap
    if way is None:
        return unknown, "which way is better is neither stated nor told by the target", gap
    if due is None:
        if f.slope is None:
            return unknown, "not reached, no date for the target, one value: no trend", gap
        better = _trend(f.slope, way) is Trend.IMPROVING
        status = ProgressStatus.ON_TRACK if better else ProgressStatus.OFF_TRACK
        return status, "the target has no date: judged by the trend", gap
    start = f.baseline
    if (
        start is None
        or _number(start.value) is None
        or _end(start.period) is None
        or _when(start) >= _when(latest)
    ):
        start = None
    if start is None:
        earlier = [o for o in f.numbers if o is not latest]
        start = earlier[0] if earlier else None
    if start is None:
        return unknown, "one value and no baseline: no line to the target to judge by", gap
    on = _on_line(latest, start, goal, due, way)
    return (ProgressStatus.ON_TRACK if on else ProgressStatus.OFF_TRACK), None, gap


def _one(
    indicator: Indicator, part: FrozenMap[str, str], until: dt.date | None
) -> IndicatorProgress:
    f, told = _facts(indicator, part, until)
    status, reason, gap = _judge(f)
    numbers = f.numbers
    kind = _kind(numbers[-1].period) if numbers else None
    return IndicatorProgress(
        indicator=indicator.id, name=indicator.name, breakdown=part, direction=f.way,
        direction_inferred=told, unit=indicator.unit, baseline=f.baseline, latest=f.latest,
        target=f.target, target_value=f.goal, gap=gap, status=status, reason=reason,
        trend=_trend(f.slope, f.way),
        change_per_year=None if f.slope is None else _round(f.slope),
        observations=len([o for o in numbers if _kind(o.period) == kind]),
    )  # fmt: skip


@exact
def progress(
    plan: Plan | Iterable[Indicator], *, at: dt.date | Period | int | str | None = None
) -> list[IndicatorProgress]:
    """The progress of every indicator of ``plan``, and of every part of a breakdown it has
    values for, as of ``at`` (a date, a year, a period: its last day; by default all values).

    >>> import uphmodel
    >>> plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    >>> found = {p.indicator: p for p in uphmodel.progress(plan)}
    >>> found["bu-forsta-linjen.r1"]
    <IndicatorProgress bu-forsta-linjen.r1: on_track, latest 37 (2018-08), target 100>
    >>> found["bu-forsta-linjen.r1"].reason, found["bu-forsta-linjen.r1"].trend
    ('the target has no date: judged by the trend', <Trend.IMPROVING: 'improving'>)
    >>> found["bu-suicid-halvera.i1"].reason
    'the target is 0.5 × the baseline, and the plan states no baseline'
    """
    indicators = plan.indicators if isinstance(plan, Plan) else tuple(plan)
    until = _day(at)
    return [_one(i, part, until) for i in indicators for part in _breakdowns(i)]


#: The columns of :func:`progress_table`.
COLUMNS = (
    "indicator", "name", "breakdown", "direction", "direction_inferred", "unit",
    "baseline_period", "baseline_value", "latest_period", "latest_value", "target_period",
    "target_value", "gap", "status", "reason", "trend", "change_per_year", "observations",
)  # fmt: skip


def _row(p: IndicatorProgress) -> dict[str, Any]:
    def period(o: Observation | Target | None) -> str | None:
        return None if o is None or o.period is None else str(o.period)

    return {
        "indicator": p.indicator, "name": p.name, "breakdown": p.breakdown,
        "direction": p.direction.value if p.direction else None,
        "direction_inferred": p.direction_inferred, "unit": p.unit,
        "baseline_period": period(p.baseline),
        "baseline_value": p.baseline.value if p.baseline else None,
        "latest_period": period(p.latest), "latest_value": p.latest.value if p.latest else None,
        "target_period": period(p.target), "target_value": p.target_value, "gap": p.gap,
        "status": p.status.value, "reason": p.reason,
        "trend": p.trend.value if p.trend else None, "change_per_year": p.change_per_year,
        "observations": p.observations,
    }  # fmt: skip


def progress_table(
    plan: Plan | Sequence[IndicatorProgress], *, at: dt.date | Period | int | str | None = None
) -> Table:
    """:func:`progress` as a :class:`~uphmodel.Table` named ``progress``, one row per indicator
    and part, values as JSON values (``Decimal`` kept exact); ``pandas.DataFrame(
    table.records())`` makes a frame of it."""
    found = progress(plan, at=at) if isinstance(plan, Plan) else list(plan)
    return Table("progress", COLUMNS, tuple(FrozenMap(_row(p)) for p in found))
