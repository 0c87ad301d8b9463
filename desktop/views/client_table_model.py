"""The clients list as a lazy table: it knows how many clients match, and fetches a window of
rows from the service only when the view asks for a row it does not hold.

A million clients cost one count and one window of rows to open; scrolling to the end fetches
the last window, not the ones between. A few windows are kept (least recently used first out),
so moving back and forth near the same place never asks the database twice.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.database import Database
from desktop.domain.pathway import CaseStatus, Stage
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services import client_search
from desktop.services.client_search import ClientFilter, ClientRow, ClientSort

Index = QModelIndex | QPersistentModelIndex

# (title, the service's sort for it, or None when the column cannot be sorted). The first
# column stands on the right.
COLUMNS: tuple[tuple[str, ClientSort | None], ...] = (
    (N_("Last name and first name"), ClientSort.NAME),
    (N_("Father's name"), None),
    (N_("National code"), ClientSort.NATIONAL_CODE),
    (N_("Birth date"), ClientSort.BIRTH_DATE),
    (N_("County"), ClientSort.COUNTY),
    (N_("File number"), ClientSort.FILE_NUMBER),
    (N_("Stage of the case"), None),
    (N_("Facilitator"), None),
)
NAME, FATHER, NATIONAL_CODE, BIRTH_DATE, COUNTY, FILE_NUMBER, STAGE, FACILITATOR = range(8)


def stage_text(row: ClientRow) -> str:
    """The stage of the client's case as the list shows it."""
    if row.stage is None:
        return tr("No case")
    if row.case_status == CaseStatus.CLOSED:
        return CaseStatus.CLOSED.label
    return Stage(row.stage).label


def _cells(row: ClientRow) -> tuple[str, ...]:
    if row is _MISSING:
        return ("",) * len(COLUMNS)
    return (
        f"{row.last_name}، {row.first_name}",
        row.father_name,
        to_persian_digits(row.national_code),
        format_jalali(row.birth_date) if row.birth_date else "",
        row.county_name,
        to_persian_digits(row.file_number),
        stage_text(row),
        row.facilitator_name,
    )


class ClientTableModel(QAbstractTableModel):
    def __init__(self, db: Database, actor: Actor, *, window: int = 200,
                 kept_windows: int = 8, count_now: bool = True) -> None:
        """``count_now`` False: the list starts empty until ``show`` gives it a count read
        elsewhere (off the GUI thread)."""
        super().__init__()
        self.db, self.actor = db, actor
        self.window, self.kept_windows = window, kept_windows
        self.filters = ClientFilter()
        self.sort_by, self.descending = ClientSort.NAME, False
        self._windows: OrderedDict[int, list[ClientRow]] = OrderedDict()
        self._count = client_search.count_clients(db, actor, self.filters) if count_now else 0

    # --- what is shown -------------------------------------------------------------------
    def set_filter(self, filters: ClientFilter) -> None:
        if filters != self.filters:
            self.filters = filters
            self.refresh()

    def refresh(self) -> None:
        """Count again and forget every window: the data or the question has changed."""
        self.show(self.filters, client_search.count_clients(self.db, self.actor, self.filters))

    def show(self, filters: ClientFilter, count: int,
             first_window: list[ClientRow] | None = None) -> None:
        """The list of ``filters``, whose ``count`` (and first rows) were read already."""
        self.beginResetModel()
        self.filters, self._count = filters, count
        self._windows.clear()
        if first_window is not None:
            self._windows[0] = first_window
        self.endResetModel()

    def set_count(self, count: int) -> None:
        """The count, read after the first rows were shown: the rows beyond them appear."""
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # the office changed in between: start over
            self.show(self.filters, count)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][1] is not None

    def sort_column(self) -> int:
        return next(i for i, (_title, sort) in enumerate(COLUMNS) if sort == self.sort_by)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):
            return
        sort_by = COLUMNS[column][1]
        assert sort_by is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort_by, descending) == (self.sort_by, self.descending):
            return
        # A reset, not a layout change: the rows a view remembers cannot be followed to their
        # new places without reading every row.
        self.beginResetModel()
        self.sort_by, self.descending = sort_by, descending
        self._windows.clear()
        self.endResetModel()

    def client_at(self, row: int) -> ClientRow:
        start = row - row % self.window
        rows = self._windows.get(start)
        if rows is None:
            rows = client_search.client_rows(
                self.db, self.actor, self.filters, sort=self.sort_by,
                descending=self.descending, offset=start, limit=self.window)
            self._windows[start] = rows
            while len(self._windows) > self.kept_windows:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(start)
        if row - start >= len(rows):
            # The office changed under the list (a client removed elsewhere): the count is
            # stale. Show the row empty until the next refresh rather than fail.
            return _MISSING
        return rows[row - start]

    @property
    def loaded_windows(self) -> list[int]:
        return list(self._windows)

    # --- Qt's side -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole and self.sortable(section):
            return tr("Click to sort by this column; click again to reverse.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cells(self.client_at(index.row()))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self.client_at(index.row()).id or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


_MISSING = ClientRow(0, "", "", "", "", None, "", "", "", "", "", None, None, "")
