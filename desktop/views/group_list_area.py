"""The list of an area of community groups: every group the user may see, searched as you type
and narrowed by one choice (a grade, a kind of group), read off the GUI thread.

Enter or a double click opens the group; «گروه جدید» sets one up. The micro-finance area and
the women's groups area differ only in their title, columns, choice and what they read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.views.record_table import Column, RecordTableModel, select_row, set_up_list
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.choices import combo_value
from desktop.views.widgets.fields import RIGHT, chain_tab_order

SEARCH_DELAY_MS = 250


class GroupListArea(QWidget):
    openGroup = Signal(int)
    newGroup = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None, parent: QWidget | None,
                 *, title: str, placeholder: str, columns: Sequence[Column],
                 widths: Sequence[int], choice_label: str, choice: QComboBox) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self._generation = 0
        self._pending = 0
        self._shown_once = False
        self._enter_pressed = False
        self._asked: tuple[str, Any] | None = None
        self.list_title = title
        heading = QLabel(title, self)
        heading.setObjectName("areaTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("areaNote")
        self.new_button = QPushButton(tr("New group"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setVisible(can(actor, Permission.MANAGE_GROUPS))
        self.new_button.clicked.connect(self.newGroup.emit)
        self.open_button = QPushButton(tr("Open group"), self)
        self.open_button.clicked.connect(self.open_current)
        self.excel_button = QPushButton(tr("Excel export"), self)
        self.excel_button.setToolTip(tr("Save the list, as filtered, as an Excel file"))
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.search = QLineEdit(self)
        self.search.setAlignment(RIGHT)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(placeholder)
        self.choice = choice
        choice.setParent(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = RecordTableModel(columns)
        self.table = QTableView(self)
        self._table(widths)
        self._layout(heading, choice_label)
        self.refresh()

    def read_rows(self, text: str, chosen: Any) -> list[Any]:
        """The rows for what is typed and chosen; runs in a worker, never touches a widget."""
        raise NotImplementedError

    def _table(self, widths: Sequence[int]) -> None:
        table = self.table
        set_up_list(table, self.model, widths)
        table.activated.connect(lambda _index: self.open_current())
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _layout(self, heading: QLabel, choice_label: str) -> None:
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addWidget(self.excel_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(choice_label, self))
        filters.addWidget(self.choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        chain_tab_order([self.search, self.choice, self.table, self.open_button,
                         self.new_button])

    # --- reading ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def refresh(self) -> None:
        """Read the list again off the GUI thread; an answer to an older question is dropped."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        self._asked = text, chosen = self._question()

        def read(_control: object) -> tuple[int, list[Any]]:
            return generation, self.read_rows(text, chosen)

        self._pending += 1
        self.count_label.setText(tr("Searching…"))
        self.tasks.run(read, label="groups", on_done=self._loaded, on_error=self._failed)

    def _question(self) -> tuple[str, Any]:
        return self.search.text(), combo_value(self.choice)

    def _loaded(self, result: tuple[int, list[Any]]) -> None:
        self._pending -= 1
        generation, rows = result
        if generation != self._generation:
            return
        chosen = self.current_group_id()
        self.model.set_rows(rows)
        self.count_label.setText(tr("{count} groups", count=format_amount(len(rows)))
                                 if rows or not self._filtered() else tr("No group matches"))
        ids = [row.id for row in rows]
        if chosen in ids:
            select_row(self.table, ids.index(chosen))
        self._selection_changed()
        if self._enter_pressed and not self.busy:
            self._enter()

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._pending -= 1
        self.count_label.setText(error.message if isinstance(error, KarsazError)
                                 else tr("The list could not be read. Try again."))

    def _filtered(self) -> bool:
        return bool(self.search.text().strip() or combo_value(self.choice))

    def excel_columns(self) -> list:
        """The columns of the list's Excel file (list_export.ListColumn)."""
        raise NotImplementedError

    def export_excel(self, path=None) -> None:
        from desktop.services.list_exports import export_rows
        from desktop.views.excel_export import ask_excel_path, export_to_excel

        title = self.list_title
        path = path or ask_excel_path(self, tr("groups"))
        if path is None:
            return
        rows, columns = list(self.model.rows), self.excel_columns()
        export_to_excel(self, self.tasks, path, lambda out, _control: export_rows(
            rows, columns, out, title))

    # --- opening ---------------------------------------------------------------------------
    def current_group_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).id if rows else None

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.current_group_id() is not None)

    def open_current(self) -> None:
        group_id = self.current_group_id()
        if group_id is not None:
            self.openGroup.emit(group_id)

    def _enter(self) -> None:
        """Enter in the search box: the only group found opens; several, the list takes over.
        Typed faster than the list is read, the answer waits for it."""
        self._enter_pressed = True
        if self._asked != self._question():
            self.refresh()
        if self.busy:
            return
        self._enter_pressed = False
        if self.model.rowCount():
            self.table.setFocus()
            select_row(self.table, 0)
            if self.model.rowCount() == 1:
                self.open_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        self.search.setFocus()
