"""«تعهد سال»: the jobs the office committed to for a Jalali year, set by who manages the office."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.dashboard_commitment import commitment_of, set_commitment
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import NumberEdit


class CommitmentDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.year = db, actor, year
        self.setWindowTitle(tr("The year's commitment"))
        note = QLabel(tr("Jobs, created and stabilised together, the office committed to in "
                         "the year {year}.", year=to_persian_digits(year)), self)
        note.setWordWrap(True)
        self.jobs = NumberEdit(self, max_length=7)
        self.jobs.setValue(commitment_of(db, year))
        self.error = FieldError(self)
        form = QFormLayout()
        form.addRow(tr("Jobs committed"), self.jobs)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def save(self) -> None:
        try:
            jobs = self.jobs.value()
        except ValueError as error:
            self.error.show_message(str(error))
            return
        try:
            set_commitment(self.db, self.actor, self.year, jobs or 0)
        except KarsazError as error:
            self.error.show_message(error.message)
            return
        self.accept()
