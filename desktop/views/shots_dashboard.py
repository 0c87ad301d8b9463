"""Screenshots of the dashboard: the whole of it on the demo office with the year's commitment
set, and the dialog that sets the commitment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.database import Database
from desktop.services.auth import sign_in
from desktop.services.dashboard import current_year
from desktop.services.dashboard_commitment import set_commitment
from desktop.services.demo import DEMO_PASSWORD

# Of the demo office's jobs this year, about what the articles report: «۱۲۴٪ تعهد».
DEMO_COMMITMENT = 11


def dashboard_whole(db: Database) -> QWidget:
    """The area on its own, tall enough to show every chart without scrolling."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.dashboard_area import DashboardArea

    admin = sign_in(db, "admin", DEMO_PASSWORD)
    set_commitment(db, admin, current_year(), DEMO_COMMITMENT)
    area = DashboardArea(db, admin)
    while area.busy:
        area.tasks.wait_all()
        QApplication.processEvents()
    return area


def commitment_dialog(db: Database) -> QWidget:
    from desktop.views.dashboard_commitment_dialog import CommitmentDialog

    admin = sign_in(db, "admin", DEMO_PASSWORD)
    set_commitment(db, admin, current_year(), DEMO_COMMITMENT)
    return CommitmentDialog(db, admin, current_year())


DASHBOARD_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "dashboard_whole": (dashboard_whole, (1280, 1900)),
    "dashboard_commitment_dialog": (commitment_dialog, None),
}
