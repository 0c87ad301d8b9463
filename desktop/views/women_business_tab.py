"""A women's group's shared business and its books: what it makes or does (changed by whoever
records the group), and month by month its sales, costs, the cash each month leaves and what the
group paid its members. «ثبت ماه» records the next month; a month can be corrected, and the
latest taken back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.errors import ConflictError, KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount, format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.women_groups import BusinessInput, save_business
from desktop.services.women_money import MonthRecord, delete_last_month
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.business_fields import BusinessFields
from desktop.views.group_words import LATE_COLOUR
from desktop.views.record_list_box import RecordListBox
from desktop.views.record_table import Column
from desktop.views.women_month_dialog import WomenMonthDialog


def _signed(amount: int) -> str:
    return format_amount(amount) if amount >= 0 else tr("minus {value}",
                                                        value=format_amount(-amount))


def _deficit(m: MonthRecord) -> str | None:
    return LATE_COLOUR if m.cash.closing < 0 else None


MONTH_COLUMNS = (
    Column(N_("Month"), lambda m: m.label),
    Column(N_("Carried in"), lambda m: _signed(m.cash.opening)),
    Column(N_("Sales"), lambda m: format_amount(m.cash.sales)),
    Column(N_("Costs"), lambda m: format_amount(m.cash.costs)),
    Column(N_("Paid to members"), lambda m: format_amount(m.cash.paid_out)),
    Column(N_("Members paid"), lambda m: to_persian_digits(len(m.incomes)),
           tip=lambda m: "\n".join(f"{line.name}: {format_rials(line.amount)}"
                                   for line in m.incomes)),
    Column(N_("Carried on"), lambda m: _signed(m.cash.closing), colour=_deficit),
)


class WomenBusinessTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.summary: WomenGroupSummary | None = None
        self._loaded: BusinessInput | None = None
        self.fields = BusinessFields(self)
        self.save_button = QPushButton(tr("Save the business"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel(self)
        self.saved_note.setObjectName("savedNote")
        self.months = RecordListBox(
            tr("Months of the books (Rials)"), MONTH_COLUMNS, self, add_text=tr("Record a month"),
            open_dialog=self._month_dialog, delete=lambda m: delete_last_month(
                self.db, self.actor, m.id),
            delete_question=tr("Take back the latest month with the incomes paid in it? "
                               "Earlier months stay as they are."),
            may_delete=self._is_latest)
        self.months.edit_button.setText(tr("Correct the month"))
        self.months.delete_button.setText(tr("Take back the latest month"))
        self.months.changed.connect(self.changed.emit)
        self.months.conflict.connect(self.conflict.emit)
        self.cash = QLabel(self)
        self.cash.setObjectName("areaNote")
        self.cash.setWordWrap(True)
        business = QGroupBox(tr("The shared business"), self)
        column = QVBoxLayout(business)
        column.addWidget(self.fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_note)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        books = QVBoxLayout()
        books.addWidget(self.cash)
        books.addWidget(self.months, 1)
        row = QHBoxLayout(self)
        row.addWidget(business, 2)
        row.addLayout(books, 5)

    def _is_latest(self, month: MonthRecord) -> bool:
        return bool(self.summary and self.summary.books.months
                    and self.summary.books.months[-1].id == month.id)

    def _month_dialog(self, month: MonthRecord | None) -> WomenMonthDialog:
        assert self.summary is not None
        self.dialog = WomenMonthDialog(self.db, self.actor, self.summary, month, self)
        return self.dialog

    def show_group(self, summary: WomenGroupSummary) -> None:
        self.summary = summary
        group, books = summary.group, summary.books
        self.fields.load(group.business)
        self.fields.setReadOnly(not group.editable)
        self.save_button.setVisible(group.editable)
        self._loaded = self.fields.value()
        self.saved_note.clear()
        has_business = group.business is not None
        self.months.show_records(list(reversed(books.months)), group.editable and has_business)
        self.months.add_button.setEnabled(has_business and (
            not books.months or books.next_month is not None))
        if not has_business:
            self.cash.setText(tr("Describe the group's business to record its months."))
        elif books.months and books.next_month is None:
            self.cash.setText(tr("The business holds {cash}. This month is recorded; the next "
                                 "can be recorded once it begins.", cash=format_rials(
                                     books.cash)))
        else:
            self.cash.setText(tr("The business holds {cash}.", cash=format_rials(books.cash))
                              if books.cash >= 0 else
                              tr("The business has a deficit of {amount}: no one is paid until "
                                 "it is made up.", amount=format_rials(-books.cash)))

    def is_dirty(self) -> bool:
        return bool(self.summary and self.summary.group.editable
                    and self.fields.value() != self._loaded)

    def save(self) -> bool:
        if self.summary is None or not self.summary.group.editable:
            return False
        local = self.fields.local_errors()
        if local:
            self.fields.errors.show(local)
            return False
        group = self.summary.group
        try:
            save_business(self.db, self.actor, group.id, self.fields.value(),
                          version=group.business.version if group.business else None)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return False
        except KarsazError as error:
            self.fields.errors.show_error(error)
            return False
        self.changed.emit()
        self.saved_note.setText(tr("Saved."))
        return True
