"""The meetings of the current cycle, newest first: attendance, shares bought, loans paid out
and the cash each fund held at the close. «ثبت جلسه» records the next one; the latest one,
recorded by mistake, can be taken back whole."""

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
from desktop.domain.ledger import EntryKind
from desktop.errors import ConflictError, KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.group_ledger import Books, MeetingBook
from desktop.services.group_meetings import delete_last_meeting
from desktop.services.group_overview import GroupOverview
from desktop.views.group_words import LATE_COLOUR
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel


class MeetingsTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.overview: GroupOverview | None = None
        self.dialog = None
        self.question: QMessageBox | None = None
        self.model = RecordTableModel((
            Column(N_("Meeting date"), lambda m: format_jalali(m.held_on)),
            Column(N_("Present"), lambda m: tr("{present} of {members}",
                                               present=to_persian_digits(len(m.present)),
                                               members=to_persian_digits(m.members))),
            Column(N_("Shares bought"), lambda m: to_persian_digits(
                self._sum(m, EntryKind.SHARES, shares=True))),
            Column(N_("Loans paid out (Rials)"), lambda m: format_amount(
                self._sum(m, EntryKind.LOAN_OUT))),
            Column(N_("Repaid (Rials)"), lambda m: format_amount(
                self._sum(m, EntryKind.REPAYMENT))),
            Column(N_("Loan fund at the close (Rials)"), lambda m: format_amount(m.closing.loan)),
            Column(N_("Social fund at the close (Rials)"),
                   lambda m: format_amount(m.closing.social)),
            Column(N_("Recorded on"), lambda m: format_jalali(m.recorded_on),
                   colour=lambda m: LATE_COLOUR if (m.recorded_on - m.held_on).days > 7
                   else None,
                   tip=lambda m: tr("Recorded more than a week after the meeting")
                   if (m.recorded_on - m.held_on).days > 7 else ""),
        ))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton(tr("Record a meeting"), self)
        self.record_button.setObjectName("primary")
        self.delete_button = QPushButton(tr("Delete the latest meeting"), self)
        for button, slot in ((self.record_button, self.record),
                             (self.delete_button, self.delete_last)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.summary = QLabel(self)
        self.summary.setObjectName("total")
        self.notice = QLabel(self)
        self.notice.setObjectName("caseNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.notice)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        column.addWidget(self.summary)

    def _books(self) -> Books:
        assert self.overview is not None
        return self.overview.books

    def _sum(self, meeting: MeetingBook, kind: EntryKind, *, shares: bool = False) -> int:
        return sum((e.shares or 0) if shares else e.amount
                   for e in self._books().entries.get(meeting.id, ()) if e.kind == kind)

    def show_group(self, overview: GroupOverview) -> None:
        self.overview = overview
        books = overview.books
        self.model.set_rows(list(reversed(books.meetings)))
        self.view.resizeColumnsToContents()
        cash = books.cash
        self.summary.setText(tr(
            "{count} meetings this cycle — cash now: loan fund {loan} Rials, social fund "
            "{social} Rials", count=to_persian_digits(len(books.meetings)),
            loan=format_amount(cash.loan), social=format_amount(cash.social)))
        group = overview.group
        recordable = group.editable and group.cycle.is_open
        self.record_button.setVisible(group.editable)
        self.delete_button.setVisible(group.editable)
        self.record_button.setEnabled(recordable)
        self.delete_button.setEnabled(recordable and bool(books.meetings))
        self.notice.hide()

    def record(self) -> None:
        from desktop.views.meeting_dialog import MeetingDialog

        if self.overview is None or not self.record_button.isEnabled():
            return
        self.dialog = MeetingDialog(self.db, self.actor, self.overview, self)
        self.dialog.saved.connect(lambda _result: self.changed.emit())
        self.dialog.open()

    def delete_last(self) -> None:
        if self.overview is None or not self.overview.books.meetings:
            return
        last = self.overview.books.meetings[-1]
        self.question = ask(
            self, tr("Delete the latest meeting"),
            tr("Delete the meeting of {date} with everything recorded in it (attendance, "
               "shares, loans, repayments)? Its record stays in the audit trail.",
               date=format_jalali(last.held_on)),
            ((tr("Delete"), QMessageBox.ButtonRole.DestructiveRole,
              lambda: self._delete(last.id)),
             (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)),
            icon=QMessageBox.Icon.Warning)

    def _delete(self, meeting_id: int) -> None:
        try:
            delete_last_meeting(self.db, self.actor, meeting_id)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return
        except KarsazError as error:
            self.notice.setText(error.message)
            self.notice.show()
            return
        self.changed.emit()
