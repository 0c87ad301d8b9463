"""«مرحلهٔ بعد» and «تثبیت»: one step along the pathway, dated, with what that stage needs."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import Stage
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import cases
from desktop.services.case_records import CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.case_job_fields import JobFields
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


def needs(target: Stage) -> tuple[bool, bool]:
    """(model, job): what a case must hold on reaching ``target``."""
    return target.order >= Stage.MODEL.order, target.order >= Stage.JOB.order


class AdvanceCaseDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, case: CaseRecord,
                 programs: list[ProgramRecord], parent: QWidget | None = None) -> None:
        target = case.stage_enum.next()
        assert target is not None
        stabilise = target is Stage.STABILISED
        super().__init__(parent, tr("Stabilise the job") if stabilise else tr("Next stage"),
                         save_text=tr("Stabilise") if stabilise else tr("Move to this stage"))
        self.db, self.actor, self.case, self.target = db, actor, case, target
        if stabilise:
            self.set_intro(tr("Monitoring ended on {date} and the final visit found the job "
                              "active: the job of {name} is recorded as stabilised.",
                              date=format_jalali(case.horizon_on) if case.horizon_on else "",
                              name=case.client_name))
        else:
            self.set_intro(tr("From «{current}» to «{target}».", current=case.stage_enum.label,
                              target=target.label))
        self.on_date = self.add_row(tr("Date"), "on_date", JalaliDateEdit(self, required=True))
        self.on_date.setDate(today())
        model, job = needs(target)
        # Only the stage that first needs a detail asks for it; later steps keep what it holds.
        self.job = JobFields(self.errors, programs, self, form=self.form,
                             model=model and (target is Stage.MODEL or not case.employment_model),
                             job=job and target is Stage.JOB)
        self.job.load(case)
        if self.job.job_part and case.job_start_date is None:
            self.job.job_start_date.setDate(today())
        self.note = self.add_row(tr("Note"), "note", QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)

    def local_errors(self) -> dict[str, str]:
        errors = self.job.local_errors() if self.job.job_part else {}
        if not self.on_date.is_valid():
            errors["on_date"] = self.on_date.error_message()
        return errors

    def submit(self) -> CaseRecord:
        parts = self.job.model_part or self.job.job_part
        details = cases.CaseDetails(**self.job.values()) if parts else None
        return cases.advance_case(self.db, self.actor, self.case.id, version=self.case.version,
                                  on_date=self.on_date.date(), note=self.note.toPlainText(),
                                  details=details)
