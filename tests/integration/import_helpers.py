"""Office lists as offices really keep them, written as .xlsx files for the import tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

from desktop.fa.national_code import national_code_check_digit

HEADERS = ("ردیف", "نام", "نام خانوادگی", "نام پدر", "کد ملی", "تاریخ تولد", "جنسیت",
           "شماره همراه", "شهرستان", "گروه هدف", "آدرس", "کد پستی", "شبا")


def code(n: int, *, zeros: int = 0) -> str:
    """A valid national code, beginning with ``zeros`` zeros."""
    body = (n * 7919 + 12345) % 10 ** (8 - zeros) + 10 ** (8 - zeros)   # no leading zero
    first9 = "0" * zeros + str(body)
    return first9 + str(national_code_check_digit(first9))


def person(n: int, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "ردیف": n, "نام": "زهرا", "نام خانوادگی": family_name(n),
        "نام پدر": FATHERS[n % len(FATHERS)], "کد ملی": code(n),
        "تاریخ تولد": f"{1340 + n % 45}/{1 + n // 45 % 12}/{1 + n // 540 % 28}",
        "جنسیت": "زن", "شماره همراه": f"0912{n:07d}", "شهرستان": "شیراز",
        "گروه هدف": "بانوی سرپرست خانوار", "آدرس": "", "کد پستی": "", "شبا": ""}
    row.update(changes)
    return row


FATHERS = ("علی", "محمد", "حسن", "حسین", "رضا", "احمد", "مهدی", "عباس", "قاسم", "یوسف")
_LETTERS = "بپتجچحخدرزسشصطعغفقکگلمنوهی"


def family_name(n: int) -> str:
    """A made-up family name at least three letters from every other ``n``'s (so no two rows
    look like the same person typed twice)."""
    letters = []
    for _ in range(4):
        n, digit = divmod(n, len(_LETTERS))
        letters.append(_LETTERS[digit])
    return "".join(letters) * 3


def write_xlsx(path: Path, rows: Sequence[dict[str, object]],
               headers: Sequence[str] = HEADERS, *, title: str | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h, "") for h in headers])
    workbook.save(path)
    return path
