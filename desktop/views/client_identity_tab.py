"""The identity tab (مشخصات هویتی): who the client is and where they live.

Two columns of fields, read (and tabbed through) row by row from right to left, as on the
paper form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop import reference
from desktop.domain.people import Gender
from desktop.fa.collate import sort_key
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.services.clients import ClientRecord
from desktop.views.widgets.choices import (
    choice_combo,
    combo_bool,
    combo_value,
    select_bool,
    select_data,
    yes_no_combo,
)
from desktop.views.widgets.fields import chain_tab_order, code_line_edit
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit


class IdentityTab(QWidget):
    nationalCodeEntered = Signal(str)

    def __init__(self, province_code: str, office_county: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_county = office_county
        self.errors = FieldErrors(self)
        self.national_code = code_line_edit(self, max_length=14, placeholder=tr("10 digits"))
        self.file_number = code_line_edit(self, max_length=30)
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.father_name = QLineEdit(self)
        self.birth_date = JalaliDateEdit(self)
        self.gender = choice_combo(Gender.choices(), self)
        self.mobile = code_line_edit(self, max_length=16, placeholder=tr("e.g. 09121234567"))
        counties = sorted(reference.counties(province_code), key=lambda c: sort_key(c.name_fa))
        self.county = choice_combo([(c.code, c.name_fa) for c in counties], self)
        self.urban = yes_no_combo(self, yes=tr("Urban"), no=tr("Rural"), empty=None)
        self.postal_code = code_line_edit(self, max_length=12)
        self.sheba = code_line_edit(self, max_length=34, placeholder="IR…")
        self.address = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(14)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        pairs = (
            (tr("National code"), "national_code", self.national_code,
             tr("Organisation file number"), "file_number", self.file_number),
            (tr("First name"), "first_name", self.first_name,
             tr("Last name"), "last_name", self.last_name),
            (tr("Father's name"), "father_name", self.father_name,
             tr("Birth date"), "birth_date", self.birth_date),
            (tr("Gender"), "gender", self.gender, tr("Mobile"), "mobile", self.mobile),
            (tr("County"), "county_code", self.county,
             tr("Urban or rural"), "urban", self.urban),
            (tr("Postal code"), "postal_code", self.postal_code,
             tr("Sheba (bank account)"), "sheba", self.sheba),
        )
        # In a right-to-left grid column 0 stands on the right: each row reads right to left.
        for row, (label1, name1, field1, label2, name2, field2) in enumerate(pairs):
            grid.addWidget(QLabel(label1, self), row, 0)
            grid.addWidget(self.errors.wrap(name1, field1), row, 1)
            grid.addWidget(QLabel(label2, self), row, 2)
            grid.addWidget(self.errors.wrap(name2, field2), row, 3)
        row = len(pairs)
        grid.addWidget(QLabel(tr("Address"), self), row, 0)
        grid.addWidget(self.errors.wrap("address", self.address), row, 1, 1, 3)
        grid.addWidget(QLabel(tr("Notes"), self), row + 1, 0)
        grid.addWidget(self.errors.wrap("notes", self.notes), row + 1, 1, 1, 3)
        grid.setRowStretch(row + 2, 1)
        chain_tab_order(self.fields())
        self.national_code.editingFinished.connect(
            lambda: self.nationalCodeEntered.emit(self.national_code.text()))

    def fields(self) -> list[QWidget]:
        """In reading order: row by row, right to left."""
        return [self.national_code, self.file_number, self.first_name, self.last_name,
                self.father_name, self.birth_date, self.gender, self.mobile, self.county,
                self.urban, self.postal_code, self.sheba, self.address, self.notes]

    def load(self, client: ClientRecord | None) -> None:
        # Codes are stored in Latin digits and read in Persian ones; the services take both.
        self.national_code.setText(to_persian_digits(client.national_code) if client else "")
        self.file_number.setText(client.file_number if client else "")
        self.first_name.setText(client.first_name if client else "")
        self.last_name.setText(client.last_name if client else "")
        self.father_name.setText(client.father_name if client else "")
        self.birth_date.setDate(client.birth_date if client else None)
        select_data(self.gender, client.gender if client else None)
        self.mobile.setText(to_persian_digits(client.mobile) if client else "")
        select_data(self.county, client.county_code if client else self.office_county)
        select_bool(self.urban, client.urban if client else True)
        self.postal_code.setText(to_persian_digits(client.postal_code) if client else "")
        self.sheba.setText(to_persian_digits(client.sheba) if client else "")
        self.address.setText(client.address if client else "")
        self.notes.setPlainText(client.notes if client else "")
        self.errors.clear()

    def values(self) -> dict[str, object]:
        """This tab's part of a ClientInput."""
        return dict(
            national_code=self.national_code.text(), file_number=self.file_number.text(),
            first_name=self.first_name.text(), last_name=self.last_name.text(),
            father_name=self.father_name.text(), birth_date=self.birth_date.date(),
            gender=combo_value(self.gender) or "", mobile=self.mobile.text(),
            county_code=combo_value(self.county) or "", urban=bool(combo_bool(self.urban)),
            postal_code=self.postal_code.text(), sheba=self.sheba.text(),
            address=self.address.text(), notes=self.notes.toPlainText())

    def local_errors(self) -> dict[str, str]:
        if not self.birth_date.is_valid():
            return {"birth_date": self.birth_date.error_message()}
        return {}

    def state(self) -> tuple[object, ...]:
        return (self.national_code.text(), self.file_number.text(), self.first_name.text(),
                self.last_name.text(), self.father_name.text(), self.birth_date.line.text(),
                self.gender.currentIndex(), self.mobile.text(), self.county.currentIndex(),
                self.urban.currentIndex(), self.postal_code.text(), self.sheba.text(),
                self.address.text(), self.notes.toPlainText())

    def setReadOnly(self, read_only: bool) -> None:
        for line in (self.national_code, self.file_number, self.first_name, self.last_name,
                     self.father_name, self.mobile, self.postal_code, self.sheba, self.address):
            line.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.birth_date.setReadOnly(read_only)
        for combo in (self.gender, self.county, self.urban):
            combo.setEnabled(not read_only)
