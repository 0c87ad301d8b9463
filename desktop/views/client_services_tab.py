"""The services tab (خدمات و حمایت‌ها): what the case received, with amounts and the total."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.benefits import BenefitKind
from desktop.errors import ConflictError, KarsazError
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials, tomans_in_words
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services import benefits
from desktop.services.case_records import BenefitRecord, CaseRecord
from desktop.services.programs import ProgramRecord
from desktop.views.benefit_dialog import BenefitDialog
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel


def benefit_details(b: BenefitRecord) -> str:
    if b.kind == BenefitKind.TRAINING_COURSE:
        parts = [b.training_title, tr("{hours} hours", hours=b.training_hours or 0),
                 b.training_provider,
                 tr("completed") if b.training_completed else tr("not completed")]
        return " — ".join(p for p in parts if p)
    if b.months:
        return tr("{months} months", months=b.months)
    return ""


class ServicesTab(QWidget):
    caseModified = Signal(int)    # the case whose services changed: the form reloads it
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, programs: list[ProgramRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.programs = db, actor, programs
        names = {p.id: p.name for p in programs}
        self.case: CaseRecord | None = None
        self.dialog: BenefitDialog | None = None
        self.question: QMessageBox | None = None
        self.model = RecordTableModel((
            Column(N_("Kind of service"), lambda b: BenefitKind(b.kind).label),
            Column(N_("Date"), lambda b: format_jalali(b.given_on)),
            # A course with no fee shows no amount rather than «۰ ریال».
            Column(N_("Amount"), lambda b: format_rials(b.amount) if b.amount else "—",
                   tip=lambda b: tomans_in_words(b.amount)),
            Column(N_("Funding program"), lambda b: names.get(b.program_id or 0, "")),
            Column(N_("Details"), benefit_details),
            Column(N_("Notes"), lambda b: b.notes, tip=lambda b: b.notes),
        ))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.notice = QLabel(self)
        self.notice.setObjectName("caseNotice")
        self.add_button = self._button(tr("Add a service"), self.add)
        self.edit_button = self._button(tr("Edit"), self.edit)
        self.delete_button = self._button(tr("Delete"), self.delete)
        self.total = QLabel(self)
        self.total.setObjectName("total")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.notice)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        column.addWidget(self.total)
        self.view.selectionModel().selectionChanged.connect(self._offer_actions)
        self.show_case(None)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def editable(self) -> bool:
        return bool(self.case and self.case.editable and self.case.is_open)

    def show_case(self, case: CaseRecord | None) -> None:
        self.case = case
        self.model.set_rows(case.benefits if case else ())
        self.view.resizeColumnsToContents()
        total = case.benefits_total if case else 0
        self.total.setText(tr("Total of {count} services: {amount} ({words})",
                              count=len(case.benefits) if case else 0,
                              amount=format_rials(total), words=tomans_in_words(total)))
        self.notice.setText("" if case else tr("Services are recorded on a case; open a case "
                                               "on the case tab first."))
        self.notice.setVisible(case is None)
        self._offer_actions()

    def selected(self) -> BenefitRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _offer_actions(self) -> None:
        editable = self.editable()
        self.add_button.setVisible(editable)
        self.add_button.setEnabled(editable)
        for button in (self.edit_button, self.delete_button):
            button.setVisible(editable)
            button.setEnabled(editable and self.selected() is not None)

    def _open(self, benefit: BenefitRecord | None) -> None:
        assert self.case is not None
        self.dialog = BenefitDialog(self.db, self.actor, self.case, self.programs, benefit, self)
        case_id = self.case.id
        self.dialog.saved.connect(lambda _record: self.caseModified.emit(case_id))
        self.dialog.conflicted.connect(self.conflict.emit)
        self.dialog.open()

    def add(self) -> None:
        if self.editable():
            self._open(None)

    def edit(self) -> None:
        if self.editable() and self.selected() is not None:
            self._open(self.selected())

    def delete(self) -> None:
        benefit = self.selected()
        if benefit is None or not self.editable():
            return
        self.question = ask(
            self, tr("Delete service"),
            tr("Delete «{kind}» of {date}? Its record stays in the audit trail.",
               kind=BenefitKind(benefit.kind).label, date=format_jalali(benefit.given_on)),
            ((tr("Delete"), QMessageBox.ButtonRole.DestructiveRole,
              lambda: self._delete(benefit)),
             (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)))

    def _delete(self, benefit: BenefitRecord) -> None:
        try:
            benefits.delete_benefit(self.db, self.actor, benefit.id, version=benefit.version)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return
        except KarsazError as error:
            self.notice.setText(error.message)
            self.notice.show()
            return
        self.caseModified.emit(benefit.case_id)

