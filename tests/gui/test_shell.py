"""The main window, the first-run wizard, signing in and user management, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.database import Database, open_database
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.office import get_office, office_exists
from desktop.views.first_run_wizard import FirstRunWizard
from desktop.views.main_window import MainWindow
from desktop.views.placeholder_area import PlaceholderArea
from desktop.views.user_dialog import UserDialog
from desktop.views.users_area import UsersArea
from desktop.views.users_model import UsersTableModel


def test_application_is_right_to_left_in_vazirmatn(karsaz_app: QApplication) -> None:
    assert karsaz_app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert karsaz_app.font().family() == "Vazirmatn"


def test_wizard_sets_up_the_office(qtbot, tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    place = wizard.place
    place.province.setCurrentIndex(place.province.findData("07"))
    assert place.county.findData("0707") >= 0 and place.county.findData("2301") < 0
    place.county.setCurrentIndex(place.county.findData("0710"))
    place.office_name.setText("اداره بهزیستی کازرون")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    wizard.admin.username.setText("Admin")
    wizard.admin.full_name.setText("مدیر سامانه")
    wizard.admin.password.setText("short")
    wizard.admin.password_again.setText("short")
    assert not wizard.admin.validatePage()
    assert "۸" in wizard.admin.errors["admin_password"].text()
    assert not office_exists(db)
    wizard.admin.password.setText("long-enough")
    wizard.admin.password_again.setText("long-enough")
    wizard.accept()  # Finish validates the last page first
    assert wizard.result() == QDialog.DialogCode.Accepted
    office = get_office(db)
    assert (office.county_code, office.county_name) == ("0710", "کازرون")
    assert sign_in(db, "admin", "long-enough").role == "admin"
    db.dispose()


def test_wizard_refuses_a_county_typed_that_is_not_listed(qtbot, tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.place.county.setEditText("جایی که نیست")
    wizard.place.office_name.setText("اداره")
    assert not wizard.place.validatePage()
    assert wizard.place.errors["county_code"].text()
    db.dispose()


def _window(qtbot, db: Database) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.sign_in.sign_in_button.isEnabled()  # painted before the database opens
    window.attach_database(db)
    return window


def test_sign_in_failure_lockout_success_and_sign_out(qtbot, demo_db: Database) -> None:
    window = _window(qtbot, demo_db)
    panel = window.sign_in
    assert panel.sign_in_button.isEnabled()
    assert "شیراز" in panel.place.text()
    panel.username.setText("expert")
    for _attempt in range(5):
        panel.password.setText("wrong-password")
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
        assert window.actor is None
        assert panel.password.text() == ""
    assert "قفل" in panel.error.text() and "۵" in panel.error.text()
    panel.username.setText("admin")
    panel.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(panel.signedIn):
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.actor is not None and window.actor.username == "admin"
    assert window.navigation.count() == 9
    assert window.navigation.item(0).text() == "کارتابل"  # the worklists come first
    assert window.sign_out_action.isEnabled()
    window.sign_out_action.trigger()
    assert window.actor is None and window.navigation.count() == 0
    assert window.stack.currentWidget() is panel
    assert "وارد نشده" in window.user_label.text()


def test_opening_a_new_database_runs_the_wizard_first(qtbot, tmp_path: Path,
                                                      monkeypatch) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    seen = []
    monkeypatch.setattr(FirstRunWizard, "exec",
                        lambda self: seen.append(self) or QDialog.DialogCode.Rejected)
    assert not window.open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}", None)
    assert len(seen) == 1


def test_main_window_areas_and_status_bar(qtbot, demo_db: Database, admin) -> None:
    window = _window(qtbot, demo_db)
    window.start_session(admin)
    assert "شیراز" in window.office_label.text()
    assert "مدیر سامانه" in window.user_label.text()
    assert "هنوز" in window.export_label.text()
    window.show_area("settings")
    page = window.stack.currentWidget()
    assert isinstance(page, PlaceholderArea)
    window.show_area("users")
    assert isinstance(window.stack.currentWidget(), UsersArea)
    # The navigation sits on the right in a right-to-left window.
    assert window.navigation.geometry().x() > window.stack.geometry().x()


def test_users_area_is_for_the_admin_only(qtbot, demo_db: Database) -> None:
    facilitator = sign_in(demo_db, "facilitator1", DEMO_PASSWORD)
    window = _window(qtbot, demo_db)
    window.start_session(facilitator)
    assert "users" not in window.pages
    assert window.navigation.count() == 8


def test_admin_adds_a_user(qtbot, demo_db: Database, admin) -> None:
    area = UsersArea(demo_db, admin)
    qtbot.addWidget(area)
    before = area.model.rowCount()
    dialog = UserDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.username.setText("sara")
    dialog.full_name.setText("سارا نوری")
    dialog.role.setCurrentIndex(dialog.role.findData("facilitator"))
    dialog.password.setText("sara-password")
    dialog.password_again.setText("sara-passw0rd")
    dialog.save()
    assert dialog.errors["password_again"].text() == "دو گذرواژه یکسان نیستند."
    dialog.password_again.setText("sara-password")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    area.refresh()
    assert area.model.rowCount() == before + 1
    assert sign_in(demo_db, "sara", "sara-password").role == "facilitator"


def test_user_dialog_shows_the_service_error_next_to_the_field(qtbot, demo_db, admin) -> None:
    dialog = UserDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.username.setText("expert")
    dialog.full_name.setText("تکراری")
    dialog.password.setText("long-enough")
    dialog.password_again.setText("long-enough")
    dialog.save()
    assert "گرفته" in dialog.errors["username"].text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_users_model_passes_the_model_tester(qtmodeltester, demo_db, admin) -> None:
    from desktop.services.users import list_users

    model = UsersTableModel(list_users(demo_db, admin))
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "نام کاربری"
