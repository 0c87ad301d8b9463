"""«ثبت ماه»: a Jalali month of a women's group's business — sales, costs, what the group paid
out, and each member's income in a grid. A button proposes the split (equal, or by capital) to
the Rial; «باقی‌مانده» shows, as it is typed, what of the payout is still to be given to a member.

The service refuses the month whole: a payout larger than the month's cash, incomes that do not
add up to the payout; each message stands beside its field (a member's beside her income).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.domain.business_books import MonthCash, month_of, next_month
from desktop.errors import KarsazError
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.women_members import WomenMemberRecord, member_in_month
from desktop.services.women_money import (
    MonthInput,
    MonthRecord,
    correct_month,
    propose_incomes,
    record_month,
)
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.group_words import LATE_COLOUR
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.fields import value_label
from desktop.views.widgets.money_edit import MoneyEdit
from desktop.views.women_words import MARKED_COLOUR, marked_tip

BALANCED_COLOUR = "#1e6b3a"


def months_to_offer(summary: WomenGroupSummary) -> list[dt.date]:
    """The months the next record may be for: the one after the latest, or for a first month
    any from the group's forming to this month, latest first."""
    books = summary.books
    if books.months:
        return [books.next_month] if books.next_month else []
    months, month = [], books.first_month
    while month <= month_of(today()):
        months.append(month)
        month = next_month(month)
    return months[::-1]


class WomenMonthDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, summary: WomenGroupSummary,
                 month: MonthRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Record a month of the business") if month is None else
                         tr("Correct {month}", month=month.label))
        self.setMinimumWidth(640)
        self.db, self.actor, self.summary, self.month = db, actor, summary, month
        self.incomes: dict[int, MoneyEdit] = {}
        if month is None:
            self.month_choice = self.add_row(tr("Month"), "month", choice_combo(
                [(m.isoformat(), format_jalali_month(m)) for m in months_to_offer(summary)],
                self, empty=None))
            self.month_choice.currentIndexChanged.connect(lambda _i: self._members_of_month())
        else:
            self.add_row(tr("Month"), "month", value_label(self, month.label))
        self.carried = self.add_row(tr("Carried from the month before"), "carried",
                                    value_label(self))
        self.sales = self.add_row(tr("Sales"), "sales", MoneyEdit(self, required=True))
        self.costs = self.add_row(tr("Costs"), "costs", MoneyEdit(self, required=True))
        self.cash = self.add_row(tr("Cash the month leaves"), "cash", value_label(self))
        self.paid_out = self.add_row(tr("Paid out to members"), "paid_out",
                                     MoneyEdit(self, required=True))
        self.split_equal = QPushButton(tr("Split equally"), self)
        self.split_capital = QPushButton(tr("Split by capital"), self)
        for button, by_capital in ((self.split_equal, False), (self.split_capital, True)):
            button.setAutoDefault(False)
            button.setToolTip(tr("Propose each member's income from the payout, to the Rial"))
            button.clicked.connect(lambda _c=False, b=by_capital: self.propose(b))
        split = QWidget(self)
        split_row = QHBoxLayout(split)
        split_row.setContentsMargins(0, 0, 0, 0)
        split_row.addWidget(self.split_equal)
        split_row.addWidget(self.split_capital)
        split_row.addStretch(1)
        self.form.addRow("", split)
        self.grid_panel = QWidget(self)
        self.grid = QGridLayout(self.grid_panel)
        self.grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_panel)
        scroll.setMinimumHeight(200)
        self.add_row(tr("Each member's income"), "income_grid", scroll)
        self.remaining = self.add_row(tr("Remaining"), "incomes", value_label(self))
        self.remaining.setObjectName("remaining")
        self.notes = self.add_row(tr("Notes"), "notes", QLineEdit(self))
        for edit in (self.sales, self.costs, self.paid_out):
            edit.amountChanged.connect(lambda _a: self.recount())
        if month is not None:
            self.sales.setAmount(month.cash.sales)
            self.costs.setAmount(month.cash.costs)
            self.paid_out.setAmount(month.cash.paid_out)
            self.notes.setText(month.notes)
        self._members_of_month()
        if month is not None:
            for line in month.incomes:
                if line.member_id in self.incomes:
                    self.incomes[line.member_id].setAmount(line.amount)
        self.recount()

    # --- the month and its members -------------------------------------------------------
    def chosen_month(self) -> dt.date | None:
        if self.month is not None:
            return self.month.month
        code = combo_value(self.month_choice)
        return dt.date.fromisoformat(code) if code else None

    def _carried(self, month: dt.date | None) -> int:
        """What the month before left (the business's opening cash before the first)."""
        books = self.summary.books
        before = [m for m in books.months if month is not None and m.month < month]
        return before[-1].cash.closing if before else books.opening_cash

    def _members_of_month(self) -> None:
        """One line per member of the group during the month, those who left apart."""
        month = self.chosen_month()
        typed = {member_id: edit.amount() for member_id, edit in self.incomes.items()}
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for member_id in self.incomes:
            self.errors.forget(f"income.{member_id}")
        self.incomes = {}
        members: list[WomenMemberRecord] = [
            m for m in self.summary.members
            if month is not None and member_in_month(m.joined_on, m.left_on, month)]
        for row, member in enumerate(members):
            name = QLabel(member.full_name + (" *" if member.marked else ""), self.grid_panel)
            if member.marked:
                name.setStyleSheet(f"color: {MARKED_COLOUR};")
                name.setToolTip(marked_tip())
            edit = MoneyEdit(self.grid_panel, compact=True)
            edit.setAmount(typed.get(member.id))
            edit.amountChanged.connect(lambda _a: self.recount())
            self.errors.wrap(f"income.{member.id}", edit)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(edit, row, 1)
            self.incomes[member.id] = edit
        if not members:
            self.grid.addWidget(QLabel(tr("The group had no members that month."),
                                       self.grid_panel), 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.recount()

    # --- figures as typed ---------------------------------------------------------------
    def recount(self) -> None:
        """The cash the month leaves and the payout still to give, as typed."""
        month = self.chosen_month()
        carried = self._carried(month)
        self.carried.setText(format_rials(carried))
        cash = MonthCash(month or today(), carried, self.sales.amount() or 0,
                         self.costs.amount() or 0, self.paid_out.amount() or 0)
        self.cash.setText(format_rials(cash.payable) if cash.available >= 0 else
                          tr("a deficit of {amount}", amount=format_rials(-cash.available)))
        left = (self.paid_out.amount() or 0) - sum(
            edit.amount() or 0 for edit in self.incomes.values())
        self.remaining.setText(format_rials(left) if left >= 0 else
                               tr("{amount} more than the payout",
                                  amount=format_rials(-left)))
        self.remaining.setStyleSheet(f"color: {BALANCED_COLOUR if left == 0 else LATE_COLOUR};"
                                     " font-weight: bold;")

    def propose(self, by_capital: bool) -> None:
        month = self.chosen_month()
        if month is None or not self.paid_out.is_valid():
            return
        try:
            split = propose_incomes(self.db, self.actor, self.summary.group.id, month,
                                    self.paid_out.amount() or 0, by_capital=by_capital)
        except KarsazError as error:
            self.errors.show_error(error)
            return
        self.errors.clear()
        for member_id, edit in self.incomes.items():
            edit.setAmount(split.get(member_id, 0))
        self.recount()

    # --- saving -------------------------------------------------------------------------
    def local_errors(self) -> dict[str, str]:
        fields = [("sales", self.sales), ("costs", self.costs), ("paid_out", self.paid_out),
                  *((f"income.{i}", e) for i, e in self.incomes.items())]
        return {name: edit.error_message() for name, edit in fields if not edit.is_valid()}

    def value(self) -> MonthInput:
        return MonthInput(
            month=self.chosen_month(), sales=self.sales.amount() or 0,
            costs=self.costs.amount() or 0, paid_out=self.paid_out.amount() or 0,
            incomes=tuple((member_id, edit.amount() or 0)
                          for member_id, edit in self.incomes.items()),
            notes=self.notes.text())

    def submit(self) -> MonthRecord:
        if self.month is None:
            return record_month(self.db, self.actor, self.summary.group.id, self.value())
        return correct_month(self.db, self.actor, self.month.id, self.value(),
                             version=self.month.version)
