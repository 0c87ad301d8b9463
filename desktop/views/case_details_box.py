"""The details of an open case that are edited in place: facilitator, model, program, job."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import tr
from desktop.services.case_records import CaseRecord
from desktop.services.cases import CaseDetails, Facilitator
from desktop.services.programs import ProgramRecord
from desktop.views.case_job_fields import JobFields
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.form_errors import FieldErrors


class CaseDetailsBox(QGroupBox):
    def __init__(self, facilitators: list[Facilitator], programs: list[ProgramRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Case details"), parent)
        self.errors = FieldErrors(self)
        self._facilitators = facilitators
        self.facilitator = choice_combo([(f.id, f.full_name) for f in facilitators], self,
                                        empty=tr("No facilitator"))
        self.referred_by = QLineEdit(self)
        self.job = JobFields(self.errors, programs, self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.save_button = QPushButton(tr("Save case details"), self)
        self.save_button.setAutoDefault(False)
        # One form for every row, so the labels line up in one column.
        form = self.job.form
        form.insertRow(0, tr("Job facilitator"),
                       self.errors.wrap("facilitator_id", self.facilitator))
        form.insertRow(1, tr("Referred by"), self.errors.wrap("referred_by", self.referred_by))
        form.addRow(tr("Notes"), self.errors.wrap("notes", self.notes))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(self.job)
        column.addWidget(self.errors.general)
        column.addLayout(buttons)
        chain_tab_order([self.facilitator, self.referred_by, *self.job.ordered(), self.notes,
                         self.save_button])
        self.case: CaseRecord | None = None
        self._loaded_state: tuple[object, ...] = ()

    def fields(self) -> list[QWidget]:
        return [self.facilitator, self.referred_by, *self.job.fields(), self.notes,
                self.save_button]

    def load(self, case: CaseRecord | None, *, editable: bool, may_assign: bool) -> None:
        self.case = case
        current = case.facilitator_id if case else None
        if current is not None and self.facilitator.findData(current) < 0:
            # An inactive or former facilitator still shows on their old case.
            self.facilitator.addItem(case.facilitator_name if case else "", current)
        select_data(self.facilitator, current)
        self.referred_by.setText(case.referred_by if case else "")
        self.job.load(case)
        self.notes.setPlainText(case.notes if case else "")
        self.facilitator.setEnabled(editable and may_assign)
        self.referred_by.setReadOnly(not editable)
        self.job.setReadOnly(not editable)
        self.notes.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.save_button.setEnabled(editable)
        self.errors.clear()
        self._loaded_state = self.state()

    def state(self) -> tuple[object, ...]:
        return (self.facilitator.currentIndex(), self.referred_by.text(), self.job.state(),
                self.notes.toPlainText())

    def is_dirty(self) -> bool:
        return self.case is not None and self.case.editable and self.case.is_open \
            and self.state() != self._loaded_state

    def local_errors(self) -> dict[str, str]:
        return self.job.local_errors()

    def details(self) -> CaseDetails:
        chosen = combo_value(self.facilitator)
        assign: dict[str, object] = {}
        if self.facilitator.isEnabled():
            if chosen is None:
                assign["unassign_facilitator"] = bool(self.case and self.case.facilitator_id)
            else:
                assign["facilitator_id"] = chosen
        return CaseDetails(**assign, referred_by=self.referred_by.text(),
                           notes=self.notes.toPlainText(), **self.job.values())
