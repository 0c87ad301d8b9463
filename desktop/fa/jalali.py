"""The Jalali (Solar Hijri) calendar: conversion, parsing of typed dates, formatting.

Conversion follows the arithmetic of jalaali-js (Borkowski's 33-year-cycle break table, which
matches the astronomical calendar for Jalali years 1–3177). Stored dates stay Gregorian ISO;
this module is only for what people read and type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.errors import FaValueError

MONTH_NAMES = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
               "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
WEEKDAY_NAMES = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
           2262, 2324, 2394, 2456, 3178)
MIN_YEAR, MAX_YEAR = 1, 3177


class JalaliDateError(FaValueError):
    """A typed date that is not a real Jalali date."""


@dataclasses.dataclass(frozen=True, order=True)
class JalaliDate:
    year: int
    month: int
    day: int

    def to_gregorian(self) -> dt.date:
        return jalali_to_gregorian(self.year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.year:04d}/{self.month:02d}/{self.day:02d}"


def _cal(jy: int) -> tuple[int, int, int]:
    """(leap offset, Gregorian year of Farvardin 1, its day in March) — jalaali-js ``jalCal``."""
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += (jump // 33) * 8 + ((jump % 33) // 4)
        jp = jm
    n = jy - jp
    leap_j += (n // 33) * 8 + (((n % 33) + 3) // 4)
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - ((gy // 100 + 1) * 3) // 4 - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + ((jump + 4) // 33) * 33
    leap = (((n + 1) % 33) - 1) % 4
    if leap == -1:
        leap = 4
    return leap, gy, march


def is_leap_jalali(year: int) -> bool:
    return _cal(year)[0] == 0


def month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap_jalali(year) else 29


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    _check(year, month, day)
    _, gy, march = _cal(year)
    farvardin_1 = dt.date(gy, 3, march)
    offset = (month - 1) * 31 - max(0, month - 7) * 1 + day - 1
    return farvardin_1 + dt.timedelta(days=offset)


def gregorian_to_jalali(date: dt.date) -> JalaliDate:
    jy = date.year - 621
    _, gy, march = _cal(jy)
    if date < dt.date(gy, 3, march):
        jy -= 1
        _, gy, march = _cal(jy)
    k = (date - dt.date(gy, 3, march)).days
    if k < 186:
        return JalaliDate(jy, k // 31 + 1, k % 31 + 1)
    k -= 186
    return JalaliDate(jy, 7 + k // 30, k % 30 + 1)


def _check(year: int, month: int, day: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise JalaliDateError("The year {year} is out of range.", year=year)
    if not 1 <= month <= 12:
        raise JalaliDateError("The month must be between 1 and 12.")
    length = month_length(year, month)
    if not 1 <= day <= length:
        if month == 12 and day == 30:
            raise JalaliDateError(
                "Esfand {year} has 29 days: {year} is not a leap year.", year=year)
        raise JalaliDateError("{month_name} has {days} days.",
                              month_name=MONTH_NAMES[month - 1], days=length)


_DATE = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def parse_jalali(text: str) -> dt.date:
    """A typed Jalali date in any digits, separated by / - or . (year first, four digits)."""
    match = _DATE.match(to_latin_digits(text.replace("\u200f", "").replace("\u200e", "")))
    if not match:
        raise JalaliDateError("Enter the date as year/month/day, e.g. 1403/07/15.")
    year, month, day = (int(part) for part in match.groups())
    return jalali_to_gregorian(year, month, day)


def format_jalali(date: dt.date, *, persian_digits: bool = True, sep: str = "/") -> str:
    j = gregorian_to_jalali(date)
    text = f"{j.year:04d}{sep}{j.month:02d}{sep}{j.day:02d}"
    return to_persian_digits(text) if persian_digits else text


def format_jalali_long(date: dt.date) -> str:
    """«۱۵ مهر ۱۴۰۳»: the form people write on paper."""
    j = gregorian_to_jalali(date)
    return f"{to_persian_digits(j.day)} {MONTH_NAMES[j.month - 1]} {to_persian_digits(j.year)}"


def format_jalali_month(date: dt.date) -> str:
    """«مهر ۱۴۰۳»: the Jalali month ``date`` falls in, as books and reports name it."""
    j = gregorian_to_jalali(date)
    return f"{MONTH_NAMES[j.month - 1]} {to_persian_digits(j.year)}"


def weekday_name(date: dt.date) -> str:
    return WEEKDAY_NAMES[(date.weekday() + 2) % 7]  # Monday is 0; the Persian week starts Saturday


def jalali_month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = jalali_to_gregorian(year, month, 1)
    return first, first + dt.timedelta(days=month_length(year, month) - 1)


def add_jalali_months(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's length (31 Shahrivar + 1 → 30 Mehr)."""
    j = gregorian_to_jalali(date)
    index = j.year * 12 + (j.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return jalali_to_gregorian(year, month, min(j.day, month_length(year, month)))
