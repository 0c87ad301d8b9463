"""The employment model and job details of a case: on the case tab, and in the dialogs of the
stages that need them («اتصال به الگوی اشتغال» needs the model, «ایجاد اشتغال» the job)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.domain.pathway import EmploymentKind, EmploymentModel, Sector
from desktop.i18n import tr
from desktop.services.case_records import CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.widgets.choices import (
    choice_combo,
    combo_bool,
    combo_value,
    select_bool,
    select_data,
    yes_no_combo,
)
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


def program_combo(programs: list[ProgramRecord], current_id: int | None,
                  parent: QWidget | None = None) -> QComboBox:
    """Active programs, plus the case's own program if it has been retired since."""
    shown = [p for p in programs if p.active or p.id == current_id]
    combo = choice_combo([(p.id, p.name) for p in shown], parent)
    select_data(combo, current_id)
    return combo


class JobFields(QWidget):
    """``model`` shows the model and program rows, ``job`` the job's own details. The rows go
    into ``form`` when given (a dialog's own form, so that every label lines up), else into
    this widget."""

    def __init__(self, errors: FieldErrors, programs: list[ProgramRecord],
                 parent: QWidget | None = None, *, form: QFormLayout | None = None,
                 model: bool = True, job: bool = True) -> None:
        super().__init__(parent)
        self.employment_model = choice_combo(EmploymentModel.choices(), self)
        self.program = program_combo(programs, None, self)
        self.employment_kind = choice_combo(EmploymentKind.choices(), self)
        self.job_title = QLineEdit(self)
        self.job_sector = choice_combo(Sector.choices(), self)
        self.job_urban = yes_no_combo(self, yes=tr("Urban"), no=tr("Rural"))
        self.job_start_date = JalaliDateEdit(self)
        self.employer_name = QLineEdit(self)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        else:
            self.hide()  # only a holder: its rows live in the owner's form
        self.form = form
        self._rows: dict[QWidget, QWidget] = {}
        for label, name, field in (
                (tr("Employment model"), "employment_model", self.employment_model),
                (tr("Funding program"), "program_id", self.program),
                (tr("Job title"), "job_title", self.job_title),
                (tr("Sector"), "job_sector", self.job_sector),
                (tr("Urban or rural"), "job_urban", self.job_urban),
                (tr("Created or stabilising"), "employment_kind", self.employment_kind),
                (tr("Job start date"), "job_start_date", self.job_start_date),
                (tr("Employer"), "employer_name", self.employer_name)):
            self._rows[field] = errors.wrap(name, field)
            self.form.addRow(label, self._rows[field])
        self.model_part, self.job_part = model, job
        self.employment_model.currentIndexChanged.connect(self._show_rows)
        self.show_parts(model=model, job=job)

    def show_parts(self, *, model: bool, job: bool) -> None:
        """The model and program rows, the job rows, or both."""
        self.model_part, self.job_part = model, job
        self._show_rows()

    def _show_rows(self) -> None:
        # An employer's name belongs only to an employer-based job.
        employer = combo_value(self.employment_model) == EmploymentModel.EMPLOYER_BASED
        model_rows = (self.employment_model, self.program)
        for field, row in self._rows.items():
            shown = self.model_part if field in model_rows else self.job_part
            if field is self.employer_name:
                shown = shown and employer
            self.form.setRowVisible(row, shown)

    def ordered(self) -> list[QWidget]:
        """Every field, in the order the rows read."""
        return list(self._rows)

    def fields(self) -> list[QWidget]:
        """The rows shown, in keyboard order."""
        return [field for field, row in self._rows.items() if not row.isHidden()]

    def load(self, case: CaseRecord | None) -> None:
        current_program = case.program_id if case else None
        if current_program is not None and self.program.findData(current_program) < 0:
            self.program.addItem(case.program_name if case else "", current_program)
        select_data(self.program, current_program)
        select_data(self.employment_model, case.employment_model if case else None)
        select_data(self.employment_kind, case.employment_kind if case else None)
        select_data(self.job_sector, case.job_sector if case else None)
        select_bool(self.job_urban, case.job_urban if case else None)
        self.job_title.setText(case.job_title if case else "")
        self.job_start_date.setDate(case.job_start_date if case else None)
        self.employer_name.setText(case.employer_name if case else "")
        self._show_rows()

    def values(self) -> dict[str, object]:
        """The shown parts, as CaseDetails keyword arguments (None leaves a value as it is)."""
        values: dict[str, object] = {}
        if self.model_part:
            values.update(employment_model=combo_value(self.employment_model),
                          program_id=combo_value(self.program))
        if self.job_part:
            employer = combo_value(self.employment_model) == EmploymentModel.EMPLOYER_BASED
            values.update(
                employment_kind=combo_value(self.employment_kind),
                job_title=self.job_title.text(), job_sector=combo_value(self.job_sector),
                job_urban=combo_bool(self.job_urban),
                job_start_date=self.job_start_date.date(),
                employer_name=self.employer_name.text() if employer else "")
        return values

    def local_errors(self) -> dict[str, str]:
        if self.job_part and not self.job_start_date.is_valid():
            return {"job_start_date": self.job_start_date.error_message()}
        return {}

    def state(self) -> tuple[object, ...]:
        return (self.employment_model.currentIndex(), self.program.currentIndex(),
                self.employment_kind.currentIndex(), self.job_title.text(),
                self.job_sector.currentIndex(), self.job_urban.currentIndex(),
                self.job_start_date.line.text(), self.employer_name.text())

    def setReadOnly(self, read_only: bool) -> None:
        for combo in (self.employment_model, self.program, self.employment_kind,
                      self.job_sector, self.job_urban):
            combo.setEnabled(not read_only)
        for line in (self.job_title, self.employer_name):
            line.setReadOnly(read_only)
        self.job_start_date.setReadOnly(read_only)

