"""«گذر از مرحله»: the administrator moves a case past stages it did not go through, with the
reason written into its history."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import PATHWAY, Stage
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import cases
from desktop.services.case_records import CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.advance_case_dialog import needs
from desktop.views.case_job_fields import JobFields
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class SkipStageDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, case: CaseRecord,
                 programs: list[ProgramRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Skip stages"), save_text=tr("Skip to this stage"))
        self.db, self.actor, self.case = db, actor, case
        current = case.stage_enum
        self.set_intro(tr("The case is at «{stage}». Moving it past a stage is the "
                          "administrator's decision; the reason stays in its history.",
                          stage=current.label))
        later = [(s.value, s.label) for s in PATHWAY if s.order > current.order]
        self.target = self.add_row(tr("Move to stage"), "target",
                                   choice_combo(later, self, empty=None))
        self.on_date = self.add_row(tr("Date"), "on_date", JalaliDateEdit(self, required=True))
        self.on_date.setDate(today())
        self.job = JobFields(self.errors, programs, self, form=self.form)
        self.job.load(case)
        if case.job_start_date is None:
            self.job.job_start_date.setDate(today())
        self.reason = self.add_row(tr("Reason"), "note", QPlainTextEdit(self))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(tr("Why this case does not go through the stages"))
        self.target.currentIndexChanged.connect(self._target_changed)
        # Passing over one stage is the usual case: offer the stage after the next.
        self.target.setCurrentIndex(min(1, self.target.count() - 1))
        self._target_changed()

    def target_stage(self) -> Stage:
        return Stage(combo_value(self.target))

    def _target_changed(self) -> None:
        model, job = needs(self.target_stage())
        self.job.show_parts(model=model, job=job)
        self.adjustSize()

    def local_errors(self) -> dict[str, str]:
        errors = self.job.local_errors() if self.job.job_part else {}
        if not self.on_date.is_valid():
            errors["on_date"] = self.on_date.error_message()
        return errors

    def submit(self) -> CaseRecord:
        parts = self.job.model_part or self.job.job_part
        details = cases.CaseDetails(**self.job.values()) if parts else None
        return cases.skip_to_stage(self.db, self.actor, self.case.id, self.target_stage(),
                                   version=self.case.version, on_date=self.on_date.date(),
                                   reason=self.reason.toPlainText(), details=details)
