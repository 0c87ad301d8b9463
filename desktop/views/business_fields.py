"""A women's group's shared business as typed: what it makes or does, product or service, its
sector, when it started and the cash its books opened with."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop.domain.pathway import Sector
from desktop.domain.women_groups import BusinessKind
from desktop.i18n import tr
from desktop.services.women_groups import BusinessInput, BusinessRecord
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit


class BusinessFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(tr("e.g. making pomegranate paste"))
        self.kind = choice_combo(BusinessKind.choices(), self, empty=None)
        self.sector = choice_combo(Sector.choices(), self, empty=None)
        self.description = QLineEdit(self)
        self.started_on = JalaliDateEdit(self)
        self.opening_cash = MoneyEdit(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, name, field in (
                (tr("What it makes or does"), "title", self.title),
                (tr("Product or service"), "kind", self.kind),
                (tr("Sector"), "sector", self.sector),
                (tr("Description"), "description", self.description),
                (tr("Started on"), "started_on", self.started_on),
                (tr("Cash its books opened with"), "opening_cash", self.opening_cash)):
            form.addRow(label, self.errors.wrap(name, field))
        form.addRow(self.errors.general)
        self.focus_chain = [self.title, self.kind, self.sector, self.description,
                            self.started_on.line, self.opening_cash.line]

    def load(self, business: BusinessRecord | None) -> None:
        self.title.setText(business.title if business else "")
        select_data(self.kind, business.kind if business else BusinessKind.PRODUCT.value)
        select_data(self.sector, business.sector if business else Sector.INDUSTRY.value)
        self.description.setText(business.description if business else "")
        self.started_on.setDate(business.started_on if business else None)
        self.opening_cash.setAmount(business.opening_cash if business else 0)
        self.errors.clear()

    def is_empty(self) -> bool:
        return not self.title.text().strip()

    def value(self) -> BusinessInput:
        return BusinessInput(title=self.title.text(), kind=combo_value(self.kind) or "",
                             sector=combo_value(self.sector) or "",
                             description=self.description.text(),
                             started_on=self.started_on.date(),
                             opening_cash=self.opening_cash.amount() or 0)

    def local_errors(self) -> dict[str, str]:
        return {name: field.error_message() for name, field in
                (("started_on", self.started_on), ("opening_cash", self.opening_cash))
                if not field.is_valid()}

    def setReadOnly(self, read_only: bool) -> None:
        for line in (self.title, self.description):
            line.setReadOnly(read_only)
        self.started_on.setReadOnly(read_only)
        self.opening_cash.setReadOnly(read_only)
        self.kind.setEnabled(not read_only)
        self.sector.setEnabled(not read_only)
