"""The meeting's grid: one row per member of the group on the day — present, shares bought,
social fund contribution, fine, repayment, service charge, social fund payout — and a row of
totals. A member's refusal (``line.<member id>``) shows under that member's row.

The keys go as the treasurer reads the register: Tab along a row (right to left), then the next
row; Up and Down move between members in the same column.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.services.group_meetings import MemberLine
from desktop.views.group_words import LATE_COLOUR
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import chain_tab_order, number_spin
from desktop.views.widgets.money_edit import MoneyEdit

MONEY_FIELDS = (("social", N_("Social fund")), ("fine", N_("Fine")),
                ("repayment", N_("Repayment")), ("service_charge", N_("Service charge")),
                ("social_payout", N_("Social fund payout")))
# Grid columns, right to left: name, present, shares, the money, what the member owes.
NAME, PRESENT, SHARES, FIRST_MONEY = 0, 1, 2, 3
OWES = FIRST_MONEY + len(MONEY_FIELDS)


@dataclasses.dataclass(frozen=True)
class GridMember:
    id: int
    name: str
    role: str           # Persian, empty for a plain member
    owes: int           # Rials still to repay
    behind: int         # Rials of instalments due and not repaid


@dataclasses.dataclass
class MemberRow:
    member: GridMember
    present: QCheckBox
    shares: QSpinBox
    money: dict[str, MoneyEdit]
    error: FieldError

    def line(self) -> MemberLine:
        amounts = {name: edit.amount() or 0 for name, edit in self.money.items()}
        return MemberLine(self.member.id, self.present.isChecked(), shares=self.shares.value(),
                          **amounts)

    def focus_chain(self) -> list[QWidget]:
        return [self.present, self.shares, *(edit.line for edit in self.money.values())]

    def cells(self) -> list[QObject]:
        """The cells Up and Down move between (a spin box would step its value instead)."""
        return [self.shares, *(edit.line for edit in self.money.values())]


class MeetingGrid(QWidget):
    changed = Signal()

    def __init__(self, max_shares: int, social_contribution: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_shares, self.social_contribution = max_shares, social_contribution
        self.rows: list[MemberRow] = []
        self.totals: dict[str, QLabel] = {}
        self.body: QWidget | None = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)

    def set_members(self, members: list[GridMember]) -> None:
        """One row per member; what was typed for a member still there is kept."""
        kept = {row.member.id: row.line() for row in self.rows}
        if self.body is not None:
            self.column.removeWidget(self.body)
            self.body.deleteLater()
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(6, 0, 6, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(NAME, 2)
        for column in range(FIRST_MONEY, OWES):
            self.grid.setColumnStretch(column, 1)
        headers = (tr("Member"), tr("Present"), tr("Shares"),
                   *(tr("{what} (Rials)", what=tr(label)) for _, label in MONEY_FIELDS),
                   tr("Owes (Rials)"))
        for column, text in enumerate(headers):
            self.grid.addWidget(self._bold(text), 0, column)
        self.rows = [self._row(member, kept.get(member.id), 1 + 2 * index)
                     for index, member in enumerate(members)]
        last = 1 + 2 * len(members)
        self.grid.addWidget(self._bold(tr("Total")), last, NAME)
        self.totals = {key: self._bold("") for key in ("present", "shares", *dict(MONEY_FIELDS))}
        for column, label in enumerate(self.totals.values(), PRESENT):
            self.grid.addWidget(label, last, column)
        self.column.addWidget(self.body)
        chain_tab_order([w for row in self.rows for w in row.focus_chain()])
        self._count()

    def _bold(self, text: str) -> QLabel:
        label = QLabel(text, self.body)
        label.setObjectName("sectionTitle")
        label.setWordWrap(True)
        return label

    def _row(self, member: GridMember, typed: MemberLine | None, at: int) -> MemberRow:
        body = self.body
        name = QLabel(f"{member.name}  ({member.role})" if member.role else member.name, body)
        present = QCheckBox(body)
        present.setChecked(typed.present if typed else True)
        shares = number_spin(body, 0, self.max_shares, typed.shares if typed else 1)
        shares.installEventFilter(self)
        money = {key: MoneyEdit(body, compact=True) for key, _ in MONEY_FIELDS}
        for key, edit in money.items():
            # Nothing paid reads as an empty cell, not a column of zeros.
            edit.setAmount((getattr(typed, key) if typed else
                            (self.social_contribution if key == "social" else 0)) or None)
            edit.amountChanged.connect(lambda _amount: self._count())
            edit.line.installEventFilter(self)
        owes = QLabel(format_amount(member.owes) if member.owes else "", body)
        if member.behind:
            owes.setStyleSheet(f"color: {LATE_COLOUR}; font-weight: bold;")
            owes.setToolTip(tr("Behind with a repayment of {amount} Rials",
                               amount=format_amount(member.behind)))
        error = FieldError(body)
        row = MemberRow(member, present, shares, money, error)
        present.toggled.connect(lambda checked: self._presence(row, checked))
        shares.valueChanged.connect(lambda _value: self._count())
        for column, widget in ((NAME, name), (PRESENT, present), (SHARES, shares),
                               *((FIRST_MONEY + i, money[key])
                                 for i, (key, _) in enumerate(MONEY_FIELDS)),
                               (OWES, owes)):
            self.grid.addWidget(widget, at, column)
        self.grid.addWidget(error, at + 1, NAME, 1, OWES + 1)
        return row

    def _presence(self, row: MemberRow, present: bool) -> None:
        # An absent member buys no shares and pays no contribution unless typed otherwise.
        if not present:
            row.shares.setValue(0)
            if row.money["social"].amount() == self.social_contribution:
                row.money["social"].setAmount(None)
        else:
            if row.shares.value() == 0:
                row.shares.setValue(1)
            if not row.money["social"].amount():
                row.money["social"].setAmount(self.social_contribution)
        self._count()

    def _count(self) -> None:
        lines = self.lines()
        self.totals["present"].setText(tr("{present} of {members}",
                                          present=to_persian_digits(sum(x.present for x in lines)),
                                          members=to_persian_digits(len(lines))))
        self.totals["shares"].setText(to_persian_digits(sum(x.shares for x in lines)))
        for key, _ in MONEY_FIELDS:
            self.totals[key].setText(format_amount(sum(getattr(x, key) for x in lines)))
        self.changed.emit()

    def lines(self) -> tuple[MemberLine, ...]:
        return tuple(row.line() for row in self.rows)

    def invalid_amounts(self) -> dict[str, str]:
        """``line.<id>`` for a row with an amount that does not read as Rials."""
        errors = {}
        for row in self.rows:
            wrong = [edit.error_message() for edit in row.money.values() if not edit.is_valid()]
            if wrong:
                errors[f"line.{row.member.id}"] = wrong[0]
        return errors

    def error_places(self) -> dict[str, tuple[QWidget, FieldError]]:
        return {f"line.{row.member.id}": (row.present, row.error) for row in self.rows}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            for index, row in enumerate(self.rows):
                cells = row.cells()
                if watched in cells and 0 <= index + step < len(self.rows):
                    self.rows[index + step].cells()[cells.index(watched)].setFocus()
                    return True
                if watched in cells:
                    return True
        return super().eventFilter(watched, event)
