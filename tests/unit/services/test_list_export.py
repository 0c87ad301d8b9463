"""Lists as Excel: Persian headers, a right-to-left sheet, numbers as numbers, Jalali dates, and
no cell that could run as a formula."""

from __future__ import annotations

import datetime as dt

import openpyxl

from desktop.services.list_export import ListColumn, export_list

DANGEROUS = ["=1+1", "+98 912", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\")"]


def test_formulas_are_neutralised_and_the_sheet_is_right_to_left(tmp_path) -> None:
    rows = [{"name": text, "count": n, "amount": 1.5 * n, "born": dt.date(1991, 3, 21),
             "active": n % 2 == 0, "empty": None} for n, text in enumerate(DANGEROUS)]
    columns = [ListColumn("نام", lambda r: r["name"]), ListColumn("تعداد", lambda r: r["count"]),
               ListColumn("مبلغ", lambda r: r["amount"]), ListColumn("تولد", lambda r: r["born"]),
               ListColumn("فعال", lambda r: r["active"]), ListColumn("خالی", lambda r: r["empty"])]
    path = tmp_path / "list.xlsx"
    assert export_list(rows, columns, path) == len(DANGEROUS)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.sheet_view.rightToLeft
    cells = list(sheet.iter_rows())
    assert [c.value for c in cells[0]] == ["نام", "تعداد", "مبلغ", "تولد", "فعال", "خالی"]
    assert all(c.data_type != "f" for row in cells for c in row)
    # XML keeps no bare carriage return: it is read back as a line feed.
    assert [row[0].value for row in cells[1:]] == ["'" + text.replace("\r", "\n")
                                                   for text in DANGEROUS]
    assert [row[1].value for row in cells[1:]] == list(range(len(DANGEROUS)))
    assert cells[2][1].data_type == "n" and cells[2][2].value == 1.5
    assert cells[1][3].value == "۱۳۷۰/۰۱/۰۱"
    assert [cells[1][4].value, cells[2][4].value] == ["بله", "خیر"]
    assert cells[1][5].value is None


def test_ordinary_text_is_kept_as_typed(tmp_path) -> None:
    path = tmp_path / "list.xlsx"
    texts = ["زهرا احمدی", "09121234567", "1403/07/15", "a=b", " -x"]
    export_list(texts, [ListColumn("متن", lambda r: r)], path)
    sheet = openpyxl.load_workbook(path).active
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == texts
    assert not list(tmp_path.glob("*.part"))
