"""A community group's details as typed: name, place, facilitator, how often it meets, its
status; a micro-finance group's bank. Shared by «گروه جدید» and the group form's details tab
(the women's groups add their own rows in women_group_fields.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop import reference
from desktop.clock import today
from desktop.domain.groups import GroupStatus, MeetingFrequency
from desktop.fa.collate import sort_key
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.services.cases import Facilitator
from desktop.services.groups import GroupInput, GroupRecord
from desktop.services.women_groups import WomenGroupRecord
from desktop.views.widgets.choices import (
    choice_combo,
    combo_bool,
    combo_value,
    select_bool,
    select_data,
    yes_no_combo,
)
from desktop.views.widgets.fields import code_line_edit
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class CommunityGroupFields(QWidget):
    """The details every community group has; a kind of group adds its own rows through
    ``rows_before`` (above the name) and ``rows_after`` (below the status)."""

    def __init__(self, province_code: str, office_county: str,
                 facilitators: list[Facilitator], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_county = office_county
        self.errors = FieldErrors(self)
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        counties = sorted(reference.counties(province_code),
                          key=lambda c: (c.code != office_county, sort_key(c.name_fa)))
        self.county = choice_combo([(c.code, c.name_fa) for c in counties], self)
        self.locality = QLineEdit(self)
        self.locality.setPlaceholderText(tr("The village or neighbourhood where it meets"))
        self.urban = yes_no_combo(self, yes=tr("Urban"), no=tr("Rural"), empty=None)
        self.facilitator = choice_combo([(f.id, f.full_name) for f in facilitators], self)
        self.formed_on = JalaliDateEdit(self, required=True)
        self.frequency = choice_combo(MeetingFrequency.choices(), self, empty=None)
        self.status = choice_combo(GroupStatus.choices(), self, empty=None)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        before, after = self.rows_before(), self.rows_after()
        self.rows: dict[str, QWidget] = {}
        for label, name, field in (
                *before,
                (tr("Group name"), "name", self.name),
                (tr("County"), "county_code", self.county),
                (tr("Village or neighbourhood"), "locality", self.locality),
                (tr("Urban or rural"), "urban", self.urban),
                (tr("Facilitator"), "facilitator_id", self.facilitator),
                (tr("Formed on"), "formed_on", self.formed_on),
                (tr("Meets"), "meeting_frequency", self.frequency),
                (tr("Status"), "status", self.status),
                *after,
                (tr("Notes"), "notes", self.notes)):
            self.rows[name] = self.errors.wrap(name, field)
            self.form.addRow(label, self.rows[name])
        self.form.addRow(self.errors.general)
        self.focus_chain = [*(_focus(f) for _l, _n, f in before), self.name, self.county,
                            self.locality, self.urban, self.facilitator, self.formed_on.line,
                            self.frequency, self.status, *(_focus(f) for _l, _n, f in after),
                            self.notes]

    def rows_before(self) -> list[tuple[str, str, QWidget]]:
        return []

    def rows_after(self) -> list[tuple[str, str, QWidget]]:
        return []

    def load_common(self, group: GroupRecord | WomenGroupRecord | None,
                    frequency: MeetingFrequency) -> None:
        self.name.setText(group.name if group else "")
        select_data(self.county, group.county_code if group else self.office_county)
        self.locality.setText(group.locality if group else "")
        select_bool(self.urban, group.urban if group else False)
        select_data(self.facilitator, group.facilitator_id if group else None)
        self.formed_on.setDate(group.formed_on if group else today())
        select_data(self.frequency, group.meeting_frequency if group else frequency.value)
        select_data(self.status, group.status if group else GroupStatus.ACTIVE.value)
        self.notes.setPlainText(group.notes if group else "")

    def common_values(self) -> dict[str, object]:
        return dict(
            name=self.name.text(), county_code=combo_value(self.county) or "",
            formed_on=self.formed_on.date(), meeting_frequency=combo_value(self.frequency) or "",
            locality=self.locality.text(), urban=bool(combo_bool(self.urban)),
            facilitator_id=combo_value(self.facilitator), status=combo_value(self.status) or "",
            notes=self.notes.toPlainText())

    def local_errors(self) -> dict[str, str]:
        if not self.formed_on.is_valid():
            return {"formed_on": self.formed_on.error_message()}
        return {}

    def setReadOnly(self, read_only: bool) -> None:
        for line in (self.name, self.locality):
            line.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.formed_on.setReadOnly(read_only)
        for combo in (self.county, self.urban, self.facilitator, self.frequency, self.status):
            combo.setEnabled(not read_only)


def _focus(field: QWidget) -> QWidget:
    """The widget that takes the focus in a field (a date's or an amount's line)."""
    return getattr(field, "line", field)


class GroupFields(CommunityGroupFields):
    """A micro-finance group's: the common details and its bank."""

    def rows_after(self) -> list[tuple[str, str, QWidget]]:
        self.bank_name = QLineEdit(self)
        self.bank_branch = QLineEdit(self)
        self.bank_sheba = code_line_edit(self, max_length=34, placeholder="IR…")
        return [(tr("Bank"), "bank_name", self.bank_name),
                (tr("Branch"), "bank_branch", self.bank_branch),
                (tr("Joint account Sheba"), "bank_sheba", self.bank_sheba)]

    def load(self, group: GroupRecord | None) -> None:
        self.load_common(group, MeetingFrequency.FORTNIGHTLY)
        self.bank_name.setText(group.bank_name if group else "")
        self.bank_branch.setText(group.bank_branch if group else "")
        self.bank_sheba.setText(to_persian_digits(group.bank_sheba) if group else "")
        self.errors.clear()

    def value(self) -> GroupInput:
        return GroupInput(**self.common_values(), bank_name=self.bank_name.text(),
                          bank_branch=self.bank_branch.text(),
                          bank_sheba=self.bank_sheba.text())

    def state(self) -> GroupInput:
        """What is typed, to tell whether anything changed."""
        return self.value()

    def setReadOnly(self, read_only: bool) -> None:
        super().setReadOnly(read_only)
        for line in (self.bank_name, self.bank_branch, self.bank_sheba):
            line.setReadOnly(read_only)
