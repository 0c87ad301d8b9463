"""«زمان‌بندی ارسال»: when the office's data goes to headquarters — daily at a time, weekly on a
day, or monthly on a day of the Jalali month — and where to (a folder on a shared drive or USB
stick, or the https address of the receiver). Users whose role may not export see it read-only.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.export_schedule import (
    WEEKDAYS,
    ExportSchedule,
    Frequency,
    get_schedule,
    save_schedule,
)
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import RIGHT, NumberEdit, chain_tab_order, code_line_edit
from desktop.views.widgets.form_errors import FieldErrors

_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:٫.]\s*(\d{2}))?\s*$")
DEFAULT_TIME = dt.time(14, 0)       # before the office closes, after the morning's work


def parse_time(text: str) -> dt.time:
    """«۱۸:۳۰», «18.30» or «۱۸»; ValueError with a Persian message for anything else."""
    match = _TIME.match(to_latin_digits(text))
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(tr("Enter the time as hour:minute, e.g. 14:30."))
    return dt.time(hour, minute)


def time_text(at: dt.time) -> str:
    return to_persian_digits(at.strftime("%H:%M"))


class ExportScheduleDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.editable = can(actor, Permission.EXPORT)
        self.setWindowTitle(tr("Export schedule"))
        self.setMinimumWidth(520)
        self.errors = FieldErrors(self)
        self.frequency = choice_combo(Frequency.choices(), self, empty=None)
        self.at = code_line_edit(self, max_length=5, placeholder=time_text(DEFAULT_TIME))
        self.weekday = choice_combo(enumerate(tr(day) for day in WEEKDAYS), self)
        self.month_day = NumberEdit(self, max_length=2)
        self.target = QLineEdit(self)
        self.target.setAlignment(RIGHT)
        self.target.setPlaceholderText(tr("A folder, or an address beginning with https://"))
        self.choose_folder = QPushButton(tr("Choose folder…"), self)
        self.choose_folder.setAutoDefault(False)     # Enter in a field saves, never browses
        self.choose_folder.clicked.connect(self._choose_folder)
        self.form = QFormLayout()
        self.form.addRow(tr("How often"), self.frequency)
        self.form.addRow(tr("At"), self.errors.wrap("at", self.at))
        self.form.addRow(tr("Day of the week"), self.errors.wrap("weekday", self.weekday))
        self.form.addRow(tr("Day of the month"), self.errors.wrap("month_day", self.month_day))
        target_row = QHBoxLayout()
        target_row.addWidget(self.errors.wrap("target", self.target), 1)
        target_row.addWidget(self.choose_folder)
        self.form.addRow(tr("Send to"), target_row)
        self.frequency.currentIndexChanged.connect(lambda _index: self._show_day_rows())
        self._layout()
        self._load()

    def _layout(self) -> None:
        intro = QLabel(tr("Packages are made and sent at this time while Karsaz is open; a run "
                          "missed while the computer was off happens at the next start."), self)
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        self.read_only_note = QLabel(tr("Only the county employment expert or the "
                                        "administrator may change the schedule."), self)
        self.read_only_note.setObjectName("areaNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.editable)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.off_button = buttons.addButton(tr("Turn the schedule off"),
                                            QDialogButtonBox.ButtonRole.DestructiveRole)
        self.close_button = buttons.addButton(
            tr("Cancel") if self.editable else tr("Close"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.off_button.clicked.connect(self.turn_off)
        buttons.rejected.connect(self.reject)
        for widget in (self.frequency, self.at, self.weekday, self.month_day, self.target,
                       self.choose_folder, self.save_button, self.off_button):
            widget.setEnabled(self.editable)
        self.save_button.setVisible(self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.read_only_note)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        chain_tab_order([self.frequency, self.at, self.weekday, self.month_day, self.target,
                         self.choose_folder])

    def _load(self) -> None:
        schedule = get_schedule(self.db)
        self.off_button.setVisible(self.editable and schedule is not None)
        if schedule is None:
            self.at.setText(time_text(DEFAULT_TIME))
            self.month_day.setValue(1)
        else:
            select_data(self.frequency, schedule.frequency.value)
            self.at.setText(time_text(schedule.at))
            select_data(self.weekday, schedule.weekday)
            self.month_day.setValue(schedule.month_day)
            self.target.setText(schedule.target)
        self._show_day_rows()

    def _show_day_rows(self) -> None:
        frequency = combo_value(self.frequency)
        self.form.setRowVisible(2, frequency == Frequency.WEEKLY)
        self.form.setRowVisible(3, frequency == Frequency.MONTHLY)
        self.adjustSize()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Where packages go"),
                                                  self.target.text())
        if folder:
            self.target.setText(folder)

    def schedule(self) -> ExportSchedule:
        """What the form holds; ValueError (field name, Persian message) for a time or day
        that is not a number."""
        try:
            at = parse_time(self.at.text())
        except ValueError as error:
            raise _FieldValueError(field="at", message=str(error)) from None
        try:
            month_day = self.month_day.value()
        except ValueError as error:
            raise _FieldValueError(field="month_day", message=str(error)) from None
        weekday = combo_value(self.weekday)
        return ExportSchedule(Frequency(combo_value(self.frequency)), at,
                              self.target.text().strip(),
                              weekday=-1 if weekday is None else int(weekday),
                              month_day=0 if month_day is None else month_day)

    def save(self) -> None:
        self.errors.clear()
        try:
            save_schedule(self.db, self.actor, self.schedule())
        except _FieldValueError as error:
            self.errors.show({error.field: error.message})
            return
        except KarsazError as error:
            self.errors.show_error(error)
            return
        self.accept()

    def turn_off(self) -> None:
        try:
            save_schedule(self.db, self.actor, None)
        except KarsazError as error:
            self.errors.show_error(error)
            return
        self.accept()


class _FieldValueError(ValueError):
    def __init__(self, *, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message
