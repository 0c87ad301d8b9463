"""Adding a user, or changing one's name, role and whether the account is active."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError, ValidationError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.models.users import Role
from desktop.services import users
from desktop.services.permissions import ROLE_LABELS
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import latin_line_edit


class UserDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, user: users.UserInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.user = db, actor, user
        self.setWindowTitle(tr("New user") if user is None else tr("Edit user"))
        self.setMinimumWidth(460)
        self.username = latin_line_edit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(tr(ROLE_LABELS[role]), role.value)
        self.active = QCheckBox(tr("Account is active"), self)
        self.active.setChecked(True)
        self.active.setVisible(user is not None)
        self.errors = {name: FieldError(self) for name in
                       ("username", "full_name", "role", "password", "password_again", "form")}
        form = QFormLayout()
        form.addRow(tr("User name"), self._with_error(self.username, "username"))
        form.addRow(tr("Full name"), self._with_error(self.full_name, "full_name"))
        form.addRow(tr("Role"), self._with_error(self.role, "role"))
        if user is None:
            # A password is set here only for a new user; an existing one changes it through
            # the password dialog, so these fields exist only in this case.
            self.password = latin_line_edit(self, password=True)
            self.password_again = latin_line_edit(self, password=True)
            form.addRow(tr("Password"), self._with_error(self.password, "password"))
            form.addRow(tr("Password again"),
                        self._with_error(self.password_again, "password_again"))
        else:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.full_name)
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
            self.active.setChecked(user.active)
            form.addRow("", self.active)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["form"])
        layout.addWidget(buttons)

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.errors[name])
        return box

    def _show(self, error: KarsazError) -> None:
        for label in self.errors.values():
            label.clear_message()
        fields = getattr(error, "errors", {}) or ({error.field: error.message} if error.field
                                                  else {})
        shown = False
        for name, message in fields.items():
            if name in self.errors:
                self.errors[name].show_message(message)
                shown = True
        if not shown:
            self.errors["form"].show_message(error.message)

    def save(self) -> None:
        try:
            if self.user is None:
                if self.password.text() != self.password_again.text():
                    raise ValidationError("The two passwords differ.", field="password_again")
                users.create_user(self.db, self.actor, username=self.username.text(),
                                  full_name=self.full_name.text(),
                                  role=self.role.currentData(), password=self.password.text())
            else:
                users.update_user(self.db, self.actor, self.user.id,
                                  full_name=self.full_name.text(), role=self.role.currentData(),
                                  active=self.active.isChecked(), version=self.user.version)
        except KarsazError as error:
            self._show(error)
            return
        self.accept()
