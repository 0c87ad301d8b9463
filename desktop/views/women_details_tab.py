"""A women's group's details (editable by whoever manages groups), its registration if it is a
cooperative, and its figures at a glance: members, capital, the last twelve months of its
business, trainings, meetings and markets."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import ConflictError, KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.cases import assignable_facilitators
from desktop.services.office import get_office
from desktop.services.women_groups import WomenGroupInput, update_women_group
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.group_words import NOT_KNOWN, percent
from desktop.views.widgets.fields import value_label
from desktop.views.women_group_fields import WomenGroupFields

FIGURES = ("members", "capital", "sales", "costs", "paid", "paid_members", "cash", "trained",
           "attendance", "links", "bazaars")


class WomenDetailsTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.may_edit = can(actor, Permission.MANAGE_GROUPS)
        self.summary: WomenGroupSummary | None = None
        self._loaded: WomenGroupInput | None = None
        office = get_office(db)
        self.fields = WomenGroupFields(office.province_code, office.county_code,
                                       assignable_facilitators(db, actor), self)
        self.fields.setReadOnly(not self.may_edit)
        self.save_button = QPushButton(tr("Save the details"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.save_button.setVisible(self.may_edit)
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel(self)
        self.saved_note.setObjectName("savedNote")
        self.figures = {key: value_label(self) for key in FIGURES}
        figures = QFormLayout()
        for key, label in (("members", tr("Present members")),
                           ("capital", tr("Members' capital")),
                           ("sales", tr("Sales in the last 12 months")),
                           ("costs", tr("Costs in the last 12 months")),
                           ("paid", tr("Paid to members in the last 12 months")),
                           ("paid_members", tr("Members paid an income")),
                           ("cash", tr("The business's cash now")),
                           ("trained", tr("Members trained")),
                           ("attendance", tr("Meeting attendance")),
                           ("links", tr("Running market links")),
                           ("bazaars", tr("Bazaar sales in the last 12 months"))):
            figures.addRow(label, self.figures[key])
        details = QGroupBox(tr("The group"), self)
        column = QVBoxLayout(details)
        column.addWidget(self.fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_note)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        glance = QGroupBox(tr("At a glance"), self)
        glance_column = QVBoxLayout(glance)
        glance_column.addLayout(figures)
        glance_column.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(details, 3)
        row.addWidget(glance, 2)

    def show_group(self, summary: WomenGroupSummary) -> None:
        self.summary = summary
        self.fields.load(summary.group)
        self._loaded = self.fields.value()
        self.saved_note.clear()
        shown = self.figures
        shown["members"].setText(tr("{members}, of whom {heads} female heads of household",
                                    members=to_persian_digits(len(summary.active_members)),
                                    heads=to_persian_digits(summary.female_heads)))
        shown["capital"].setText(format_rials(summary.members_capital))
        shown["sales"].setText(format_rials(summary.sales_12m))
        shown["costs"].setText(format_rials(summary.costs_12m))
        shown["paid"].setText(format_rials(summary.paid_out_12m))
        shown["paid_members"].setText(to_persian_digits(summary.members_paid_12m))
        shown["cash"].setText(format_rials(summary.books.cash))
        shown["trained"].setText(to_persian_digits(summary.members_trained))
        attendance = summary.meeting_attendance
        shown["attendance"].setText(NOT_KNOWN if attendance is None else percent(attendance))
        shown["links"].setText(to_persian_digits(len(summary.active_links)))
        shown["bazaars"].setText(format_rials(summary.bazaar_sales_12m))

    def is_dirty(self) -> bool:
        return self.may_edit and self.summary is not None \
            and self.fields.value() != self._loaded

    def save(self) -> bool:
        if not self.may_edit or self.summary is None:
            return False
        local = self.fields.local_errors()
        if local:
            self.fields.errors.show(local)
            return False
        group = self.summary.group
        try:
            update_women_group(self.db, self.actor, group.id, self.fields.value(),
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
