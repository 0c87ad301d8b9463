"""A count at a glance that is also a button: a big number over what it counts."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.fa.money import format_amount


class CountCard(QPushButton):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countCard")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(150, 92)
        self.number = QLabel("…", self)
        self.number.setObjectName("cardCount")
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(2)
        for label in (self.number, self.title):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.count: int | None = None

    # A push button sizes itself by its own text; this one holds a layout of two labels.
    def sizeHint(self) -> QSize:
        return self.layout().sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_count(self, count: int, *, alert: bool = False) -> None:
        """Show ``count``; ``alert`` paints the card red (an overdue visit must be seen)."""
        self.count = count
        self.number.setText(format_amount(count))
        self.setToolTip(f"{self.title.text()}: {format_amount(count)}")
        for widget in (self, self.number):
            widget.setProperty("alert", alert)
            # The style sheet reads the property only when the widget is polished again.
            widget.style().unpolish(widget)
            widget.style().polish(widget)
