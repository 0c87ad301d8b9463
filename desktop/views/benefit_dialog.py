"""A service or benefit of a case: a loan, grant, insurance share, subsidy or training course."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.benefits import BenefitKind
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import benefits
from desktop.services.case_records import BenefitRecord, CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.case_job_fields import program_combo
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import NumberEdit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit

# Insurance shares and subsidies are paid for a number of months.
MONTHLY = (BenefitKind.SELF_INSURANCE, BenefitKind.EMPLOYER_INSURANCE,
           BenefitKind.WAGE_SUBSIDY, BenefitKind.EFFICIENCY_SUBSIDY)
TRAINING_ROWS = ("training_title", "training_hours", "training_provider", "training_completed")


class BenefitDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, case: CaseRecord,
                 programs: list[ProgramRecord], benefit: BenefitRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New service") if benefit is None else tr("Edit service"))
        self.db, self.actor, self.case, self.benefit = db, actor, case, benefit
        self.kind = self.add_row(tr("Kind of service"), "kind",
                                 choice_combo(BenefitKind.choices(), self))
        self.given_on = self.add_row(tr("Date"), "given_on", JalaliDateEdit(self, required=True))
        self.amount = self.add_row(tr("Amount"), "amount", MoneyEdit(self))
        self.program = self.add_row(tr("Funding program"), "program_id", program_combo(
            programs, benefit.program_id if benefit else case.program_id, self))
        self.months = self.add_row(tr("Months"), "months", NumberEdit(self, max_length=3))
        self.training_title = self.add_row(tr("Course title"), "training_title", QLineEdit(self))
        self.training_hours = self.add_row(tr("Hours"), "training_hours",
                                           NumberEdit(self, max_length=4))
        self.training_provider = self.add_row(tr("Given by"), "training_provider",
                                              QLineEdit(self))
        self.training_completed = self.add_row("", "training_completed",
                                               QCheckBox(tr("Course completed"), self))
        self.notes = self.add_row(tr("Notes"), "notes", QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        if benefit is None:
            self.given_on.setDate(today())
        else:
            select_data(self.kind, benefit.kind)
            self.given_on.setDate(benefit.given_on)
            self.amount.setAmount(benefit.amount)
            self.months.setValue(benefit.months)
            self.training_title.setText(benefit.training_title)
            self.training_hours.setValue(benefit.training_hours)
            self.training_provider.setText(benefit.training_provider)
            self.training_completed.setChecked(bool(benefit.training_completed))
            self.notes.setPlainText(benefit.notes)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        code = combo_value(self.kind)
        kind = BenefitKind(code) if code else None
        for name in TRAINING_ROWS:
            self.show_row(name, kind is BenefitKind.TRAINING_COURSE)
        self.show_row("months", kind in MONTHLY)
        self.adjustSize()

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.given_on.is_valid():
            errors["given_on"] = self.given_on.error_message()
        if not self.amount.is_valid():
            errors["amount"] = self.amount.error_message()
        for name, edit in (("months", self.months), ("training_hours", self.training_hours)):
            try:
                edit.value()
            except ValueError as exc:
                errors[name] = str(exc)
        return errors

    def submit(self) -> BenefitRecord:
        code = combo_value(self.kind) or ""
        training = code == BenefitKind.TRAINING_COURSE
        data = benefits.BenefitInput(
            kind=code, given_on=self.given_on.date(), amount=self.amount.amount() or 0,
            program_id=combo_value(self.program),
            months=self.months.value() if code in MONTHLY else None,
            training_title=self.training_title.text() if training else "",
            training_hours=self.training_hours.value() if training else None,
            training_provider=self.training_provider.text() if training else "",
            training_completed=self.training_completed.isChecked() if training else None,
            notes=self.notes.toPlainText())
        if self.benefit is None:
            return benefits.add_benefit(self.db, self.actor, self.case.id, data)
        return benefits.update_benefit(self.db, self.actor, self.benefit.id, data,
                                       version=self.benefit.version)
