"""Reading an office's client list: the first sheet of an .xlsx/.xls/.ods file or a .csv.

Cells are read as they were typed and kept as Python values (text, numbers, dates): pandas with
the calamine engine, which reads a 100,000-row sheet in about a second. The header row is the
first of the top rows that names the most known columns, so a title line above the table
(«لیست مددجویان شهرستان …») is skipped.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from desktop.errors import ValidationError
from desktop.services.client_import_headers import match_headers
from desktop.services.client_import_values import cell_text

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
HEADER_SEARCH_ROWS = 10


@dataclasses.dataclass
class Sheet:
    headers: list[str]
    rows: list[list[object]]       # cells under the header row, blank rows dropped
    excel_rows: list[int]          # each row's number as the office sees it in Excel
    mapping: list[str | None]      # the field each column was matched to (None: not imported)


def _frame(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return pd.read_excel(path, engine="calamine", header=None, dtype=object)
    if suffix == ".csv":
        # Excel on a Persian Windows saves CSV in the Arabic code page, not UTF-8.
        for encoding in ("utf-8-sig", "cp1256"):
            try:
                return pd.read_csv(path, header=None, dtype=str, keep_default_na=False,
                                   encoding=encoding)
            except UnicodeDecodeError:
                continue
    raise ValidationError("Choose an Excel file (.xlsx, .xls, .ods) or a CSV file.",
                          field="file")


def read_sheet(path: Path) -> Sheet:
    """The office's list; ValidationError if it cannot be read or has no table."""
    try:
        frame = _frame(Path(path))
    except ValidationError:
        raise
    except FileNotFoundError:
        raise ValidationError("The file {path} does not exist.", field="file",
                              path=str(path)) from None
    except Exception as exc:  # calamine and pandas raise many kinds for a damaged file
        raise ValidationError("The file cannot be read as a spreadsheet: {reason}",
                              field="file", reason=str(exc)) from None
    values = frame.to_numpy(dtype=object).tolist()
    if not values:
        raise ValidationError("The file has no rows.", field="file")
    best, best_found = 0, 0
    for index, row in enumerate(values[:HEADER_SEARCH_ROWS]):
        found = sum(code is not None for code in match_headers(row))
        if found > best_found:
            best, best_found = index, found
    headers = [cell_text(cell) for cell in values[best]]
    rows, excel_rows = [], []
    for index in range(best + 1, len(values)):
        row = values[index]
        # Not blank: neither None, NaN (which is not equal to itself) nor spaces.
        if any(c is not None and c == c and (not isinstance(c, str) or c.strip())
               for c in row):
            rows.append(row)
            excel_rows.append(index + 1)
    return Sheet(headers, rows, excel_rows, match_headers(values[best]))
