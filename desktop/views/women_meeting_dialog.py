"""A meeting of a women's group: its date, the minutes, who was present, and its numbered
decisions, each with the member who follows it up and by when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.errors import ValidationError
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.women_activity import (
    DecisionInput,
    WomenMeetingInput,
    WomenMeetingRecord,
    record_women_meeting,
    update_women_meeting,
)
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.member_checklist import MemberChecklist
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

Decision = tuple[QLineEdit, QComboBox, JalaliDateEdit]


class WomenMeetingDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, summary: WomenGroupSummary,
                 meeting: WomenMeetingRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New meeting") if meeting is None else tr("Meeting"))
        self.setMinimumWidth(720)
        self.db, self.actor, self.summary, self.meeting = db, actor, summary, meeting
        self.held_on = self.add_row(tr("Held on"), "held_on", JalaliDateEdit(self, required=True))
        self.minutes = self.add_row(tr("Minutes"), "minutes", QPlainTextEdit(self))
        self.minutes.setTabChangesFocus(True)
        self.minutes.setFixedHeight(90)
        self.present = self.add_row(tr("Present"), "present", MemberChecklist(
            summary.members, self, ticks=(tr("Present"),)))
        self.decisions: list[Decision] = []
        panel = QWidget(self)
        self.decision_grid = QGridLayout(panel)
        self.decision_grid.setContentsMargins(0, 0, 0, 0)
        for column, header in enumerate((tr("Decision"), tr("Followed up by"), tr("Due on"))):
            self.decision_grid.addWidget(QLabel(header, panel), 0, column + 1)
        self.decision_grid.setColumnStretch(1, 3)
        self.decision_grid.setColumnStretch(2, 1)
        self.add_row(tr("Decisions"), "decisions", panel)
        self.add_decision_button = QPushButton(tr("Add a decision"), self)
        self.add_decision_button.setAutoDefault(False)
        self.add_decision_button.clicked.connect(lambda: self.add_decision())
        self.form.addRow("", self.add_decision_button)
        if meeting is None:
            self.held_on.setDate(today())
            self.add_decision()
        else:
            self.held_on.setDate(meeting.held_on)
            self.minutes.setPlainText(meeting.minutes)
            self.present.tick(meeting.present)
            for decision in meeting.decisions:
                self.add_decision(decision.text, decision.responsible_id, decision.due_on)
            if not meeting.decisions:
                self.add_decision()

    def add_decision(self, text: str = "", responsible_id: int | None = None,
                     due_on=None) -> Decision:
        panel = self.decision_grid.parentWidget()
        row = len(self.decisions) + 1
        line = QLineEdit(text, panel)
        who = choice_combo([(m.id, m.full_name) for m in self.summary.active_members
                            or self.summary.members], panel)
        select_data(who, responsible_id)
        due = JalaliDateEdit(panel)
        due.setDate(due_on)
        self.decision_grid.addWidget(QLabel(to_persian_digits(row), panel), row, 0)
        self.decision_grid.addWidget(self.errors.wrap(f"decision.{row - 1}", line), row, 1)
        self.decision_grid.addWidget(who, row, 2)
        self.decision_grid.addWidget(due, row, 3)
        self.decisions.append((line, who, due))
        return self.decisions[-1]

    def local_errors(self) -> dict[str, str]:
        errors = {} if self.held_on.is_valid() else {"held_on": self.held_on.error_message()}
        for index, (_line, _who, due) in enumerate(self.decisions):
            if not due.is_valid():
                errors[f"decision.{index}"] = due.error_message()
        return errors

    def submit(self) -> WomenMeetingRecord:
        # Lines left empty are not decisions; the service numbers those written, and its
        # messages are placed back beside the line they came from.
        written = [index for index, (line, _who, _due) in enumerate(self.decisions)
                   if line.text().strip()]
        data = WomenMeetingInput(
            held_on=self.held_on.date(), minutes=self.minutes.toPlainText(),
            present=self.present.ticked(),
            decisions=tuple(DecisionInput(line.text(), combo_value(who), due.date())
                            for line, who, due in (self.decisions[i] for i in written)))
        try:
            if self.meeting is None:
                return record_women_meeting(self.db, self.actor, self.summary.group.id, data)
            return update_women_meeting(self.db, self.actor, self.meeting.id, data,
                                        version=self.meeting.version)
        except ValidationError as error:
            error.errors = {_placed(key, written): message
                            for key, message in error.errors.items()}
            raise


def _placed(key: str, written: list[int]) -> str:
    """``decision.N`` of the decisions sent, as the line of the dialog it was written on."""
    name, _, number = key.partition(".")
    if name == "decision" and number.isdigit() and int(number) < len(written):
        return f"decision.{written[int(number)]}"
    return key
