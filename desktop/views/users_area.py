"""User management for the administrator: who may sign in, and with which role."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services import users
from desktop.views.password_dialog import PasswordDialog
from desktop.views.user_dialog import UserDialog
from desktop.views.users_model import UsersTableModel
from desktop.views.widgets.field_error import FieldError


class UsersArea(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        title = QLabel(tr("Users"), self)
        title.setObjectName("areaTitle")
        self.model = UsersTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.add_button = QPushButton(tr("New user"), self)
        self.add_button.setObjectName("primary")
        self.edit_button = QPushButton(tr("Edit"), self)
        self.password_button = QPushButton(tr("New password"), self)
        self.unlock_button = QPushButton(tr("Unlock"), self)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.excel_button = QPushButton(tr("Excel export"), self)
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.error = FieldError(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.password_button,
                       self.unlock_button, self.excel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_users(users.list_users(self.db, self.actor))
        except KarsazError as error:
            self.error.show_message(error.message)

    def export_excel(self, path=None) -> None:
        """The office's few users, written at once (no task: a dozen rows)."""
        from desktop.services.list_exports import export_rows, user_columns
        from desktop.views.excel_export import ask_excel_path

        path = path or ask_excel_path(self, tr("users"))
        if path is None:
            return
        try:
            export_rows(users.list_users(self.db, self.actor), user_columns(), path,
                        tr("Users"))
        except (KarsazError, OSError) as error:
            self.error.show_message(getattr(error, "message", str(error)))

    def selected(self) -> users.UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def add_user(self) -> None:
        if UserDialog(self.db, self.actor, None, self).exec():
            self.refresh()

    def edit_user(self) -> None:
        user = self.selected()
        if user and UserDialog(self.db, self.actor, user, self).exec():
            self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user and PasswordDialog(self.db, self.actor, user, self).exec():
            self.refresh()

    def unlock(self) -> None:
        user = self.selected()
        if not user:
            return
        try:
            users.unlock_user(self.db, self.actor, user.id)
        except KarsazError as error:
            self.error.show_message(error.message)
        self.refresh()
