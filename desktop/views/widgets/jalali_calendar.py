"""A calendar widget on the Jalali calendar, Saturday first, Friday as the weekend."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCalendar, QDate, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

JALALI = QCalendar(QCalendar.System.Jalali)


def to_qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)  # QDate's own fields are Gregorian


def from_qdate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class JalaliCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendar(JALALI)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        self.setGridVisible(False)
        # Full Persian day names do not fit a popup; Persian calendars print one letter each.
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Qt marks Saturday and Sunday as the weekend; in Iran it is Friday alone.
        plain = QTextCharFormat()
        plain.setForeground(QColor("#1f2933"))
        weekend = QTextCharFormat()
        weekend.setForeground(QColor("#b42318"))
        for day in Qt.DayOfWeek:
            self.setWeekdayTextFormat(day, weekend if day == Qt.DayOfWeek.Friday else plain)
