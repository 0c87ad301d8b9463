from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.jalali import (
    JalaliDate,
    JalaliDateError,
    add_jalali_months,
    format_jalali,
    format_jalali_long,
    format_jalali_month,
    gregorian_to_jalali,
    is_leap_jalali,
    jalali_month_range,
    jalali_to_gregorian,
    month_length,
    parse_jalali,
    weekday_name,
)

dates = st.dates(min_value=dt.date(1921, 3, 21), max_value=dt.date(2121, 3, 20))


@given(dates)
def test_round_trip_and_agreement_with_jdatetime(date: dt.date) -> None:
    j = gregorian_to_jalali(date)
    assert j.to_gregorian() == date
    oracle = jdatetime.date.fromgregorian(date=date)
    assert (j.year, j.month, j.day) == (oracle.year, oracle.month, oracle.day)


@given(dates)
def test_parse_reads_what_format_writes(date: dt.date) -> None:
    assert parse_jalali(format_jalali(date)) == date
    assert parse_jalali(format_jalali(date, persian_digits=False, sep="-")) == date


@given(st.integers(min_value=1300, max_value=1500))
def test_leap_years_agree_with_jdatetime(year: int) -> None:
    assert is_leap_jalali(year) == jdatetime.date(year, 1, 1).isleap()
    assert month_length(year, 12) == (30 if is_leap_jalali(year) else 29)


@pytest.mark.parametrize("typed", ["۱۴۰۳/۰۷/۱۵", "1403/7/15", "1403-07-15", "١٤٠٣/٧/١٥",
                                   " 1403 / 7 / 15 ", "1403.07.15"])
def test_accepted_spellings(typed: str) -> None:
    assert parse_jalali(typed) == dt.date(2024, 10, 6)


def test_known_days() -> None:
    assert jalali_to_gregorian(1403, 1, 1) == dt.date(2024, 3, 20)
    assert jalali_to_gregorian(1404, 1, 1) == dt.date(2025, 3, 21)
    assert gregorian_to_jalali(dt.date(1979, 2, 11)) == JalaliDate(1357, 11, 22)
    assert str(JalaliDate(1403, 7, 5)) == "1403/07/05"


def test_esfand_30_only_in_leap_years() -> None:
    assert is_leap_jalali(1403) and not is_leap_jalali(1404)
    assert parse_jalali("1403/12/30") == dt.date(2025, 3, 20)
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("1404/12/30")
    assert "کبیسه" in caught.value.message and "۱۴۰۴" in caught.value.message


@pytest.mark.parametrize("typed", ["1403/13/01", "1403/00/10", "1403/07/00", "1403/07/31",
                                   "03/07/15", "۱۴۰۳/۷", "فردا", "", "1403/07/15/1",
                                   "14030715"])
def test_rejected(typed: str) -> None:
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(typed)
    assert caught.value.message and not caught.value.message.isascii()


def test_display_forms() -> None:
    mehr_15 = dt.date(2024, 10, 6)
    assert format_jalali(mehr_15) == "۱۴۰۳/۰۷/۱۵"
    assert format_jalali(mehr_15, persian_digits=False) == "1403/07/15"
    assert format_jalali_long(mehr_15) == "۱۵ مهر ۱۴۰۳"
    assert format_jalali_month(mehr_15) == format_jalali_month(dt.date(2024, 9, 22)) == "مهر ۱۴۰۳"
    assert format_jalali_month(dt.date(2024, 9, 21)) == "شهریور ۱۴۰۳"
    assert weekday_name(mehr_15) == "یکشنبه"
    assert weekday_name(dt.date(2024, 10, 11)) == "جمعه"


def test_month_arithmetic() -> None:
    assert jalali_month_range(1403, 12) == (dt.date(2025, 2, 19), dt.date(2025, 3, 20))
    shahrivar_31 = jalali_to_gregorian(1403, 6, 31)
    assert gregorian_to_jalali(add_jalali_months(shahrivar_31, 1)) == JalaliDate(1403, 7, 30)
    assert gregorian_to_jalali(add_jalali_months(shahrivar_31, 6)) == JalaliDate(1403, 12, 30)
    assert gregorian_to_jalali(add_jalali_months(shahrivar_31, 18)) == JalaliDate(1404, 12, 29)
    assert add_jalali_months(shahrivar_31, 0) == shahrivar_31


@given(dates, st.integers(min_value=-240, max_value=240))
def test_adding_months_lands_in_the_right_month(date: dt.date, months: int) -> None:
    start, end = gregorian_to_jalali(date), gregorian_to_jalali(add_jalali_months(date, months))
    assert end.year * 12 + end.month == start.year * 12 + start.month + months
    assert end.day <= start.day
