"""Printing from the client form: the forms this client can have, printed off the GUI thread
into a private temporary file, previewed, and the file gone when the preview closes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.domain.forms import FormKind
from desktop.fa.digits import to_latin_digits
from desktop.views.client_form import ClientForm
from desktop.views.form_preview_dialog import FormPreviewDialog
from tests.gui.client_helpers import (
    answer,
    case_at,
    click,
    national_code,
    open_form,
    register,
    type_into,
)


def pdf_text(path: Path) -> str:
    """The text of a PDF as poppler reads it, digits made Latin."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return to_latin_digits(text)


def menu_labels(form: ClientForm) -> list[str]:
    form.print_button.menu_of_forms.aboutToShow.emit()   # as when the button is pressed
    return [action.text() for action in form.print_button.menu_of_forms.actions()]


def choose_form(form: ClientForm, kind: FormKind) -> None:
    menu_labels(form)
    action = next(a for a in form.print_button.menu_of_forms.actions()
                  if a.text() == kind.label)
    action.trigger()


def previewed(qtbot, form: ClientForm) -> FormPreviewDialog:
    printing = form.print_button.printing
    qtbot.waitUntil(lambda: printing.preview is not None and printing.preview.isVisible(),
                    timeout=20_000)
    assert printing.preview is not None
    return printing.preview


def print_folder_files() -> list[Path]:
    folder = paths.data_dir() / "print"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_the_menu_offers_the_forms_this_client_can_have_now(qtbot, demo_db, admin) -> None:
    no_case = register(demo_db, admin, national_code("227300001"), "سیما", "امینی")
    assessed = register(demo_db, admin, national_code("227300002"), "مینا", "امینی")
    employed = register(demo_db, admin, national_code("227300003"), "زینب", "امینی")
    case_at(demo_db, admin, assessed.id, "assessment")
    case_at(demo_db, admin, employed.id, "follow_up")
    form = open_form(qtbot, demo_db, admin, no_case.id)
    assert form.print_button.isVisible() and form.print_button.text().strip() == "چاپ"
    assert menu_labels(form) == [FormKind.REGISTRATION.label, FormKind.ASSESSMENT.label]
    form.load_client(assessed.id)
    assert menu_labels(form) == [FormKind.REGISTRATION.label, FormKind.ASSESSMENT.label,
                                 FormKind.SUMMARY.label]
    form.load_client(employed.id)
    assert menu_labels(form) == [kind.label for kind in FormKind]
    new = open_form(qtbot, demo_db, admin)
    assert not new.print_button.isVisible()   # nothing stored yet to print


def test_a_chosen_form_is_printed_and_previewed_and_the_file_goes_on_closing(
        qtbot, demo_db, admin) -> None:
    client = register(demo_db, admin, national_code("227300004"), "فاطمه", "نوروزی",
                      father="حسن")
    case_at(demo_db, admin, client.id, "follow_up")
    form = open_form(qtbot, demo_db, admin, client.id)
    choose_form(form, FormKind.VISIT)
    assert not form.print_button.isEnabled()   # one print at a time
    assert form.saved_note.text() == "در حال آماده‌کردن فرم…"
    preview = previewed(qtbot, form)
    assert preview.windowTitle() == f"{FormKind.VISIT.label} — فاطمه نوروزی"
    assert preview.file_name == f"{FormKind.VISIT.label} - فاطمه نوروزی.pdf"
    assert preview.page_count >= 1
    text = pdf_text(preview.path)
    assert client.national_code in text and "نوروزی" in text
    assert preview.path.parent == paths.data_dir() / "print"
    assert form.print_button.isEnabled() and form.saved_note.text() == ""
    click(qtbot, preview.close_button)
    assert not preview.path.exists()
    assert print_folder_files() == []


def test_unsaved_changes_are_offered_a_save_before_printing(qtbot, demo_db, admin) -> None:
    client = register(demo_db, admin, national_code("227300005"), "لیلا", "صادقی")
    form = open_form(qtbot, demo_db, admin, client.id)
    type_into(qtbot, form.identity.first_name, "لیلی")
    choose_form(form, FormKind.REGISTRATION)
    assert form.print_button.printing.handle is None   # nothing printed before the answer
    assert "آنچه را ذخیره شده" in form.prompt.text()
    answer(qtbot, form.prompt, "چاپ آنچه ذخیره شده")
    preview = previewed(qtbot, form)
    assert "لیلا" in pdf_text(preview.path) and "لیلی" not in pdf_text(preview.path)
    preview.close()
    form.print_button.printing.preview = None

    choose_form(form, FormKind.REGISTRATION)
    answer(qtbot, form.prompt, "ذخیره و چاپ")
    preview = previewed(qtbot, form)
    assert "لیلی" in pdf_text(preview.path)
    assert not form.is_dirty()


def test_a_refused_print_is_explained(qtbot, demo_db, admin) -> None:
    """A form the client cannot have (the menu was filled before the case changed elsewhere)
    is refused by the service, and the form says why in Persian."""
    client = register(demo_db, admin, national_code("227300006"), "رضا", "کریمی")
    form = open_form(qtbot, demo_db, admin, client.id)
    form.print_button.print_form(FormKind.VISIT)
    printing = form.print_button.printing
    qtbot.waitUntil(lambda: printing.notice is not None and printing.notice.isVisible(),
                    timeout=20_000)
    assert printing.notice.icon() == QMessageBox.Icon.Warning
    assert "رضا کریمی" in printing.notice.text()
    assert printing.preview is None and print_folder_files() == []
    assert form.print_button.isEnabled()
