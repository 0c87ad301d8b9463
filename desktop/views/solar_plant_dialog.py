"""A plant registered or changed «نیروگاه»: its place, capacity and kind, the sale contract
(buyer, start, term) and its tariff — the first entry with a new plant; later entries (yearly
indexation, step-downs) added to an existing one, each with the Jalali date it takes effect."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import CONTRACT_YEARS, PlantKind, PlantStatus, TariffKind, kw_text
from desktop.errors import KarsazError
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.office import get_office
from desktop.services.solar_plants import (
    PlantInput,
    PlantRecord,
    TariffInput,
    add_tariff,
    create_plant,
    update_plant,
)
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.service_dialog import ServiceDialog
from desktop.views.solar_words import parse_kw
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import NumberEdit, code_line_edit, number_spin
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

TARIFF_COLUMNS = (
    Column(N_("Takes effect on"), lambda t: format_jalali(t.effective_on)),
    Column(N_("Rials per kWh"), lambda t: format_amount(t.rials_per_kwh)),
    Column(N_("Kind"), lambda t: TariffKind(t.kind).label),
    Column(N_("Note"), lambda t: t.note),
)


class TariffFields:
    """The date, rate, kind and note of one tariff entry, with their messages."""

    def __init__(self, parent: QWidget, form: QFormLayout, errors: FieldErrors) -> None:
        # Not required here: an empty date is told by the service, with every other message.
        self.effective_on = JalaliDateEdit(parent)
        self.rate = NumberEdit(parent, max_length=9)
        self.rate.setPlaceholderText(tr("Rials per kWh"))
        self.kind = choice_combo(TariffKind.choices(), parent, empty=None)
        self.note = QLineEdit(parent)
        for label, name, field in ((tr("Tariff takes effect on"), "effective_on",
                                    self.effective_on),
                                   (tr("Tariff (Rials per kWh)"), "rials_per_kwh", self.rate),
                                   (tr("Kind of tariff entry"), "tariff_kind", self.kind),
                                   (tr("Note on the tariff"), "tariff_note", self.note)):
            form.addRow(label, errors.wrap(name, field))

    def local_errors(self) -> dict[str, str]:
        errors = {}
        if not self.effective_on.is_valid():
            errors["effective_on"] = self.effective_on.error_message()
        try:
            self.rate.value()
        except ValueError as wrong:
            errors["rials_per_kwh"] = str(wrong)
        return errors

    def value(self) -> TariffInput:
        return TariffInput(self.effective_on.date(), self.rate.value() or 0,
                           combo_value(self.kind) or "", self.note.text())


class PlantDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, plant: PlantRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New solar plant") if plant is None
                         else tr("Plant: {name}", name=plant.name))
        self.db, self.actor, self.plant = db, actor, plant
        self.setMinimumWidth(620)
        office = get_office(db)
        self.name = self.add_row(tr("Plant name"), "name", QLineEdit(self))
        self.county = self.add_row(tr("County"), "county_code", choice_combo(
            [(c.code, c.name_fa) for c in reference.counties(office.province_code)], self))
        self.site = self.add_row(tr("Site"), "site", QLineEdit(self))
        self.kind = self.add_row(tr("Kind"), "kind", choice_combo(PlantKind.choices(), self))
        self.capacity = self.add_row(tr("Capacity (kW)"), "capacity_watts", code_line_edit(
            self, max_length=12, placeholder=tr("e.g. 1000")))
        # Empty dates and capacity are told by the service, with every other message at once.
        self.commissioned_on = self.add_row(tr("Commissioned on"), "commissioned_on",
                                            JalaliDateEdit(self))
        self.buyer = self.add_row(tr("Buyer of the electricity"), "buyer", QLineEdit(self))
        self.contract_starts_on = self.add_row(tr("Contract starts on"), "contract_starts_on",
                                               JalaliDateEdit(self))
        self.contract_years = self.add_row(tr("Contract term (years)"), "contract_years",
                                           number_spin(self, 1, 30, CONTRACT_YEARS))
        self.meter_id = self.add_row(tr("Meter id"), "meter_id", code_line_edit(
            self, max_length=30))
        self.status = self.add_row(tr("Status"), "status", choice_combo(
            PlantStatus.choices(), self, empty=None))
        self.notes = self.add_row(tr("Notes"), "notes", QLineEdit(self))
        self.tariff_errors = FieldErrors(self) if plant else self.errors
        self.tariffs = RecordTableModel(TARIFF_COLUMNS)
        tariff_box = QGroupBox(tr("The contract's tariff") if plant is None
                               else tr("The contract's tariff entries"), self)
        box_column = QVBoxLayout(tariff_box)
        tariff_form = QFormLayout()
        if plant is not None:
            view = QTableView(tariff_box)
            view.setModel(self.tariffs)
            view.verticalHeader().hide()
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setStretchLastSection(True)
            view.setMinimumHeight(110)
            box_column.addWidget(view)
            self.tariffs.set_rows(plant.tariffs)
            view.resizeColumnsToContents()
            self.tariff_view = view
        box_column.addLayout(tariff_form)
        self.tariff = TariffFields(tariff_box, tariff_form, self.tariff_errors)
        if plant is not None:
            box_column.addWidget(self.tariff_errors.general)
            self.add_tariff_button = QPushButton(tr("Add the tariff entry"), tariff_box)
            self.add_tariff_button.setAutoDefault(False)
            self.add_tariff_button.clicked.connect(self.add_tariff_entry)
            row = QHBoxLayout()
            row.addWidget(self.add_tariff_button)
            row.addStretch(1)
            box_column.addLayout(row)
        self.form.addRow(tariff_box)
        self._load()

    def _load(self) -> None:
        plant = self.plant
        if plant is None:
            select_data(self.county, get_office(self.db).county_code)
            select_data(self.status, PlantStatus.ACTIVE.value)
            select_data(self.tariff.kind, TariffKind.INITIAL.value)
            return
        self.name.setText(plant.name)
        select_data(self.county, plant.county_code)
        self.site.setText(plant.site)
        select_data(self.kind, plant.kind)
        self.capacity.setText(kw_text(plant.capacity_watts).replace("٬", ""))
        self.commissioned_on.setDate(plant.commissioned_on)
        self.buyer.setText(plant.buyer)
        self.contract_starts_on.setDate(plant.contract_starts_on)
        self.contract_years.setValue(plant.contract_years)
        self.meter_id.setText(plant.meter_id)
        select_data(self.status, plant.status)
        self.notes.setText(plant.notes)
        select_data(self.tariff.kind, TariffKind.INDEXATION.value)
        self.tariff.effective_on.setDate(today())

    def local_errors(self) -> dict[str, str]:
        errors = {}
        for name, field in (("commissioned_on", self.commissioned_on),
                            ("contract_starts_on", self.contract_starts_on)):
            if not field.is_valid():
                errors[name] = field.error_message()
        try:
            self._watts()
        except ValueError as wrong:
            errors["capacity_watts"] = str(wrong)
        if self.plant is None:
            errors.update(self.tariff.local_errors())
        return errors

    def _watts(self) -> int:
        return parse_kw(self.capacity.text()) if self.capacity.text().strip() else 0

    def value(self) -> PlantInput:
        return PlantInput(
            name=self.name.text(), county_code=combo_value(self.county) or "",
            capacity_watts=self._watts(), kind=combo_value(self.kind) or "",
            commissioned_on=self.commissioned_on.date(),
            contract_starts_on=self.contract_starts_on.date(), buyer=self.buyer.text(),
            contract_years=self.contract_years.value(), site=self.site.text(),
            meter_id=self.meter_id.text(), status=combo_value(self.status) or "",
            notes=self.notes.text())

    def submit(self) -> PlantRecord:
        if self.plant is None:
            return create_plant(self.db, self.actor, self.value(), self.tariff.value())
        return update_plant(self.db, self.actor, self.plant.id, self.value(),
                            version=self.plant.version)

    def save(self) -> None:
        # A tariff entry typed in an existing plant's dialog is not left behind by Save.
        if self.plant is not None and self.tariff.rate.text().strip() \
                and not self.add_tariff_entry():
            return
        super().save()

    def add_tariff_entry(self) -> bool:
        """A later entry of an existing plant's tariff, saved at once."""
        assert self.plant is not None
        local = self.tariff.local_errors()
        if local:
            self.tariff_errors.show(local)
            return False
        entry = self.tariff.value()
        try:
            self.plant = add_tariff(self.db, self.actor, self.plant.id, entry)
        except KarsazError as error:
            self.tariff_errors.show_error(error)
            return False
        self.tariff_errors.clear()
        self.tariffs.set_rows(self.plant.tariffs)
        self.tariff_view.resizeColumnsToContents()
        self.tariff.rate.clear()
        self.tariff.note.clear()
        self.saved.emit(self.plant)
        return True
