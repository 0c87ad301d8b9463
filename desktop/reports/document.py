"""A PDF of one or more forms: each with the office's letterhead, its QR code and page numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from desktop import __version__
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.reports.fonts import BOLD, REGULAR
from desktop.reports.page import (
    ACCENT,
    HEADER_HEIGHT,
    INK,
    LEFT,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    FormLayout,
)
from desktop.reports.qr import draw_qr
from desktop.reports.typeset import draw_text

QR_SIZE = 64.0


@dataclasses.dataclass(frozen=True)
class Letterhead:
    """Who prints: the office, and when and by whom."""

    province_name: str
    county_name: str
    office_name: str
    printed_on: dt.date
    printed_by: str


@dataclasses.dataclass(frozen=True)
class Seal:
    """What the QR code carries: the record's id and a short code that proves the office printed
    it (services/form_seal.py makes and checks both)."""

    payload: str
    code: str


class FormDocument:
    """Forms written one after another into one PDF; ``close`` writes the file."""

    def __init__(self, target: Path | BinaryIO, title: str, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.canvas = Canvas(str(target) if isinstance(target, Path) else target,
                             pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(letterhead.office_name)
        self.canvas.setCreator(f"Karsaz {__version__}")
        self.canvas.setSubject(tr("State Welfare Organization"))
        self.pages = 0
        self.forms = 0

    def add(self, layout: FormLayout, seal: Seal | None = None) -> int:
        """Draws ``layout`` on new pages; returns how many."""
        total = len(layout.pages)
        c = self.canvas
        for number, steps in enumerate(layout.pages, start=1):
            self._letterhead(layout.title, seal if number == 1 else None)
            for step in steps:
                step(c)
            self._footer(layout.title, number, total, seal)
            c.showPage()
        self.pages += total
        self.forms += 1
        return total

    def close(self) -> None:
        self.canvas.save()

    def _letterhead(self, title: str, seal: Seal | None) -> None:
        c = self.canvas
        head = self.letterhead
        top = PAGE_HEIGHT - MARGIN
        c.setFillColor(INK)
        draw_text(c, tr("Islamic Republic of Iran"), RIGHT, top - 10, size=8)
        draw_text(c, tr("State Welfare Organization"), RIGHT, top - 25, font_name=BOLD,
                  size=10.5)
        draw_text(c, tr("Welfare Directorate of {province} Province").format(
            province=head.province_name), RIGHT, top - 40, size=8.5)
        draw_text(c, tr("Welfare Office of {county} County").format(county=head.county_name),
                  RIGHT, top - 53, size=8.5)
        c.setFillColor(MUTED)
        draw_text(c, head.office_name, RIGHT, top - 66, size=8)
        c.setFillColor(ACCENT)
        draw_text(c, title, PAGE_WIDTH / 2, top - 36, font_name=BOLD, size=15, align="center")
        c.setFillColor(MUTED)
        draw_text(c, tr("Printed on {date}").format(date=format_jalali(head.printed_on)),
                  PAGE_WIDTH / 2, top - 56, size=8, align="center")
        if seal is not None:
            draw_qr(c, seal.payload, LEFT, top - QR_SIZE - 2, QR_SIZE)
            c.setFillColor(MUTED)
            draw_text(c, seal.code, LEFT + QR_SIZE / 2, top - QR_SIZE - 11, size=7,
                      align="center")
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        line_y = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT + 8
        c.line(LEFT, line_y, RIGHT, line_y)

    def _footer(self, title: str, number: int, total: int, seal: Seal | None) -> None:
        c = self.canvas
        y = MARGIN
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(LEFT, y + 14, RIGHT, y + 14)
        c.setFillColor(MUTED)
        page = tr("Page {number} of {total}").format(number=to_persian_digits(number),
                                                     total=to_persian_digits(total))
        draw_text(c, page, PAGE_WIDTH / 2, y, size=8, align="center")
        draw_text(c, title, RIGHT, y, size=7.5)
        by = tr("Printed by {name} with Karsaz").format(name=self.letterhead.printed_by)
        draw_text(c, by, LEFT, y, size=7.5, align="left", font_name=REGULAR)
