"""A member of a women's group: a client of the office chosen from the registry (names come from
her file), or a person not registered here, named here; her office in the group, the dates of
joining and leaving, and what she put into the group's capital."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import roles_of
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.client_search import ClientRow
from desktop.services.women_groups import WomenGroupRecord
from desktop.services.women_members import (
    WomenMemberInput,
    WomenMemberRecord,
    add_women_member,
    update_women_member,
)
from desktop.views.client_picker import ClientPicker, is_female_head
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import code_line_edit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit
from desktop.views.women_words import marked_tip

PERSON_ROWS = ("first_name", "last_name", "national_code", "mobile")


class WomenMemberDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, group: WomenGroupRecord,
                 member: WomenMemberRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New member") if member is None
                         else tr("Member: {name}", name=member.full_name))
        self.setMinimumWidth(640)
        self.db, self.actor, self.group, self.member = db, actor, group, member
        self.picker: ClientPicker | None = None
        self.not_registered: QCheckBox | None = None
        self.found = QLabel(self)
        self.found.setObjectName("areaNote")
        self.found.setWordWrap(True)
        if member is None:
            self.set_intro(tr("Choose the member from the clients of the office; someone not "
                              "registered here is named below."))
            self.picker = self.add_row(tr("Client"), "client_id", ClientPicker(db, actor, self))
            self.picker.chosen.connect(self._chosen)
            self.not_registered = QCheckBox(tr("Not registered as a client: type the name"),
                                            self)
            self.not_registered.toggled.connect(self._show_person)
            self.form.addRow("", self.not_registered)
        self.form.addRow("", self.found)
        self.first_name = self.add_row(tr("First name"), "first_name", QLineEdit(self))
        self.last_name = self.add_row(tr("Last name"), "last_name", QLineEdit(self))
        self.national_code = self.add_row(tr("National code"), "national_code", code_line_edit(
            self, max_length=14, placeholder=tr("10 digits")))
        self.mobile = self.add_row(tr("Mobile"), "mobile", code_line_edit(
            self, max_length=16, placeholder=tr("e.g. 09121234567")))
        self.role = self.add_row(tr("Role in the group"), "role", choice_combo(
            roles_of(group.kind).choices(), self, empty=None))
        self.joined_on = self.add_row(tr("Joined on"), "joined_on",
                                      JalaliDateEdit(self, required=True))
        self.left_on = self.add_row(tr("Left on"), "left_on", JalaliDateEdit(self))
        self.left_on.setToolTip(tr("Empty while the person is a member"))
        self.capital = self.add_row(tr("Capital contribution"), "capital_contribution",
                                    MoneyEdit(self))
        if member is None:
            select_data(self.role, "member")
            self.joined_on.setDate(max(today(), group.formed_on))
            self.capital.setAmount(0)
        else:
            self._fill(member)
        self._show_person()

    def _fill(self, member: WomenMemberRecord) -> None:
        self.first_name.setText(member.first_name)
        self.last_name.setText(member.last_name)
        self.national_code.setText(to_persian_digits(member.national_code))
        self.mobile.setText(to_persian_digits(member.mobile))
        select_data(self.role, member.role)
        self.joined_on.setDate(member.joined_on)
        self.left_on.setDate(member.left_on)
        self.capital.setAmount(member.capital_contribution)
        if member.client_id is not None:
            self._say(tr("A client of the office: the name comes from her file."),
                      member.female_head)
        elif member.marked:
            self._say("", False)

    def _typed_person(self) -> bool:
        """The person is named here (not a client of the office)."""
        if self.member is not None:
            return self.member.client_id is None
        return bool(self.not_registered and self.not_registered.isChecked())

    def _show_person(self) -> None:
        typed = self._typed_person()
        for name in PERSON_ROWS:
            self.show_row(name, typed or self.member is not None)
        for line in (self.first_name, self.last_name, self.national_code, self.mobile):
            line.setReadOnly(not typed)
        if self.picker is not None:
            self.show_row("client_id", not typed)
            if typed:
                self._say("", False)
            else:
                self._chosen(self.picker.client())

    def _chosen(self, client: ClientRow | None) -> None:
        if client is None:
            self.found.clear()
            self.found.hide()
            return
        self._say(tr("Chosen: {name}, national code {code}.",
                     name=f"{client.first_name} {client.last_name}",
                     code=to_persian_digits(client.national_code)),
                  is_female_head(self.db, self.actor, client))

    def _say(self, text: str, female_head: bool) -> None:
        if not female_head:
            text = " ".join(t for t in (text, marked_tip(), tr("She is marked in the list."))
                            if t)
        self.found.setText(text)
        self.found.setVisible(bool(text))

    def local_errors(self) -> dict[str, str]:
        errors = {name: field.error_message() for name, field in
                  (("joined_on", self.joined_on), ("left_on", self.left_on),
                   ("capital_contribution", self.capital)) if not field.is_valid()}
        if self.picker is not None and not self._typed_person() and self.picker.client() is None:
            errors["client_id"] = tr("Choose the client from the list, or tick the box for "
                                     "someone not registered here.")
        return errors

    def submit(self) -> WomenMemberRecord:
        if self.member is not None:
            client_id = self.member.client_id
        elif self._typed_person() or self.picker is None:
            client_id = None
        else:
            chosen = self.picker.client()
            client_id = chosen.id if chosen else None
        data = WomenMemberInput(
            joined_on=self.joined_on.date(), client_id=client_id,
            first_name=self.first_name.text(), last_name=self.last_name.text(),
            national_code=self.national_code.text(), mobile=self.mobile.text(),
            role=combo_value(self.role) or "", left_on=self.left_on.date(),
            capital_contribution=self.capital.amount() or 0)
        if self.member is None:
            return add_women_member(self.db, self.actor, self.group.id, data)
        return update_women_member(self.db, self.actor, self.member.id, data,
                                   version=self.member.version)
