"""Rules about indicators and their values."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from uphmodel._text import figure
from uphmodel.model import (
    Indicator,
    MeasureKind,
    Observation,
    Plan,
    Target,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


_NUMERIC = {MeasureKind.COUNT, MeasureKind.PERCENTAGE, MeasureKind.RATE, MeasureKind.RATIO,
            MeasureKind.MONEY}  # fmt: skip


def _form(entry: Observation | Target) -> Iterator[tuple[str, str]]:
    """What is wrong with how a figure is written, whatever it measures: (field, message)."""
    value = entry.value
    number = value if isinstance(value, Decimal) and not isinstance(value, bool) else None
    if not entry.stated and value is not None:
        yield "stated", "a figure the document does not state has no value"
    for field, what in (
        ("qualifier", "a qualifier"),
        ("upper", "a range"),
        ("of", "a part of a whole"),
    ):
        if getattr(entry, field) is not None and number is None:
            yield field, f"{what} needs a number in value"
    if number is not None and entry.upper is not None and entry.upper < number:
        yield "upper", f"the range ends ({figure(entry.upper)}) below its start ({figure(number)})"
    if number is not None and entry.of is not None and not 0 <= number <= entry.of:
        shown = f"{figure(number)} of {figure(entry.of)}"
        yield "of", f"a part lies between 0 and its whole, not {shown}"


def _domain(measure: MeasureKind, value: Decimal) -> str | None:
    """What is wrong with a number for an indicator of ``measure``."""
    if measure is MeasureKind.PERCENTAGE and not 0 <= value <= 100:
        return f"a percentage lies between 0 and 100, not {figure(value)}"
    if measure is MeasureKind.COUNT and (value < 0 or value != value.to_integral()):
        return f"a count is a whole number of at least 0, not {figure(value)}"
    if measure in (MeasureKind.RATE, MeasureKind.RATIO) and value < 0:
        return f"a {measure.value} cannot be negative ({figure(value)})"
    return None


def _values(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        measure = indicator.measure
        numeric = measure in _NUMERIC
        for name in ("baselines", "observations", "targets"):
            for j, entry in enumerate(getattr(indicator, name)):
                value = entry.value
                if (
                    numeric
                    and type(value) is Decimal
                    and entry.stated
                    and entry.qualifier is None
                    and entry.upper is None
                    and entry.of is None
                ):  # the plain number most figures are: only its domain to check
                    problem = _domain(measure, value)  # type: ignore[arg-type]
                    if problem:
                        where = f"/indicators/{i}/{name}/{j}/value"
                        yield Finding(path=where, item=indicator.id, message=problem)
                    continue
                yield from _entry(indicator, f"/indicators/{i}/{name}/{j}", entry)


def _entry(indicator: Indicator, path: str, entry: Observation | Target) -> Iterator[Finding]:
    """What is wrong with one baseline, observation or target of ``indicator``."""
    measure = indicator.measure
    for field, message in _form(entry):
        yield Finding(path=f"{path}/{field}", item=indicator.id, message=message)
    value = entry.value
    if value is None or measure is None:
        return
    where = f"{path}/value"
    if measure is MeasureKind.YES_NO:
        if not isinstance(value, bool):
            yield Finding(
                path=where, item=indicator.id,
                message=f"a yes/no indicator takes true or false, not {value!r}",
            )  # fmt: skip
        return
    if measure not in _NUMERIC:
        return
    if isinstance(value, bool):
        yield Finding(
            path=where, item=indicator.id,
            message=f"a {measure.value} indicator takes a number, not {value}",
        )  # fmt: skip
    elif isinstance(value, str):
        yield Finding(
            path=where, item=indicator.id, severity=WARNING,
            message=f"a {measure.value} indicator takes a number; {value!r} is text",
        )  # fmt: skip
    else:
        for field, number in (("value", value), ("upper", entry.upper)):
            problem = None if number is None else _domain(measure, number)
            if problem:
                yield Finding(path=f"{path}/{field}", item=indicator.id, message=problem)


def _target_baseline(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        for j, target in enumerate(indicator.targets):
            if target.of_baseline is None:
                continue
            dated = [
                b for b in indicator.baselines
                if b.breakdown == target.breakdown and b.period is not None
                and isinstance(b.value, Decimal) and not isinstance(b.value, bool)
            ]  # fmt: skip
            if not dated:
                yield Finding(
                    path=f"/indicators/{i}/targets/{j}/of_baseline",
                    item=indicator.id,
                    message=f"the target is {figure(target.of_baseline)} times the baseline, "
                    "but the indicator has no baseline with a number and a period"
                    + (" for this breakdown" if target.breakdown else "")
                    + " to take it of",
                )


def _rate_base(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        if indicator.measure is MeasureKind.RATE and not indicator.rate_base:
            yield Finding(
                path=f"/indicators/{i}/rate_base",
                item=indicator.id,
                message="a rate needs its base: per how many inhabitants (rate_base, e.g. 100000)",
            )
        elif indicator.rate_base is not None and indicator.rate_base <= 0:
            yield Finding(
                path=f"/indicators/{i}/rate_base",
                item=indicator.id,
                message=f"a rate base is a positive number, not {indicator.rate_base}",
            )


def _dimensions(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        declared = set(indicator.dimensions)
        for name in ("baselines", "observations", "targets"):
            for j, entry in enumerate(getattr(indicator, name)):
                if entry.breakdown and not declared.issuperset(entry.breakdown):
                    yield from _undeclared(indicator, f"/indicators/{i}/{name}/{j}", entry)


def _undeclared(indicator: Indicator, path: str, entry: Observation | Target) -> Iterator[Finding]:
    """A finding for each dimension of ``entry``'s breakdown its indicator does not declare."""
    shown = ", ".join(indicator.dimensions) or "none"
    for key in entry.breakdown:
        if key not in indicator.dimensions:
            yield Finding(
                path=f"{path}/breakdown/{key}",
                item=indicator.id,
                message=f"the breakdown dimension {key!r} is not declared by the indicator "
                f"(declared: {shown})",
            )


def _target_period(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        for j, target in enumerate(indicator.targets):
            if target.period is None:
                yield Finding(
                    path=f"/indicators/{i}/targets/{j}/period",
                    item=indicator.id,
                    message="a target should say by when it is to be reached (period)",
                )


def _baseline(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, indicator in enumerate(plan.indicators):
        if indicator.measure not in _NUMERIC:
            continue
        if indicator.baselines or indicator.observations or indicator.description:
            continue
        yield Finding(
            path=f"/indicators/{i}/baselines",
            item=indicator.id,
            message=f"the {indicator.measure.value} indicator {indicator.name!r} has no baseline "
            "and no values, and does not say why (description)",
        )
