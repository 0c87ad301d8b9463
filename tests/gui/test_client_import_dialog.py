"""The import dialog: columns matched and fixed, the dry run, the import, the report; and the
clients list saved as Excel as filtered."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QMessageBox

from desktop.services.client_search import ClientFilter, count_clients
from desktop.views.client_import_dialog import ClientImportDialog
from desktop.views.clients_area import ClientsArea
from tests.integration.import_helpers import HEADERS, person, write_xlsx


def test_map_check_import_and_report(qtbot, demo_db, admin, tmp_path) -> None:
    headers = ("اسم کوچک", *HEADERS[2:])
    rows = [{"اسم کوچک": "زهرا", **person(n)} for n in (1, 2, 3)]
    rows.append({"اسم کوچک": "مریم", **person(4, **{"شهرستان": "تبریز"})})
    path = write_xlsx(tmp_path / "list.xlsx", rows, headers)
    before = count_clients(demo_db, admin, ClientFilter())
    dialog = ClientImportDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == len(headers), timeout=10_000)
    assert dialog.mapping()[0] is None and not dialog.check_button.isEnabled()
    assert "نام" in dialog.message.text()
    combo = dialog.mapping_table.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("first_name"))
    assert dialog.check_button.isEnabled() and not dialog.message.text()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    assert dialog.checked is not None and dialog.checked.valid == 3
    assert dialog.rejected_table.rowCount() == 1
    assert "تبریز" in dialog.rejected_table.item(0, 1).text()
    assert count_clients(demo_db, admin, ClientFilter()) == before   # a dry run
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=10_000)
    assert dialog.result is not None and dialog.result.imported == 3
    assert "۳" in dialog.outcome.text()
    assert count_clients(demo_db, admin, ClientFilter()) == before + 3
    report = tmp_path / "report.xlsx"
    dialog.save_report(report)
    qtbot.waitUntil(lambda: "ذخیره شد" in dialog.message.text(), timeout=10_000)
    assert openpyxl.load_workbook(report).active.max_row == 2


def test_the_clients_list_is_saved_as_filtered(qtbot, demo_db, admin, tmp_path,
                                               monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    area = ClientsArea(demo_db, admin)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.import_button.isVisibleTo(area) and area.excel_button.isVisibleTo(area)
    area.filter_bar.target_group.setCurrentIndex(
        area.filter_bar.target_group.findData("female_head"))
    area.apply_filters()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    shown = area.model.rowCount()
    assert 0 < shown < count_clients(demo_db, admin, ClientFilter())
    out = tmp_path / "clients.xlsx"
    area.export_excel(out)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.sheet_view.rightToLeft and sheet.max_row == shown + 1
    assert sheet.cell(1, 1).value == "نام خانوادگی"


def test_the_users_list_is_saved(qtbot, demo_db, admin, tmp_path) -> None:
    from desktop.views.users_area import UsersArea

    area = UsersArea(demo_db, admin)
    qtbot.addWidget(area)
    out = tmp_path / "users.xlsx"
    area.export_excel(out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.sheet_view.rightToLeft and sheet.cell(1, 1).value == "نام کاربری"
    assert sheet.max_row == area.model.rowCount() + 1 > 2
    assert "admin" in [c.value for c in sheet["A"]]
