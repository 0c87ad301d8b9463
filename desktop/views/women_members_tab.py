"""A women's group's members: office, dates, capital and the income each was paid in the last
twelve months; present members first. A member who is not a female head of household is marked
(«*», in amber, with the reason in the tip); the cooperative's size warning stands above."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.domain.business_books import year_window
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.women_members import WomenMemberRecord
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.group_words import NOT_KNOWN
from desktop.views.record_list_box import RecordListBox
from desktop.views.record_table import Column
from desktop.views.women_member_dialog import WomenMemberDialog
from desktop.views.women_words import LEFT_COLOUR, MARKED_COLOUR, marked_tip, role_label

MARK = "*"


class WomenMembersTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.summary: WomenGroupSummary | None = None
        self.income: Counter[int] = Counter()
        self.warning = QLabel(self)
        self.warning.setObjectName("caseNotice")
        self.warning.setWordWrap(True)
        self.box = RecordListBox("", self._columns(), self,
                                 add_text=tr("Add a member"), open_dialog=self._dialog)
        self.box.changed.connect(self.changed.emit)
        self.box.conflict.connect(self.conflict.emit)
        column = QVBoxLayout(self)
        column.addWidget(self.warning)
        column.addWidget(self.box, 1)

    def _columns(self) -> tuple[Column, ...]:
        return (
            Column(N_("Name"), lambda m: m.full_name + (f" {MARK}" if m.marked else ""),
                   colour=self._colour, tip=lambda m: marked_tip() if m.marked else ""),
            Column(N_("National code"), lambda m: to_persian_digits(m.national_code)
                   if m.national_code else NOT_KNOWN),
            Column(N_("Role"), lambda m: role_label(self._kind(), m.role)),
            Column(N_("Female head of household"),
                   lambda m: tr("Yes") if m.female_head else tr("No"), colour=self._colour),
            Column(N_("Client of the office"), lambda m: tr("Yes") if m.client_id else ""),
            Column(N_("Joined on"), lambda m: format_jalali(m.joined_on)),
            Column(N_("Left on"), lambda m: format_jalali(m.left_on) if m.left_on else "",
                   colour=lambda m: LEFT_COLOUR if m.left_on else None),
            Column(N_("Capital contribution (Rials)"),
                   lambda m: format_amount(m.capital_contribution)),
            Column(N_("Income, 12 months (Rials)"), lambda m: format_amount(self.income[m.id])),
        )

    def _kind(self) -> str:
        return self.summary.group.kind if self.summary else ""

    @staticmethod
    def _colour(member: WomenMemberRecord) -> str | None:
        if member.left_on is not None:
            return LEFT_COLOUR
        return MARKED_COLOUR if member.marked else None

    def _dialog(self, member: WomenMemberRecord | None) -> WomenMemberDialog:
        assert self.summary is not None
        self.dialog = WomenMemberDialog(self.db, self.actor, self.summary.group, member, self)
        return self.dialog

    def show_group(self, summary: WomenGroupSummary) -> None:
        self.summary = summary
        first, last = year_window(summary.on)
        self.income = Counter()
        for month in summary.books.months:
            if first <= month.month <= last:
                for line in month.incomes:
                    self.income[line.member_id] += line.amount
        warning = summary.size_warning or ""
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        marked = sum(1 for m in summary.active_members if m.marked)
        count = tr("{count} members now, {all} in all", count=to_persian_digits(
            len(summary.active_members)), all=to_persian_digits(len(summary.members)))
        if marked:
            count += " — " + tr("{count} marked {mark}: not female heads of household",
                                count=to_persian_digits(marked), mark=MARK)
        self.box.show_records(summary.members, summary.group.editable, count)
