"""The Qt application: right to left, Vazirmatn, Persian locale, the style sheet."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.i18n import tr
from desktop.views.garbage import collect_on_gui_thread

FONT_FAMILY = "Vazirmatn"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")


def load_fonts() -> str:
    """Register the embedded Vazirmatn (works inside an installer: read as bytes, not paths)."""
    family = FONT_FAMILY
    for name in FONT_FILES:
        data = resources.files("desktop.resources.fonts").joinpath(name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def style_sheet() -> str:
    return resources.files("desktop.resources.style").joinpath("karsaz.qss").read_text(
        encoding="utf-8")


def configure_application(app: QApplication) -> QApplication:
    app.setApplicationName("Karsaz")
    app.setApplicationDisplayName(tr("Karsaz"))
    app.setOrganizationName("Behzisti")
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    font = QFont(load_fonts(), 10)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    collect_on_gui_thread(app)
    return app


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, made and configured once."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        configure_application(app)
    elif app.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        configure_application(app)
    return app  # type: ignore[return-value]


def run_gui(database_url: str | None = None, data_dir: Path | None = None) -> int:
    """The window first (painted at once), then the database, the set-up or sign-in."""
    from desktop.views.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.show()
    window.open_database_soon(database_url, data_dir)
    return app.exec()
