"""Jalali months of the solar records, the tariff of a date, performance per kW."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.solar import (
    Tariff,
    format_period,
    invoiced,
    is_low_month,
    kw_text,
    month_last_day,
    month_of,
    months_between,
    next_month,
    parse_period,
    performance_per_kw,
    previous_month,
    tariff_on,
)


def test_a_month_is_its_jalali_first_day():
    assert month_of(dt.date(2024, 10, 6)) == dt.date(2024, 9, 22)          # 15 Mehr 1403
    assert month_last_day(dt.date(2024, 9, 22)) == dt.date(2024, 10, 21)
    assert next_month(dt.date(2024, 9, 22)) == dt.date(2024, 10, 22)        # 1 Aban
    assert previous_month(dt.date(2024, 9, 22)) == dt.date(2024, 8, 22)    # 1 Shahrivar
    assert next_month(dt.date(2025, 2, 19)) == dt.date(2025, 3, 21)        # Esfand → 1404
    assert len(months_between(dt.date(2024, 3, 20), dt.date(2025, 3, 20))) == 12   # 1403 is leap
    assert len(months_between(dt.date(2024, 3, 20), dt.date(2025, 3, 21))) == 13


def test_periods_are_typed_and_shown_jalali():
    assert parse_period("1403-07") == dt.date(2024, 9, 22)
    assert parse_period("۱۴۰۳/۰۷") == dt.date(2024, 9, 22)
    assert format_period(dt.date(2024, 9, 22)) == "۱۴۰۳/۰۷"
    assert format_period(dt.date(2024, 9, 22), persian_digits=False) == "1403/07"
    for wrong in ("1403-13", "2024", "", "1403-00"):
        with pytest.raises(ValueError):
            parse_period(wrong)


def test_the_tariff_of_a_date_is_the_latest_effective_on_or_before_it():
    entries = [Tariff(dt.date(2023, 3, 21), 40_000), Tariff(dt.date(2024, 3, 20), 46_000),
               Tariff(dt.date(2025, 3, 21), 52_900)]
    assert tariff_on(entries, dt.date(2023, 3, 20)) is None
    assert tariff_on(entries, dt.date(2023, 3, 21)) == 40_000
    assert tariff_on(entries, dt.date(2024, 9, 22)) == 46_000
    assert tariff_on(reversed(entries), dt.date(2026, 1, 1)) == 52_900
    assert invoiced(120_000, 46_000) == 5_520_000_000
    assert invoiced(120_000, None) == 0


def test_performance_per_kw_and_low_months():
    assert performance_per_kw(148_300, 1_000_000) == (148, 3)
    assert not is_low_month(120_000, 1_000_000)        # exactly 80% of 150 kWh/kW
    assert is_low_month(119_999, 1_000_000)
    assert not is_low_month(0, 0)


def test_watts_are_shown_as_kw():
    assert kw_text(5_500) == "۵٫۵"
    assert kw_text(1_000_000) == "۱٬۰۰۰"
    assert kw_text(2_025) == "۲٫۰۲۵"
