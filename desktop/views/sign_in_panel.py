"""Signing in, inside the main window: it is painted at once and comes alive when the
database is open, so a slow office PC shows the program immediately."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import latin_line_edit

if TYPE_CHECKING:
    from desktop.database import Database


class SignInPanel(QWidget):
    signedIn = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        card = QFrame(self)
        card.setObjectName("placeholderCard")
        card.setFixedWidth(440)
        title = QLabel(tr("Sign in to Karsaz"), card)
        title.setObjectName("areaTitle")
        self.place = QLabel(tr("Opening the database…"), card)
        self.place.setObjectName("areaNote")
        self.place.setWordWrap(True)
        self.username = latin_line_edit(card)
        self.password = latin_line_edit(card, password=True)
        self.error = FieldError(card)
        self.sign_in_button = QPushButton(tr("Sign in"), card)
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.password.returnPressed.connect(self.try_sign_in)
        self.username.returnPressed.connect(self.password.setFocus)
        form = QFormLayout()
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Password"), self.password)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(self.place)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignLeading)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(enabled)

    def set_database(self, db: Database, office_text: str) -> None:
        self.db = db
        self.place.setText(office_text)
        self._set_enabled(True)
        self.reset()

    def reset(self) -> None:
        self.password.clear()
        self.error.clear_message()
        (self.password if self.username.text() else self.username).setFocus()

    def try_sign_in(self) -> None:
        if self.db is None:
            return
        from desktop.errors import AuthenticationError
        from desktop.services.auth import sign_in

        try:
            actor = sign_in(self.db, self.username.text(), self.password.text())
        except AuthenticationError as error:
            self.error.show_message(error.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.error.clear_message()
        self.signedIn.emit(actor)
