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
        # Swedish planning's own units: school terms, tertials, the councils' term of office
        ("2025VT", Granularity.TERM, date(2025, 1, 1), date(2025, 6, 30)),
        ("2024HT", Granularity.TERM, date(2024, 8, 1), date(2024, 12, 31)),
        ("2023T1", Granularity.TERTIAL, date(2023, 1, 1), date(2023, 4, 30)),
        ("2023T2", Granularity.TERTIAL, date(2023, 5, 1), date(2023, 8, 31)),
        ("2023T3", Granularity.TERTIAL, date(2023, 9, 1), date(2023, 12, 31)),
        ("2022MP", Granularity.TERM_OF_OFFICE, date(2022, 10, 15), date(2026, 10, 14)),
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
        "2023T4",
        "2023T0",
        "2024vt",
        "2021MP",  # no election that year
        "2024ST",
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


def test_a_school_year_is_an_autumn_term_to_a_spring_term() -> None:
    year = Period.parse("2024HT/2025VT")
    assert (year.first_day, year.last_day) == (date(2024, 8, 1), date(2025, 6, 30))
    assert date(2024, 7, 15) not in year and date(2025, 3, 1) in year
    assert [str(s) for s in year.spans(Granularity.TERM)] == ["2024HT", "2025VT"]


def test_terms_tertials_and_terms_of_office_step_and_hold_their_days() -> None:
    assert str(Span.parse("2024HT").shift(1)) == "2025VT"
    assert str(Span.parse("2024VT").shift(-1)) == "2023HT"
    assert str(Span.parse("2023T3").shift(1)) == "2024T1"
    assert str(Span.parse("2022MP").shift(-1)) == "2018MP"
    assert str(Span.containing(Granularity.TERM_OF_OFFICE, date(2022, 10, 14))) == "2018MP"
    assert str(Span.containing(Granularity.TERM_OF_OFFICE, date(2022, 10, 15))) == "2022MP"
    with pytest.raises(ValueError, match="2024-07-10 lies in no term"):
        Span.containing(Granularity.TERM, date(2024, 7, 10))
    with pytest.raises(ValueError, match="not the first day of a term of office"):
        Span(Granularity.TERM_OF_OFFICE, date(2022, 1, 1))
    summer = Period.parse("2024-06/2024-08")
    assert [str(s) for s in summer.spans(Granularity.TERM)] == ["2024VT", "2024HT"]


@given(spans(), st.integers(min_value=-50, max_value=50))
def test_shifting_is_stepping_through_the_spans_in_order(span: Span, n: int) -> None:
    moved = span.shift(n)
    assert moved.granularity is span.granularity
    assert span.shift(n).shift(-n) == span
    if n > 0:
        assert moved.first > span.last
        between = Period(span, moved)
        assert len(list(between.spans(span.granularity))) == n + 1
