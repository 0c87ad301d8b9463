"""The dashboard written to a PDF (on the office's letterhead, with the charts) or an Excel sheet;
each file is written beside its place and renamed, so it is never left half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.clock import today
from desktop.database import Database
from desktop.models.tracking import Actor, record_event
from desktop.reports.dashboard_report import dashboard_form, write_dashboard_xlsx
from desktop.reports.document import FormDocument, Letterhead
from desktop.services.dashboard import Dashboard
from desktop.services.office import get_office


def _written(path: Path, suffix: str, write: Callable[[Path], None]) -> Path:
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".karsaz-", suffix=suffix,
                                         dir=path.parent if str(path.parent) else None)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _audit(db: Database, actor: Actor, board: Dashboard, form: str) -> None:
    with db.transaction(actor) as session:
        record_event(session, "print", entity="dashboard",
                     detail={"form": form, "year": board.period.year,
                             "months": [board.period.first_month, board.period.last_month]})


def export_dashboard_pdf(db: Database, actor: Actor, board: Dashboard, path: Path,
                         charts: Sequence[tuple[str, bytes, float]] = ()) -> Path:
    """The dashboard's tables and ``charts`` (title, PNG, height over width) as a PDF."""
    office = get_office(db)
    letterhead = Letterhead(office.province_name, office.county_name, office.name, today(),
                            actor.full_name or actor.username)
    layout = dashboard_form(board, charts)

    def write(target: Path) -> None:
        document = FormDocument(target, layout.title, letterhead)
        document.add(layout)
        document.close()

    written = _written(path, ".pdf", write)
    _audit(db, actor, board, "dashboard_pdf")
    return written


def export_dashboard_xlsx(db: Database, actor: Actor, board: Dashboard, path: Path) -> Path:
    written = _written(path, ".xlsx", lambda target: write_dashboard_xlsx(board, target))
    _audit(db, actor, board, "dashboard_xlsx")
    return written
