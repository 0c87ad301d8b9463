"""Typing and picking Jalali dates: any digits, any of / - . as separators, or the calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.fa.jalali import JalaliDateError, format_jalali, parse_jalali
from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError, mark_invalid
from desktop.views.widgets.fields import RIGHT
from desktop.views.widgets.jalali_calendar import JalaliCalendar, from_qdate, to_qdate


class JalaliDateEdit(QWidget):
    """``date()`` is a ``datetime.date`` or None; a wrong entry shows its reason underneath."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self._required = required
        self.line = QLineEdit(self)
        self.line.setAlignment(RIGHT)
        self.line.setPlaceholderText(tr("e.g. 1403/07/15"))
        self.line.editingFinished.connect(self._commit_text)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(tr("Choose from the calendar"))
        self.button.clicked.connect(self.open_calendar)
        # Typing is the keyboard's way in: Tab goes from the date to the next field, and
        # Alt+Down (or F4, as in a combo box) opens the calendar without the mouse.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.line.installEventFilter(self)
        self.error = FieldError(self)
        self.calendar = JalaliCalendar()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.clicked.connect(self._picked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.line)

    def date(self) -> dt.date | None:
        return self._date

    def setDate(self, date: dt.date | None) -> None:
        self._date = date
        self.line.setText(format_jalali(date) if date else "")
        self._show_error("")
        self.dateChanged.emit(date)

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def error_message(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def is_valid(self) -> bool:
        self._commit_text()
        return not self.error_message()

    def _show_error(self, message: str) -> None:
        self.error.show_message(message)
        mark_invalid(self.line, bool(message))

    def _commit_text(self) -> None:
        text = self.line.text().strip()
        if not text:
            self._date = None
            self._show_error(tr("Enter a date.") if self._required else "")
            return
        try:
            parsed = parse_jalali(text)
        except JalaliDateError as exc:
            self._show_error(exc.message)
            return
        if parsed != self._date:
            self.setDate(parsed)
        else:
            self.line.setText(format_jalali(parsed))
            self._show_error("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and (
                    event.key() == Qt.Key.Key_F4 or (
                        event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        self._commit_text()
        self.calendar.setSelectedDate(to_qdate(self._date) if self._date else QDate.currentDate())
        below = self.line.mapToGlobal(QPoint(0, self.line.height()))
        self.calendar.adjustSize()
        self.calendar.move(below.x() + self.line.width() - self.calendar.width(), below.y())
        self.calendar.show()

    def _picked(self, qdate: QDate) -> None:
        self.calendar.hide()
        self.setDate(from_qdate(qdate))
