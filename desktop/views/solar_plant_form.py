"""A solar plant «نیروگاه»: its details and contract, its beneficiaries' shares, each month's
records, and its performance, on four tabs. Whatever a tab records, the form reads the plant
again and every tab follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.solar import PlantKind, PlantStatus, TariffKind, kw_text
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.solar_plants import PlantRecord, get_plant
from desktop.views.questions import ask
from desktop.views.solar_month_tab import MonthTab
from desktop.views.solar_performance_tab import PerformanceTab
from desktop.views.solar_shares_tab import SharesTab
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.fields import value_label

TABS = ("details", "shares", "months", "performance")


class DetailsTab(QWidget):
    def __init__(self, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = {key: value_label(self) for key in (
            "code", "place", "kind", "capacity", "held", "commissioned", "buyer", "contract",
            "tariff", "meter", "status", "notes")}
        plant_box = QGroupBox(tr("The plant"), self)
        contract_box = QGroupBox(tr("The sale contract"), self)
        plant_form, contract_form = QFormLayout(plant_box), QFormLayout(contract_box)
        for form, key, label in (
                (plant_form, "code", tr("Code")), (plant_form, "place", tr("County and site")),
                (plant_form, "kind", tr("Kind")), (plant_form, "capacity", tr("Capacity")),
                (plant_form, "held", tr("Shares held today")),
                (plant_form, "commissioned", tr("Commissioned on")),
                (plant_form, "meter", tr("Meter id")), (plant_form, "status", tr("Status")),
                (plant_form, "notes", tr("Notes")),
                (contract_form, "buyer", tr("Buyer of the electricity")),
                (contract_form, "contract", tr("Term")),
                (contract_form, "tariff", tr("Tariff entries"))):
            self.values[key].setWordWrap(True)
            form.addRow(label, self.values[key])
        self.edit_button = QPushButton(tr("Edit the plant and its tariff…"), self)
        self.edit_button.setVisible(may_edit)
        self.edit_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(plant_box, 1)
        row.addWidget(contract_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addLayout(buttons)
        column.addStretch(1)

    def show_plant(self, plant: PlantRecord) -> None:
        v = self.values
        v["code"].setText(plant.code)
        v["place"].setText("، ".join(p for p in (plant.county_name, plant.site) if p))
        v["kind"].setText(PlantKind(plant.kind).label)
        v["capacity"].setText(tr("{kw} kW", kw=kw_text(plant.capacity_watts)))
        v["held"].setText(tr("{held} kW of {capacity} by {count} beneficiaries",
                             held=kw_text(plant.shared_watts),
                             capacity=kw_text(plant.capacity_watts),
                             count=to_persian_digits(plant.beneficiaries)))
        v["commissioned"].setText(format_jalali(plant.commissioned_on))
        v["meter"].setText(plant.meter_id or "—")
        v["status"].setText(PlantStatus(plant.status).label)
        v["notes"].setText(plant.notes or "—")
        v["buyer"].setText(plant.buyer or "—")
        v["contract"].setText(tr("{years} years, from {start} to {end}",
                                 years=to_persian_digits(plant.contract_years),
                                 start=format_jalali(plant.contract_starts_on),
                                 end=format_jalali(plant.contract_ends_on)))
        v["tariff"].setText("\n".join(
            tr("from {date}: {rate} Rials per kWh ({kind})", date=format_jalali(t.effective_on),
               rate=format_amount(t.rials_per_kwh), kind=TariffKind(t.kind).label)
            for t in plant.tariffs))


class PlantForm(QDialog):
    def __init__(self, db: Database, actor: Actor, plant_id: int,
                 parent: QWidget | None = None, *, tab: str = "details",
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.plant_id = db, actor, plant_id
        self.tasks = tasks or TaskRunner(self)
        self.plant: PlantRecord | None = None
        self.dialog: QDialog | None = None
        self.prompt: QMessageBox | None = None
        may_edit = can(actor, Permission.MANAGE_SOLAR)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)
        self.header = QLabel(self)
        self.header.setObjectName("formHeader")
        self.details = DetailsTab(may_edit, self)
        self.details.edit_button.clicked.connect(self.edit_plant)
        self.shares = SharesTab(db, actor, self)
        self.months = MonthTab(db, actor, self)
        self.performance = PerformanceTab(db, actor, self)
        self.tabs = QTabWidget(self)
        for page, title in ((self.details, tr("Details and contract")),
                            (self.shares, tr("Shares")),
                            (self.months, tr("Monthly records")),
                            (self.performance, tr("Performance"))):
            self.tabs.addTab(page, title)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.header)
        column.addWidget(self.tabs, 1)
        column.addLayout(bottom)
        for source in (self.shares, self.months):
            source.changed.connect(self.reload)
            source.conflict.connect(self.show_conflict)
        self.reload()
        self.tabs.setCurrentIndex(TABS.index(tab) if tab in TABS else 0)

    def reload(self) -> None:
        plant = get_plant(self.db, self.actor, self.plant_id)
        self.plant = plant
        self.setWindowTitle(tr("Plant: {name}", name=plant.name))
        # The code stays as the command line and the payout lists name it (SP-0707-001).
        self.header.setText(f"{plant.name}  —  {plant.code}")
        self.details.show_plant(plant)
        self.shares.show_plant(plant)
        self.months.show_plant(plant)
        self.performance.show_plant(plant)

    def edit_plant(self) -> None:
        from desktop.views.solar_plant_dialog import PlantDialog

        assert self.plant is not None
        dialog = PlantDialog(self.db, self.actor, self.plant, self)
        dialog.saved.connect(lambda _plant: self.reload())
        dialog.conflicted.connect(self.show_conflict)
        self.dialog = dialog
        dialog.open()

    def show_conflict(self, message: str) -> None:
        self.prompt = ask(self, tr("Saved by someone else"), "\n\n".join((
            message, tr("The form now shows what is saved; make your changes again."))),
            ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
            icon=QMessageBox.Icon.Warning)
        self.reload()
