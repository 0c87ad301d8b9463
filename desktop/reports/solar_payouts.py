"""The bank transfer list of an approved solar allocation, as CSV or Excel: a function of the
rows and a path, knowing nothing of where they came from.

CSV is UTF-8 with a byte-order mark, so Excel on Windows opens the Persian names as Persian;
the amount column is whole Rials with Latin digits, so the bank's software reads it as a
number."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from pathlib import Path

from desktop.i18n import N_, tr


@dataclasses.dataclass(frozen=True)
class PayoutRow:
    full_name: str
    national_code: str
    sheba: str
    amount: int                    # Rials


COLUMNS = (N_("Name"), N_("National code"), N_("Sheba number"), N_("Amount (Rials)"))


def _header() -> list[str]:
    return [tr(column) for column in COLUMNS]


def write_payout_csv(rows: Sequence[PayoutRow], path: Path) -> Path:
    with Path(path).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(_header())
        for row in rows:
            writer.writerow([row.full_name, row.national_code, row.sheba, row.amount])
    return Path(path)


def write_payout_xlsx(rows: Sequence[PayoutRow], path: Path, *, sheet: str = "") -> Path:
    """One sheet, right to left, the header in Persian, the amount as whole numbers."""
    import pandas as pd  # a large import, only when a list is written

    frame = pd.DataFrame([[r.full_name, r.national_code, r.sheba, r.amount] for r in rows],
                         columns=_header())
    frame[_header()[3]] = frame[_header()[3]].astype("int64")
    name = (sheet or tr("Payouts"))[:31]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=name, index=False)
        worksheet = writer.sheets[name]
        worksheet.sheet_view.rightToLeft = True
        for letter, width in zip("ABCD", (28, 14, 30, 18), strict=True):
            worksheet.column_dimensions[letter].width = width
        for cell in worksheet["D"][1:]:
            cell.number_format = "#,##0"
    return Path(path)


def write_payouts(rows: Sequence[PayoutRow], path: Path, *, sheet: str = "") -> Path:
    """By the file's ending: .xlsx for Excel, anything else CSV."""
    if Path(path).suffix.lower() == ".xlsx":
        return write_payout_xlsx(rows, path, sheet=sheet)
    return write_payout_csv(rows, path)
