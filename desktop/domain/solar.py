"""Solar-panel income (DOMAIN.md «پنل‌های خورشیدی — درآمد پایدار»): the words of the plants'
records, their Jalali months and the tariff of a date. Pure: no database.

A month is kept as the Gregorian date of its Jalali first day (1 Mehr 1403 → 2024-09-22) and
shown as the Jalali «1403/07»."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from desktop.domain.labels import Labelled
from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.jalali import gregorian_to_jalali, jalali_month_range, month_length
from desktop.i18n import N_

CONTRACT_YEARS = 20                  # the guaranteed purchase of a plant's electricity
EXPECTED_KWH_PER_KW = 150            # a month's expected production per kW of capacity
LOW_PERFORMANCE_PERCENT = 80         # a month below this share of the expected is flagged
SHORTFALL_NOTE = N_("Shortfall of the previous month")   # «کسری ماه قبل»


class PlantKind(Labelled):
    AGGREGATED = "aggregated", N_("Aggregated plant")
    ROOFTOP = "rooftop", N_("Rooftop plant")


class PlantStatus(Labelled):
    ACTIVE = "active", N_("In operation")
    OUT_OF_SERVICE = "out_of_service", N_("Out of service")
    DECOMMISSIONED = "decommissioned", N_("Decommissioned")


class TariffKind(Labelled):
    INITIAL = "initial", N_("Initial tariff")
    INDEXATION = "indexation", N_("Yearly indexation")
    STEP_DOWN = "step_down", N_("Step-down")


class CostKind(Labelled):
    MAINTENANCE = "maintenance", N_("Maintenance")
    INSURANCE = "insurance", N_("Insurance")
    OTHER = "other", N_("Other cost")
    SHORTFALL = "shortfall", SHORTFALL_NOTE


class RunStatus(Labelled):
    DRAFT = "draft", N_("Draft")
    APPROVED = "approved", N_("Approved")


class AdjustmentKind(Labelled):
    ARREAR = "arrear", N_("Arrear received later")
    CORRECTION = "correction", N_("Correction")


@dataclasses.dataclass(frozen=True)
class Tariff:
    effective_on: dt.date
    rials_per_kwh: int


def tariff_on(entries: Iterable[Tariff], on: dt.date) -> int | None:
    """The tariff in force on ``on``: the latest entry effective on or before it."""
    best: Tariff | None = None
    for entry in entries:
        if entry.effective_on <= on and (best is None or entry.effective_on >= best.effective_on):
            best = entry
    return None if best is None else best.rials_per_kwh


def invoiced(kwh: int, tariff: int | None) -> int:
    """A month's invoice: its kWh at the tariff in force on the month's first day."""
    return 0 if tariff is None else kwh * tariff


def month_of(day: dt.date) -> dt.date:
    """The month ``day`` falls in, as the Gregorian date of its Jalali first day."""
    j = gregorian_to_jalali(day)
    return day - dt.timedelta(days=j.day - 1)


def month_last_day(month: dt.date) -> dt.date:
    j = gregorian_to_jalali(month)
    return month + dt.timedelta(days=month_length(j.year, j.month) - j.day)


def next_month(month: dt.date) -> dt.date:
    return month_last_day(month) + dt.timedelta(days=1)


def previous_month(month: dt.date) -> dt.date:
    return month_of(month_of(month) - dt.timedelta(days=1))


def month_from_jalali(year: int, month: int) -> dt.date:
    return jalali_month_range(year, month)[0]


_PERIOD = re.compile(r"^\s*(\d{4})\s*[-/]\s*(\d{1,2})\s*$")


def parse_period(text: str) -> dt.date:
    """«1403-07» or «۱۴۰۳/۰۷» (a Jalali year and month) → the month's first day."""
    match = _PERIOD.match(to_latin_digits(text or ""))
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1300 <= int(match.group(1)) <= 1500:
        raise ValueError(text)
    return month_from_jalali(int(match.group(1)), int(match.group(2)))


def format_period(month: dt.date, *, persian_digits: bool = True) -> str:
    """«۱۴۰۳/۰۷»: the Jalali year and month."""
    j = gregorian_to_jalali(month)
    text = f"{j.year:04d}/{j.month:02d}"
    return to_persian_digits(text) if persian_digits else text


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first``'s to ``last``'s, both included."""
    months, month = [], month_of(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def kw_text(watts: int) -> str:
    """Watts shown as kW with up to three decimals, Persian digits: 5500 → «۵٫۵»."""
    whole, rest = divmod(watts, 1000)
    text = f"{whole:,}" + (f".{rest:03d}".rstrip("0") if rest else "")
    return to_persian_digits(text.replace(",", "٬").replace(".", "٫"))


def performance_per_kw(kwh: int, watts: int) -> tuple[int, int]:
    """kWh per kW as a whole number and its tenths: (kWh × 10000 // W) → (148, 3) for 148.3."""
    if watts <= 0:
        return 0, 0
    tenths = kwh * 10_000 // watts
    return divmod(tenths, 10)


def is_low_month(kwh: int, watts: int, *, expected: int = EXPECTED_KWH_PER_KW,
                 percent: int = LOW_PERFORMANCE_PERCENT) -> bool:
    """Below ``percent`` of ``expected`` kWh per kW: kWh × 1000 × 100 < percent × expected × W."""
    return watts > 0 and kwh * 1000 * 100 < percent * expected * watts


class SolarForm(Labelled):
    """The printed documents of solar income."""

    STATEMENT = "solar-statement", N_("Solar income statement")
