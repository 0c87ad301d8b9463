"""A women's group's details as typed: its kind, the details of every community group, and for a
cooperative its registration — number, date and registered capital. Shared by the new group
dialog and the women's group form."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.groups import GroupKind, MeetingFrequency
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.services.women_groups import WomenGroupInput, WomenGroupRecord
from desktop.views.group_fields import CommunityGroupFields
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import code_line_edit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit
from desktop.views.women_words import kind_choices

REGISTRATION = ("registration_number", "registered_on", "capital")


class WomenGroupFields(CommunityGroupFields):
    def rows_before(self) -> list[tuple[str, str, QWidget]]:
        self.kind: QComboBox = choice_combo(kind_choices(), self, empty=None)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_registration())
        return [(tr("Kind of group"), "kind", self.kind)]

    def rows_after(self) -> list[tuple[str, str, QWidget]]:
        self.registration_number = code_line_edit(self, max_length=30,
                                                  placeholder=tr("empty until registered"))
        self.registered_on = JalaliDateEdit(self)
        self.capital = MoneyEdit(self)
        return [(tr("Registration number"), "registration_number", self.registration_number),
                (tr("Registered on"), "registered_on", self.registered_on),
                (tr("Registered capital"), "capital", self.capital)]

    def _show_registration(self) -> None:
        cooperative = self.is_cooperative()
        for name in REGISTRATION:
            if name in getattr(self, "rows", {}):
                self.form.setRowVisible(self.rows[name], cooperative)

    def is_cooperative(self) -> bool:
        kind = combo_value(self.kind)
        return bool(kind) and GroupKind(kind).is_cooperative

    def load(self, group: WomenGroupRecord | None, kind: str = GroupKind.MUTUAL_HELP.value) -> None:
        select_data(self.kind, group.kind if group else kind)
        self.load_common(group, MeetingFrequency.MONTHLY)
        self.registration_number.setText(to_persian_digits(group.registration_number)
                                          if group else "")
        self.registered_on.setDate(group.registered_on if group else None)
        self.capital.setAmount(group.capital if group else None)
        if group is not None:
            # A mutual-help group and a cooperative keep their kind; a cooperative may change
            # between its two.
            for index in range(self.kind.count()):
                other = GroupKind(self.kind.itemData(index))
                self.kind.model().item(index).setEnabled(
                    other.is_cooperative == GroupKind(group.kind).is_cooperative)
        self._show_registration()
        self.errors.clear()

    def value(self) -> WomenGroupInput:
        cooperative = self.is_cooperative()
        return WomenGroupInput(
            kind=combo_value(self.kind) or "", **self.common_values(),
            registration_number=self.registration_number.text() if cooperative else "",
            registered_on=self.registered_on.date() if cooperative else None,
            capital=self.capital.amount() if cooperative else None)

    def local_errors(self) -> dict[str, str]:
        errors = super().local_errors()
        if self.is_cooperative():
            for name, field in (("registered_on", self.registered_on),
                                ("capital", self.capital)):
                if not field.is_valid():
                    errors[name] = field.error_message()
        return errors

    def setReadOnly(self, read_only: bool) -> None:
        super().setReadOnly(read_only)
        self.kind.setEnabled(not read_only)
        self.registration_number.setReadOnly(read_only)
        self.registered_on.setReadOnly(read_only)
        self.capital.setReadOnly(read_only)
