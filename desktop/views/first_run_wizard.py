"""First run: where the office is, what it is called, and who administers it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import reference
from desktop.database import Database
from desktop.errors import KarsazError, ValidationError
from desktop.i18n import tr
from desktop.services.office import OfficeInfo, initialize_office
from desktop.services.passwords import MIN_PASSWORD_LENGTH
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import latin_line_edit

DEMO_PROVINCE = "23"  # تهران: where the list opens until someone chooses


def _with_error(parent: QWidget, field: QWidget, error: FieldError) -> QWidget:
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    return box


class PlacePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("The office"))
        self.setSubTitle(tr("Choose the province and county of this office, from the official "
                            "list, and give the office's name."))
        self.province = QComboBox(self)
        for item in reference.provinces():
            self.province.addItem(item.name_fa, item.code)
        self.county = QComboBox(self)
        self.county.setEditable(True)
        self.county.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.office_name = QLineEdit(self)
        self.office_name.setPlaceholderText(tr("e.g. Welfare office of Shiraz county"))
        self.errors = {name: FieldError(self) for name in
                       ("province_code", "county_code", "office_name")}
        self.province.currentIndexChanged.connect(self._fill_counties)
        self.province.setCurrentIndex(max(0, self.province.findData(DEMO_PROVINCE)))
        self._fill_counties()
        form = QFormLayout(self)
        form.addRow(tr("Province"), _with_error(self, self.province, self.errors["province_code"]))
        form.addRow(tr("County"), _with_error(self, self.county, self.errors["county_code"]))
        form.addRow(tr("Office name"),
                    _with_error(self, self.office_name, self.errors["office_name"]))

    def _fill_counties(self) -> None:
        self.county.clear()
        for item in reference.counties(self.province.currentData()):
            self.county.addItem(item.name_fa, item.code)

    def county_code(self) -> str:
        # An editable combo: a typed name counts only if it is one of the listed counties.
        index = self.county.findText(self.county.currentText().strip())
        return self.county.itemData(index) if index >= 0 else ""

    def validatePage(self) -> bool:
        ok = True
        for error in self.errors.values():
            error.clear_message()
        if not self.county_code():
            self.errors["county_code"].show_message(tr("Choose a county from the list."))
            ok = False
        if len(self.office_name.text().strip()) < 2:
            self.errors["office_name"].show_message(tr("Enter the office name."))
            ok = False
        return ok


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(tr("The first administrator"))
        self.setSubTitle(tr("The administrator adds the other users. The password needs at "
                            "least {count} characters.", count=MIN_PASSWORD_LENGTH))
        self.username = latin_line_edit(self)
        self.full_name = QLineEdit(self)
        self.password = latin_line_edit(self, password=True)
        self.password_again = latin_line_edit(self, password=True)
        self.errors = {name: FieldError(self) for name in
                       ("admin_username", "admin_full_name", "admin_password",
                        "password_again", "form")}
        form = QFormLayout()
        form.addRow(tr("User name"),
                    _with_error(self, self.username, self.errors["admin_username"]))
        form.addRow(tr("Full name"),
                    _with_error(self, self.full_name, self.errors["admin_full_name"]))
        form.addRow(tr("Password"),
                    _with_error(self, self.password, self.errors["admin_password"]))
        form.addRow(tr("Password again"),
                    _with_error(self, self.password_again, self.errors["password_again"]))
        note = QLabel(tr("User names are typed in Latin letters, e.g. admin."), self)
        note.setObjectName("wizardNote")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors["form"])

    def validatePage(self) -> bool:
        for error in self.errors.values():
            error.clear_message()
        place = self.owner.place
        try:
            if self.password.text() != self.password_again.text():
                raise ValidationError("The two passwords differ.", field="password_again")
            self.owner.office = initialize_office(
                self.owner.db, province_code=place.province.currentData(),
                county_code=place.county_code(), office_name=place.office_name.text(),
                admin_username=self.username.text(), admin_full_name=self.full_name.text(),
                admin_password=self.password.text(),
            )
        except ValidationError as error:
            fields = error.errors or {error.field or "form": error.message}
            for name, message in fields.items():
                (self.errors.get(name) or place.errors.get(name) or self.errors["form"]) \
                    .show_message(message)
            return False
        except KarsazError as error:
            self.errors["form"].show_message(error.message)
            return False
        return True


class FirstRunWizard(QWizard):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.office: OfficeInfo | None = None
        self.setWindowTitle(tr("Setting up Karsaz"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        for button, text in (
            (QWizard.WizardButton.NextButton, tr("Next")),
            (QWizard.WizardButton.BackButton, tr("Back")),
            (QWizard.WizardButton.FinishButton, tr("Finish")),
            (QWizard.WizardButton.CancelButton, tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.place = PlacePage(self)
        self.admin = AdminPage(self)
        self.addPage(self.place)
        self.addPage(self.admin)
        self.resize(640, 480)
