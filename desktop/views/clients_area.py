"""The clients area «مددجویان»: search as you type, filters, and the lazy list of clients.

Focus starts in the search box; Down moves into the list, Up from its first row back; Enter or
a double click opens the client. The list asks the service for windows of rows, so it opens at
once on a million clients. Rows selected together (Shift, Ctrl) are printed in one batch.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
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
from desktop.errors import KarsazError
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services import client_search
from desktop.services.client_search import ClientFilter
from desktop.views import client_table_model as columns
from desktop.views.batch_print import BatchPrint, rows_in, selected_spans
from desktop.views.client_filter_bar import ClientFilterBar
from desktop.views.client_table_model import ClientTableModel
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.fields import RIGHT

SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = {columns.FATHER: 100, columns.NATIONAL_CODE: 105, columns.BIRTH_DATE: 95,
                 columns.COUNTY: 95, columns.FILE_NUMBER: 95, columns.STAGE: 165,
                 columns.FACILITATOR: 115}


class ClientsArea(QWidget):
    openClient = Signal(object, object)   # client id (None: a new client), tab (None)

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self._shown_once = False
        self._generation = 0
        self._pending = 0
        self._enter_pressed = False
        title = QLabel(tr("Clients"), self)
        title.setObjectName("areaTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("areaNote")
        self.selected_label = QLabel(self)
        self.selected_label.setObjectName("areaNote")
        self.new_button = QPushButton(tr("New client"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setVisible(can(actor, Permission.EDIT_CASES))  # viewers never write
        self.new_button.clicked.connect(lambda: self.openClient.emit(None, None))
        self.open_button = QPushButton(tr("Open client"), self)
        self.open_button.clicked.connect(self.open_current)
        self.print_button = QPushButton(tr("Batch print…"), self)
        self.print_button.setToolTip(tr("Print one form for every selected client, in one file "
                                        "(select rows with Shift or Ctrl)"))
        self.import_button = QPushButton(tr("Import from Excel"), self)
        self.import_button.setVisible(can(actor, Permission.EDIT_ANY_CASE))
        self.import_button.clicked.connect(self.open_import)
        self.excel_button = QPushButton(tr("Excel export"), self)
        self.excel_button.setToolTip(tr("Save the list, as filtered, as an Excel file"))
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.model = ClientTableModel(db, actor, count_now=False)
        self.table = QTableView(self)
        self.batch = BatchPrint(self, db, actor, self.tasks, self.table, self.model)
        self.batch.busyChanged.connect(self._selection_changed)
        self.print_button.clicked.connect(self.batch.start)
        self.search = QLineEdit(self)
        self.search.setAlignment(RIGHT)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr(
            "Search by name or part of it, national code, mobile or file number"))
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.filter_bar = ClientFilterBar(db, actor, self)
        self.filter_bar.changed.connect(self.apply_filters)
        self.filter_bar.clear_button.clicked.connect(self.clear_filters)
        self._table()
        self._layout(title)
        self._asked = ClientFilter()
        self._load(self._asked)

    # --- building ------------------------------------------------------------------------
    def _table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Selections are kept as ranges of rows: selecting many never reads them.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        # Rows of one fixed height: the view never measures a row, so it never reads one
        # it does not show.
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(columns.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        table.activated.connect(lambda _index: self.open_current())
        table.installEventFilter(self)
        self._connect_selection()

    def _connect_selection(self) -> None:
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentChanged.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.current_client_id() is not None)
        self.print_button.setEnabled(self.table.selectionModel().hasSelection()
                                     and not self.batch.busy)
        # Counted from the selected ranges, never from the rows.
        selected = rows_in(selected_spans(self.table.selectionModel()))
        self.selected_label.setText(tr("{count} selected", count=format_amount(selected))
                                    if selected > 1 else "")

    def _layout(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addSpacing(12)
        top.addWidget(self.selected_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addWidget(self.print_button)
        top.addWidget(self.excel_button)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        chain = [self.search, *self.filter_bar.focus_chain, self.table,
                 self.open_button, self.print_button, self.new_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- Excel ---------------------------------------------------------------------------
    def open_import(self) -> None:
        from desktop.views.client_import_dialog import ClientImportDialog

        dialog = ClientImportDialog(self.db, self.actor, self.tasks, self)
        dialog.imported.connect(lambda _count: self.refresh())
        dialog.open()

    def export_excel(self, path=None) -> None:
        from desktop.services.list_exports import export_clients
        from desktop.views.excel_export import ask_excel_path, export_to_excel

        path = path or ask_excel_path(self, tr("clients"))
        if path is None:
            return
        db, actor, filters = self.db, self.actor, self.current_filter()
        sort, descending = self.model.sort_by, self.model.descending
        export_to_excel(self, self.tasks, path, lambda out, control: export_clients(
            db, actor, filters, out, sort=sort, descending=descending, control=control))

    # --- what the list shows: counted and first read off the GUI thread ------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def current_filter(self) -> ClientFilter:
        return self.filter_bar.filter_for(self.search.text())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        filters = self.current_filter()
        if filters != self._asked:
            self._load(filters)
        elif not self.busy:
            self._answer_enter()

    def clear_filters(self) -> None:
        self.search.clear()
        self.filter_bar.reset()  # which applies the filters
        self.search.setFocus()

    def refresh(self) -> None:
        """Read the list again (a client was saved), keeping the place in it."""
        self._load(self._asked, keep_place=True)

    def _load(self, filters: ClientFilter, keep_place: bool = False) -> None:
        """Read the first rows of ``filters``, then count them, in background tasks: the rows
        paint first (a count of a million clients takes longer than their first window), and
        a common fragment must not stall typing."""
        self._asked = filters
        self._generation += 1
        generation, db, actor = self._generation, self.db, self.actor
        order = (self.model.sort_by, self.model.descending)
        window = self.model.window

        place = (self.table.currentIndex().row(), self.table.verticalScrollBar().value()) \
            if keep_place else None

        def first_rows(_control: object) -> tuple:
            rows = client_search.client_rows(db, actor, filters, sort=order[0],
                                             descending=order[1], offset=0, limit=window)
            return generation, filters, order, rows, place

        self._pending += 1
        self.count_label.setText(tr("Searching…"))
        self.tasks.run(first_rows, label="clients", on_done=self._rows_loaded,
                       on_error=self._failed)

    def _rows_loaded(self, result: tuple) -> None:
        self._pending -= 1
        generation, filters, order, rows, place = result
        if generation != self._generation:
            return  # a newer question was asked meanwhile
        # Rows read in another order (the header was clicked meanwhile) are not kept.
        same_order = order == (self.model.sort_by, self.model.descending)
        self.model.show(filters, len(rows), rows if same_order else None)
        if len(rows) < self.model.window:  # all of them: the count is known
            self._counted((generation, len(rows), place))
            return
        db, actor = self.db, self.actor

        def count(_control: object) -> tuple:
            return generation, client_search.count_clients(db, actor, filters), place

        self._pending += 1
        self.tasks.run(count, label="clients", on_done=self._count_loaded,
                       on_error=self._failed)

    def _count_loaded(self, result: tuple) -> None:
        self._pending -= 1
        self._counted(result)

    def _counted(self, result: tuple) -> None:
        generation, count, place = result
        if generation != self._generation:
            return
        self.model.set_count(count)
        if place is not None:
            row, scroll = place
            self.table.verticalScrollBar().setValue(scroll)
            if 0 <= row < count:
                self._select(row)
        self._show_count()
        self._answer_enter()

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._pending -= 1
        self.count_label.setText(error.message if isinstance(error, KarsazError) else
                                 tr("The list could not be read. Try again."))

    def _answer_enter(self) -> None:
        """Enter in the search box: one client found opens; several, the list takes the keys."""
        if not self._enter_pressed:
            return
        self._enter_pressed = False
        self._enter_list()
        if self.model.rowCount() == 1:  # a whole national code or file number typed
            self.open_current()

    def _show_count(self) -> None:
        # A reset clears the selection without saying so: the buttons follow here.
        self._selection_changed()
        count = self.model.rowCount()
        if count == 0 and not self.current_filter().is_empty:
            self.count_label.setText(tr("No client matches"))
        else:
            self.count_label.setText(tr("{count} clients", count=format_amount(count)))

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if self.model.sortable(section):
            self.model.sort(section, order)
            return
        # A column the service cannot order by: put the arrow back where the order really is.
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder
                                if self.model.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    # --- opening -------------------------------------------------------------------------
    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.data(index, Qt.ItemDataRole.UserRole)

    def open_current(self) -> None:
        client_id = self.current_client_id()
        if client_id is not None:
            self.openClient.emit(client_id, None)

    def _select(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _enter_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        self._select(max(self.table.currentIndex().row(), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down:
                self._enter_list()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter_pressed = True
                self.apply_filters()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_filters()
                return True
        elif watched is self.table and key == Qt.Key.Key_Up \
                and self.table.currentIndex().row() <= 0:
            self.search.setFocus()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        self.search.setFocus()
