"""What a meeting records besides each member's line: new internal loans, the group's own
payments (an expense, a bank instalment) and a bank-linkage loan received. A refusal of the
service shows under its row: ``loan.<n>``, ``group.<n>``, ``bank_loan.<field>``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.ledger import EntryKind
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.services.group_ledger import BankLoanBook
from desktop.services.group_meetings import BankLoanInput, GroupLine, NewLoan
from desktop.views.widgets.choices import choice_combo, combo_value
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import PercentEdit, number_spin
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.money_edit import MoneyEdit


class RowList(QWidget):
    """Rows added with a button and each taken away with its own, a message under each."""

    changed = Signal()

    def __init__(self, headers: list[str], add_text: str, key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.rows: list[tuple[list[QWidget], FieldError]] = []
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate(headers):
            label = QLabel(text, self.body)
            label.setObjectName("sectionTitle")
            self.grid.addWidget(label, 0, column)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        self.body.hide()

    def make_row(self) -> list[QWidget]:
        raise NotImplementedError

    def add_row(self) -> list[QWidget]:
        widgets = self.make_row()
        remove = QPushButton(tr("Remove"), self.body)
        remove.setToolTip(tr("Remove this row"))
        remove.setAutoDefault(False)
        error = FieldError(self.body)
        at = 1 + 2 * len(self.rows)
        for column, widget in enumerate([*widgets, remove]):
            self.grid.addWidget(widget, at, column)
        self.grid.addWidget(error, at + 1, 0, 1, len(widgets) + 1)
        entry = ([*widgets, remove], error)
        self.rows.append(entry)
        remove.clicked.connect(lambda: self.remove_row(entry))
        self.body.show()
        widgets[0].setFocus()
        self.changed.emit()
        return widgets

    def remove_row(self, entry: tuple[list[QWidget], FieldError]) -> None:
        # The rows below move up one place, so their messages keep their index.
        index = self.rows.index(entry)
        for widget in [*entry[0], entry[1]]:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        del self.rows[index]
        for position, (widgets, error) in enumerate(self.rows[index:], index):
            for column, widget in enumerate(widgets):
                self.grid.addWidget(widget, 1 + 2 * position, column)
            self.grid.addWidget(error, 2 + 2 * position, 0, 1, len(widgets))
        self.body.setVisible(bool(self.rows))
        self.changed.emit()

    def error_places(self) -> dict[str, tuple[QWidget, FieldError]]:
        return {f"{self.key}.{i}": (widgets[0], error)
                for i, (widgets, error) in enumerate(self.rows)}


class NewLoans(RowList):
    def __init__(self, members: Callable[[], list[tuple[int, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__([tr("Borrower"), tr("Amount (Rials)"), tr("Months"), tr("Purpose"),
                          tr("The group's reason to lend past its rule")],
                         tr("Add a loan"), "loan", parent)
        self.members = members

    def make_row(self) -> list[QWidget]:
        member = choice_combo(self.members(), self.body)
        amount = MoneyEdit(self.body, compact=True)
        amount.amountChanged.connect(lambda _amount: self.changed.emit())
        months = number_spin(self.body, 1, 24, 6)
        purpose = QLineEdit(self.body)
        reason = QLineEdit(self.body)
        reason.setPlaceholderText(tr("Only when the group decides to lend anyway"))
        return [member, amount, months, purpose, reason]

    def loans(self) -> tuple[NewLoan, ...]:
        loans = []
        for (member, amount, months, purpose, reason, _remove), _error in self.rows:
            assert isinstance(member, QComboBox) and isinstance(amount, MoneyEdit)
            assert isinstance(months, QSpinBox) and isinstance(purpose, QLineEdit)
            assert isinstance(reason, QLineEdit)
            loans.append(NewLoan(combo_value(member) or 0, amount.amount() or 0, months.value(),
                                 purpose.text(), reason.text()))
        return tuple(loans)


class GroupPayments(RowList):
    def __init__(self, bank_loans: list[BankLoanBook], parent: QWidget | None = None) -> None:
        super().__init__([tr("Payment"), tr("Amount (Rials)"), tr("Bank loan"), tr("Note")],
                         tr("Add a payment"), "group", parent)
        self.bank_loans = [loan for loan in bank_loans if loan.state.outstanding > 0]

    def make_row(self) -> list[QWidget]:
        kinds = [(EntryKind.EXPENSE.value, EntryKind.EXPENSE.label)]
        if self.bank_loans:
            kinds.append((EntryKind.BANK_REPAYMENT.value, EntryKind.BANK_REPAYMENT.label))
        kind = choice_combo(kinds, self.body, empty=None)
        amount = MoneyEdit(self.body, compact=True)
        amount.amountChanged.connect(lambda _amount: self.changed.emit())
        loan = choice_combo([(b.id, tr("{bank}, {left} Rials left", bank=b.bank_name,
                                       left=format_amount(b.state.outstanding)))
                             for b in self.bank_loans], self.body, empty=None)
        note = QLineEdit(self.body)

        def kind_changed() -> None:
            loan.setEnabled(combo_value(kind) == EntryKind.BANK_REPAYMENT)
            self.changed.emit()

        kind.currentIndexChanged.connect(lambda _i: kind_changed())
        kind_changed()
        return [kind, amount, loan, note]

    def lines(self) -> tuple[GroupLine, ...]:
        lines = []
        for (kind, amount, loan, note, _remove), _error in self.rows:
            assert isinstance(kind, QComboBox) and isinstance(amount, MoneyEdit)
            assert isinstance(loan, QComboBox) and isinstance(note, QLineEdit)
            code = combo_value(kind) or ""
            lines.append(GroupLine(code, amount.amount() or 0, note.text(),
                                   combo_value(loan) if code == EntryKind.BANK_REPAYMENT
                                   else None))
        return tuple(lines)


class BankLoanReceived(QGroupBox):
    changed = Signal()

    def __init__(self, bank_name: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("A bank-linkage loan was received at this meeting"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.errors = FieldErrors(self)
        self.bank_name = QLineEdit(bank_name, self)
        self.amount = MoneyEdit(self)
        self.months = number_spin(self, 1, 60, 12)
        self.rate = PercentEdit(self)
        self.rate.setToolTip(tr("Interest a year, e.g. 4"))
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        for at, (label, name, field) in enumerate((
                (tr("Bank"), "bank_loan.bank_name", self.bank_name),
                (tr("Months"), "bank_loan.term_months", self.months),
                (tr("Amount"), "bank_loan.amount", self.amount),
                (tr("Rate (% a year)"), "bank_loan.annual_rate_bp", self.rate))):
            grid.addWidget(QLabel(label, self), at // 2, 2 * (at % 2))
            grid.addWidget(self.errors.wrap(name, field), at // 2, 2 * (at % 2) + 1)
        grid.addWidget(self.errors.general, 2, 0, 1, 4)
        self.toggled.connect(lambda _on: self.changed.emit())
        self.amount.amountChanged.connect(lambda _amount: self.changed.emit())

    def loan(self) -> BankLoanInput | None:
        if not self.isChecked():
            return None
        try:
            rate = self.rate.basis_points()
        except ValueError:
            rate = None
        return BankLoanInput(self.bank_name.text(), self.amount.amount() or 0,
                             self.months.value(), -1 if rate is None else rate)

    def local_errors(self) -> dict[str, str]:
        if not self.isChecked():
            return {}
        errors = {}
        if not self.amount.is_valid():
            errors["bank_loan.amount"] = self.amount.error_message()
        try:
            if self.rate.basis_points() is None:
                errors["bank_loan.annual_rate_bp"] = tr("Enter the bank's rate (0 for none).")
        except ValueError as exc:
            errors["bank_loan.annual_rate_bp"] = str(exc)
        return errors
