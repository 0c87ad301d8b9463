"""The small records of a plant's month: a payment received from the buyer (for which month it
pays), a cost of the plant, and a deduction from one beneficiary's payout."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import CostKind, month_last_day
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali_month
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.solar_months import (
    CostInput,
    DeductionInput,
    MonthSheet,
    ReceiptInput,
    add_cost,
    add_deduction,
    add_receipt,
)
from desktop.services.solar_plants import PlantRecord
from desktop.services.solar_shares import shares_of_plant
from desktop.views.service_dialog import ServiceDialog
from desktop.views.solar_words import month_combo, select_month
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit


class _EntryDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, plant: PlantRecord, month: dt.date,
                 title: str, parent: QWidget | None) -> None:
        super().__init__(parent, title)
        self.db, self.actor, self.plant, self.month = db, actor, plant, month
        self.amount = MoneyEdit(self, required=True)

    def local_errors(self) -> dict[str, str]:
        return {} if self.amount.is_valid() else {"amount": self.amount.error_message()}


class ReceiptDialog(_EntryDialog):
    """A payment from the buyer: the day it came and the month it pays for (a late payment of
    an earlier month is allocated with that month's weights)."""

    def __init__(self, db: Database, actor: Actor, plant: PlantRecord, month: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, plant, month, tr("Payment received"), parent)
        self.received_on = self.add_row(tr("Received on"), "received_on",
                                        JalaliDateEdit(self, required=True))
        self.for_month = self.add_row(tr("Pays for the month of"), "for_month", month_combo(
            plant.commissioned_on, today(), self))
        self.add_row(tr("Amount"), "amount", self.amount)
        self.note = self.add_row(tr("Note"), "note", QLineEdit(self))
        self.received_on.setDate(min(month_last_day(month), today()))
        select_month(self.for_month, month)

    def local_errors(self) -> dict[str, str]:
        errors = super().local_errors()
        if not self.received_on.is_valid():
            errors["received_on"] = self.received_on.error_message()
        return errors

    def submit(self) -> MonthSheet:
        return add_receipt(self.db, self.actor, self.plant.id, ReceiptInput(
            self.received_on.date(), self.for_month.currentData(), self.amount.amount() or 0,
            self.note.text()))


class CostDialog(_EntryDialog):
    def __init__(self, db: Database, actor: Actor, plant: PlantRecord, month: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, plant, month, tr("Cost of {month}", month=(
            format_jalali_month(month))), parent)
        self.kind = self.add_row(tr("Kind of cost"), "kind", choice_combo(
            [(k, label) for k, label in CostKind.choices() if k != CostKind.SHORTFALL], self))
        self.add_row(tr("Amount"), "amount", self.amount)
        self.note = self.add_row(tr("Note"), "note", QLineEdit(self))

    def submit(self) -> MonthSheet:
        return add_cost(self.db, self.actor, self.plant.id, CostInput(
            self.month, combo_value(self.kind) or "", self.amount.amount() or 0,
            self.note.text()))


class DeductionDialog(_EntryDialog):
    """Taken from one beneficiary's payout of the month (a loan instalment, say); what the
    payout cannot cover is carried as their debt."""

    def __init__(self, db: Database, actor: Actor, plant: PlantRecord, month: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, plant, month, tr("Deduction from {month}", month=(
            format_jalali_month(month))), parent)
        self.client = self.add_row(tr("Beneficiary"), "client_id", QComboBox(self))
        seen: set[int] = set()
        for share in shares_of_plant(db, actor, plant.id):
            if share.client_id not in seen and share.starts_on <= month_last_day(month):
                seen.add(share.client_id)
                self.client.addItem(f"{share.full_name} "
                                    f"({to_persian_digits(share.national_code)})",
                                    share.client_id)
        self.add_row(tr("Amount"), "amount", self.amount)
        self.reason = self.add_row(tr("Reason"), "reason", QLineEdit(self))
        self.reason.setPlaceholderText(tr("e.g. a loan instalment"))

    def submit(self) -> MonthSheet:
        return add_deduction(self.db, self.actor, self.plant.id, DeductionInput(
            self.month, self.client.currentData() or 0, self.amount.amount() or 0,
            self.reason.text()))
