"""Screenshots of «ورود مددجویان از اکسل»: the columns matched, the dry run's summary with the
rejected rows, and the result, on a messy office list made here (nothing is written)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.database import Database
from desktop.services.auth import sign_in
from desktop.services.client_import import import_clients
from desktop.services.client_import_read import read_sheet
from desktop.services.demo import DEMO_PASSWORD, national_codes

# What an office's list looks like: a title line, headers of its own, Persian and Latin digits,
# Arabic ي/ك, lost leading zeros, a county of another province, a copied code.
_HEADERS = ("ردیف", "نام", "نام خانوادگي", "نام پدر", "کدملی", "تاریخ تولد", "جنس",
            "ش.همراه", "شهرستان", "جامعه هدف", "نشانی", "وضعیت پرونده")
_PEOPLE = (
    ("فاطمه", "كريمي", "حسین", "۱۳۶۵/۰۴/۱۲", "زن", "۰۹۱۷ ۱۲۳ ۴۵۶۷", "شیراز", "سرپرست خانوار"),
    ("علی", "رحیمی", "محمد", "1362-11-03", "مرد", "+989171112233", "مرودشت", "معلول"),
    ("زهرا", "جعفری", "احمد", "70/2/5", "خانم", "9173334455", "کازرون", "سرپرست خانوار"),
    ("مریم", "نوروزی", "رضا", "۱۳۷۲/۱۳/۰۱", "زن", "09174445566", "فسا", "دختر خودسرپرست"),
    ("حسن", "اکبری", "قاسم", "1368/6/30", "مرد", "09175556677", "تبریز", "بهبودیافته"),
    ("سمیه", "قاسمی", "یوسف", "1366/9/9", "زن", "0917-666-7788", "جهرم", "سرپرست خانوار"),
    ("رقیه", "موسوی", "عباس", "1364/1/1", "مونث", "", "شیراز", "سالمند"),
    ("نرگس", "احمدی", "علی", "1369/3/3", "زن", "09178889900", "شیراز", "دانشجو"),
)


def _office_list(folder: Path) -> Path:
    import random

    from openpyxl import Workbook

    codes = national_codes(random.Random(99))
    book = Workbook()
    sheet = book.active
    sheet.sheet_view.rightToLeft = True
    sheet.append(["فهرست مددجویان متقاضی اشتغال — شهرستان شیراز"])
    sheet.append(list(_HEADERS))
    first = ""
    for n, person in enumerate(_PEOPLE, start=1):
        code = next(codes)
        cell: object = int(code) if n % 3 == 0 else code
        first = first or code
        if n == len(_PEOPLE):   # the first person typed again under another name
            cell = first
        sheet.append([n, person[0], person[1], person[2], cell, *person[3:], "", "فعال"])
    path = folder / "مددجویان-۱۴۰۲.xlsx"
    book.save(path)
    return path


def _dialog(db: Database, step: int) -> QWidget:
    from desktop.views.client_import_dialog import ClientImportDialog

    actor = sign_in(db, "admin", DEMO_PASSWORD)
    dialog = ClientImportDialog(db, actor)
    with tempfile.TemporaryDirectory(prefix="karsaz-shot-") as folder:
        path = _office_list(Path(folder))
        sheet = read_sheet(path)
    dialog.show_sheet(sheet, Path("مددجویان-۱۴۰۲.xlsx"))
    if step >= 1:
        checked = import_clients(db, actor, sheet, dialog.mapping(), dry_run=True)
        dialog.show_check(checked)
        if step >= 2:   # shown as the import would end, without writing to the demo office
            dialog.show_result(dataclasses.replace(checked, imported=checked.valid,
                                                   dry_run=False))
    return dialog


IMPORT_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "client_import_mapping": (lambda db: _dialog(db, 0), (860, 600)),
    "client_import_dry_run": (lambda db: _dialog(db, 1), (860, 600)),
    "client_import_result": (lambda db: _dialog(db, 2), (860, 600)),
}
