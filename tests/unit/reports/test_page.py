"""The forms engine's tables: a header never left alone at the foot of a page, rows tall enough
to sign in, a totals row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber

from desktop.reports.document import FormDocument, Letterhead
from desktop.reports.page import BOTTOM, LEADING, PAD, Column, FormLayout
from tests.pdf_text import page_lines, reading

COLUMNS = [Column("شرح", 0.2), Column("وضعیت", 0.8)]


def _pdf(layout: FormLayout, path: Path) -> Path:
    document = FormDocument(path, layout.title, Letterhead(
        "فارس", "شیراز", "اداره بهزیستی شهرستان شیراز", dt.date(2024, 10, 6), "آزمون"))
    document.add(layout)
    document.close()
    return path


def _fill(layout: FormLayout, room: float) -> None:
    """Paragraphs until ``room`` points or a little less are left above the page's foot."""
    while layout.y - LEADING - PAD - BOTTOM > room:
        layout.paragraph("سطر پرکننده")


def test_a_header_goes_to_the_next_page_with_a_tall_first_row(tmp_path: Path) -> None:
    layout = FormLayout("آزمون جدول")
    _fill(layout, 2 * (LEADING + PAD) + 6)       # room for the header and a one-line row
    tall = "واژه " * 60                          # wraps over several lines in its cell
    layout.table(COLUMNS, [["یکم", tall], ["دوم", "کوتاه"]])
    first, second = reading(_pdf(layout, tmp_path / "t.pdf"))
    assert "شرح وضعیت" not in first
    assert "شرح وضعیت یکم" in second


def test_rows_are_as_tall_as_asked_and_the_totals_row_is_bold(tmp_path: Path) -> None:
    layout = FormLayout("آزمون امضا")
    start = layout.y
    layout.table(COLUMNS, [["یکم", ""], ["جمع", "۱۲"]], min_lines=3, totals=True)
    header = LEADING + PAD
    assert start - layout.y == header + 2 * (3 * LEADING + PAD) + PAD
    lines = page_lines(_pdf(layout, tmp_path / "t.pdf"))[0]
    total = next(line for line in lines if line and line[0].text == "جمع")
    first = next(line for line in lines if line and line[0].text == "یکم")
    assert total[0].top - first[0].top == 3 * LEADING + PAD
    with pdfplumber.open(tmp_path / "t.pdf") as pdf:
        chars = pdf.pages[0].chars
    fonts = {c["fontname"].split("-")[-1] for c in chars if c["top"] == total[0].top}
    assert fonts == {"Bold"}
    assert {c["fontname"].split("-")[-1] for c in chars if c["top"] == first[0].top} == \
        {"Regular"}
