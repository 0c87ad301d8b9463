"""Typing and picking Jalali dates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCalendar, QDate, QLocale, Qt

from desktop.views.widgets.jalali_calendar import JalaliCalendar
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


@pytest.mark.parametrize("typed", ["۱۴۰۳/۰۷/۱۵", "1403-7-15", "١٤٠٣/٧/١٥", " 1403.07.15 "])
def test_typed_dates_in_any_digits(qtbot, typed: str) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    with qtbot.waitSignal(edit.dateChanged) as changed:
        if typed.isascii():
            qtbot.keyClicks(edit.line, typed)
        else:  # QTest can only synthesise ASCII keys; an input method delivers the others
            edit.line.insert(typed)
        edit.line.editingFinished.emit()
    assert changed.args == [dt.date(2024, 10, 6)]
    assert edit.date() == dt.date(2024, 10, 6)
    assert edit.line.text() == "۱۴۰۳/۰۷/۱۵"
    assert edit.error_message() == ""


def test_a_day_that_does_not_exist_is_refused_beside_the_field(qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.line.setText("1404/12/30")
    assert not edit.is_valid()
    assert edit.date() is None
    assert "کبیسه" in edit.error_message()
    assert edit.error.isVisible()
    edit.line.setText("1403/12/30")  # 1403 is a leap year
    assert edit.is_valid()
    assert edit.date() == dt.date(2025, 3, 20)


def test_required_date(qtbot) -> None:
    edit = JalaliDateEdit(required=True)
    qtbot.addWidget(edit)
    edit.show()
    assert not edit.is_valid()
    assert edit.error_message() == "تاریخ را وارد کنید."


def test_calendar_is_jalali_saturday_first_friday_weekend(qtbot) -> None:
    calendar = JalaliCalendar()
    qtbot.addWidget(calendar)
    assert calendar.calendar().isSolar() and calendar.calendar().name() == "Jalali"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    friday = calendar.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color()
    saturday = calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color()
    sunday = calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
    assert friday != saturday and saturday == sunday
    locale = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
    assert QCalendar(QCalendar.System.Jalali).monthName(locale, 7) == "مهر"


def test_picking_a_day_in_the_calendar(qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.open_calendar()
    assert edit.calendar.isVisible()
    edit.calendar.clicked.emit(QDate(2025, 3, 21))  # نوروز ۱۴۰۴
    assert not edit.calendar.isVisible()
    assert edit.line.text() == "۱۴۰۴/۰۱/۰۱"


def test_the_keyboard_opens_the_calendar_and_tab_skips_its_button(qtbot) -> None:
    from PySide6.QtCore import Qt

    from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    assert edit.button.focusPolicy() == Qt.FocusPolicy.NoFocus
    edit.line.setFocus()
    qtbot.keyClick(edit.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.calendar.isVisible()
    edit.calendar.hide()
