"""Screenshots of printing: the preview of a real printed form, the clients list with rows
selected for batch printing, the form chooser and the batch's progress."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.i18n import tr
from desktop.services.auth import sign_in
from desktop.services.clients import get_client
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.printing import print_forms
from desktop.views.shots_clients import shot_client

PREVIEW_SIZE = (860, 980)
SELECTED_ROWS = ((1, 4), (7, 9), (12, 16))


def _pages_painted(view: QWidget, waiting_at_most: float = 10.0) -> None:
    """QPdfView paints its pages from a renderer thread: wait until words show on the page."""
    deadline = time.monotonic() + waiting_at_most
    while time.monotonic() < deadline:
        QApplication.processEvents()
        image = view.grab().toImage()
        dark = sum(image.pixelColor(x, y).lightness() < 128
                   for x in range(0, image.width(), 7) for y in range(0, image.height(), 7))
        if dark > 200:
            return
        time.sleep(0.02)


def form_preview(db: Database) -> QWidget:
    """The registration form of a demo client, as the preview shows it before printing."""
    from desktop.views.form_preview_dialog import FormPreviewDialog
    from desktop.views.form_printing import file_name_for, print_folder

    expert = sign_in(db, "expert", DEMO_PASSWORD)
    client = get_client(db, expert, shot_client(db, "followed"))
    kind = FormKind.REGISTRATION
    result = print_forms(db, expert, [client.id], kind, print_folder() / f"{uuid.uuid4().hex}.pdf")
    dialog = FormPreviewDialog(
        result.path, title=f"{kind.label} — {client.full_name}",
        file_name=file_name_for(kind.label, client.full_name), temporary=True)
    dialog.resize(*PREVIEW_SIZE)
    dialog.show()
    _pages_painted(dialog.view.viewport())
    return dialog


def _clients_selected(db: Database):
    from desktop.views.shots import main_window

    window = main_window(db, "clients")
    area = window.pages["clients"]
    selection = QItemSelection()
    last = area.model.columnCount() - 1
    for first, end in SELECTED_ROWS:
        selection.select(area.model.index(first, 0), area.model.index(end, last))
    area.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
    area.table.selectionModel().setCurrentIndex(area.model.index(SELECTED_ROWS[-1][1], 0),
                                                QItemSelectionModel.SelectionFlag.NoUpdate)
    # Selected with the mouse, the list has the focus: after the area's showing took it.
    QTimer.singleShot(0, lambda: area.table.setFocus(Qt.FocusReason.MouseFocusReason))
    return window, area


def clients_selected(db: Database) -> QWidget:
    """The clients list with rows selected together (Shift and Ctrl) for batch printing."""
    window, _area = _clients_selected(db)
    return window


def batch_form_chooser(db: Database) -> QWidget:
    window, area = _clients_selected(db)
    area.batch.start()
    dialog = area.batch.form_dialog
    assert dialog is not None
    dialog.choose(FormKind.VISIT)
    dialog.owner = window  # the window owns the dialog: keep it alive for the picture
    return dialog


def batch_progress(db: Database) -> QWidget:
    from desktop.views.form_printing import ClientProgress
    from desktop.views.progress_dialog import ProgressDialog
    from desktop.views.tasks import TaskHandle

    handle = TaskHandle("print")
    dialog = ProgressDialog(handle, tr("Printing {form}", form=FormKind.VISIT.label))
    expert = sign_in(db, "expert", DEMO_PASSWORD)
    # What the printing service reports as it starts on the eighth client of twelve.
    ClientProgress(handle).report(7, 12, get_client(db, expert, shot_client(db, "followed"))
                                  .full_name)
    return dialog


PRINTING_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "form_preview": (form_preview, PREVIEW_SIZE),
    "clients_selected_for_printing": (clients_selected, (1280, 800)),
    "batch_print_chooser": (batch_form_chooser, None),
    "batch_print_progress": (batch_progress, None),
}
