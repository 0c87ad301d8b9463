"""The main window: navigation on the right, the chosen area, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.database import Database
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.permissions import ROLE_LABELS, Permission, can
from desktop.services.status import status_summary
from desktop.views.about_dialog import AboutDialog
from desktop.views.areas import AREAS, Area
from desktop.views.placeholder_area import PlaceholderArea
from desktop.views.tasks import TaskRunner
from desktop.views.users_area import UsersArea


class MainWindow(QMainWindow):
    signedOut = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.setWindowTitle(tr("Karsaz — county employment desk"))
        self.resize(1280, 800)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(250)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        for area in AREAS:
            if area.admin_only and not can(actor, Permission.MANAGE_USERS):
                continue
            item = QListWidgetItem(tr(area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.navigation.addItem(item)
            page = self._page(area)
            self.pages[area.key] = page
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QWidget(self)
        layout = QHBoxLayout(body)  # right to left: the first widget stands on the right
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._menus()
        self._status_bar()

    def _page(self, area: Area) -> QWidget:
        if area.key == "users":
            return UsersArea(self.db, self.actor, self)
        return PlaceholderArea(area, self)

    def show_area(self, key: str) -> None:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)
                return
        raise KeyError(key)

    def _menus(self) -> None:
        office = self.menuBar().addMenu(tr("Office"))
        sign_out = QAction(tr("Sign out"), self)
        sign_out.triggered.connect(self._sign_out)
        office.addAction(sign_out)
        quit_action = QAction(tr("Quit"), self)
        quit_action.triggered.connect(self.close)
        office.addAction(quit_action)
        help_menu = self.menuBar().addMenu(tr("Help"))
        about = QAction(tr("About Karsaz"), self)
        about.triggered.connect(lambda: AboutDialog(self).exec())
        help_menu.addAction(about)

    def _status_bar(self) -> None:
        summary = status_summary(self.db)
        self.office_label = QLabel(
            tr("{office} — {county}, {province}", office=summary.office_name,
               county=summary.county_name, province=summary.province_name), self)
        self.user_label = QLabel(
            tr("User: {name} ({role})", name=self.actor.full_name or self.actor.username,
               role=tr(ROLE_LABELS.get(self.actor.role, self.actor.role))), self)
        last = (format_jalali(summary.last_export_at.date()) if summary.last_export_at
                else tr("no export yet"))
        self.export_label = QLabel(tr("Last export: {when}", when=last), self)
        bar = self.statusBar()
        bar.addWidget(self.office_label)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.export_label)

    def _sign_out(self) -> None:
        self.signedOut.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.wait_all()
        super().closeEvent(event)
