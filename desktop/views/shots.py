"""How each view is set up for its screenshot: signed in, filled with demo data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.database import Database
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.views.areas import AREAS
from desktop.views.shots_clients import CLIENT_FORM_BUILDERS
from desktop.views.shots_dashboard import DASHBOARD_BUILDERS
from desktop.views.shots_export import EXPORT_BUILDERS
from desktop.views.shots_groups import GROUP_BUILDERS
from desktop.views.shots_import import IMPORT_BUILDERS
from desktop.views.shots_printing import PRINTING_BUILDERS
from desktop.views.shots_solar import SOLAR_BUILDERS
from desktop.views.shots_women import WOMEN_BUILDERS


def _admin(db: Database):
    return sign_in(db, "admin", DEMO_PASSWORD)


def main_window(db: Database, area: str = "home", username: str = "admin") -> QWidget:
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    window.attach_database(db)
    window.start_session(sign_in(db, username, DEMO_PASSWORD))
    window.show_area(area)
    for key in ("home", "clients", "microfinance", "womens", "solar", "export", "dashboard"):
        _settle(window.pages[key])
    return window


def _settle(page) -> None:
    """Let an area's background reads arrive before the picture is taken."""
    from PySide6.QtWidgets import QApplication

    while page.busy:
        page.tasks.wait_all()
        QApplication.processEvents()


def clients_searched(db: Database) -> QWidget:
    """The clients list with a name fragment typed and one filter set."""
    window = main_window(db, "clients")
    area = window.pages["clients"]
    area.search.setText("رضا")
    area.filter_bar.county.setCurrentIndex(1)  # the office's own county
    area.apply_filters()
    _settle(area)
    return window


def opening_window(db: Database) -> QWidget:
    """The first paint: the window before its database has opened."""
    from desktop.views.main_window import MainWindow

    return MainWindow()


def first_run_wizard(db: Database, page: int = 0) -> QWidget:
    from desktop.database import open_database
    from desktop.views.first_run_wizard import FirstRunWizard

    # The wizard runs on a database with no office: an in-memory one is enough to show it.
    wizard = FirstRunWizard(open_database("sqlite://"))
    wizard.place.province.setCurrentIndex(wizard.place.province.findData("07"))
    wizard.place.county.setCurrentIndex(wizard.place.county.findData("0707"))
    wizard.place.office_name.setText("اداره بهزیستی شهرستان شیراز")
    if page:
        wizard.restart()
        wizard.next()
        wizard.admin.username.setText("admin")
        wizard.admin.full_name.setText("مدیر سامانه")
        wizard.admin.password.setText("short")
        wizard.admin.password_again.setText("short")
        wizard.admin.validatePage()
    return wizard


def sign_in_window(db: Database, wrong: bool = False) -> QWidget:
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    window.attach_database(db)
    window.sign_in.username.setText("admin")
    if wrong:
        window.sign_in.password.setText("not-the-password")
        window.sign_in.try_sign_in()
    return window


def user_dialog(db: Database, edit: bool = False) -> QWidget:
    from desktop.services.users import list_users
    from desktop.views.user_dialog import UserDialog

    actor = _admin(db)
    user = next(u for u in list_users(db, actor) if u.username == "facilitator1") if edit else None
    dialog = UserDialog(db, actor, user)
    if not edit:
        dialog.username.setText("z")
        dialog.full_name.setText("زهرا کریمی")
        dialog.save()  # shows what a wrong entry looks like
    return dialog


def password_dialog(db: Database) -> QWidget:
    from desktop.services.users import list_users
    from desktop.views.password_dialog import PasswordDialog

    actor = _admin(db)
    return PasswordDialog(db, actor, next(u for u in list_users(db, actor)
                                          if u.username == "facilitator2"))


def about_dialog(db: Database) -> QWidget:
    from desktop.views.about_dialog import AboutDialog

    return AboutDialog()


def progress_dialog(db: Database) -> QWidget:
    from desktop.i18n import tr
    from desktop.views.progress_dialog import ProgressDialog
    from desktop.views.tasks import TaskHandle

    handle = TaskHandle("demo")
    dialog = ProgressDialog(handle, tr("Making a backup"))
    dialog._progress(420, 1000, "")
    return dialog


def jalali_date_edit(db: Database) -> QWidget:
    from PySide6.QtWidgets import QFormLayout

    from desktop.i18n import tr
    from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

    panel = QWidget()
    form = QFormLayout(panel)
    good = JalaliDateEdit(panel)
    good.setDate(dt.date(2024, 10, 6))
    typed = JalaliDateEdit(panel)
    typed.line.setText("1403-7-20")
    typed.is_valid()
    wrong = JalaliDateEdit(panel)
    wrong.line.setText("۱۴۰۴/۱۲/۳۰")
    wrong.is_valid()
    form.addRow(tr("Referral date"), good)
    form.addRow(tr("Job start date"), typed)
    form.addRow(tr("Visit date"), wrong)
    return panel


def jalali_calendar(db: Database) -> QWidget:
    from desktop.views.widgets.jalali_calendar import JalaliCalendar, to_qdate

    calendar = JalaliCalendar()
    calendar.setSelectedDate(to_qdate(dt.date(2024, 10, 6)))
    return calendar


BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "main_window": (main_window, (1280, 800)),
    **{f"area_{a.key}": ((lambda db, key=a.key: main_window(db, key)), (1280, 800))
       for a in AREAS if a.key not in ("home", "womens")},
    "clients_searched": (clients_searched, (1280, 800)),
    "home_facilitator": ((lambda db: main_window(db, "home", "facilitator1")), (1280, 800)),
    "first_run_wizard": (first_run_wizard, (680, 500)),
    "first_run_wizard_admin": ((lambda db: first_run_wizard(db, 1)), (680, 540)),
    "opening_window": (opening_window, (1280, 800)),
    "sign_in": (sign_in_window, (1280, 800)),
    "sign_in_wrong_password": ((lambda db: sign_in_window(db, True)), (1280, 800)),
    "user_dialog_new": (user_dialog, None),
    "user_dialog_edit": ((lambda db: user_dialog(db, True)), None),
    "password_dialog": (password_dialog, None),
    "about_dialog": (about_dialog, None),
    "progress_dialog": (progress_dialog, None),
    "jalali_date_edit": (jalali_date_edit, (520, 260)),
    "jalali_calendar": (jalali_calendar, (360, 280)),
    **CLIENT_FORM_BUILDERS,
    **PRINTING_BUILDERS,
    **GROUP_BUILDERS,
    **WOMEN_BUILDERS,
    **EXPORT_BUILDERS,
    **SOLAR_BUILDERS,
    **IMPORT_BUILDERS,
    **DASHBOARD_BUILDERS,
}
