"""Batch printing from the clients list: which form for the selected clients, which clients the
selected rows are, and the print itself with its progress, cancel and preview.

The list holds only the windows of rows it has shown, so the selection is kept as spans of rows
and the clients in them are read in the print task, window by window, through the same search
and order the list shows: selecting ten thousand rows costs nothing on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.actor import Actor
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.i18n import tr
from desktop.progress import TaskControl
from desktop.services import client_search
from desktop.services.client_search import ClientFilter, ClientSort
from desktop.views.client_table_model import ClientTableModel
from desktop.views.form_printing import FormPrinting, file_name_for
from desktop.views.questions import ask
from desktop.views.tasks import TaskRunner

WINDOW = 500        # rows read at a time
MAX_BATCH = 1000    # clients in one PDF: more is hard to print, check and sign in one go

Spans = list[tuple[int, int]]


def selected_spans(selection: QItemSelectionModel) -> Spans:
    """The selected rows as (first, last) spans, in list order, overlaps merged."""
    spans: Spans = []
    for first, last in sorted((r.top(), r.bottom()) for r in selection.selection()):
        if spans and first <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def rows_in(spans: Spans) -> int:
    return sum(last - first + 1 for first, last in spans)


def client_ids_in(db: Database, actor: Actor, filters: ClientFilter, sort: ClientSort,
                  descending: bool, spans: Spans, control: TaskControl) -> list[int]:
    """The ids of the clients in rows ``spans`` of the list ``filters`` in that order (run in
    the print task)."""
    ids: list[int] = []
    for first, last in spans:
        offset = first
        while offset <= last:
            control.check_cancelled()
            limit = min(WINDOW, last - offset + 1)
            rows = client_search.client_rows(db, actor, filters, sort=sort,
                                             descending=descending, offset=offset, limit=limit)
            ids += [row.id for row in rows]
            if len(rows) < limit:  # the list has shrunk since it was shown
                break
            offset += limit
    return ids


class BatchFormDialog(QDialog):
    """Which form to print for the selected clients."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Batch print"))
        self.setMinimumWidth(440)
        self.intro = QLabel(tr("Which form should be printed for the {count} selected clients?",
                               count=count), self)
        self.intro.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.buttons: dict[FormKind, QRadioButton] = {}
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        for kind in FormKind:
            button = QRadioButton(kind.label, self)
            self.choices.addButton(button)
            self.buttons[kind] = button
            column.addWidget(button)
        self.buttons[FormKind.REGISTRATION].setChecked(True)
        note = QLabel(tr("All the forms go into one file, one client after another. Clients "
                         "who cannot have this form (a visit form with no job, for instance) "
                         "are left out and named after printing."), self)
        note.setObjectName("areaNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(tr("Print"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setObjectName("primary")
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(note)
        column.addStretch(1)
        column.addWidget(buttons)

    def chosen(self) -> FormKind:
        return next(kind for kind, button in self.buttons.items() if button.isChecked())

    def choose(self, kind: FormKind) -> None:
        self.buttons[kind].setChecked(True)


class BatchPrint(QObject):
    """The list's «چاپ گروهی»: the form asked for, the selected clients printed into one file."""

    busyChanged = Signal()

    def __init__(self, parent: QWidget, db: Database, actor: Actor, tasks: TaskRunner,
                 table: QTableView, model: ClientTableModel) -> None:
        super().__init__(parent)
        self.window, self.db, self.actor = parent, db, actor
        self.table, self.model = table, model
        self.printing = FormPrinting(parent, db, actor, tasks)
        self.printing.finished.connect(self.busyChanged)
        self.form_dialog: BatchFormDialog | None = None
        self.notice: QMessageBox | None = None
        self._spans: Spans = []

    @property
    def busy(self) -> bool:
        return self.printing.busy

    def start(self) -> None:
        """Ask which form, then print it for every selected client."""
        self._spans = selected_spans(self.table.selectionModel())
        count = rows_in(self._spans)
        if not count or self.busy:
            return
        if count > MAX_BATCH:
            self.notice = ask(self.window, tr("Batch print"), tr(
                "{count} clients are selected; at most {most} can be printed in one batch. "
                "Narrow the list with the search and filters, or select fewer rows.",
                count=count, most=MAX_BATCH), ((tr("OK"), QMessageBox.ButtonRole.AcceptRole,
                                                None),), icon=QMessageBox.Icon.Warning)
            return
        self.form_dialog = BatchFormDialog(count, self.window)
        self.form_dialog.accepted.connect(self._form_chosen)
        self.form_dialog.open()

    def _form_chosen(self) -> None:
        assert self.form_dialog is not None
        kind, spans = self.form_dialog.chosen(), self._spans
        db, actor, model = self.db, self.actor, self.model
        # The list as it is shown now: its rows are read again in the task, in this order.
        filters, sort, descending = model.filters, model.sort_by, model.descending

        def client_ids(control: TaskControl) -> list[int]:
            return client_ids_in(db, actor, filters, sort, descending, spans, control)

        clients_text = tr("{count} clients", count=rows_in(spans))
        self.printing.start(kind, client_ids, batch=True,
                            title=f"{kind.label} — {clients_text}",
                            file_name=file_name_for(kind.label, clients_text))
        self.busyChanged.emit()
