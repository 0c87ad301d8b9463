"""The home screen's two tables: the worklists per facilitator, and the cases of one worklist."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.pathway import Stage
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.roles import Role
from desktop.services.cases import Facilitator
from desktop.services.worklists import FacilitatorLoad, Worklist, WorklistItem

Index = QModelIndex | QPersistentModelIndex
ALERT = QColor("#b42318")
QUIET = QColor("#9aa5b1")
CENTRE = Qt.AlignmentFlag.AlignCenter
WORKLISTS = tuple(Worklist)

# The visit lists and the cases ready for «تثبیت» are worked on the monitoring tab; the others
# on the case tab (assessment, giving the case a facilitator).
TAB_OF = {Worklist.OVERDUE: "monitoring", Worklist.DUE_THIS_WEEK: "monitoring",
          Worklist.READY_TO_STABILISE: "monitoring", Worklist.AWAITING_ASSESSMENT: "case",
          Worklist.WITHOUT_FACILITATOR: "case"}
# What the date and the number of days of an item mean, list by list.
DATE_TITLES = {Worklist.OVERDUE: N_("Visit due on"), Worklist.DUE_THIS_WEEK: N_("Visit due on"),
               Worklist.AWAITING_ASSESSMENT: N_("Referral date"),
               Worklist.WITHOUT_FACILITATOR: N_("Referral date"),
               Worklist.READY_TO_STABILISE: N_("End of monitoring")}
DAYS_TITLES = {Worklist.OVERDUE: N_("Days overdue"), Worklist.DUE_THIS_WEEK: N_("Days left"),
               Worklist.AWAITING_ASSESSMENT: N_("Days waiting"),
               Worklist.WITHOUT_FACILITATOR: N_("Days waiting"),
               Worklist.READY_TO_STABILISE: N_("Days since the end")}


def facilitator_rows(loads: list[FacilitatorLoad], facilitators: list[Facilitator],
                     with_unassigned: bool) -> list[FacilitatorLoad]:
    """The loads of the summary, then every facilitator with nothing waiting, then the cases
    nobody has been given (always shown to whoever assigns them)."""
    zero = {w.value: 0 for w in Worklist}
    rows = [load for load in loads if load.facilitator_id is not None]
    present = {load.facilitator_id for load in rows}
    rows += [FacilitatorLoad(f.id, f.full_name, dict(zero)) for f in facilitators
             if f.id not in present and f.role == Role.FACILITATOR]
    unassigned = next((load for load in loads if load.facilitator_id is None), None)
    if unassigned is None and with_unassigned:
        unassigned = FacilitatorLoad(None, "", dict(zero))
    return rows + ([unassigned] if unassigned else [])


class FacilitatorLoadsModel(QAbstractTableModel):
    """One row per facilitator (and one for cases without one); a column per worklist."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[FacilitatorLoad] = []

    def set_rows(self, rows: list[FacilitatorLoad]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def load_at(self, row: int) -> FacilitatorLoad:
        return self._rows[row]

    def name_of(self, facilitator_id: int) -> str:
        return next((r.name for r in self._rows if r.facilitator_id == facilitator_id), "")

    @staticmethod
    def worklist_of(column: int) -> Worklist | None:
        return WORKLISTS[column - 1] if 1 <= column <= len(WORKLISTS) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(WORKLISTS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        worklist = self.worklist_of(section)
        return worklist.label if worklist else tr("Facilitator")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        load = self._rows[index.row()]
        worklist = self.worklist_of(index.column())
        if worklist is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return load.name if load.facilitator_id is not None else tr("Without facilitator")
            return None
        count = load.counts.get(worklist.value, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return to_persian_digits(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        if role == Qt.ItemDataRole.ForegroundRole:
            if count == 0:
                return QBrush(QUIET)
            return QBrush(ALERT) if worklist is Worklist.OVERDUE else None
        if role == Qt.ItemDataRole.FontRole and count and worklist is Worklist.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Show these cases")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


# The titles of the date and days columns depend on the worklist (DATE_TITLES, DAYS_TITLES).
ITEM_COLUMNS = (N_("Client"), N_("National code"), N_("Mobile"), N_("Stage"), "", "",
                N_("Facilitator"))
DATE_COLUMN, DAYS_COLUMN, FACILITATOR_COLUMN = 4, 5, 6


class WorklistItemsModel(QAbstractTableModel):
    """The cases of one worklist, the longest waiting first."""

    def __init__(self) -> None:
        super().__init__()
        self.worklist = Worklist.OVERDUE
        self._items: list[WorklistItem] = []

    def set_items(self, worklist: Worklist, items: list[WorklistItem]) -> None:
        self.beginResetModel()
        self.worklist, self._items = worklist, list(items)
        self.endResetModel()

    def item_at(self, row: int) -> WorklistItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ITEM_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(ITEM_COLUMNS):
            return None
        if section == DATE_COLUMN:
            return tr(DATE_TITLES[self.worklist])
        if section == DAYS_COLUMN:
            return tr(DAYS_TITLES[self.worklist])
        return tr(ITEM_COLUMNS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.client_name, to_persian_digits(item.national_code),
                    to_persian_digits(item.mobile), Stage(item.stage).label,
                    format_jalali(item.since), to_persian_digits(item.days),
                    item.facilitator_name or tr("Without facilitator"))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS_COLUMN:
            return CENTRE
        if role == Qt.ItemDataRole.ForegroundRole and column == DAYS_COLUMN \
                and self.worklist is Worklist.OVERDUE:
            return QBrush(ALERT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
