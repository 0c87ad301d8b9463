"""The group's members: role, dates, savings this cycle and what each owes; present members
first. The size warning stands above the list while the group is outside 15 to 25."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.groups import MemberRole
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.group_ledger import Books
from desktop.services.group_members import MemberRecord
from desktop.services.group_overview import GroupOverview
from desktop.views.group_words import LATE_COLOUR, NOT_KNOWN
from desktop.views.member_dialog import MemberDialog
from desktop.views.record_table import Column, RecordTableModel

LEFT_COLOUR = "#7b8794"


class MembersTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.overview: GroupOverview | None = None
        self.dialog: MemberDialog | None = None
        books = self._books
        self.model = RecordTableModel((
            Column(N_("Name"), lambda m: m.full_name, colour=self._left_colour),
            Column(N_("National code"), lambda m: to_persian_digits(m.national_code)
                   if m.national_code else NOT_KNOWN),
            Column(N_("Role"), lambda m: MemberRole(m.role).label),
            Column(N_("Client of the office"), lambda m: tr("Yes") if m.client_id else ""),
            Column(N_("Mobile"), lambda m: to_persian_digits(m.mobile)),
            Column(N_("Joined on"), lambda m: format_jalali(m.joined_on)),
            Column(N_("Left on"), lambda m: format_jalali(m.left_on) if m.left_on else "",
                   colour=self._left_colour),
            Column(N_("Shares this cycle"), lambda m: to_persian_digits(
                books().shares.get(m.id, 0))),
            Column(N_("Savings (Rials)"), lambda m: format_amount(books().savings_of(m.id))),
            Column(N_("Owes (Rials)"), lambda m: format_amount(books().outstanding_of(m.id))
                   if books().outstanding_of(m.id) else "",
                   colour=lambda m: LATE_COLOUR if books().arrears_of(m.id) else None,
                   tip=lambda m: tr("Behind with a repayment of {amount} Rials",
                                    amount=format_amount(books().arrears_of(m.id)))
                   if books().arrears_of(m.id) else ""),
        ))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.warning = QLabel(self)
        self.warning.setObjectName("caseNotice")
        self.warning.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setObjectName("areaNote")
        self.add_button = QPushButton(tr("Add a member"), self)
        self.edit_button = QPushButton(tr("Edit member"), self)
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addWidget(self.warning)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._offer_actions)

    def _books(self) -> Books:
        assert self.overview is not None
        return self.overview.books

    @staticmethod
    def _left_colour(member: MemberRecord) -> str | None:
        return LEFT_COLOUR if member.left_on is not None else None

    def show_group(self, overview: GroupOverview, members: list[MemberRecord]) -> None:
        self.overview = overview
        self.model.set_rows(members)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.warning.setText(overview.size_warning or "")
        self.warning.setVisible(bool(overview.size_warning))
        self.count.setText(tr("{count} members now, {all} in all",
                              count=to_persian_digits(overview.active_members),
                              all=to_persian_digits(len(members))))
        self._offer_actions()

    def editable(self) -> bool:
        return bool(self.overview and self.overview.group.editable)

    def selected(self) -> MemberRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _offer_actions(self) -> None:
        editable = self.editable()
        self.add_button.setVisible(editable)
        self.edit_button.setVisible(editable)
        self.edit_button.setEnabled(editable and self.selected() is not None)

    def _open(self, member: MemberRecord | None) -> None:
        assert self.overview is not None
        self.dialog = MemberDialog(self.db, self.actor, self.overview.group, member, self)
        self.dialog.saved.connect(lambda _record: self.changed.emit())
        self.dialog.conflicted.connect(self.conflict.emit)
        self.dialog.open()

    def add(self) -> None:
        if self.editable():
            self._open(None)

    def edit(self) -> None:
        if self.editable() and self.selected() is not None:
            self._open(self.selected())
