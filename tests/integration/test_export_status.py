"""The status bar's export line: the last acknowledgement and the next scheduled run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.errors import ValidationError
from desktop.services.export_run import run_export
from desktop.services.export_schedule import (
    ExportSchedule,
    Frequency,
    local_now,
    save_schedule,
)
from desktop.services.status import status_summary
from tests.integration.conftest import Office


def test_the_summary_names_the_next_run_and_the_last_acknowledgement(
        office: Office, fixed_clock, tmp_path: Path) -> None:
    db = office.db
    summary = status_summary(db)
    assert (summary.last_export_at, summary.next_export_at) == (None, None)   # no schedule
    save_schedule(db, office.admin, ExportSchedule(Frequency.DAILY, dt.time(18, 0),
                                                   str(tmp_path)))
    assert status_summary(db).next_export_at == local_now()      # never sent: due now
    run_export(db, actor=office.admin)
    summary = status_summary(db)
    assert summary.last_export_at == fixed_clock.now()
    upcoming = summary.next_export_at
    assert upcoming is not None and upcoming > local_now()
    assert upcoming.time() == dt.time(18, 0)


def test_a_target_with_another_scheme_is_refused(office: Office) -> None:
    with pytest.raises(ValidationError) as refused:
        save_schedule(office.db, office.admin,
                      ExportSchedule(Frequency.DAILY, dt.time(9), "ftp://hq.example/in"))
    assert set(refused.value.errors) == {"target"}
    save_schedule(office.db, office.admin,
                  ExportSchedule(Frequency.DAILY, dt.time(9), "https://hq.example/in"))
