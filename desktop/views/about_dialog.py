"""About Karsaz: version, purpose, and the font's licence."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About Karsaz"))
        title = QLabel(tr("Karsaz"), self)
        title.setObjectName("areaTitle")
        version = QLabel(tr("Version {version}", version=to_persian_digits(__version__)), self)
        purpose = QLabel(tr("The county employment desk of the State Welfare Organization."), self)
        font = QLabel(tr("Font: Vazirmatn by Saber Rastikerdar, under the SIL Open Font "
                         "License."), self)
        font.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (title, version, purpose, font, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)
