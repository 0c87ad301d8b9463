"""The cash box at the meeting's close: for each fund, the cash at the opening, what came in
and went out, the balance the entries leave («مانده مورد انتظار»), and the cash the treasurer
counted. A sign says plainly whether the box balances, fund by fund, as the figures are typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.ledger import Cash, Fund, FundFlow
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.money_edit import MoneyEdit

BALANCED_STYLE = ("color: #14532d; background: #dcf1e3; border: 1px solid #14532d; "
                  "border-radius: 6px; padding: 8px; font-weight: bold;")
UNBALANCED_STYLE = ("color: #8f1d14; background: #fbe0dd; border: 1px solid #8f1d14; "
                    "border-radius: 6px; padding: 8px; font-weight: bold;")
WAITING_STYLE = ("color: #323f4b; background: #e9eff2; border: 1px solid #cbd5db; "
                 "border-radius: 6px; padding: 8px;")


class FundBox(QGroupBox):
    def __init__(self, fund: Fund, opening: int, parent: QWidget | None = None) -> None:
        super().__init__(fund.label, parent)
        self.fund, self.opening = fund, opening
        self.came_in, self.went_out, self.expected = QLabel(self), QLabel(self), QLabel(self)
        self.expected.setObjectName("total")
        self.counted = MoneyEdit(self)
        self.counted.line.setPlaceholderText(tr("Count the cash and type it"))
        form = QFormLayout(self)
        form.addRow(tr("At the opening"), QLabel(format_amount(opening), self))
        form.addRow(tr("Came in"), self.came_in)
        form.addRow(tr("Went out"), self.went_out)
        form.addRow(tr("Expected balance"), self.expected)
        form.addRow(tr("Counted at the close"), self.counted)

    def show_flow(self, flow: FundFlow, expected: int) -> None:
        self.came_in.setText(format_amount(flow.came_in))
        self.went_out.setText(format_amount(flow.went_out))
        self.expected.setText(format_amount(expected))


class CashBox(QWidget):
    def __init__(self, opening: Cash, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.funds = {fund: FundBox(fund, opening.of(fund), self) for fund in Fund}
        self.sign = QLabel(self)
        self.sign.setWordWrap(True)
        self.error = FieldError(self)     # the service's ``counted``: neither fund alone
        self.balanced = False
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.funds.values():
            row.addWidget(box, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.sign)
        column.addWidget(self.error)

    def show(self, flows: dict[Fund, FundFlow], expected: Cash,
             wrong: dict[Fund, int] | None) -> None:
        """``wrong``: counted less expected of each fund that differs, None until both funds
        are counted."""
        for fund, box in self.funds.items():
            box.show_flow(flows[fund], expected.of(fund))
        self.balanced = wrong == {}
        if wrong is None:
            self.sign.setText(tr("Type the cash counted in each fund to check the box."))
            self.sign.setStyleSheet(WAITING_STYLE)
        elif not wrong:
            self.sign.setText("✓ " + tr("The cash box balances."))
            self.sign.setStyleSheet(BALANCED_STYLE)
        else:
            parts = [tr("{fund}: {amount} Rials {direction}", fund=fund.label,
                        amount=format_amount(abs(difference)),
                        direction=tr("too much") if difference > 0 else tr("missing"))
                     for fund, difference in wrong.items()]
            self.sign.setText("✗ " + tr("The cash box does not balance — {parts}",
                                        parts="، ".join(parts)))
            self.sign.setStyleSheet(UNBALANCED_STYLE)

    def counted(self) -> Cash | None:
        """The cash counted, None while a fund is not counted yet."""
        loan, social = (self.funds[fund].counted.amount() for fund in Fund)
        return None if loan is None or social is None else Cash(loan, social)

    def error_places(self) -> dict[str, tuple[QWidget, FieldError]]:
        places = {f"counted.{fund.value}": (box.counted.line, box.counted.error)
                  for fund, box in self.funds.items()}
        places["counted"] = (self, self.error)
        return places
