"""The office's commitment (تعهد) of jobs for a Jalali year, kept in the office settings."""

from __future__ import annotations

from sqlalchemy import select

from desktop.database import Database
from desktop.errors import ValidationError
from desktop.models.office import Setting
from desktop.models.tracking import Actor
from desktop.roles import Permission, require
from desktop.services.export_schedule import put_setting

KEY = "jobs_commitment.{year}"
MAX_JOBS = 1_000_000


def commitment_of(db: Database, year: int) -> int | None:
    """The jobs the office committed to in Jalali ``year``; None when it has not said."""
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == KEY.format(year=year)))
    return int(value) if value else None


def set_commitment(db: Database, actor: Actor, year: int, jobs: int) -> None:
    """Set the year's commitment (created and stabilised jobs together); the office's to say."""
    require(actor, Permission.MANAGE_OFFICE)
    if not 1300 <= year <= 1700:
        raise ValidationError("Choose a Jalali year.", field="year")
    if not 1 <= jobs <= MAX_JOBS:
        raise ValidationError("The commitment is a number of jobs from 1 to {most}.",
                              field="jobs", most=MAX_JOBS)
    with db.transaction(actor) as session:
        # The setting's row change is audited like every other.
        put_setting(session, KEY.format(year=year), str(jobs))
