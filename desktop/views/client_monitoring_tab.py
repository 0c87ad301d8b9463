"""The monitoring tab (پایش): the visit schedule of the job, what each visit found, the next
visit due and the end of monitoring; an overdue visit stands out in red."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.case_records import CaseRecord, VisitRecord
from desktop.views.record_table import Column, RecordTableModel, select_row
from desktop.views.visit_dialog import VisitDialog

OVERDUE_RED = "#b42318"
DONE_GREY = "#52606d"


def visit_status(v: VisitRecord) -> str:
    if v.done:
        return tr("Done")
    return tr("Overdue") if v.overdue(today()) else tr("Upcoming")


def _colour(v: VisitRecord) -> str | None:
    return OVERDUE_RED if v.overdue(today()) else None


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (tr("Active") if value else tr("Not active"))


VISIT_COLUMNS = (
    Column(N_("No."), lambda v: to_persian_digits(v.sequence), _colour),
    Column(N_("Due date"), lambda v: format_jalali(v.due_on), _colour),
    Column(N_("Kind"), lambda v: VisitKind(v.kind).label if v.month is not None
           else tr("Extra visit"), _colour),
    Column(N_("Status"), visit_status, _colour),
    Column(N_("Visit date"), lambda v: format_jalali(v.done_on) if v.done_on else ""),
    Column(N_("In person or remote"), lambda v: VisitMode(v.mode).label if v.mode else ""),
    Column(N_("Job"), lambda v: _yes_no(v.job_active)),
    Column(N_("Monthly income"),
           lambda v: format_rials(v.monthly_income) if v.monthly_income is not None else ""),
    Column(N_("Problems"), lambda v: v.problems, tip=lambda v: v.problems),
    Column(N_("Next action"), lambda v: v.next_action, tip=lambda v: v.next_action),
    Column(N_("Visited by"), lambda v: v.visited_by),
)


class MonitoringTab(QWidget):
    caseModified = Signal(int)
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.case: CaseRecord | None = None
        self.dialog: VisitDialog | None = None
        self.next_visit = QLabel(self)
        self.next_visit.setObjectName("nextVisit")
        self.horizon = QLabel(self)
        self.horizon.setObjectName("horizon")
        self.notice = QLabel(self)
        self.notice.setObjectName("caseNotice")
        self.notice.setWordWrap(True)
        self.model = RecordTableModel(VISIT_COLUMNS)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.record_visit())
        self.record_button = QPushButton(tr("Record a visit"), self)
        self.extra_button = QPushButton(tr("Extra visit"), self)
        for button, slot in ((self.record_button, self.record_visit),
                             (self.extra_button, self.extra_visit)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        summary = QHBoxLayout()
        summary.addWidget(self.next_visit)
        summary.addSpacing(24)
        summary.addWidget(self.horizon)
        summary.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.extra_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(summary)
        column.addWidget(self.notice)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        self.show_case(None)

    def editable(self) -> bool:
        case = self.case
        return bool(case and case.editable and case.is_open and case.job_start_date
                    and case.visits)

    def show_case(self, case: CaseRecord | None) -> None:
        self.case = case
        visits = case.visits if case else ()
        self.model.set_rows(visits)
        self.view.resizeColumnsToContents()
        upcoming = case.next_visit if case else None
        overdue = bool(upcoming and upcoming.overdue(today()))
        if upcoming is not None:
            self.next_visit.setText(tr("Next visit due: {date}", date=format_jalali(
                upcoming.due_on)) + (" — " + tr("overdue") if overdue else ""))
        else:
            self.next_visit.setText(tr("No visit is waiting."))
        self.next_visit.setProperty("overdue", overdue)
        self.next_visit.style().unpolish(self.next_visit)
        self.next_visit.style().polish(self.next_visit)
        self.horizon.setText(tr("End of monitoring: {date}", date=format_jalali(
            case.horizon_on)) if case and case.horizon_on else "")
        if case is None:
            notice = tr("Monitoring starts when a case's job is created.")
        elif not case.visits:
            notice = tr("The visit schedule is made when the job is created.")
        elif case.ready_to_stabilise():
            notice = tr("Monitoring is over and the job is active: the case can be stabilised "
                        "on the case tab.")
        else:
            notice = ""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        editable = self.editable()
        for button in (self.record_button, self.extra_button):
            button.setVisible(editable)
            button.setEnabled(editable)
        if upcoming is not None and upcoming in visits:
            select_row(self.view, list(visits).index(upcoming))

    def selected(self) -> VisitRecord | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.record(rows[0].row())
        return self.case.next_visit if self.case else None

    def _open(self, visit: VisitRecord | None) -> None:
        assert self.case is not None
        self.dialog = VisitDialog(self.db, self.actor, self.case, visit, self)
        case_id = self.case.id
        self.dialog.saved.connect(lambda _record: self.caseModified.emit(case_id))
        self.dialog.conflicted.connect(self.conflict.emit)
        self.dialog.open()

    def record_visit(self) -> None:
        visit = self.selected()
        if self.editable() and visit is not None:
            self._open(visit)

    def extra_visit(self) -> None:
        if self.editable():
            self._open(None)
