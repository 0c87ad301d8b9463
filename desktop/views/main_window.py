"""The main window: navigation on the right, the chosen area, and the status bar.

It paints before the database is open (the heavy imports and the file come right after the
first paint), shows the sign-in panel, then the areas the signed-in role may use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.actor import Actor
from desktop.i18n import tr
from desktop.roles import ROLE_LABELS, Permission, can
from desktop.views.about_dialog import AboutDialog
from desktop.views.areas import AREAS, Area
from desktop.views.placeholder_area import PlaceholderArea
from desktop.views.sign_in_panel import SignInPanel
from desktop.views.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.database import Database
    from desktop.views.export_runs import ExportRuns


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, *,
                 export_check_ms: int | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.exports: ExportRuns | None = None     # once the database is open
        self._export_check_ms = export_check_ms
        self._owns_db = False
        self.actor: Actor | None = None
        self.tasks = TaskRunner(self)
        self.setWindowTitle(tr("Karsaz — county employment desk"))
        self.resize(1280, 800)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(250)
        self.stack = QStackedWidget(self)
        self.sign_in = SignInPanel(self)
        self.sign_in.signedIn.connect(self.start_session)
        self.stack.addWidget(self.sign_in)
        self.pages: dict[str, QWidget] = {}
        self.navigation.currentRowChanged.connect(self._show_row)
        body = QWidget(self)
        layout = QHBoxLayout(body)  # right to left: the first widget stands on the right
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.office_label = QLabel(self)
        self.user_label = QLabel(self)
        self.export_label = QLabel(self)
        self.next_export_label = QLabel(self)
        self.statusBar().addWidget(self.office_label)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.next_export_label)
        self.statusBar().addPermanentWidget(self.export_label)
        self._menus()

    # --- opening -------------------------------------------------------------------------
    def open_database_soon(self, url: str | None, data_dir: Path | None) -> None:
        """Open the database right after the window has painted."""
        QTimer.singleShot(0, lambda: self.open_database(url, data_dir))

    def open_database(self, url: str | None, data_dir: Path | None) -> bool:
        from desktop.database import open_database
        from desktop.errors import KarsazError

        try:
            db = open_database(url, data_dir=data_dir)
        except KarsazError as error:
            QMessageBox.critical(self, tr("Karsaz"), error.message)
            self.close()
            return False
        self._owns_db = True
        return self.attach_database(db)

    def attach_database(self, db: Database) -> bool:
        """Use ``db``: set the office up first if it has none, then offer to sign in."""
        from desktop.services.office import office_exists
        from desktop.views.first_run_wizard import FirstRunWizard

        self.db = db
        if not office_exists(db):
            wizard = FirstRunWizard(db, self)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                self.close()
                return False
        self._refresh_status()
        self.sign_in.set_database(db, self.office_label.text())
        self._start_exports(db)
        return True

    def _start_exports(self, db: Database) -> None:
        """The in-app timer of scheduled exports, running whoever is signed in."""
        from desktop.views.export_runs import CHECK_EVERY_MS, ExportRuns

        self.exports = ExportRuns(db, self.tasks, self,
                                  check_every_ms=self._export_check_ms or CHECK_EVERY_MS)
        self.exports.finished.connect(lambda _outcome: self._refresh_status())
        self.exports.failed.connect(lambda _message: self._refresh_status())
        self.exports.start_timer()

    # --- a session -----------------------------------------------------------------------
    def start_session(self, actor: Actor) -> None:
        self.actor = actor
        for area in AREAS:
            if area.admin_only and not can(actor, Permission.MANAGE_USERS):
                continue
            item = QListWidgetItem(tr(area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            page = self._page(area)
            self.pages[area.key] = page
            self.stack.addWidget(page)
            self.navigation.addItem(item)
        self.sign_out_action.setEnabled(True)
        self._refresh_status()
        self.navigation.setCurrentRow(0)

    def _page(self, area: Area) -> QWidget:
        if area.key == "home":
            from desktop.views.home_area import HomeArea

            home = HomeArea(self.db, self.actor, self.tasks, self)
            home.openClient.connect(self.open_client)
            return home
        if area.key == "clients":
            from desktop.views.clients_area import ClientsArea

            clients = ClientsArea(self.db, self.actor, self.tasks, self)
            clients.openClient.connect(self.open_client)
            return clients
        if area.key == "microfinance":
            from desktop.views.groups_area import GroupsArea

            groups = GroupsArea(self.db, self.actor, self.tasks, self)
            groups.openGroup.connect(self.open_group)
            groups.newGroup.connect(self.new_group)
            return groups
        if area.key == "womens":
            from desktop.views.women_area import WomenGroupsArea

            womens = WomenGroupsArea(self.db, self.actor, self.tasks, self)
            womens.openGroup.connect(self.open_women_group)
            womens.newGroup.connect(self.new_women_group)
            return womens
        if area.key == "export":
            from desktop.views.export_area import ExportArea

            return ExportArea(self.db, self.actor, self.tasks, self, runs=self.exports)
        if area.key == "solar":
            from desktop.views.solar_area import SolarArea

            solar = SolarArea(self.db, self.actor, self.tasks, self)
            solar.openPlant.connect(self.open_plant)
            solar.newPlant.connect(self.new_plant)
            return solar
        if area.key == "dashboard":
            from desktop.views.dashboard_area import DashboardArea

            return DashboardArea(self.db, self.actor, self.tasks, self)
        if area.key == "users":
            from desktop.views.users_area import UsersArea

            return UsersArea(self.db, self.actor, self)
        return PlaceholderArea(area, self)

    def open_client(self, client_id: int | None, tab: str | None = None) -> None:
        """The client form on ``client_id`` (None: a new client), then the lists read again."""
        from desktop.views.client_form import ClientForm

        ClientForm(self.db, self.actor, client_id, self, tab=tab, tasks=self.tasks).exec()
        for key in ("clients", "home"):
            page = self.pages.get(key)
            if page is not None:
                page.refresh()  # type: ignore[attr-defined]

    def open_group(self, group_id: int) -> None:
        """The group form on ``group_id``, then the list of groups read again."""
        from desktop.views.group_form import GroupForm

        GroupForm(self.db, self.actor, group_id, self, tasks=self.tasks).exec()
        page = self.pages.get("microfinance")
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]

    def new_group(self) -> None:
        """«گروه جدید»: once set up, the new group opens on its members."""
        from desktop.views.new_group_dialog import NewGroupDialog

        dialog = NewGroupDialog(self.db, self.actor, self)
        if dialog.exec() and dialog.group is not None:
            from desktop.views.group_form import GroupForm

            GroupForm(self.db, self.actor, dialog.group.id, self, tab="members",
                      tasks=self.tasks).exec()
        page = self.pages.get("microfinance")
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]

    def open_women_group(self, group_id: int) -> None:
        """The women's group form on ``group_id``, then the list read again."""
        from desktop.views.women_group_form import WomenGroupForm

        WomenGroupForm(self.db, self.actor, group_id, self, tasks=self.tasks).exec()
        self._refresh_page("womens")

    def new_women_group(self) -> None:
        """«گروه جدید» of the women's groups: once set up, the group opens on its members."""
        from desktop.views.new_women_group_dialog import NewWomenGroupDialog

        dialog = NewWomenGroupDialog(self.db, self.actor, self)
        if dialog.exec() and dialog.group is not None:
            from desktop.views.women_group_form import WomenGroupForm

            WomenGroupForm(self.db, self.actor, dialog.group.id, self, tab="members",
                           tasks=self.tasks).exec()
        self._refresh_page("womens")

    def _refresh_page(self, key: str) -> None:
        page = self.pages.get(key)
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]

    def open_plant(self, plant_id: int) -> None:
        """The solar plant's form, then the plants read again."""
        from desktop.views.solar_plant_form import PlantForm

        PlantForm(self.db, self.actor, plant_id, self, tasks=self.tasks).exec()
        self._refresh_page("solar")

    def new_plant(self) -> None:
        """«نیروگاه جدید»: once registered, the plant opens on its shares."""
        from desktop.views.solar_plant_dialog import PlantDialog

        dialog = PlantDialog(self.db, self.actor, parent=self)
        if dialog.exec() and dialog.result_record is not None:
            from desktop.views.solar_plant_form import PlantForm

            PlantForm(self.db, self.actor, dialog.result_record.id, self, tab="shares",
                      tasks=self.tasks).exec()
        self._refresh_page("solar")

    def _show_row(self, row: int) -> None:
        if row >= 0:
            key = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
            self.stack.setCurrentWidget(self.pages[key])

    def show_area(self, key: str) -> None:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)
                return
        raise KeyError(key)

    def sign_out(self) -> None:
        self.tasks.wait_all()
        self.actor = None
        self.navigation.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.stack.setCurrentWidget(self.sign_in)
        self.sign_out_action.setEnabled(False)
        self._refresh_status()
        self.sign_in.reset()

    # --- chrome --------------------------------------------------------------------------
    def _menus(self) -> None:
        office = self.menuBar().addMenu(tr("Office"))
        self.sign_out_action = QAction(tr("Sign out"), self)
        self.sign_out_action.setEnabled(False)
        self.sign_out_action.triggered.connect(self.sign_out)
        office.addAction(self.sign_out_action)
        quit_action = QAction(tr("Quit"), self)
        quit_action.triggered.connect(self.close)
        office.addAction(quit_action)
        help_menu = self.menuBar().addMenu(tr("Help"))
        about = QAction(tr("About Karsaz"), self)
        about.triggered.connect(lambda: AboutDialog(self).exec())
        help_menu.addAction(about)

    def _refresh_status(self) -> None:
        if self.db is None:
            return
        from desktop.services.status import status_summary
        from desktop.views.export_words import moment

        summary = status_summary(self.db)
        self.office_label.setText(tr("{office} — {county}, {province}",
                                     office=summary.office_name, county=summary.county_name,
                                     province=summary.province_name))
        if self.actor is None:
            self.user_label.setText(tr("Not signed in"))
        else:
            self.user_label.setText(tr(
                "User: {name} ({role})", name=self.actor.full_name or self.actor.username,
                role=tr(ROLE_LABELS.get(self.actor.role, self.actor.role))))
        last = moment(summary.last_export_at) if summary.last_export_at else tr("no export yet")
        self.export_label.setText(tr("Last export: {when}", when=last))
        upcoming = summary.next_export_at
        self.next_export_label.setText(tr("Next export: {when}", when=moment(upcoming))
                                       if upcoming else tr("Not scheduled"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.exports is not None:
            self.exports.stop_timer()
        self.tasks.wait_all()
        self.tasks.shutdown()
        super().closeEvent(event)
        if self.db is not None and self._owns_db:
            self.db.dispose()
