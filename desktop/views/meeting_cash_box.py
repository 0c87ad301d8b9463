"""The cash box at the meeting's close: for each fund, the cash at the opening, what came in
and went out, the balance the entries leave («مانده مورد انتظار»), and the cash the treasurer
counted. A sign says plainly whether the box balances, fund by fund, as the figures are typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop.domain.ledger import Cash, Fund, FundFlow
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import value_label
from desktop.views.widgets.money_edit import MoneyEdit

BALANCED_STYLE = ("color: #14532d; background: #dcf1e3; border: 1px solid #14532d; "
                  "border-radius: 6px; padding: 6px 8px; font-weight: bold;")
UNBALANCED_STYLE = ("color: #8f1d14; background: #fbe0dd; border: 1px solid #8f1d14; "
                    "border-radius: 6px; padding: 6px 8px; font-weight: bold;")
WAITING_STYLE = ("color: #323f4b; background: #e9eff2; border: 1px solid #cbd5db; "
                 "border-radius: 6px; padding: 6px 8px;")
# Columns, right to left: the fund, its opening, in, out, expected, counted.
FUND, OPENING, CAME_IN, WENT_OUT, EXPECTED, COUNTED = range(6)


class FundRow:
    def __init__(self, box: QWidget, grid: QGridLayout, fund: Fund, opening: int,
                 at: int) -> None:
        self.fund = fund
        title = QLabel(fund.label, box)
        title.setObjectName("sectionTitle")
        self.came_in, self.went_out = value_label(box), value_label(box)
        self.expected = value_label(box)
        self.expected.setObjectName("total")
        self.counted = MoneyEdit(box, compact=True)
        self.counted.line.setPlaceholderText(tr("Count the cash and type it"))
        for column, widget in ((FUND, title), (OPENING, value_label(box, format_amount(opening))),
                               (CAME_IN, self.came_in), (WENT_OUT, self.went_out),
                               (EXPECTED, self.expected), (COUNTED, self.counted)):
            grid.addWidget(widget, at, column)

    def show_flow(self, flow: FundFlow, expected: int) -> None:
        self.came_in.setText(format_amount(flow.came_in))
        self.went_out.setText(format_amount(flow.went_out))
        self.expected.setText(format_amount(expected))


class CashBox(QGroupBox):
    def __init__(self, opening: Cash, parent: QWidget | None = None) -> None:
        super().__init__(tr("The cash box at the close (Rials)"), parent)
        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        for column, text in ((OPENING, tr("At the opening")), (CAME_IN, tr("Came in")),
                             (WENT_OUT, tr("Went out")), (EXPECTED, tr("Expected balance")),
                             (COUNTED, tr("Counted at the close"))):
            header = value_label(self, text)
            header.setObjectName("sectionTitle")
            grid.addWidget(header, 0, column)
        self.funds = {fund: FundRow(self, grid, fund, opening.of(fund), 1 + i)
                      for i, fund in enumerate(Fund)}
        grid.setColumnStretch(COUNTED, 2)
        for column in (OPENING, CAME_IN, WENT_OUT, EXPECTED):
            grid.setColumnStretch(column, 1)
        self.sign = QLabel(self)
        self.sign.setWordWrap(True)
        self.error = FieldError(self)     # the service's ``counted``: neither fund alone
        grid.addWidget(self.sign, 3, FUND, 1, COUNTED + 1)
        grid.addWidget(self.error, 4, FUND, 1, COUNTED + 1)
        self.balanced = False

    def show_totals(self, flows: dict[Fund, FundFlow], expected: Cash,
                    wrong: dict[Fund, int] | None) -> None:
        """``wrong``: counted less expected of each fund that differs, None until both funds
        are counted."""
        for fund, row in self.funds.items():
            row.show_flow(flows[fund], expected.of(fund))
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
        places: dict[str, tuple[QWidget, FieldError]] = {
            f"counted.{fund.value}": (row.counted.line, row.counted.error)
            for fund, row in self.funds.items()}
        places["counted"] = (self, self.error)
        return places
