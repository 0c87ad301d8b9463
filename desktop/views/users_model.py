"""The users table: one row per user, columns read right to left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.clock import utcnow
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.services.permissions import ROLE_LABELS
from desktop.services.users import UserInfo

COLUMNS = (N_("User name"), N_("Full name"), N_("Role"), N_("Status"), N_("Last sign-in"))
Index = QModelIndex | QPersistentModelIndex


class UsersTableModel(QAbstractTableModel):
    def __init__(self, users: list[UserInfo] | None = None) -> None:
        super().__init__()
        self._users = list(users or [])

    def set_users(self, users: list[UserInfo]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> UserInfo:
        return self._users[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self._users[index.row()]
        column = index.column()
        if column == 0:
            return user.username
        if column == 1:
            return user.full_name
        if column == 2:
            return tr(ROLE_LABELS.get(user.role, user.role))
        if column == 3:
            if not user.active:
                return tr("Inactive")
            if user.locked_until and user.locked_until > utcnow():
                return tr("Locked")
            return tr("Active")
        return format_jalali(user.last_login_at.date()) if user.last_login_at else "—"
