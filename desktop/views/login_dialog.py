"""Signing in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.errors import AuthenticationError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.office import get_office
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import latin_line_edit


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(tr("Sign in to Karsaz"))
        self.setMinimumWidth(420)
        office = get_office(db)
        title = QLabel(tr("Karsaz"), self)
        title.setObjectName("areaTitle")
        place = QLabel(tr("{office} — {county}", office=office.name, county=office.county_name),
                       self)
        place.setWordWrap(True)
        place.setObjectName("areaNote")
        self.username = latin_line_edit(self)
        self.password = latin_line_edit(self, password=True)
        self.error = FieldError(self)
        form = QFormLayout()
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Password"), self.password)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = buttons.addButton(tr("Sign in"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(place)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        try:
            self.actor = sign_in(self.db, self.username.text(), self.password.text())
        except AuthenticationError as error:
            self.error.show_message(error.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
