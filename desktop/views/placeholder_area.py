"""The page of an area that is not built yet: it says so plainly, and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.i18n import tr
from desktop.views.areas import Area


class PlaceholderArea(QWidget):
    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr(area.title), self)
        title.setObjectName("areaTitle")
        card = QFrame(self)
        card.setObjectName("placeholderCard")
        status = QLabel(tr("This area is not built yet."), card)
        status.setStyleSheet("font-weight: bold;")
        summary = QLabel(tr("It will hold: {summary}", summary=tr(area.summary)), card)
        summary.setObjectName("areaNote")
        summary.setWordWrap(True)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(status)
        inner.addWidget(summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(card)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
