"""«بستن پرونده»: ending a case before stabilisation, with the reason and its date."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import CloseReason
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import cases
from desktop.services.case_records import CaseRecord
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class CloseCaseDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, case: CaseRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Close the case"), save_text=tr("Close the case"))
        self.db, self.actor, self.case = db, actor, case
        self.set_intro(tr("The case of {name} ends at «{stage}». Its history is kept; a new "
                          "case can be opened later.", name=case.client_name,
                          stage=case.stage_enum.label))
        self.on_date = self.add_row(tr("Closing date"), "on_date",
                                    JalaliDateEdit(self, required=True))
        self.on_date.setDate(today())
        self.reason = self.add_row(tr("Reason"), "reason",
                                   choice_combo(CloseReason.choices(), self))
        self.note = self.add_row(tr("Note"), "note", QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)

    def local_errors(self) -> dict[str, str]:
        if not self.on_date.is_valid():
            return {"on_date": self.on_date.error_message()}
        return {}

    def submit(self) -> CaseRecord:
        return cases.close_case(self.db, self.actor, self.case.id, version=self.case.version,
                                on_date=self.on_date.date(),
                                reason=combo_value(self.reason) or "",
                                note=self.note.toPlainText())
