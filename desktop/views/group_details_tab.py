"""The group's details (editable by whoever manages groups) and its cycles: the current one's
rules and what each earlier cycle shared out."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.groups import CycleStatus
from desktop.errors import ConflictError, KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount, format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.cases import assignable_facilitators
from desktop.services.group_overview import GroupOverview
from desktop.services.groups import CycleRecord, GroupInput, update_group
from desktop.services.office import get_office
from desktop.views.group_fields import GroupFields
from desktop.views.group_words import NOT_KNOWN
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.widgets.fields import basis_points_text, value_label


def _value_per_share(c: CycleRecord) -> str:
    if c.distributable is None or not c.total_shares:
        return NOT_KNOWN
    return format_amount(c.distributable // c.total_shares)


CYCLE_COLUMNS = (
    Column(N_("Cycle"), lambda c: to_persian_digits(c.number)),
    Column(N_("Period"), lambda c: tr("{start} to {end}", start=format_jalali(c.starts_on),
                                      end=format_jalali(c.ends_on))),
    Column(N_("Price of a share (Rials)"), lambda c: format_amount(c.share_price)),
    Column(N_("Status"), lambda c: CycleStatus(c.status).label),
    Column(N_("Shared out on"), lambda c: format_jalali(c.shared_out_on)
           if c.shared_out_on else NOT_KNOWN),
    Column(N_("Shared out (Rials)"), lambda c: format_amount(c.distributable)
           if c.distributable is not None else NOT_KNOWN),
    Column(N_("Value of a share (Rials)"), _value_per_share),
)


class GroupDetailsTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.may_edit = can(actor, Permission.MANAGE_GROUPS)
        self.overview: GroupOverview | None = None
        self._loaded: GroupInput | None = None
        office = get_office(db)
        self.fields = GroupFields(office.province_code, office.county_code,
                                  assignable_facilitators(db, actor), self)
        self.fields.setReadOnly(not self.may_edit)
        self.save_button = QPushButton(tr("Save the details"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.save_button.setVisible(self.may_edit)
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel(self)
        self.saved_note.setObjectName("savedNote")
        self.rules = QFormLayout()
        self.rule_labels = {key: value_label(self) for key in (
            "number", "dates", "share_price", "service_charge", "max_shares", "loan_multiple",
            "social", "opening")}
        for key, label in (("number", tr("Cycle")), ("dates", tr("From … to")),
                           ("share_price", tr("Price of a share")),
                           ("service_charge", tr("Service charge")),
                           ("max_shares", tr("Shares a member may buy a meeting")),
                           ("loan_multiple", tr("A member may borrow up to")),
                           ("social", tr("Social fund contribution a meeting")),
                           ("opening", tr("Cash at the cycle's start"))):
            self.rules.addRow(label, self.rule_labels[key])
        self.cycles = RecordTableModel(CYCLE_COLUMNS)
        self.cycles_view = QTableView(self)
        self.cycles_view.setModel(self.cycles)
        self.cycles_view.verticalHeader().hide()
        self.cycles_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cycles_view.horizontalHeader().setStretchLastSection(True)
        self._layout()

    def _layout(self) -> None:
        details = QGroupBox(tr("The group"), self)
        column = QVBoxLayout(details)
        column.addWidget(self.fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_note)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        cycle = QGroupBox(tr("The current cycle"), self)
        cycle_column = QVBoxLayout(cycle)
        cycle_column.addLayout(self.rules)
        cycle_column.addWidget(QLabel(tr("Cycles of the group"), self))
        cycle_column.addWidget(self.cycles_view, 1)
        row = QHBoxLayout(self)
        row.addWidget(details, 2)
        row.addWidget(cycle, 3)

    def show_group(self, overview: GroupOverview) -> None:
        self.overview = overview
        group, c = overview.group, overview.group.cycle
        self.fields.load(group)
        self._loaded = self.fields.value()
        self.saved_note.clear()
        labels = self.rule_labels
        labels["number"].setText(f"{to_persian_digits(c.number)} ({CycleStatus(c.status).label})")
        labels["dates"].setText(tr("{start} to {end}", start=format_jalali(c.starts_on),
                                   end=format_jalali(c.ends_on)))
        labels["share_price"].setText(format_rials(c.share_price))
        labels["service_charge"].setText(tr("{rate}% a month",
                                            rate=basis_points_text(c.service_charge_bp)))
        labels["max_shares"].setText(to_persian_digits(c.max_shares))
        labels["loan_multiple"].setText(tr("{times} times their savings",
                                           times=to_persian_digits(c.loan_multiple)))
        labels["social"].setText(format_rials(c.social_contribution))
        labels["opening"].setText(tr("loan fund {loan}, social fund {social}",
                                     loan=format_rials(c.opening_loan_fund),
                                     social=format_rials(c.opening_social_fund)))
        self.cycles.set_rows(list(reversed(group.cycles)))
        self.cycles_view.resizeColumnsToContents()

    def is_dirty(self) -> bool:
        return self.may_edit and self.overview is not None \
            and self.fields.value() != self._loaded

    def save(self) -> bool:
        if not self.may_edit or self.overview is None:
            return False
        local = self.fields.local_errors()
        if local:
            self.fields.errors.show(local)
            return False
        group = self.overview.group
        try:
            update_group(self.db, self.actor, group.id, self.fields.value(),
                         version=group.version)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return False
        except KarsazError as error:
            self.fields.errors.show_error(error)
            return False
        self.changed.emit()
        self.saved_note.setText(tr("Saved."))
        return True

