"""The administrator sets a new password for a user who forgot theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.errors import KarsazError, ValidationError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import users
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import latin_line_edit


class PasswordDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, user: users.UserInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.user = db, actor, user
        self.setWindowTitle(tr("New password"))
        self.setMinimumWidth(420)
        note = QLabel(tr("A new password for {name}. Give it to them in person.",
                         name=user.full_name), self)
        note.setWordWrap(True)
        self.password = latin_line_edit(self, password=True)
        self.password_again = latin_line_edit(self, password=True)
        self.error = FieldError(self)
        form = QFormLayout()
        form.addRow(tr("New password"), self.password)
        form.addRow(tr("Password again"), self.password_again)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            if self.password.text() != self.password_again.text():
                raise ValidationError("The two passwords differ.", field="password_again")
            users.reset_password(self.db, self.actor, self.user.id, self.password.text())
        except KarsazError as error:
            self.error.show_message(error.message)
            return
        self.accept()
