"""Recording a monitoring visit (پایش): a scheduled one, or one outside the schedule."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import monitoring
from desktop.services.case_records import CaseRecord, VisitRecord
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import (
    choice_combo,
    combo_bool,
    combo_value,
    select_bool,
    select_data,
    yes_no_combo,
)
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit


class VisitDialog(ServiceDialog):
    """``visit`` None records an extra visit."""

    def __init__(self, db: Database, actor: Actor, case: CaseRecord,
                 visit: VisitRecord | None = None, parent: QWidget | None = None) -> None:
        title = tr("Record a visit") if visit is not None else tr("Extra visit")
        super().__init__(parent, title, save_text=tr("Record the visit"))
        self.db, self.actor, self.case, self.visit = db, actor, case, visit
        if visit is None:
            self.set_intro(tr("A visit outside the schedule of {name}'s job.",
                              name=case.client_name))
        else:
            self.set_intro(tr("Visit {number} of {name}'s job ({kind}), due {date}.",
                              number=to_persian_digits(visit.sequence), name=case.client_name,
                              kind=VisitKind(visit.kind).label, date=format_jalali(visit.due_on)))
        self.done_on = self.add_row(tr("Visit date"), "done_on",
                                    JalaliDateEdit(self, required=True))
        self.mode = self.add_row(tr("In person or remote"), "mode",
                                 choice_combo(VisitMode.choices(), self, empty=None))
        self.job_active = self.add_row(tr("Is the job active?"), "job_active",
                                       yes_no_combo(self, yes=tr("Active"), no=tr("Not active")))
        self.monthly_income = self.add_row(tr("Monthly income"), "monthly_income",
                                           MoneyEdit(self))
        self.problems = self.add_row(tr("Problems"), "problems", QPlainTextEdit(self))
        self.problems.setTabChangesFocus(True)
        self.problems.setFixedHeight(64)
        self.next_action = self.add_row(tr("Next action"), "next_action", QLineEdit(self))
        if visit is not None and visit.done:
            self.done_on.setDate(visit.done_on)
            select_data(self.mode, visit.mode)
            select_bool(self.job_active, visit.job_active)
            self.monthly_income.setAmount(visit.monthly_income)
            self.problems.setPlainText(visit.problems)
            self.next_action.setText(visit.next_action)
        else:
            self.done_on.setDate(today())

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.done_on.is_valid():
            errors["done_on"] = self.done_on.error_message()
        if combo_bool(self.job_active) is None:
            errors["job_active"] = tr("Say whether the job is still active.")
        if not self.monthly_income.is_valid():
            errors["monthly_income"] = self.monthly_income.error_message()
        return errors

    def submit(self) -> CaseRecord:
        findings = monitoring.VisitFindings(
            done_on=self.done_on.date(), mode=combo_value(self.mode) or "",
            job_active=bool(combo_bool(self.job_active)),
            monthly_income=self.monthly_income.amount(), problems=self.problems.toPlainText(),
            next_action=self.next_action.text())
        if self.visit is None:
            return monitoring.record_extra_visit(self.db, self.actor, self.case.id, findings)
        return monitoring.record_visit(self.db, self.actor, self.visit.id, findings,
                                       version=self.visit.version)
