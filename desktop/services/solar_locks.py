"""What an approved allocation run locks: its plant's records of that month and every month
before it, so that nothing an approved run was computed from can change under it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.solar import RunStatus, format_period, month_of
from desktop.errors import ValidationError
from desktop.models.solar import SolarRun


def last_approved_month(session: Session, plant_id: int) -> dt.date | None:
    return session.scalar(select(func.max(SolarRun.month)).where(
        SolarRun.plant_id == plant_id, SolarRun.status == RunStatus.APPROVED.value))


def require_open(session: Session, plant_id: int, day: dt.date, *, field: str) -> None:
    """Refuses a change dated in a month whose run (or a later one) is approved."""
    locked = last_approved_month(session, plant_id)
    if locked is not None and month_of(day) <= locked:
        raise ValidationError(
            "The allocation of {period} is approved: this month and those before it are "
            "locked. Record a correction in a later month instead.", field=field,
            period=format_period(locked))
