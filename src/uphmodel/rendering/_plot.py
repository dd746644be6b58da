"""An indicator's progress as a chart: values, baseline, target, the line to it, direction.

Drawn with matplotlib's object API (a :class:`~matplotlib.figure.Figure` of its own, no global
pyplot state), so it works in scripts, servers and notebooks alike. Figures become floats only
as coordinates on the chart; the labels show them as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from uphmodel._extras import need
from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel.analysis._progress import IndicatorProgress, _kind, progress
from uphmodel.model import Direction, Indicator, Plan

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_progress"]

_ARROWS = {
    Direction.LOWER_IS_BETTER: "lower is better ↓",
    Direction.HIGHER_IS_BETTER: "higher is better ↑",
    Direction.ON_TARGET: "the closer to the target the better",
}
_COLOURS = {
    "achieved": "#1a7f37", "on_track": "#1a7f37", "off_track": "#c62828",
    "no_target": "#6e7781", "no_data": "#6e7781", "unknown": "#9a6700",
}  # fmt: skip


def _when(period: Period | None) -> dt.date | None:
    if period is None:
        return None
    return period.last_day or period.first_day


def _points(
    items: Any, part: Mapping[str, str], kind: object = None
) -> tuple[list[tuple[dt.date, float, str]], list[tuple[dt.date, float, str]]]:
    """The values with a figure and a date: those of the same kind of period as ``kind``
    (years with years, months with months, as the trend is drawn), and the others."""
    same: list[tuple[dt.date, float, str]] = []
    other: list[tuple[dt.date, float, str]] = []
    for item in items:
        day = _when(item.period)
        if day is not None and isinstance(item.value, Decimal) and item.breakdown == part:
            point = (day, float(item.value), str(item.value))
            (same if kind is None or _kind(item.period) == kind else other).append(point)
    return sorted(same), sorted(other)


def plot_progress(
    plan: Plan,
    indicator: str,
    *,
    breakdown: Mapping[str, str] | None = None,
    at: dt.date | Period | int | str | None = None,
) -> Figure:
    """A chart of one indicator's progress (or of one part of its breakdown): its values over
    time, the baseline, the target at its date, the straight line from the start to the target
    that "on track" is judged by, and which way is better. The title gives the status. Returns
    the matplotlib figure (``figure.savefig("progress.png")``). Needs the ``plot`` extra.

    Raises ``KeyError`` for an id that is no indicator of the plan, ``ValueError`` for a
    breakdown the indicator has no values for.
    """
    need("matplotlib", "plot")
    from matplotlib.figure import Figure

    found = plan.get(indicator)
    if not isinstance(found, Indicator):
        raise KeyError(f"the plan {plan.id!r} has no indicator {indicator!r}")
    part = FrozenMap(dict(breakdown or {}))
    results = [p for p in progress([found], at=at) if p.breakdown == part]
    if not results:
        parts = sorted({str(dict(o.breakdown)) for o in found.observations if o.breakdown})
        raise ValueError(
            f"the indicator {indicator!r} has no values for the breakdown {dict(part)}"
            + (f"; it has {', '.join(parts)}" if parts else "")
        )
    result = results[0]
    figure = Figure(figsize=(7, 4), layout="constrained")
    axes = figure.add_subplot()
    _draw(need("matplotlib.dates", "plot"), axes, found, result, part)
    name = found.name if len(found.name) <= 70 else found.name[:69] + "…"
    suffix = f" — {', '.join(part.values())}" if part else ""
    axes.set_title(f"{name}{suffix}", fontsize=10, loc="left")
    status = result.status.value.replace("_", " ")
    way = _ARROWS.get(result.direction, "direction not stated") if result.direction else (
        "direction not stated")  # fmt: skip
    inferred = " (told by the target)" if result.direction_inferred else ""
    figure.suptitle(f"{status} · {way}{inferred}", fontsize=9,
                    color=_COLOURS[result.status.value], x=0.01, ha="left")  # fmt: skip
    if found.unit:
        axes.set_ylabel(found.unit)
    return figure


def _draw(
    dates: Any, axes: Any, found: Indicator, result: IndicatorProgress, part: FrozenMap[str, str]
) -> None:
    kind = _kind(result.latest.period) if result.latest is not None else None
    values, others = _points(found.observations, part, kind)
    if others:
        axes.plot([d for d, _, _ in others], [v for _, v, _ in others], marker="o",
                  markerfacecolor="none", color="#0969da", linestyle="none", alpha=0.6,
                  label="values for other kinds of period")  # fmt: skip
    if values:
        axes.plot([d for d, _, _ in values], [v for _, v, _ in values], marker="o",
                  color="#0969da", label="values")  # fmt: skip
        last, value, text = values[-1]
        axes.annotate(text, (last, value), textcoords="offset points", xytext=(4, 4), fontsize=8)
    start: tuple[dt.date, float] | None = None
    baseline = result.baseline
    if baseline is not None and isinstance(baseline.value, Decimal):
        when = _when(baseline.period)
        if when is not None:
            start = (when, float(baseline.value))
            axes.plot([when], [start[1]], marker="s", color="#6e7781", linestyle="none",
                      label=f"baseline {baseline.value}")  # fmt: skip
    if start is None and values:
        start = values[0][0], values[0][1]
    goal = result.target_value
    if isinstance(goal, Decimal) and result.target is not None:
        due = _when(result.target.period)
        label = f"target {goal}"
        if due is None:
            axes.axhline(float(goal), color="#1a7f37", linestyle=":", label=f"{label} (no date)")
        else:
            axes.plot([due], [float(goal)], marker="*", markersize=14, color="#1a7f37",
                      linestyle="none", label=f"{label} ({result.target.period})")  # fmt: skip
            if start is not None and start[0] < due:
                axes.plot([start[0], due], [start[1], float(goal)], linestyle="--",
                          color="#1a7f37", alpha=0.6, label="line to the target")  # fmt: skip
    if not values:
        axes.text(0.5, 0.5, "no values", transform=axes.transAxes, ha="center", color="#6e7781")
    locator = dates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axes.grid(True, alpha=0.3)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=8, loc="best")
