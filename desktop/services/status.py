"""What the status bar shows: the office, and when data last went to headquarters."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from desktop.database import Database
from desktop.models.office import Setting
from desktop.services.office import get_office

LAST_EXPORT_KEY = "export.last_acknowledged_at"


@dataclasses.dataclass(frozen=True)
class StatusSummary:
    office_name: str
    county_name: str
    province_name: str
    last_export_at: dt.datetime | None


def status_summary(db: Database) -> StatusSummary:
    office = get_office(db)
    with db.reading() as session:
        raw = session.scalar(select(Setting.value).where(Setting.key == LAST_EXPORT_KEY))
    last = dt.datetime.fromisoformat(raw) if raw else None
    return StatusSummary(office.name, office.county_name, office.province_name, last)
