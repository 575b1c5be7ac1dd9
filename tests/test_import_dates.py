"""Dates as official lists write them -> the contract's partial dates."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sistercities.importer.dates import from_serial, parse_official_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1979年10月1日", "1979-10-01"),
        ("1979年10月1号", "1979-10-01"),
        ("1979 年 10 月", "1979-10"),
        ("1979年", "1979"),
        ("1979.10.1", "1979-10-01"),
        ("1979.10", "1979-10"),
        ("1979/10/1", "1979-10-01"),
        ("1979-10-01", "1979-10-01"),
        ("1979-10", "1979-10"),
        ("1979", "1979"),
        ("19791001", "1979-10-01"),
        ("1979-10-01 00:00:00", "1979-10-01"),
        ("２０１０．８．２９", "2010-08-29"),  # full-width digits and dots
        (" 2013 ", "2013"),
        (29129, "1979-10-01"),  # Excel serial day number
        ("39735", "2008-10-14"),  # serial written as text
        (1998, "1998"),  # a number cell holding a year
        (dt.datetime(1979, 10, 1), "1979-10-01"),
        (dt.date(2008, 10, 14), "2008-10-14"),
    ],
)
def test_accepted_styles(value, expected):
    reading = parse_official_date(value)
    assert reading.ok
    assert reading.date is not None and reading.date.iso() == expected


@pytest.mark.parametrize("value", [None, "", "  "])
def test_blank_is_unknown_not_wrong(value):
    reading = parse_official_date(value)
    assert reading.ok and reading.date is None


@pytest.mark.parametrize("value", ["某年", "1979年13月", "1979.2.30", "10/1/1979", "0979", 12.5])
def test_unreadable_dates_are_reported(value):
    reading = parse_official_date(value)
    assert not reading.ok and reading.date is None


def test_serial_out_of_range():
    assert from_serial(10) is None
    assert from_serial(100000) is None


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_style_of_a_day_agrees(day):
    styles = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month}/{day.day}",
        day.isoformat(),
        (day - dt.date(1899, 12, 30)).days,
        dt.datetime(day.year, day.month, day.day),
    ]
    assert {parse_official_date(s).date.iso() for s in styles} == {day.isoformat()}
