"""The solar income area «درآمد پنل‌های خورشیدی»: the plants, with what is held of each and how
last month went, and the month's allocation beside them on a second tab.

The list (and each plant's last month) is read off the GUI thread; Enter or a double click
opens the plant; «نیروگاه جدید» registers one with its contract's first tariff.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.solar import EXPECTED_KWH_PER_KW, PlantKind, PlantStatus, kw_text
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali_month
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.solar_months import MonthSummary, plant_months
from desktop.services.solar_plants import PlantRecord, list_plants
from desktop.views.record_table import Column, RecordTableModel, select_row, set_up_list
from desktop.views.solar_allocation_panel import AllocationPanel
from desktop.views.solar_words import LOW_BACKGROUND, LOW_COLOUR, last_complete_month
from desktop.views.tasks import TaskRunner


@dataclasses.dataclass(frozen=True)
class PlantRow:
    plant: PlantRecord
    last: MonthSummary | None


def performance_text(summary: MonthSummary | None) -> str:
    if summary is None or summary.production_kwh is None:
        return "—"
    whole, tenth = summary.kwh_per_kw
    text = to_persian_digits(f"{whole}٫{tenth}")
    return tr("{value} (low)", value=text) if summary.low else text


def _low_colour(row: PlantRow) -> str | None:
    return LOW_COLOUR if row.last is not None and row.last.low else None


def _low_background(row: PlantRow) -> str | None:
    return LOW_BACKGROUND if row.last is not None and row.last.low else None


COLUMNS = (
    Column(N_("Code"), lambda r: r.plant.code),
    Column(N_("Plant name"), lambda r: r.plant.name, tip=lambda r: r.plant.name),
    Column(N_("Site"), lambda r: r.plant.site or r.plant.county_name,
           tip=lambda r: "، ".join(p for p in (r.plant.county_name, r.plant.site) if p)),
    Column(N_("Kind"), lambda r: PlantKind(r.plant.kind).label),
    Column(N_("Capacity (kW)"), lambda r: kw_text(r.plant.capacity_watts)),
    Column(N_("kW held"), lambda r: tr(
        "{held} of {capacity}", held=kw_text(r.plant.shared_watts),
        capacity=kw_text(r.plant.capacity_watts))),
    Column(N_("Beneficiaries"), lambda r: to_persian_digits(r.plant.beneficiaries)),
    Column(N_("Status"), lambda r: PlantStatus(r.plant.status).label),
    Column(N_("Last month's performance"), lambda r: performance_text(r.last),
           colour=_low_colour, background=_low_background,
           tip=lambda r: tr("kWh per kW in {month}; about {expected} is expected",
                            month=format_jalali_month(r.last.month),
                            expected=to_persian_digits(EXPECTED_KWH_PER_KW)) if r.last else ""),
)
WIDTHS = (100, 0, 115, 100, 112, 115, 75, 105, 110)


def read_plant_rows(db: Database, actor: Actor) -> list[PlantRow]:
    month = last_complete_month()
    rows = []
    for plant in list_plants(db, actor):
        found = plant_months(db, actor, plant.id, month, month) \
            if plant.commissioned_on <= month else []
        rows.append(PlantRow(plant, found[0] if found else None))
    return rows


class SolarArea(QWidget):
    openPlant = Signal(int)
    newPlant = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self._generation = 0
        self._pending = 0
        self._shown_once = False
        title = QLabel(tr("Solar panel income"), self)
        title.setObjectName("areaTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("areaNote")
        self.new_button = QPushButton(tr("New plant"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setVisible(can(actor, Permission.MANAGE_SOLAR))
        self.new_button.clicked.connect(self.newPlant.emit)
        self.open_button = QPushButton(tr("Open plant"), self)
        self.open_button.clicked.connect(self.open_current)
        self.model = RecordTableModel(COLUMNS)
        self.table = QTableView(self)
        self._table()
        self.allocation = AllocationPanel(db, actor, self.tasks, self)
        plants_page = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        page_column = QVBoxLayout(plants_page)
        page_column.addLayout(top)
        page_column.addWidget(self.table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(plants_page, tr("Plants"))
        self.tabs.addTab(self.allocation, tr("Monthly allocation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _table(self) -> None:
        table = self.table
        set_up_list(table, self.model, WIDTHS)
        table.activated.connect(lambda _index: self.open_current())
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    @property
    def busy(self) -> bool:
        return self._pending > 0 or self.allocation.busy

    def refresh(self) -> None:
        """Read the plants again off the GUI thread; an older answer is dropped."""
        self._generation += 1
        generation, db, actor = self._generation, self.db, self.actor

        def read(_control: object) -> tuple[int, list[PlantRow]]:
            return generation, read_plant_rows(db, actor)

        self._pending += 1
        self.count_label.setText(tr("Reading…"))
        self.tasks.run(read, label="solar plants", on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[int, list[PlantRow]]) -> None:
        self._pending -= 1
        generation, rows = result
        if generation != self._generation:
            return
        chosen = self.current_plant_id()
        self.model.set_rows(rows)
        low = sum(1 for row in rows if row.last is not None and row.last.low)
        text = tr("{count} plants", count=to_persian_digits(len(rows))) if rows \
            else tr("No plant is registered yet.")
        if low:
            text += "  —  " + tr("{count} with a low month", count=to_persian_digits(low))
        self.count_label.setText(text)
        ids = [row.plant.id for row in rows]
        if chosen in ids:
            select_row(self.table, ids.index(chosen))
        self._selection_changed()
        self.allocation.set_plants([row.plant for row in rows])

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._pending -= 1
        self.count_label.setText(error.message if isinstance(error, KarsazError)
                                 else tr("The list could not be read. Try again."))

    def current_plant_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).plant.id if rows else None

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.current_plant_id() is not None)

    def open_current(self) -> None:
        plant_id = self.current_plant_id()
        if plant_id is not None:
            self.openPlant.emit(plant_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
