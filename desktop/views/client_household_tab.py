"""The household tab (خانوار و تحصیلات): household size, dependants, education, student."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from desktop.domain.people import Education
from desktop.i18n import tr
from desktop.services.clients import ClientRecord
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import NumberEdit, chain_tab_order
from desktop.views.widgets.form_errors import FieldErrors


class HouseholdTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.household_size = NumberEdit(self, max_length=2)
        self.dependants = NumberEdit(self, max_length=2)
        for edit in (self.household_size, self.dependants):
            edit.setMaximumWidth(120)
        self.education = choice_combo(Education.choices(), self)
        self.education.setMaximumWidth(360)
        self.student = QCheckBox(tr("University student"), self)
        form = QFormLayout(self)
        form.addRow(tr("Household size"), self.errors.wrap("household_size",
                                                            self.household_size))
        form.addRow(tr("Dependants"), self.errors.wrap("dependants", self.dependants))
        form.addRow(tr("Education"), self.errors.wrap("education", self.education))
        form.addRow("", self.errors.wrap("student", self.student))
        chain_tab_order(self.fields())

    def fields(self) -> list[QWidget]:
        return [self.household_size, self.dependants, self.education, self.student]

    def load(self, client: ClientRecord | None) -> None:
        self.household_size.setValue(client.household_size if client else None)
        self.dependants.setValue(client.dependants if client else None)
        select_data(self.education, client.education if client else None)
        self.student.setChecked(bool(client and client.student))
        self.errors.clear()

    def student_group(self, chosen: bool) -> None:
        """A university student under coverage is a student: the flag follows the group."""
        if chosen:
            self.student.setChecked(True)
        self.student.setEnabled(not chosen and not self._read_only())

    def _read_only(self) -> bool:
        return self.household_size.isReadOnly()

    def values(self) -> dict[str, object]:
        def number(edit: NumberEdit) -> int | None:
            try:
                return edit.value()
            except ValueError:
                return None

        return dict(household_size=number(self.household_size),
                    dependants=number(self.dependants),
                    education=combo_value(self.education), student=self.student.isChecked())

    def local_errors(self) -> dict[str, str]:
        errors = {}
        for name, edit in (("household_size", self.household_size),
                           ("dependants", self.dependants)):
            try:
                edit.value()
            except ValueError as exc:
                errors[name] = str(exc)
        return errors

    def state(self) -> tuple[object, ...]:
        return (self.household_size.text(), self.dependants.text(),
                self.education.currentIndex(), self.student.isChecked())

    def setReadOnly(self, read_only: bool) -> None:
        self.household_size.setReadOnly(read_only)
        self.dependants.setReadOnly(read_only)
        self.education.setEnabled(not read_only)
        self.student.setEnabled(not read_only)
