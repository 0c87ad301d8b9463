"""The group's loans: internal loans to members from the loan fund, and the bank-linkage loans
to the group, each with what is left to repay and what is late. A loan more than 30 days late
is at risk and shows in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.group_loans import AT_RISK_DAYS
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.services.group_ledger import BankLoanBook, LoanBook
from desktop.services.group_overview import GroupOverview
from desktop.views.group_words import LATE_COLOUR, percent
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.widgets.fields import basis_points_text

AT_RISK_BACKGROUND = "#fdecea"


def _late_colour(loan: LoanBook | BankLoanBook) -> str | None:
    return LATE_COLOUR if loan.state.days_late > AT_RISK_DAYS else None


def _late_background(loan: LoanBook | BankLoanBook) -> str | None:
    return AT_RISK_BACKGROUND if loan.state.at_risk else None


def _days_late(loan: LoanBook | BankLoanBook) -> str:
    return to_persian_digits(loan.state.days_late) if loan.state.days_late else "—"


def _state(loan: LoanBook) -> str:
    if loan.state.written_off:
        return tr("Written off")
    if loan.state.outstanding == 0:
        return tr("Repaid")
    if loan.state.at_risk:
        return tr("At risk")
    return tr("Late") if loan.state.arrears else tr("On time")


def _table(model: RecordTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LoansTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: dict[int, str] = {}
        self.internal = RecordTableModel((
            Column(N_("Member"), lambda loan: self.names.get(loan.member_id, "")),
            Column(N_("Paid out on"), lambda loan: format_jalali(loan.disbursed_on)),
            Column(N_("Amount lent (Rials)"), lambda loan: format_amount(loan.principal)),
            Column(N_("Months"), lambda loan: to_persian_digits(loan.term_months)),
            Column(N_("Service charge (Rials)"), lambda loan: format_amount(
                loan.service_charge)),
            Column(N_("Repaid (Rials)"), lambda loan: format_amount(loan.repaid)),
            Column(N_("Outstanding (Rials)"), lambda loan: format_amount(
                loan.state.outstanding)),
            Column(N_("Overdue (Rials)"), lambda loan: format_amount(loan.state.arrears),
                   colour=_late_colour),
            Column(N_("Days late"), _days_late, colour=_late_colour,
                   background=_late_background),
            Column(N_("State"), _state, colour=_late_colour),
        ))
        self.bank = RecordTableModel((
            Column(N_("Bank"), lambda loan: loan.bank_name),
            Column(N_("Received on"), lambda loan: format_jalali(loan.disbursed_on)),
            Column(N_("Amount (Rials)"), lambda loan: format_amount(loan.amount)),
            Column(N_("Months"), lambda loan: to_persian_digits(loan.term_months)),
            Column(N_("Rate a year"), lambda loan: basis_points_text(loan.annual_rate_bp) + "٪"),
            Column(N_("To repay in all (Rials)"), lambda loan: format_amount(
                loan.total_repayable)),
            Column(N_("Repaid (Rials)"), lambda loan: format_amount(loan.repaid)),
            Column(N_("Outstanding (Rials)"), lambda loan: format_amount(
                loan.state.outstanding)),
            Column(N_("Overdue (Rials)"), lambda loan: format_amount(loan.state.arrears),
                   colour=_late_colour),
            Column(N_("Days late"), _days_late, colour=_late_colour,
                   background=_late_background),
        ))
        self.internal_view = _table(self.internal, self)
        self.bank_view = _table(self.bank, self)
        self.summary = QLabel(self)
        self.summary.setObjectName("total")
        internal_box = QGroupBox(tr("Internal loans to members"), self)
        QVBoxLayout(internal_box).addWidget(self.internal_view)
        bank_box = QGroupBox(tr("Bank-linkage loans to the group"), self)
        QVBoxLayout(bank_box).addWidget(self.bank_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(internal_box)
        split.addWidget(bank_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(split, 1)

    def show_group(self, overview: GroupOverview) -> None:
        books = overview.books
        self.names = {m.id: f"{m.first_name} {m.last_name}" for m in books.members}
        # The loans still owed first, the latest first among them.
        self.internal.set_rows(sorted(books.loans, key=lambda loan: (
            loan.state.outstanding == 0, -loan.disbursed_on.toordinal())))
        self.bank.set_rows(list(reversed(books.bank_loans)))
        for view in (self.internal_view, self.bank_view):
            view.resizeColumnsToContents()
        ind = overview.indicators
        self.summary.setText(tr(
            "Outstanding {outstanding} Rials in {count} loans; portfolio at risk (more than 30 "
            "days late) {par}", outstanding=format_amount(ind.loans_outstanding),
            count=to_persian_digits(sum(1 for loan in books.loans if loan.state.outstanding)),
            par=percent(ind.portfolio_at_risk)))
