"""The export schedule: the next run, the last one that should have happened, and a run missed
while the PC was off being due at the next start."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.fa.jalali import gregorian_to_jalali
from desktop.services.export_schedule import (
    ExportSchedule,
    Frequency,
    is_due,
    next_run,
    persian_weekday,
    previous_run,
)

TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))
# Sunday 6 October 2024, 08:30 in Tehran = یکشنبه ۱۵ مهر ۱۴۰۳
NOW = dt.datetime(2024, 10, 6, 8, 30, tzinfo=TEHRAN)


def _at(day: int, hour: int, minute: int = 0, month: int = 10) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, minute, tzinfo=TEHRAN)


def test_weekday_numbers_start_on_saturday() -> None:
    assert persian_weekday(dt.date(2024, 10, 5)) == 0          # Saturday, شنبه
    assert persian_weekday(dt.date(2024, 10, 11)) == 6         # Friday, جمعه


@pytest.mark.parametrize(("schedule", "previous", "upcoming"), [
    (ExportSchedule(Frequency.DAILY, dt.time(18, 0), "x"), _at(5, 18), _at(6, 18)),
    (ExportSchedule(Frequency.DAILY, dt.time(8, 30), "x"), _at(6, 8, 30), _at(7, 8, 30)),
    (ExportSchedule(Frequency.DAILY, dt.time(7, 0), "x"), _at(6, 7), _at(7, 7)),
    # Wednesday (4): the 2nd and the 9th of October 2024
    (ExportSchedule(Frequency.WEEKLY, dt.time(14, 0), "x", weekday=4), _at(2, 14), _at(9, 14)),
    # Sunday (1) itself: earlier today, and a week on
    (ExportSchedule(Frequency.WEEKLY, dt.time(8, 0), "x", weekday=1), _at(6, 8), _at(13, 8)),
    # The 1st of each Jalali month: 1 Mehr = 22 Sep, 1 Aban = 22 Oct
    (ExportSchedule(Frequency.MONTHLY, dt.time(9, 0), "x", month_day=1),
     _at(22, 9, month=9), _at(22, 9)),
    # The 15th: 15 Shahrivar = 5 Sep; today is 15 Mehr, its 09:00 still to come
    (ExportSchedule(Frequency.MONTHLY, dt.time(9, 0), "x", month_day=15),
     _at(5, 9, month=9), _at(6, 9)),
])
def test_previous_and_next_runs(schedule, previous, upcoming) -> None:
    if schedule.frequency == Frequency.MONTHLY:
        assert gregorian_to_jalali(previous.date()).day == schedule.month_day
    assert previous_run(schedule, NOW) == previous
    assert next_run(schedule, NOW) == upcoming
    assert previous < NOW <= upcoming or previous == NOW


def test_a_run_missed_while_the_pc_was_off_is_due_at_the_next_start() -> None:
    daily = ExportSchedule(Frequency.DAILY, dt.time(18, 0), "x")
    assert is_due(daily, None, NOW)                               # never sent
    assert not is_due(daily, _at(5, 18, 5), NOW)                  # yesterday's run happened
    assert is_due(daily, _at(5, 17, 0), NOW)                      # PC off at 18:00 yesterday
    weekly = ExportSchedule(Frequency.WEEKLY, dt.time(14, 0), "x", weekday=4)
    assert is_due(weekly, _at(1, 10), NOW)                        # off on Wednesday the 2nd
    assert not is_due(weekly, _at(2, 14, 1), NOW)


def test_the_schedule_survives_its_stored_form() -> None:
    schedule = ExportSchedule(Frequency.MONTHLY, dt.time(9, 15), "\\\\hq\\export", month_day=29)
    assert ExportSchedule.from_json(schedule.to_json()) == schedule
