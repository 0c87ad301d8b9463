"""What the status bar shows: the office, when data last went to headquarters, and when it goes
next."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.database import Database
from desktop.services.export_schedule import last_success, next_export_at
from desktop.services.office import get_office


@dataclasses.dataclass(frozen=True)
class StatusSummary:
    office_name: str
    county_name: str
    province_name: str
    last_export_at: dt.datetime | None     # the last acknowledgement, UTC
    next_export_at: dt.datetime | None     # local time; None when no schedule is set


def status_summary(db: Database, now: dt.datetime | None = None) -> StatusSummary:
    office = get_office(db)
    return StatusSummary(office.name, office.county_name, office.province_name,
                         last_success(db), next_export_at(db, now))
