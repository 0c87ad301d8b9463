"""The home screen «کارتابل»: what needs doing today, at a glance and per facilitator.

Five counts (overdue visits in red when there are any: they must be seen without searching), a
table of the same counts per facilitator, and the cases behind whichever count was chosen. The
counts are read off the GUI thread: on a large office the window stays responsive meanwhile.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.jalali import format_jalali_long, weekday_name
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.case_access import sees_every_client
from desktop.services.cases import assignable_facilitators
from desktop.services.worklists import (
    ITEM_LIMIT,
    Worklist,
    WorklistSummary,
    worklist_items,
    worklist_summary,
)
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.count_card import CountCard
from desktop.views.widgets.field_error import FieldError
from desktop.views.worklist_models import (
    FACILITATOR_COLUMN,
    TAB_OF,
    FacilitatorLoadsModel,
    WorklistItemsModel,
    facilitator_rows,
)

ROW_HEIGHT = 30
MAX_LOAD_ROWS = 8    # the per-facilitator table scrolls beyond this


def _table(parent: QWidget, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class HomeArea(QWidget):
    openClient = Signal(object, object)   # client id, tab of the client form

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self.sees_everyone = sees_every_client(actor)
        self.summary: WorklistSummary | None = None
        # What the list below shows: a worklist, and whose cases (None: everyone's).
        self.worklist: Worklist | None = None
        self.facilitator_id: int | None = None
        self.unassigned_only = False
        self._generation = 0
        self._request: tuple = ()
        self._pending = 0
        self._shown_once = False
        title = QLabel(tr("Worklists"), self)
        title.setObjectName("areaTitle")
        self.today_label = QLabel(self)
        self.today_label.setObjectName("areaNote")
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.error = FieldError(self)
        self.cards: dict[Worklist, CountCard] = {}
        self._card_group = QButtonGroup(self)
        for worklist in Worklist:
            card = CountCard(worklist.label, self)
            card.clicked.connect(lambda _checked, w=worklist: self.choose(w))
            self._card_group.addButton(card)
            self.cards[worklist] = card
        self.loads_title = QLabel(tr("Per facilitator"), self)
        self.loads_title.setObjectName("sectionTitle")
        self.loads = FacilitatorLoadsModel()
        self.loads_table = _table(self, self.loads)
        self.loads_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.loads_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        # Clicking a count, or moving onto it with the arrows, shows its cases.
        self.loads_table.selectionModel().currentChanged.connect(
            lambda current, _previous: self._load_cell_chosen(current))
        # A facilitator sees their own cases: a table of one row, an always-empty list of
        # cases nobody has, and a column of their own name say nothing.
        self.loads_title.setVisible(self.sees_everyone)
        self.loads_table.setVisible(self.sees_everyone)
        self.cards[Worklist.WITHOUT_FACILITATOR].setVisible(self.sees_everyone)
        self.items_title = QLabel(self)
        self.items_title.setObjectName("sectionTitle")
        self.items = WorklistItemsModel()
        self.items_table = _table(self, self.items)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setAlternatingRowColors(True)
        self.items_table.activated.connect(self._item_activated)
        self.items_table.setColumnHidden(FACILITATOR_COLUMN, not self.sees_everyone)
        self.items_hint = QLabel(tr("Double-click a case, or press Enter, to open the client."),
                                 self)
        self.items_hint.setObjectName("areaNote")
        self._layout(title)
        self.refresh()

    def _layout(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.today_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in self.cards.values():
            cards.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.error)
        layout.addWidget(self.loads_title)
        layout.addWidget(self.loads_table)
        layout.addWidget(self.items_title)
        layout.addWidget(self.items_table, 1)
        layout.addWidget(self.items_hint)
        chain = [*self.cards.values(), self.loads_table, self.items_table, self.refresh_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- reading, off the GUI thread -----------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def refresh(self) -> None:
        """Count the worklists again, then the cases of the list being shown."""
        on = today()
        self.today_label.setText(tr("Today: {day} {date}", day=weekday_name(on),
                                    date=format_jalali_long(on)))
        self._generation += 1
        generation, db, actor = self._generation, self.db, self.actor
        everyone = self.sees_everyone

        def work(_control: object) -> tuple[int, WorklistSummary, list]:
            summary = worklist_summary(db, actor, on)
            facilitators = assignable_facilitators(db, actor) if everyone else []
            return generation, summary, facilitators

        self._run(work, self._summary_read)

    def _run(self, work: Any, on_done: Any) -> None:
        self._pending += 1
        self.refresh_button.setEnabled(False)
        self.tasks.run(work, label="worklists", on_done=on_done, on_error=self._failed)

    def _finished_one(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.refresh_button.setEnabled(True)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self.error.show_message(error.message if isinstance(error, KarsazError) else
                                tr("The worklists could not be read. Try again with Refresh."))
        self._finished_one()

    def _summary_read(self, result: tuple[int, WorklistSummary, list]) -> None:
        generation, summary, facilitators = result
        if generation == self._generation:
            self.error.clear_message()
            self.summary = summary
            for worklist, card in self.cards.items():
                count = summary.totals.get(worklist.value, 0)
                card.set_count(count, alert=worklist is Worklist.OVERDUE and count > 0)
            self.loads.set_rows(facilitator_rows(summary.by_facilitator, facilitators,
                                                 with_unassigned=self.sees_everyone))
            shown = min(max(self.loads.rowCount(), 1), MAX_LOAD_ROWS)
            self.loads_table.setFixedHeight(
                self.loads_table.horizontalHeader().sizeHint().height() + shown * ROW_HEIGHT + 4)
            if self.worklist is None:  # first look: the first list that has something in it
                self.worklist = next((w for w in Worklist if summary.totals.get(w.value)),
                                     Worklist.OVERDUE)
            self._show_items()
        self._finished_one()

    def choose(self, worklist: Worklist, facilitator_id: int | None = None,
               unassigned_only: bool = False) -> None:
        """Show the cases of ``worklist``: everyone's, one facilitator's, or the unassigned."""
        self.worklist, self.facilitator_id = worklist, facilitator_id
        self.unassigned_only = unassigned_only
        if facilitator_id is None and not unassigned_only:
            self.loads_table.setCurrentIndex(QModelIndex())  # so the same cell chooses again
        self._show_items()

    def _show_items(self) -> None:
        worklist = self.worklist
        if worklist is None:
            return
        self.cards[worklist].setChecked(True)
        self.items_title.setText(self._items_caption(None))
        generation, db, actor = self._generation, self.db, self.actor
        facilitator_id, unassigned = self.facilitator_id, self.unassigned_only
        request = (worklist, facilitator_id, unassigned)
        self._request = request

        def work(_control: object) -> tuple[int, tuple, list]:
            return generation, request, worklist_items(
                db, actor, worklist, facilitator_id=facilitator_id,
                unassigned_only=unassigned, on=today())

        self._run(work, self._items_read)

    def _items_read(self, result: tuple[int, tuple, list]) -> None:
        generation, request, items = result
        if generation == self._generation and request == self._request:
            self.items.set_items(request[0], items)
            self.items_title.setText(self._items_caption(len(items)))
        self._finished_one()

    def _items_caption(self, count: int | None) -> str:
        assert self.worklist is not None
        if self.unassigned_only:
            whose = tr("without facilitator")
        elif self.facilitator_id is not None:
            whose = self.loads.name_of(self.facilitator_id)
        else:
            whose = tr("all facilitators") if self.sees_everyone else ""
        caption = f"{self.worklist.label} — {whose}" if whose else self.worklist.label
        if count is None:
            return caption
        if count >= ITEM_LIMIT:
            return tr("{list} (the first {count} cases)", list=caption,
                      count=format_amount(count))
        if count == 0:
            return tr("{list}: no case", list=caption)
        return tr("{list} ({count} cases)", list=caption, count=format_amount(count))

    # --- choosing and opening ------------------------------------------------------------
    def _load_cell_chosen(self, index: QModelIndex) -> None:
        worklist = self.loads.worklist_of(index.column())
        if worklist is None or not index.isValid():
            return
        load = self.loads.load_at(index.row())
        self.choose(worklist, load.facilitator_id, unassigned_only=load.facilitator_id is None)

    def _item_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.items.item_at(index.row())
            self.openClient.emit(item.client_id, TAB_OF[self.items.worklist])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once and not self.busy:
            self.refresh()
        self._shown_once = True
