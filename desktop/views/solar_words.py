"""What the solar screens share: a month chooser by Jalali month names, kW typed and shown,
the colours of a low month and of an approved (locked) run."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.clock import today
from desktop.domain.solar import RunStatus, month_of, months_between, previous_month
from desktop.fa.digits import to_latin_digits
from desktop.fa.jalali import format_jalali_month
from desktop.i18n import tr

LOW_COLOUR = "#b3261e"
LOW_BACKGROUND = "#fdecea"
LOCK_STYLE = ("background:#e8f0e4; color:#2e5d1f; border:1px solid #9cc28a; "
              "border-radius:4px; padding:2px 10px;")
DRAFT_STYLE = ("background:#fff4e0; color:#7a4b00; border:1px solid #e0b060; "
               "border-radius:4px; padding:2px 10px;")


def last_complete_month(on: dt.date | None = None) -> dt.date:
    return previous_month(month_of(on or today()))


def month_combo(first: dt.date, last: dt.date, parent: QWidget | None = None) -> QComboBox:
    """The months from ``first``'s to ``last``'s, latest first, named «مهر ۱۴۰۳»."""
    combo = QComboBox(parent)
    fill_months(combo, first, last)
    return combo


def fill_months(combo: QComboBox, first: dt.date, last: dt.date) -> None:
    """Offer the months from ``first``'s to ``last``'s, keeping the chosen one when it is among
    them, without telling anyone the choice changed."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for month in reversed(months_between(first, last)):
        combo.addItem(format_jalali_month(month), month)
    if chosen is not None:
        select_month(combo, chosen)
    combo.blockSignals(False)


def select_month(combo: QComboBox, month: dt.date) -> None:
    # findData cannot match a Python date kept as item data: compare them here.
    wanted = month_of(month)
    for index in range(combo.count()):
        if combo.itemData(index) == wanted:
            combo.setCurrentIndex(index)
            return


def parse_kw(text: str) -> int:
    """Watts from kW typed with up to three decimals in any digits («۵٫۵» → 5500); ValueError
    with the Persian message otherwise."""
    clean = to_latin_digits(text).strip().replace("٫", ".").replace("/", ".").replace(",", "")
    clean = clean.replace("٬", "")
    whole, _, part = clean.partition(".")
    if not (whole or part) or not (whole + part).isascii() or not (whole + part).isdigit() \
            or len(part) > 3:
        raise ValueError(tr("Enter kW as a number, e.g. 5 or 2.5."))
    return int(whole or "0") * 1000 + int((part + "000")[:3])


def run_status_text(status: str | None) -> str:
    return RunStatus(status).label if status else tr("Not computed")
