"""«ثبت جلسه»: a meeting of the group as the treasurer reads it out — who came, what each
paid in and took out, new loans, the group's own payments, a bank loan — and the cash counted
in each fund at the close.

The cash box is checked as the figures are typed (the sums are the service's, computed here
without a read per keystroke); Save asks the service, which checks everything again and refuses
a meeting that does not balance, whole. Each refusal shows next to its place: the date, a
member's row, a loan's row, a payment's row, the bank loan's field, the counted cash.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.domain.groups import MemberRole
from desktop.domain.ledger import expected_closing, flows, imbalance
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.group_meetings import (
    MeetingInput,
    MeetingResult,
    meeting_movements,
    record_meeting,
)
from desktop.services.group_members import MemberRecord, group_members
from desktop.services.group_overview import GroupOverview
from desktop.views.meeting_cash_box import CashBox
from desktop.views.meeting_grid import GridMember, MeetingGrid
from desktop.views.meeting_sections import BankLoanReceived, GroupPayments, NewLoans
from desktop.views.widgets.field_error import FieldError, mark_invalid
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

LOANS, PAYMENTS, BANK = range(3)


class FittingTabs(QTabWidget):
    """As tall as the page shown asks (most meetings lend to few), the rest left to the
    members' grid: a QTabWidget otherwise takes the height of its tallest page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def _fitted(self, hint: QSize, page_hint: QSize) -> QSize:
        return QSize(hint.width(), page_hint.height() + self.tabBar().sizeHint().height() + 6)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return self._fitted(super().sizeHint(), page.sizeHint()) if page \
            else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return self._fitted(super().minimumSizeHint(), page.minimumSizeHint()) if page \
            else super().minimumSizeHint()


class MeetingDialog(QDialog):
    saved = Signal(object)      # the MeetingResult

    def __init__(self, db: Database, actor: Actor, overview: GroupOverview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.overview = db, actor, overview
        self.cycle = overview.group.cycle
        self.books = overview.books
        self.members: list[MemberRecord] = group_members(db, actor, overview.group.id)
        self.result_record: MeetingResult | None = None
        self._shown_ids: list[int] = []
        self.setWindowTitle(tr("Meeting of {group}", group=overview.group.name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(1220, 800)
        self.held_on = JalaliDateEdit(self, required=True)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(tr("Decisions of the meeting, anything unusual"))
        self.lines_error = FieldError(self)   # the service's ``lines``: the grid as a whole
        self.grid = MeetingGrid(self.cycle.max_shares, self.cycle.social_contribution, self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.grid)
        scroll.setWidgetResizable(True)
        self.scroll = scroll
        self.loans = NewLoans(self._present_members, self)
        self.payments = GroupPayments(self.books.bank_loans, self)
        self.bank = BankLoanReceived(overview.group.bank_name, self)
        self.sections = FittingTabs(self)
        for page, title in ((self.loans, tr("New loans")),
                            (self.payments, tr("Group payments")),
                            (self.bank, tr("Bank loan"))):
            self.sections.addTab(page, title)

        self.cash = CashBox(self.books.cash, self)
        self.message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            tr("Save the meeting"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        cancel = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        for source in (self.grid, self.loans, self.payments, self.bank):
            source.changed.connect(self.recount)
        for box in self.cash.funds.values():
            box.counted.amountChanged.connect(lambda _amount: self.recount())
        self.held_on.dateChanged.connect(self._date_changed)
        self.held_on.setDate(min(today(), self.cycle.ends_on))

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("Meeting date"), self))
        head.addWidget(self.held_on)
        head.addSpacing(16)
        head.addWidget(QLabel(tr("Notes"), self))
        head.addWidget(self.notes, 1)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.lines_error)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.sections)
        column.addWidget(self.cash)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    # --- the members of the day ----------------------------------------------------------
    def _date_changed(self, day: dt.date | None) -> None:
        members = [m for m in self.members if m.active_on(day or today())]
        ids = [m.id for m in members]
        if ids == self._shown_ids:
            return
        self._shown_ids = ids
        self.grid.set_members([GridMember(
            m.id, m.full_name, MemberRole(m.role).label if m.role != MemberRole.MEMBER else "",
            self.books.outstanding_of(m.id), self.books.arrears_of(m.id)) for m in members])
        chain_tab_order([self.held_on.line, self.notes, *self._grid_chain(),
                         *(box.counted.line for box in self.cash.funds.values()),
                         self.save_button])

    def _grid_chain(self) -> list[QWidget]:
        return [w for row in self.grid.rows for w in row.focus_chain()]

    def _present_members(self) -> list[tuple[int, str]]:
        return [(row.member.id, row.member.name) for row in self.grid.rows
                if row.present.isChecked()]

    # --- the cash box --------------------------------------------------------------------
    def draft(self) -> MeetingInput:
        return MeetingInput(held_on=self.held_on.date(), lines=self.grid.lines(),
                            counted=self.cash.counted() or self.books.cash,
                            loans=self.loans.loans(), group_lines=self.payments.lines(),
                            bank_loan=self.bank.loan(), notes=self.notes.text())

    def recount(self) -> None:
        data = self.draft()
        moves = meeting_movements(data, self.cycle.share_price)
        opening = self.books.cash
        counted = self.cash.counted()
        self.cash.show_totals(flows(moves), expected_closing(opening, moves),
                       None if counted is None else imbalance(opening, moves, counted))
        self.sections.setTabText(LOANS, tr("New loans ({count})", count=len(data.loans))
                                 if data.loans else tr("New loans"))

    # --- saving --------------------------------------------------------------------------
    def error_places(self) -> dict[str, tuple[QWidget, FieldError]]:
        return {"held_on": (self.held_on.line, self.held_on.error),
                "lines": (self.scroll, self.lines_error),
                **self.grid.error_places(), **self.loans.error_places(),
                **self.payments.error_places(), **self.bank.errors.places(),
                **self.cash.error_places()}

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        places = self.error_places()
        for widget, error in places.values():
            error.clear_message()
            mark_invalid(widget, False)
        unplaced = []
        for name, text in errors.items():
            if name in places:
                widget, error = places[name]
                error.show_message(text)
                mark_invalid(widget, True)
            else:
                unplaced.append(text)
        self.message.show_message("\n".join(unplaced) or general)
        first = next((name for name in errors if name in places), None)
        if first is None:
            return
        section = {"loan": LOANS, "group": PAYMENTS, "bank_loan": BANK}.get(
            first.split(".")[0])
        if section is not None:
            self.sections.setCurrentIndex(section)
        widget = places[first][0]
        if first.startswith("line."):
            self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()

    def local_errors(self) -> dict[str, str]:
        errors = {}
        if not self.held_on.is_valid():
            errors["held_on"] = self.held_on.error_message()
        errors.update(self.grid.invalid_amounts())
        errors.update(self.bank.local_errors())
        for fund, box in self.cash.funds.items():
            if box.counted.amount() is None or not box.counted.is_valid():
                errors[f"counted.{fund.value}"] = box.counted.error_message() or tr(
                    "Count the cash of this fund and type it.")
        return errors

    def save(self) -> None:
        local = self.local_errors()
        if local:
            self.show_errors(local, tr("Some fields need correcting."))
            return
        try:
            self.result_record = record_meeting(self.db, self.actor, self.cycle.id, self.draft())
        except KarsazError as error:
            errors = dict(getattr(error, "errors", {}) or {})
            if not errors and error.field:
                errors = {error.field: error.message}
            self.show_errors(errors, error.message)
            return
        self.show_errors({})
        self.accept()
        self.saved.emit(self.result_record)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter goes to the next figure as on the register; only the button saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)

