"""A member of a group: a client of the office found by national code (names come from the
registry), or a person named here; the role, and the dates of joining and leaving."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.groups import MemberRole
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.clients import find_by_national_code
from desktop.services.group_members import MemberInput, MemberRecord, add_member, update_member
from desktop.services.groups import GroupRecord
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import code_line_edit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class MemberDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, group: GroupRecord,
                 member: MemberRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New member") if member is None
                         else tr("Member: {name}", name=member.full_name))
        self.db, self.actor, self.group, self.member = db, actor, group, member
        self.client_id: int | None = member.client_id if member else None
        self._looked_up = member.national_code if member else ""
        self.set_intro(tr("Type the national code: a client of the office is linked and named "
                          "from their record; anyone else, type the name."))
        self.national_code = self.add_row(tr("National code"), "national_code", code_line_edit(
            self, max_length=14, placeholder=tr("10 digits")))
        self.found = QLabel(self)
        self.found.setObjectName("areaNote")
        self.found.setWordWrap(True)
        self.form.addRow("", self.found)
        self.first_name = self.add_row(tr("First name"), "first_name", QLineEdit(self))
        self.last_name = self.add_row(tr("Last name"), "last_name", QLineEdit(self))
        self.mobile = self.add_row(tr("Mobile"), "mobile", code_line_edit(
            self, max_length=16, placeholder=tr("e.g. 09121234567")))
        self.role = self.add_row(tr("Role in the group"), "role",
                                 choice_combo(MemberRole.choices(), self, empty=None))
        self.joined_on = self.add_row(tr("Joined on"), "joined_on",
                                      JalaliDateEdit(self, required=True))
        self.left_on = self.add_row(tr("Left on"), "left_on", JalaliDateEdit(self))
        self.left_on.setToolTip(tr("Empty while the person is a member"))
        if member is None:
            select_data(self.role, MemberRole.MEMBER.value)
            self.joined_on.setDate(max(today(), group.formed_on))
        else:
            self.national_code.setText(to_persian_digits(member.national_code))
            self.first_name.setText(member.first_name)
            self.last_name.setText(member.last_name)
            self.mobile.setText(to_persian_digits(member.mobile))
            select_data(self.role, member.role)
            self.joined_on.setDate(member.joined_on)
            self.left_on.setDate(member.left_on)
        self.national_code.editingFinished.connect(self.look_up)
        self._show_link()

    def look_up(self) -> None:
        """A registered client with this code is linked; otherwise the names are typed."""
        text = self.national_code.text().strip()
        if text == self._looked_up:
            return
        self._looked_up = text
        client = find_by_national_code(self.db, self.actor, text) if text else None
        self.client_id = client.id if client else None
        if client is not None:
            self.national_code.setText(to_persian_digits(client.national_code))
            self._looked_up = self.national_code.text().strip()
            self.first_name.setText(client.first_name)
            self.last_name.setText(client.last_name)
            self.mobile.setText(to_persian_digits(client.mobile or ""))
        self._show_link()

    def _show_link(self) -> None:
        linked = self.client_id is not None
        for line in (self.first_name, self.last_name, self.mobile):
            line.setReadOnly(linked)
        if linked:
            self.found.setText(tr("A client of the office: {name}. The name comes from their "
                                  "record.", name=f"{self.first_name.text()} "
                                                  f"{self.last_name.text()}"))
        elif self.national_code.text().strip():
            self.found.setText(tr("Not a registered client: type the name."))
        else:
            self.found.setText("")
        self.found.setVisible(bool(self.found.text()))

    def local_errors(self) -> dict[str, str]:
        self.look_up()
        return {name: field.error_message() for name, field in
                (("joined_on", self.joined_on), ("left_on", self.left_on))
                if not field.is_valid()}

    def submit(self) -> MemberRecord:
        data = MemberInput(
            joined_on=self.joined_on.date(), role=combo_value(self.role) or "",
            client_id=self.client_id, first_name=self.first_name.text(),
            last_name=self.last_name.text(), national_code=self.national_code.text(),
            mobile=self.mobile.text(), left_on=self.left_on.date())
        if self.member is None:
            return add_member(self.db, self.actor, self.group.id, data)
        return update_member(self.db, self.actor, self.member.id, data,
                             version=self.member.version)
