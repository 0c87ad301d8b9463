"""A titled list of one kind of record (trainings, meetings, market links …) with the buttons that
add, change and take back one; each button opens the record's dialog or asks before deleting.

The owner says what the records are and how each is opened; the box only lists and asks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ConflictError, KarsazError
from desktop.i18n import tr
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel


def record_view(model: RecordTableModel, parent: QWidget, stretch: int = 0) -> QTableView:
    """A read-only table of whole rows, one chosen at a time, column ``stretch`` taking the
    room left."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_columns(view: QTableView, stretch: int = 0) -> None:
    view.resizeColumnsToContents()
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class RecordListBox(QGroupBox):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, title: str, columns: Sequence[Column], parent: QWidget, *,
                 add_text: str, open_dialog: Callable[[Any], Any],
                 delete: Callable[[Any], None] | None = None, delete_question: str = "",
                 may_delete: Callable[[Any], bool] | None = None, stretch: int = 0) -> None:
        """``open_dialog(record or None)`` returns a ServiceDialog for a new or chosen record;
        ``delete(record)`` takes one back through its service, after ``delete_question``, if
        ``may_delete(record)`` allows (the latest month only, say)."""
        super().__init__(title, parent)
        self.stretch = stretch
        self._open_dialog, self._delete, self._may_delete = open_dialog, delete, may_delete
        self.delete_question = delete_question
        self.editable = False
        self.dialog: Any = None
        self.prompt: QMessageBox | None = None
        self.model = RecordTableModel(columns)
        self.view = record_view(self.model, self, stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(add_text, self)
        self.edit_button = QPushButton(tr("Edit"), self)
        self.delete_button = QPushButton(tr("Delete"), self)
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.delete_button, self.ask_delete)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.count = QLabel(self)
        self.count.setObjectName("areaNote")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._offer_actions)

    def show_records(self, records: Sequence[Any], editable: bool, count_text: str = "") -> None:
        self.editable = editable
        self.model.set_rows(records)
        fit_columns(self.view, self.stretch)
        self.count.setText(count_text)
        self._offer_actions()

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _offer_actions(self) -> None:
        record = self.selected()
        chosen = record is not None
        self.add_button.setVisible(self.editable)
        self.edit_button.setVisible(self.editable)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setVisible(self.editable and self._delete is not None)
        self.delete_button.setEnabled(chosen and (self._may_delete is None
                                                  or self._may_delete(record)))

    def _open(self, record: Any) -> None:
        self.dialog = self._open_dialog(record)
        self.dialog.saved.connect(lambda _record: self.changed.emit())
        self.dialog.conflicted.connect(self.conflict.emit)
        self.dialog.open()

    def add(self) -> None:
        if self.editable:
            self._open(None)

    def edit(self) -> None:
        if self.editable and self.selected() is not None:
            self._open(self.selected())

    def ask_delete(self) -> None:
        record = self.selected()
        if not self.editable or record is None or self._delete is None \
                or not self.delete_button.isEnabled():
            return
        self.prompt = ask(self, tr("Delete"), self.delete_question, (
            (tr("Delete"), QMessageBox.ButtonRole.DestructiveRole,
             lambda: self.delete(record)),
            (tr("Keep it"), QMessageBox.ButtonRole.RejectRole, None)),
            icon=QMessageBox.Icon.Warning)

    def delete(self, record: Any) -> None:
        assert self._delete is not None
        try:
            self._delete(record)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return
        except KarsazError as error:
            self.prompt = ask(self, tr("Not deleted"), error.message,
                              ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
                              icon=QMessageBox.Icon.Warning)
            return
        self.changed.emit()
