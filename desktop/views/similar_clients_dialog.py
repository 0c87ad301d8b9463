"""The warning shown before registering someone who may be registered already: a similar name
with the same birth date and father's name is most often the same person typed twice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.services.clients import SimilarClient
from desktop.views.record_table import Column, RecordTableModel, select_row

COLUMNS = (
    Column(N_("Name"), lambda c: c.full_name),
    Column(N_("National code"), lambda c: to_persian_digits(c.national_code)),
    Column(N_("Father's name"), lambda c: c.father_name),
    Column(N_("Birth date"), lambda c: format_jalali(c.birth_date) if c.birth_date else ""),
)


class SimilarClientsDialog(QDialog):
    registerAnyway = Signal()
    openExisting = Signal(int)   # the chosen client's id

    def __init__(self, message: str, matches: list[SimilarClient],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Is this the same person?"))
        self.setMinimumWidth(620)
        self.matches = matches
        text = QLabel(message, self)
        text.setWordWrap(True)
        text.setObjectName("dialogIntro")
        self.model = RecordTableModel(COLUMNS, matches)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        select_row(self.view, 0)
        self.view.setMaximumHeight(40 + 32 * min(len(matches), 5))
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(tr("Open that client"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button = buttons.addButton(tr("Register anyway"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(tr("Back to the form"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.open_button, self.register_button, self.cancel_button):
            button.setAutoDefault(False)
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_selected)
        self.register_button.clicked.connect(self.register)
        self.cancel_button.clicked.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.view)
        column.addWidget(QLabel(tr("Register anyway only when you have checked that this is "
                                   "a different person."), self))
        column.addWidget(buttons)

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        chosen = self.matches[rows[0].row() if rows else 0]
        self.accept()
        self.openExisting.emit(chosen.id)

    def register(self) -> None:
        self.accept()
        self.registerAnyway.emit()
