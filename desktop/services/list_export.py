"""Any list as an Excel file: Persian headers, a right-to-left sheet, numbers as numbers, dates
as Jalali text, and no cell that Excel could take for a formula.

A cell of text beginning with = + - @ (or a tab or carriage return, which some programs skip
before one of those) could run as a formula when the file is opened: such text is written as
a plain string with an apostrophe in front («'=1+1»), the defence OWASP recommends for CSV and
spreadsheet injection. The apostrophe stays visible, so what was typed is never lost or hidden.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.progress import NullControl, TaskControl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000  # rows between progress reports and cancellation checks


@dataclasses.dataclass(frozen=True)
class ListColumn:
    header: str                          # shown, in Persian
    value: Callable[[Any], object]       # the cell of one row
    width: float = 16


def safe_text(text: str) -> str:
    """``text`` as a cell that can never be a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value: object) -> object:
    """What a cell holds: ints and floats as numbers, dates as Jalali text, yes/no in words."""
    if value is None:
        return None
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.datetime):
        local = value.astimezone() if value.tzinfo else value   # stored in UTC
        return format_jalali(local.date()) + to_persian_digits(local.strftime(" %H:%M"))
    if isinstance(value, dt.date):
        return format_jalali(value)
    return safe_text(str(value))


def export_list(rows: Iterable[Any], columns: Sequence[ListColumn], path: Path, *,
                sheet_title: str = "", total: int = 0,
                control: TaskControl | None = None) -> int:
    """Write ``rows`` to the .xlsx file ``path``; returns how many rows were written."""
    control = control or NullControl()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(sheet_title or tr("List"))[:31])
    sheet.sheet_view.rightToLeft = True
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(horizontal="center", vertical="center",
                                            wrap_text=True)
    sheet.append([_cell(sheet, column.header, font=bold, alignment=wrap) for column in columns])
    written = 0
    for row in rows:
        sheet.append([_cell(sheet, cell_value(column.value(row))) for column in columns])
        written += 1
        if written % CHUNK == 0:
            control.check_cancelled()
            control.report(written, max(total, written))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    workbook.save(partial)
    partial.replace(path)  # a cancelled or failed export never leaves half a file behind
    return written


def _cell(sheet: Any, value: object, **style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"   # openpyxl would otherwise store text beginning with = as a formula
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell
