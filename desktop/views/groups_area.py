"""The micro-finance groups area «گروه‌های تأمین مالی خرد»: every group the user may see, with
its members, savings and grade for bank linkage, searched as you type and filtered by grade.

The list (and each group's grade, computed from its books) is read off the GUI thread; Enter
or a double click opens the group; «گروه جدید» sets one up with its first cycle.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.groups import MAX_MEMBERS, MIN_MEMBERS
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.group_members import size_warning
from desktop.services.group_overview import GroupRow, list_groups
from desktop.views.group_words import GRADE_COLOURS, GRADE_LABELS, LATE_COLOUR, grade_label
from desktop.views.record_table import Column, RecordTableModel, select_row
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.fields import RIGHT, chain_tab_order

SEARCH_DELAY_MS = 250


def _members_colour(row: GroupRow) -> str | None:
    return LATE_COLOUR if not MIN_MEMBERS <= row.members <= MAX_MEMBERS else None


COLUMNS = (
    Column(N_("Code"), lambda r: r.code),
    Column(N_("Group name"), lambda r: r.name),
    Column(N_("County"), lambda r: r.county_name),
    Column(N_("Village or neighbourhood"), lambda r: r.locality),
    Column(N_("Facilitator"), lambda r: r.facilitator_name),
    Column(N_("Members"), lambda r: to_persian_digits(r.members), colour=_members_colour,
           tip=lambda r: size_warning(r.members) or ""),
    Column(N_("Savings (Rials)"), lambda r: format_amount(r.savings)),
    Column(N_("Score"), lambda r: to_persian_digits(r.score)),
    Column(N_("Grade"), lambda r: grade_label(r.grade),
           colour=lambda r: GRADE_COLOURS[r.grade][0],
           background=lambda r: GRADE_COLOURS[r.grade][1]),
)
WIDTHS = (115, 0, 80, 110, 110, 55, 125, 55, 60)


class GroupsArea(QWidget):
    openGroup = Signal(int)
    newGroup = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self._generation = 0
        self._pending = 0
        self._shown_once = False
        self._enter_pressed = False
        self._asked: tuple[str, str | None] | None = None
        title = QLabel(tr("Micro-finance groups"), self)
        title.setObjectName("areaTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("areaNote")
        self.new_button = QPushButton(tr("New group"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setVisible(can(actor, Permission.MANAGE_GROUPS))
        self.new_button.clicked.connect(self.newGroup.emit)
        self.open_button = QPushButton(tr("Open group"), self)
        self.open_button.clicked.connect(self.open_current)
        self.search = QLineEdit(self)
        self.search.setAlignment(RIGHT)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Search by code, name or village of the group"))
        self.grade = choice_combo([(g, grade_label(g)) for g in GRADE_LABELS], self,
                                  empty=tr("All grades"))
        self.grade.setMinimumWidth(130)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.grade.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = RecordTableModel(COLUMNS)
        self.table = QTableView(self)
        self._table()
        self._layout(title)
        self.refresh()

    def _table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(WIDTHS):
            if width:
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda _index: self.open_current())
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _layout(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(tr("Grade"), self))
        filters.addWidget(self.grade)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        chain_tab_order([self.search, self.grade, self.table, self.open_button,
                         self.new_button])

    # --- reading ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def refresh(self) -> None:
        """Read the list again off the GUI thread; an answer to an older question is dropped."""
        self._timer.stop()
        self._generation += 1
        generation, db, actor = self._generation, self.db, self.actor
        self._asked = text, grade = self._question()

        def read(_control: object) -> tuple[int, list[GroupRow]]:
            return generation, list_groups(db, actor, text=text, grade=grade)

        self._pending += 1
        self.count_label.setText(tr("Searching…"))
        self.tasks.run(read, label="groups", on_done=self._loaded, on_error=self._failed)

    def _question(self) -> tuple[str, str | None]:
        return self.search.text(), combo_value(self.grade)

    def _loaded(self, result: tuple[int, list[GroupRow]]) -> None:
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
        return bool(self.search.text().strip() or combo_value(self.grade))

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
