"""A plant's month «سوابق ماهانه»: production and what it is invoiced at that month's tariff;
the payments for the month (partial ones, and when they came) and its arrear; the payments that
came in the month for earlier months; the plant's costs; deductions from beneficiaries. A month
whose allocation (or a later one) is approved is shown locked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import CostKind
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali, format_jalali_month
from desktop.fa.money import format_amount, format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.solar_months import MonthSheet, month_sheet, record_production, remove_entry
from desktop.services.solar_plants import PlantRecord
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.solar_entry_dialogs import CostDialog, DeductionDialog, ReceiptDialog
from desktop.views.solar_words import (
    DRAFT_STYLE,
    LOCK_STYLE,
    fill_months,
    last_complete_month,
    month_combo,
    run_status_text,
    select_month,
)
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import NumberEdit, value_label

PAYMENTS = (
    Column(N_("Received on"), lambda r: format_jalali(r.received_on)),
    Column(N_("Amount (Rials)"), lambda r: format_amount(r.amount)),
    Column(N_("Note"), lambda r: r.note),
)
ARRIVALS = (
    Column(N_("Received on"), lambda r: format_jalali(r.received_on)),
    Column(N_("For the month of"), lambda r: format_jalali_month(r.for_month)),
    Column(N_("Amount (Rials)"), lambda r: format_amount(r.amount)),
)
COSTS = (
    Column(N_("Kind"), lambda c: CostKind(c.kind).label),
    Column(N_("Amount (Rials)"), lambda c: format_amount(c.amount)),
    Column(N_("Note"), lambda c: c.note),
)
DEDUCTIONS = (
    Column(N_("Beneficiary"), lambda d: d.full_name),
    Column(N_("National code"), lambda d: to_persian_digits(d.national_code)),
    Column(N_("Amount (Rials)"), lambda d: format_amount(d.amount)),
    Column(N_("Reason"), lambda d: d.reason),
)


class EntryBox(QGroupBox):
    """A titled table of one kind of entry, with its add and remove buttons."""

    def __init__(self, title: str, columns, kind: str | None, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.kind = kind
        self.model = RecordTableModel(columns)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(tr("Add…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.remove_button.setToolTip(tr("Remove an entry typed by mistake, while the month "
                                         "is open"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.remove_button.setVisible(kind is not None)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def chosen(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None


class MonthTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.may_edit = can(actor, Permission.MANAGE_SOLAR)
        self.plant: PlantRecord | None = None
        self.sheet: MonthSheet | None = None
        self.dialog: QWidget | None = None
        self.prompt: QMessageBox | None = None
        self.month = month_combo(today(), today(), self)
        self.month.currentIndexChanged.connect(lambda _i: self.read_month())
        self.badge = QLabel(self)
        self.production = NumberEdit(self, max_length=11)
        self.production.setMaximumWidth(140)
        self.save_production = QPushButton(tr("Save the production"), self)
        self.save_production.setAutoDefault(False)
        self.save_production.clicked.connect(self.save_kwh)
        self.production_error = FieldError(self)
        self.figures = {key: value_label(self) for key in (
            "tariff", "invoiced", "paid", "arrear", "costs", "run")}
        self.payments = EntryBox(tr("Payments for this month"), PAYMENTS, "receipt", self)
        self.arrivals = EntryBox(tr("Payments received in this month, for any month"),
                                 ARRIVALS, None, self)
        self.costs = EntryBox(tr("Costs of the plant"), COSTS, "cost", self)
        self.deductions = EntryBox(tr("Deductions from beneficiaries"), DEDUCTIONS,
                                   "deduction", self)
        self.arrivals.add_button.hide()
        for box, dialog in ((self.payments, ReceiptDialog), (self.costs, CostDialog),
                            (self.deductions, DeductionDialog)):
            box.add_button.clicked.connect(lambda _c=False, d=dialog: self.open_entry(d))
            box.remove_button.clicked.connect(lambda _c=False, b=box: self.remove(b))
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Production (kWh)"), self))
        top.addWidget(self.production)
        top.addWidget(self.save_production)
        grid = QGridLayout()
        for index, (key, label) in enumerate((
                ("tariff", tr("Tariff")), ("invoiced", tr("Invoiced")),
                ("paid", tr("Paid for the month")), ("arrear", tr("Arrear")),
                ("costs", tr("Costs")), ("run", tr("Allocation")))):
            grid.addWidget(QLabel(label, self), index // 3, (index % 3) * 2)
            grid.addWidget(self.figures[key], index // 3, (index % 3) * 2 + 1)
        self.figures["arrear"].setObjectName("total")
        boxes = QGridLayout()
        boxes.addWidget(self.payments, 0, 0)
        boxes.addWidget(self.arrivals, 0, 1)
        boxes.addWidget(self.costs, 1, 0)
        boxes.addWidget(self.deductions, 1, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.production_error)
        column.addLayout(grid)
        column.addLayout(boxes, 1)

    def show_plant(self, plant: PlantRecord) -> None:
        first = self.plant is None
        self.plant = plant
        fill_months(self.month, plant.commissioned_on, today())
        if first:
            self.month.blockSignals(True)
            select_month(self.month, last_complete_month())
            self.month.blockSignals(False)
        self.read_month()

    def show_month(self, month: dt.date) -> None:
        select_month(self.month, month)

    def read_month(self) -> None:
        if self.plant is None:
            return
        sheet = month_sheet(self.db, self.actor, self.plant.id, self.month.currentData())
        self.sheet = sheet
        self.production.setValue(sheet.production_kwh)
        self.production_error.clear_message()
        f = self.figures
        f["tariff"].setText(tr("{rate} Rials per kWh", rate=format_amount(sheet.tariff))
                            if sheet.tariff else "—")
        f["invoiced"].setText(format_rials(sheet.invoiced))
        f["paid"].setText(tr("{paid} in {count} payments", paid=format_rials(sheet.paid),
                             count=to_persian_digits(len(sheet.payments))))
        f["arrear"].setText(format_rials(sheet.arrear))
        f["costs"].setText(format_rials(sheet.total_costs))
        f["run"].setText(run_status_text(sheet.run_status))
        if sheet.locked:
            self.badge.setText("🔒 " + tr("Locked: the allocation is approved"))
            self.badge.setStyleSheet(LOCK_STYLE)
        else:
            self.badge.setText(tr("Open"))
            self.badge.setStyleSheet(DRAFT_STYLE)
        self.payments.set_rows(sheet.payments)
        self.arrivals.set_rows(sheet.arrivals)
        self.costs.set_rows(sheet.costs)
        self.deductions.set_rows(sheet.deductions)
        writable = self.may_edit and not sheet.locked
        self.production.setReadOnly(not writable)
        self.save_production.setVisible(writable)
        for box in (self.payments, self.costs, self.deductions):
            box.add_button.setVisible(writable)
            box.remove_button.setVisible(writable)

    def save_kwh(self) -> bool:
        assert self.plant is not None
        try:
            kwh = self.production.value()
            if kwh is None:
                raise ValueError(tr("Enter the production in kWh."))
        except ValueError as wrong:
            self.production_error.show_message(str(wrong))
            return False
        try:
            record_production(self.db, self.actor, self.plant.id, self.month.currentData(), kwh)
        except KarsazError as error:
            self.production_error.show_message(error.message)
            return False
        self.changed.emit()
        return True

    def open_entry(self, kind) -> None:
        assert self.plant is not None
        dialog = kind(self.db, self.actor, self.plant, self.month.currentData(), self)
        dialog.saved.connect(lambda _sheet: self.changed.emit())
        self.dialog = dialog
        dialog.open()

    def remove(self, box: EntryBox) -> None:
        """Asks first: the entry goes, and the month's figures with it."""
        entry = box.chosen()
        if entry is None or box.kind is None:
            return
        self.prompt = ask(self, tr("Remove the entry"), tr(
            "Remove this entry of {amount} Rials? Do this only for one typed by mistake.",
            amount=format_amount(entry.amount)), (
            (tr("Remove"), QMessageBox.ButtonRole.DestructiveRole,
             lambda: self._remove(box.kind, entry.id)),
            (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)),
            icon=QMessageBox.Icon.Warning)

    def _remove(self, kind: str, entry_id: int) -> None:
        try:
            remove_entry(self.db, self.actor, kind, entry_id)
        except KarsazError as error:
            self.production_error.show_message(error.message)
            return
        self.changed.emit()
