"""When data goes to headquarters: daily at a time, weekly on a day, or monthly on a day of the
(Jalali) month, in the PC's local time; kept in the office settings.

A run is due when the latest scheduled moment has passed since the last successful export, so a
run missed while the PC was off happens at the next start (or the next ``karsaz export run
--if-due`` from the Windows Task Scheduler).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import utcnow
from desktop.database import Database
from desktop.domain.labels import Labelled
from desktop.errors import ValidationError
from desktop.fa.jalali import gregorian_to_jalali
from desktop.i18n import N_, tr
from desktop.models.office import Setting
from desktop.models.tracking import Actor
from desktop.roles import Permission, require

SCHEDULE_KEY = "export.schedule"
LAST_EXPORT_KEY = "export.last_acknowledged_at"
LAST_ATTEMPT_KEY = "export.last_attempt_at"
LAST_DAY_OF_EVERY_MONTH = 29     # Esfand has 29 days in most years
SEARCH_DAYS = 62


class Frequency(Labelled):
    DAILY = "daily", N_("Daily")
    WEEKLY = "weekly", N_("Weekly")
    MONTHLY = "monthly", N_("Monthly")


WEEKDAYS = (N_("Saturday"), N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
            N_("Thursday"), N_("Friday"))


@dataclasses.dataclass(frozen=True)
class ExportSchedule:
    frequency: Frequency
    at: dt.time
    target: str                  # a folder or an http(s) URL
    weekday: int = 0             # weekly: 0 = Saturday (شنبه) … 6 = Friday
    month_day: int = 1           # monthly: day of the Jalali month, 1–29

    def to_json(self) -> str:
        return json.dumps({"frequency": self.frequency.value, "at": self.at.strftime("%H:%M"),
                           "target": self.target, "weekday": self.weekday,
                           "month_day": self.month_day}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ExportSchedule:
        data = json.loads(text)
        return cls(Frequency(data["frequency"]), dt.time.fromisoformat(data["at"]),
                   data.get("target", ""), int(data.get("weekday", 0)),
                   int(data.get("month_day", 1)))


def persian_weekday(day: dt.date) -> int:
    return (day.weekday() + 2) % 7


def _runs_on(schedule: ExportSchedule, day: dt.date) -> bool:
    if schedule.frequency == Frequency.WEEKLY:
        return persian_weekday(day) == schedule.weekday
    if schedule.frequency == Frequency.MONTHLY:
        return gregorian_to_jalali(day).day == schedule.month_day
    return True


def _moment(schedule: ExportSchedule, day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, schedule.at, tzinfo=zone)


def previous_run(schedule: ExportSchedule, now: dt.datetime) -> dt.datetime:
    """The latest scheduled moment at or before ``now`` (an aware local time)."""
    zone = now.tzinfo
    assert zone is not None, "a local, aware time is needed"
    for back in range(SEARCH_DAYS):
        day = now.date() - dt.timedelta(days=back)
        if _runs_on(schedule, day) and _moment(schedule, day, zone) <= now:
            return _moment(schedule, day, zone)
    raise AssertionError("every schedule runs at least once in two months")


def next_run(schedule: ExportSchedule, now: dt.datetime) -> dt.datetime:
    """The first scheduled moment after ``now`` (an aware local time)."""
    zone = now.tzinfo
    assert zone is not None, "a local, aware time is needed"
    for ahead in range(SEARCH_DAYS):
        day = now.date() + dt.timedelta(days=ahead)
        if _runs_on(schedule, day) and _moment(schedule, day, zone) > now:
            return _moment(schedule, day, zone)
    raise AssertionError("every schedule runs at least once in two months")


def is_due(schedule: ExportSchedule, last_success: dt.datetime | None,
           now: dt.datetime) -> bool:
    """True when a scheduled moment has passed since the last successful export."""
    return last_success is None or last_success < previous_run(schedule, now)


# --- kept in the office settings ---------------------------------------------------------


def _get(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_setting(session: Session, key: str, value: str) -> None:
    setting = session.scalars(select(Setting).where(Setting.key == key)).first()
    if setting is None:
        session.add(Setting(key=key, value=value))
    elif setting.value != value:
        setting.value = value


def get_schedule(db: Database) -> ExportSchedule | None:
    with db.reading() as session:
        raw = _get(session, SCHEDULE_KEY)
    return ExportSchedule.from_json(raw) if raw else None


def save_schedule(db: Database, actor: Actor, schedule: ExportSchedule | None) -> None:
    """Set the schedule (``None`` turns scheduled exports off)."""
    require(actor, Permission.EXPORT)
    if schedule is not None:
        errors = {}
        target = schedule.target.strip()
        if not target:
            errors["target"] = N_("Give the folder or the address packages go to.")
        elif "://" in target and not target.lower().startswith(("http://", "https://")):
            # Anything else with a scheme would be taken for a folder of that odd name.
            errors["target"] = N_("Give a folder, or an address beginning with https://.")
        if schedule.frequency == Frequency.WEEKLY and not 0 <= schedule.weekday <= 6:
            errors["weekday"] = N_("Choose a day of the week.")
        if (schedule.frequency == Frequency.MONTHLY
                and not 1 <= schedule.month_day <= LAST_DAY_OF_EVERY_MONTH):
            errors["month_day"] = N_("Choose a day from 1 to 29 of the month.")
        if errors:
            raise ValidationError("The export schedule is not complete.",
                                  errors={k: tr(v) for k, v in errors.items()})
    with db.transaction(actor) as session:
        put_setting(session, SCHEDULE_KEY, schedule.to_json() if schedule else "")


def last_success(db: Database) -> dt.datetime | None:
    """When headquarters last acknowledged a batch (or a run found nothing to send).
    ``record_success`` (export_batches) writes it."""
    with db.reading() as session:
        raw = _get(session, LAST_EXPORT_KEY)
    return dt.datetime.fromisoformat(raw) if raw else None


def record_attempt(session: Session, at: dt.datetime | None = None) -> None:
    put_setting(session, LAST_ATTEMPT_KEY, (at or utcnow()).isoformat())


def local_now() -> dt.datetime:
    """The clock's now in the PC's local time zone."""
    return utcnow().astimezone()


def export_due(db: Database, now: dt.datetime | None = None) -> bool:
    """A schedule is set and a run of it has been missed since the last success."""
    schedule = get_schedule(db)
    if schedule is None:
        return False
    return is_due(schedule, last_success(db), now or local_now())


def next_export_at(db: Database, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the next scheduled export is (now, if one is due); ``None`` with no schedule."""
    schedule = get_schedule(db)
    if schedule is None:
        return None
    now = now or local_now()
    if is_due(schedule, last_success(db), now):
        return now
    return next_run(schedule, now)
