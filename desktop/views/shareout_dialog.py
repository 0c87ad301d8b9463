"""«تقسیم سود»: the end of a cycle. The loan fund's cash is paid back to the members by the
shares each bought, to the Rial; loans still owed are written off first with the group's
reason; the social fund stays, and the next cycle opens with its rules.

The table is the service's preview for the day chosen; paying asks once more, since a shared-out
cycle cannot be reopened.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount, format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.group_overview import GroupOverview
from desktop.services.group_shareout import (
    PayoutLine,
    ShareoutPreview,
    preview_shareout,
    share_out_cycle,
)
from desktop.views.cycle_rules_fields import CycleRulesFields
from desktop.views.group_words import NOT_KNOWN, percent
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

COLUMNS = (
    Column(N_("Member"), lambda p: p.name),
    Column(N_("National code"), lambda p: to_persian_digits(p.national_code)),
    Column(N_("Shares"), lambda p: to_persian_digits(p.shares)),
    Column(N_("Savings (Rials)"), lambda p: format_amount(p.savings)),
    Column(N_("Payout (Rials)"), lambda p: format_amount(p.payout)),
)

LOAN_COLUMNS = (
    Column(N_("Borrower"), lambda loan: loan.name),
    Column(N_("Outstanding (Rials)"), lambda loan: format_amount(loan.outstanding)),
)


class ShareoutDialog(QDialog):
    sharedOut = Signal(object)     # the ShareoutPreview that was paid

    def __init__(self, db: Database, actor: Actor, overview: GroupOverview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.group = db, actor, overview.group
        self.preview: ShareoutPreview | None = None
        self.question: QMessageBox | None = None
        self.setWindowTitle(tr("Share-out of {group}", group=self.group.name))
        self.setSizeGripEnabled(True)
        self.resize(1120, 720)
        self.errors = FieldErrors(self)
        self.on = JalaliDateEdit(self, required=True)
        self.summary = QLabel(self)
        self.summary.setObjectName("total")
        self.summary.setWordWrap(True)
        self.model = RecordTableModel(COLUMNS)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.loans_box = QGroupBox(tr("Loans still owed"), self)
        self.open_loans = RecordTableModel(LOAN_COLUMNS)
        self.open_loans_view = QTableView(self.loans_box)
        self.open_loans_view.setModel(self.open_loans)
        self.open_loans_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.open_loans_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.open_loans_view.verticalHeader().hide()
        self.open_loans_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.open_loans_view.setMaximumHeight(170)
        self.loans_note = QLabel(self.loans_box)
        self.loans_note.setWordWrap(True)
        self.loans_note.setObjectName("caseNotice")
        self.write_off_reason = QLineEdit(self.loans_box)
        self.write_off_reason.setPlaceholderText(tr("The group's decision to write them off"))
        loans_column = QVBoxLayout(self.loans_box)
        loans_column.addWidget(self.loans_note)
        loans_column.addWidget(self.open_loans_view)
        reason = QFormLayout()
        reason.addRow(tr("Reason to write off"),
                      self.errors.wrap("write_off_reason", self.write_off_reason))
        loans_column.addLayout(reason)
        self.rules = CycleRulesFields(self)
        self.message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.pay_button: QPushButton = self.buttons.addButton(
            tr("Pay out and open the next cycle"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.pay_button.setObjectName("primary")
        cancel = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.pay_button, cancel):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.rules.load(overview.group.cycle, None)
        self.on.dateChanged.connect(self._day_changed)
        last = overview.books.meetings[-1].held_on if overview.books.meetings else None
        self.on.setDate(max(today(), last) if last else today())

    def _layout(self) -> None:
        day = QFormLayout()
        day.addRow(tr("Share-out date"), self.errors.wrap("on", self.on))
        payouts = QVBoxLayout()
        payouts.addLayout(day)
        payouts.addWidget(self.summary)
        payouts.addWidget(self.view, 1)
        next_box = QGroupBox(tr("Rules of the next cycle"), self)
        QVBoxLayout(next_box).addWidget(self.rules)
        side = QVBoxLayout()
        side.addWidget(self.loans_box)
        side.addWidget(next_box)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(payouts, 3)
        row.addLayout(side, 2)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(self.errors.general)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    def _day_changed(self, day: dt.date | None) -> None:
        if day is None:
            return
        # The next cycle starts the day of the share-out unless another day was typed.
        previous = self.preview.on if self.preview else None
        if self.rules.starts_on.date() in (None, previous):
            self.rules.start_on(day)
        self.refresh(day)

    def refresh(self, day: dt.date) -> None:
        """The service's preview for ``day``."""
        try:
            self.preview = preview_shareout(self.db, self.actor, self.group.id, day)
        except KarsazError as error:
            self.preview = None
            self.model.set_rows([])
            self.message.show_message(error.message)
            self.pay_button.setEnabled(False)
            return
        self.message.clear_message()
        self.pay_button.setEnabled(True)
        p = self.preview
        total = PayoutLine(0, "", tr("Total"), p.total_shares,
                           sum(line.savings for line in p.lines),
                           sum(line.payout for line in p.lines))
        self.model.set_rows([*p.lines, total])
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        value = format_amount(int(p.value_per_share)) if p.value_per_share is not None \
            else NOT_KNOWN
        self.summary.setText(tr(
            "To share: the loan fund's {cash} among {shares} shares — a share of {price} Rials "
            "is worth {value} Rials (return on savings {ros}). The social fund's {social} is "
            "not shared; it opens the next cycle.", cash=format_rials(p.distributable),
            shares=to_persian_digits(p.total_shares), price=format_amount(p.share_price),
            value=value, ros=percent(p.return_on_savings), social=format_rials(p.social_fund)))
        self.loans_box.setVisible(bool(p.open_loans))
        self.loans_note.setText(tr(
            "{amount} Rials are still lent out and are not shared: unless repaid first, they "
            "are written off and the members lose them.", amount=format_amount(
                sum(loan.outstanding for loan in p.open_loans))))
        self.open_loans.set_rows(list(p.open_loans))

    def confirm(self) -> None:
        if self.preview is None:
            return
        local = {**({"on": self.on.error_message()} if not self.on.is_valid() else {}),
                 **self.rules.local_errors()}
        if local:
            self._show_errors(local, "")
            return
        self.question = ask(self, tr("Share-out"), tr(
            "Pay {amount} to {count} members and close cycle {number}? A shared-out cycle "
            "cannot be reopened.", amount=format_rials(self.preview.distributable),
            count=to_persian_digits(len(self.preview.lines)),
            number=to_persian_digits(self.preview.cycle_number)), (
            (tr("Pay out"), QMessageBox.ButtonRole.AcceptRole, self.pay),
            (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)))

    def pay(self) -> None:
        assert self.preview is not None
        try:
            paid = share_out_cycle(self.db, self.actor, self.group.id, on=self.on.date(),
                                   cycle_version=self.preview.cycle_version,
                                   next_cycle=self.rules.value(),
                                   write_off_reason=self.write_off_reason.text())
        except KarsazError as error:
            errors = dict(getattr(error, "errors", {}) or {})
            if not errors and error.field:
                errors = {error.field: error.message}
            self._show_errors(errors, error.message)
            return
        self.accept()
        self.sharedOut.emit(paid)

    def _show_errors(self, errors: dict[str, str], general: str) -> None:
        rules = set(self.rules.errors.names())
        self.rules.errors.show({k: v for k, v in errors.items() if k in rules})
        self.errors.show({k: v for k, v in errors.items() if k not in rules})
        self.message.show_message("" if errors else general)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves to the next field; only the button pays.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)
