"""Periods and spans: text form, first and last days, containment, overlap."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uphmodel import Granularity, Period, Span
from uphmodel.strategies import periods, spans


@pytest.mark.parametrize(
    ("text", "granularity", "first", "last"),
    [
        ("2021", Granularity.YEAR, date(2021, 1, 1), date(2021, 12, 31)),
        ("2021S1", Granularity.HALF_YEAR, date(2021, 1, 1), date(2021, 6, 30)),
        ("2021S2", Granularity.HALF_YEAR, date(2021, 7, 1), date(2021, 12, 31)),
        ("2021Q3", Granularity.QUARTER, date(2021, 7, 1), date(2021, 9, 30)),
        ("2024-02", Granularity.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("2021W41", Granularity.WEEK, date(2021, 10, 11), date(2021, 10, 17)),
        ("2020W53", Granularity.WEEK, date(2020, 12, 28), date(2021, 1, 3)),
        ("2021-10-05", Granularity.DAY, date(2021, 10, 5), date(2021, 10, 5)),
    ],
)
def test_span_text_form(text: str, granularity: Granularity, first: date, last: date) -> None:
    span = Span.parse(text)
    assert (span.granularity, span.first, span.last) == (granularity, first, last)
    assert str(span) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "21",
        "2021S3",
        "2021Q5",
        "2021-13",
        "2021W54",
        "2021W60",
        "2021-02-30",
        "hösten 2021",
        "2021-1",
        " 2021",
    ],
)
def test_span_rejects_bad_text(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a period")):
        Span.parse(text)


def test_span_must_start_on_its_first_day() -> None:
    with pytest.raises(ValueError, match="not the first day of a month"):
        Span(Granularity.MONTH, date(2021, 10, 5))


def test_period_ranges_and_open_ends() -> None:
    plan_period = Period.parse("2018/2020")
    assert (plan_period.first_day, plan_period.last_day) == (date(2018, 1, 1), date(2020, 12, 31))
    onwards = Period.parse("2021S2/")
    assert onwards.open_end and not onwards.open_start
    assert onwards.first_day == date(2021, 7, 1) and onwards.last_day is None
    until = Period.parse("/2022")
    assert until.open_start and until.last_day == date(2022, 12, 31)
    assert str(onwards) == "2021S2/" and str(until) == "/2022"
    assert str(Period.parse("2021/2021")) == "2021"


def test_period_rejects_bad_text() -> None:
    for text in ["/", "2021//2022", "2021/x", "x"]:
        with pytest.raises(ValueError, match="is not a period"):
            Period.parse(text)


def test_containment_and_overlap() -> None:
    plan = Period.parse("2018/2020")
    assert Period.parse("2019-03") in plan
    assert date(2020, 12, 31) in plan
    assert Period.parse("2017/") not in plan
    assert Period.parse("2020/2022") not in plan
    assert plan.overlaps(Period.parse("2020/2022"))
    assert not plan.overlaps(Period.parse("2021S1"))
    assert Period.parse("2017/").overlaps(Period.parse("/2017-01-01"))


def test_reversed_period_is_kept_and_reported() -> None:
    period = Period.parse("2022/2018")
    assert period.is_reversed
    assert str(period) == "2022/2018"
    assert not Period.parse("2018/2022").is_reversed


@given(periods())
def test_text_form_round_trips(period: Period) -> None:
    assert Period.parse(str(period)) == period


@given(spans())
def test_span_text_form_round_trips(span: Span) -> None:
    assert Span.parse(str(span)) == span
    assert span.first <= span.last


@given(periods(), periods())
def test_containment_agrees_with_days(a: Period, b: Period) -> None:
    def covers(outer: Period, first: date | None, last: date | None) -> bool:
        lo_ok = outer.first_day is None or (first is not None and first >= outer.first_day)
        hi_ok = outer.last_day is None or (last is not None and last <= outer.last_day)
        return lo_ok and hi_ok

    assert a.contains(b) == (not a.is_reversed and covers(a, b.first_day, b.last_day))


@given(periods(), periods())
def test_overlap_agrees_with_days(a: Period, b: Period) -> None:
    lo = max((d for d in (a.first_day, b.first_day) if d is not None), default=None)
    hi = min((d for d in (a.last_day, b.last_day) if d is not None), default=None)
    empty = a.is_reversed or b.is_reversed  # a period that ends before it starts holds no day
    expected = not empty and (lo is None or hi is None or lo <= hi)
    assert a.overlaps(b) == expected
    assert a.overlaps(b) == b.overlaps(a)


@given(spans(), st.integers(min_value=0, max_value=400))
def test_span_contains_its_days(span: Span, offset: int) -> None:
    day = span.first + timedelta(days=offset)
    assert (day in Period.of(span)) == (day <= span.last)
    assert Span.containing(span.granularity, min(day, span.last)) == span
