"""A training or course of a women's group: title, kind, provider, dates and hours, the members
who attended and those who earned the certificate."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import TrainingKind
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.women_activity import (
    TrainingInput,
    TrainingRecord,
    add_training,
    update_training,
)
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.member_checklist import MemberChecklist
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import number_spin
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class TrainingDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, summary: WomenGroupSummary,
                 training: TrainingRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New training") if training is None
                         else tr("Training: {title}", title=training.title))
        self.db, self.actor, self.summary, self.training = db, actor, summary, training
        self.title = self.add_row(tr("Title"), "title", QLineEdit(self))
        self.kind = self.add_row(tr("Kind of training"), "kind",
                                 choice_combo(TrainingKind.choices(), self, empty=None))
        self.provider = self.add_row(tr("Provider"), "provider", QLineEdit(self))
        self.provider.setPlaceholderText(tr("e.g. the technical and vocational training centre"))
        self.starts_on = self.add_row(tr("Starts on"), "starts_on",
                                      JalaliDateEdit(self, required=True))
        self.ends_on = self.add_row(tr("Ends on"), "ends_on", JalaliDateEdit(self))
        self.ends_on.setToolTip(tr("Empty for a one-day training"))
        self.hours = self.add_row(tr("Hours"), "hours", number_spin(self, 1, 2000, 8))
        self.attendance = self.add_row(tr("Attendance"), "attendees", MemberChecklist(
            summary.members, self, ticks=(tr("Attended"), tr("Certificate"))))
        self.errors.alias("certified", "attendees")
        self.notes = self.add_row(tr("Notes"), "notes", QLineEdit(self))
        if training is None:
            self.starts_on.setDate(today())
        else:
            self.title.setText(training.title)
            select_data(self.kind, training.kind)
            self.provider.setText(training.provider)
            self.starts_on.setDate(training.starts_on)
            self.ends_on.setDate(training.ends_on if training.ends_on != training.starts_on
                                 else None)
            self.hours.setValue(training.hours)
            self.attendance.tick(a.member_id for a in training.attendees)
            self.attendance.tick((a.member_id for a in training.attendees if a.certified), 1)
            self.notes.setText(training.notes)

    def local_errors(self) -> dict[str, str]:
        return {name: field.error_message() for name, field in
                (("starts_on", self.starts_on), ("ends_on", self.ends_on))
                if not field.is_valid()}

    def submit(self) -> TrainingRecord:
        data = TrainingInput(
            title=self.title.text(), kind=combo_value(self.kind) or "",
            starts_on=self.starts_on.date(), hours=self.hours.value(),
            ends_on=self.ends_on.date(), provider=self.provider.text(),
            attendees=self.attendance.ticked(0), certified=self.attendance.ticked(1),
            notes=self.notes.text())
        if self.training is None:
            return add_training(self.db, self.actor, self.summary.group.id, data)
        return update_training(self.db, self.actor, self.training.id, data,
                               version=self.training.version)
