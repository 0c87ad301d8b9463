"""«تشکیل پرونده»: a client's new case at «شناسایی و معرفی», with who referred them."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import ReferralSource
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services import cases
from desktop.services.case_records import CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.case_job_fields import program_combo
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class OpenCaseDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, client_id: int, client_name: str,
                 facilitators: list[cases.Facilitator], programs: list[ProgramRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Open a case"), save_text=tr("Open the case"))
        self.db, self.actor, self.client_id = db, actor, client_id
        self.set_intro(tr("A new employment case for {name}, at «{stage}».", name=client_name,
                          stage=tr("Identification and referral")))
        self.opened_on = self.add_row(tr("Referral date"), "opened_on",
                                      JalaliDateEdit(self, required=True))
        self.opened_on.setDate(today())
        self.referral_source = self.add_row(tr("Referred by (who)"), "referral_source",
                                            choice_combo(ReferralSource.choices(), self))
        self.referred_by = self.add_row(tr("Name of the referrer"), "referred_by",
                                        QLineEdit(self))
        # A facilitator opens cases for themselves; a county expert chooses whose case it is.
        self.facilitator = choice_combo([(f.id, f.full_name) for f in facilitators], self,
                                        empty=tr("No facilitator"))
        if can(actor, Permission.EDIT_ANY_CASE):
            self.add_row(tr("Job facilitator"), "facilitator_id", self.facilitator)
        else:
            self.facilitator.hide()
        self.program = self.add_row(tr("Funding program"), "program_id",
                                    program_combo(programs, None, self))
        self.notes = self.add_row(tr("Notes"), "notes", QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

    def local_errors(self) -> dict[str, str]:
        if not self.opened_on.is_valid():
            return {"opened_on": self.opened_on.error_message()}
        return {}

    def submit(self) -> CaseRecord:
        return cases.open_case(
            self.db, self.actor, self.client_id, opened_on=self.opened_on.date(),
            referral_source=combo_value(self.referral_source) or "",
            referred_by=self.referred_by.text(), facilitator_id=combo_value(self.facilitator),
            program_id=combo_value(self.program), notes=self.notes.toPlainText())
