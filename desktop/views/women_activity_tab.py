"""What a women's group does together besides selling: its trainings and courses, with who
attended and who earned the certificate, and its meetings, with minutes and decisions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.domain.women_groups import TrainingKind
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.women_activity import (
    TrainingRecord,
    WomenMeetingRecord,
    delete_training,
    delete_women_meeting,
)
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.group_words import percent
from desktop.views.record_list_box import RecordListBox
from desktop.views.record_table import Column
from desktop.views.training_dialog import TrainingDialog
from desktop.views.women_meeting_dialog import WomenMeetingDialog


def _dates(t: TrainingRecord) -> str:
    if t.ends_on == t.starts_on:
        return format_jalali(t.starts_on)
    return tr("{start} to {end}", start=format_jalali(t.starts_on), end=format_jalali(t.ends_on))


def _decisions(m: WomenMeetingRecord) -> str:
    return "\n".join(f"{to_persian_digits(d.number)}. {d.text}"
                     + (f" — {d.responsible_name}" if d.responsible_name else "")
                     + (f" ({format_jalali(d.due_on)})" if d.due_on else "")
                     for d in m.decisions)


TRAINING_COLUMNS = (
    Column(N_("Title"), lambda t: t.title),
    Column(N_("Kind"), lambda t: TrainingKind(t.kind).label),
    Column(N_("Provider"), lambda t: t.provider),
    Column(N_("Dates"), _dates),
    Column(N_("Hours"), lambda t: to_persian_digits(t.hours)),
    Column(N_("Attended"), lambda t: tr("{count} of {members}",
                                        count=to_persian_digits(len(t.attendees)),
                                        members=to_persian_digits(t.members)),
           tip=lambda t: "، ".join(a.name for a in t.attendees)),
    Column(N_("Certificates"), lambda t: to_persian_digits(
        sum(1 for a in t.attendees if a.certified))),
)
MEETING_COLUMNS = (
    Column(N_("Held on"), lambda m: format_jalali(m.held_on)),
    Column(N_("Minutes"), lambda m: m.minutes.replace("\n", " "), tip=lambda m: m.minutes),
    Column(N_("Present"), lambda m: tr("{count} of {members}",
                                       count=to_persian_digits(len(m.present)),
                                       members=to_persian_digits(m.members))),
    Column(N_("Attendance"), lambda m: percent(len(m.present) / m.members) if m.members
           else "—"),
    Column(N_("Decisions"), lambda m: to_persian_digits(len(m.decisions)), tip=_decisions),
)


class WomenActivityTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.summary: WomenGroupSummary | None = None
        self.trainings = RecordListBox(
            tr("Trainings and courses"), TRAINING_COLUMNS, self, add_text=tr("Add a training"),
            open_dialog=lambda t: TrainingDialog(db, actor, self._summary(), t, self),
            delete=lambda t: delete_training(db, actor, t.id),
            delete_question=tr("Delete this training and its attendance?"))
        self.meetings = RecordListBox(
            tr("Meetings"), MEETING_COLUMNS, self, add_text=tr("Record a meeting"),
            open_dialog=lambda m: WomenMeetingDialog(db, actor, self._summary(), m, self),
            delete=lambda m: delete_women_meeting(db, actor, m.id),
            delete_question=tr("Delete this meeting with its minutes and decisions?"),
            stretch=1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for box in (self.trainings, self.meetings):
            box.changed.connect(self.changed.emit)
            box.conflict.connect(self.conflict.emit)
            splitter.addWidget(box)
        QVBoxLayout(self).addWidget(splitter)

    def _summary(self) -> WomenGroupSummary:
        assert self.summary is not None
        return self.summary

    def show_group(self, summary: WomenGroupSummary) -> None:
        self.summary = summary
        editable = summary.group.editable
        self.trainings.show_records(summary.trainings, editable, tr(
            "{count} members trained", count=to_persian_digits(summary.members_trained)))
        attendance = summary.meeting_attendance
        self.meetings.show_records(summary.meetings, editable, tr(
            "Attendance in the last 12 months: {value}",
            value=percent(attendance) if attendance is not None else "—"))
