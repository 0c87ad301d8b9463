"""A correction of an approved month «اصلاحیه»: an amount (negative takes money back) with its
reason, allocated with the approved month's weights in the run of a later, open month."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import next_month
from desktop.fa.jalali import format_jalali_month
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.solar_run_records import RunRecord
from desktop.services.solar_runs import CorrectionInput, add_correction
from desktop.views.service_dialog import ServiceDialog
from desktop.views.solar_words import last_complete_month, month_combo, select_month
from desktop.views.widgets.money_edit import MoneyEdit


class CorrectionDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, run: RunRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Correction of {month}", month=format_jalali_month(
            run.month)), save_text=tr("Record the correction"))
        self.db, self.actor, self.run = db, actor, run
        self.set_intro(tr("The allocation of {month} for {plant} is approved and stays as it "
                          "is. The correction is shared with that month's weights in the run "
                          "of the month chosen here.", month=format_jalali_month(run.month),
                          plant=run.plant_name))
        later = next_month(run.month)
        self.month = self.add_row(tr("Allocated in the month of"), "month", month_combo(
            later, max(later, today()), self))
        select_month(self.month, max(later, last_complete_month()))
        self.amount = self.add_row(tr("Amount"), "amount", MoneyEdit(self, required=True))
        self.take_back = self.add_row("", "take_back", QCheckBox(
            tr("Take this amount back (it was paid in excess)"), self))
        self.reason = self.add_row(tr("Reason"), "reason", QLineEdit(self))

    def local_errors(self) -> dict[str, str]:
        return {} if self.amount.is_valid() else {"amount": self.amount.error_message()}

    def submit(self) -> RunRecord:
        amount = self.amount.amount() or 0
        if self.take_back.isChecked():
            amount = -amount
        return add_correction(self.db, self.actor, self.run.plant_id, CorrectionInput(
            self.month.currentData(), self.run.month, amount, self.reason.text()))
