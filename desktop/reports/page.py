"""One printed form, laid out from the right: headings, field grids, tables, lines to write on.

A form is laid out first and drawn after: each piece measures itself, takes its height from the
page (a new page when it does not fit) and leaves a drawing step on that page. Only when the
form is complete is its page count known, so the letterhead and «صفحه ۱ از ۲» are drawn then.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.i18n import tr
from desktop.reports.fonts import BOLD, REGULAR
from desktop.reports.typeset import draw_text, text_width, wrap

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 34.0
RIGHT = PAGE_WIDTH - MARGIN
LEFT = MARGIN
WIDTH = RIGHT - LEFT
HEADER_HEIGHT = 92.0
FOOTER_HEIGHT = 26.0
TOP = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT
BOTTOM = MARGIN + FOOTER_HEIGHT

SIZE = 9.5
LEADING = 15.0
PAD = 4.0

INK = Color(0.08, 0.08, 0.1)
MUTED = Color(0.36, 0.38, 0.42)
RULE = Color(0.62, 0.65, 0.70)
SHADE = Color(0.92, 0.94, 0.96)
ACCENT = Color(0.10, 0.33, 0.45)

_CHOICE_GAP = 28.0      # from one option's text to the next option's box
_WRITING_LINE = 19.0    # room for a line of handwriting

Step = Callable[[Canvas], None]


@dataclasses.dataclass(frozen=True)
class Column:
    title: str
    share: float            # of the table's width
    align: str = "right"    # right, center or left


@dataclasses.dataclass(frozen=True)
class Field:
    label: str
    value: str
    span: int = 1           # grid columns the field takes


class FormLayout:
    """The pages of one form as drawing steps. Coordinates are PDF points from the bottom left;
    everything runs from ``RIGHT`` leftwards."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.pages: list[list[Step]] = [[]]
        self.y = TOP

    # -- space -----------------------------------------------------------------------------

    def _room(self, height: float) -> None:
        """Starts a new page unless ``height`` fits below the cursor."""
        if self.y - height < BOTTOM and self.y < TOP:
            self.new_page()

    def keep(self, height: float) -> None:
        """Whatever comes next and takes ``height`` starts on a new page unless it fits here
        whole (a section that must not be split from its signatures)."""
        self._room(height)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def _add(self, step: Step) -> None:
        self.pages[-1].append(step)

    def space(self, height: float) -> None:
        self.y -= height

    # -- pieces ----------------------------------------------------------------------------

    def heading(self, text: str) -> None:
        """A section's title on a shaded band; kept with at least two lines of what follows."""
        height = LEADING + 2 * PAD
        self._room(height + 2 * LEADING)
        top = self.y

        def step(c: Canvas) -> None:
            c.setFillColor(SHADE)
            c.setStrokeColor(SHADE)
            c.rect(LEFT, top - height, WIDTH, height, stroke=0, fill=1)
            c.setFillColor(ACCENT)
            c.rect(RIGHT - 3, top - height, 3, height, stroke=0, fill=1)
            c.setFillColor(ACCENT)
            draw_text(c, text, RIGHT - 3 * PAD, top - height + PAD + 3.5, font_name=BOLD,
                      size=SIZE + 1)

        self._add(step)
        self.y -= height + PAD

    def paragraph(self, text: str, *, size: float = SIZE, font_name: str = REGULAR,
                  color: Color = INK) -> None:
        """Text wrapped to the page's width, lines top to bottom, across pages if long."""
        leading = size * LEADING / SIZE
        for line in wrap(text, WIDTH - 2 * PAD, font_name, size):
            self._room(leading)
            y = self.y - leading + 4

            def step(c: Canvas, line: str = line, y: float = y) -> None:
                c.setFillColor(color)
                draw_text(c, line, RIGHT - PAD, y, font_name=font_name, size=size)

            self._add(step)
            self.y -= leading
        self.y -= PAD

    def image(self, png: bytes, width: float, height: float) -> None:
        """A picture (a chart) of ``width`` × ``height`` points, centred on the page."""
        from io import BytesIO

        from reportlab.lib.utils import ImageReader

        self._room(height + PAD)
        top, picture = self.y, ImageReader(BytesIO(png))

        def step(c: Canvas) -> None:
            c.drawImage(picture, LEFT + (WIDTH - width) / 2, top - height, width, height)

        self._add(step)
        self.y -= height + PAD

    def fields(self, fields: Sequence[Field], columns: int = 2) -> None:
        """A grid of «label: value» cells, filled from the right, row by row. Long values wrap
        inside their cell; a row moves to the next page whole."""
        cell_width = WIDTH / columns
        row: list[Field] = []
        used = 0
        for field in fields:
            span = min(field.span, columns)
            if used + span > columns:
                self._field_row(row, cell_width, columns)
                row, used = [], 0
            row.append(dataclasses.replace(field, span=span))
            used += span
        if row:
            self._field_row(row, cell_width, columns)
        self.y -= PAD

    def _field_row(self, row: list[Field], cell_width: float, columns: int) -> None:
        cells = []
        right = RIGHT
        for field in row:
            width = cell_width * field.span
            label = field.label + ":"
            label_width = text_width(label, BOLD, SIZE - 0.5)
            value_width = max(width - label_width - 4 * PAD, 20)
            lines = wrap(field.value, value_width, REGULAR, SIZE) or [""]
            cells.append((right, width, label, label_width, lines))
            right -= width
        height = max(len(c[4]) for c in cells) * LEADING + PAD
        self._room(height)
        top = self.y

        def step(c: Canvas) -> None:
            c.setStrokeColor(RULE)
            c.setLineWidth(0.5)
            for right, width, label, label_width, lines in cells:
                c.rect(right - width, top - height, width, height, stroke=1, fill=0)
                baseline = top - LEADING + 3
                c.setFillColor(MUTED)
                draw_text(c, label, right - PAD, baseline, font_name=BOLD, size=SIZE - 0.5)
                c.setFillColor(INK)
                for i, line in enumerate(lines):
                    draw_text(c, line, right - 2 * PAD - label_width, baseline - i * LEADING)

        self._add(step)
        self.y -= height

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *,
              empty: str = "", min_lines: float = 1, totals: bool = False,
              size: float = SIZE) -> None:
        """A table whose first column is at the right; the header repeats on each new page.
        Rows are at least ``min_lines`` high (room for a signature in a column left blank);
        with ``totals`` the last row is the sums, in bold on a shade. A smaller ``size`` fits
        many columns of large figures."""
        leading = size * LEADING / SIZE
        widths = [WIDTH * col.share for col in columns]
        header_lines = [wrap(col.title, w - 2 * PAD, BOLD, size - 0.5)
                        for col, w in zip(columns, widths, strict=True)]
        header_height = max(len(lines) for lines in header_lines) * leading + PAD

        def draw_header(top: float) -> Step:
            def step(c: Canvas) -> None:
                c.setFillColor(SHADE)
                c.setStrokeColor(RULE)
                c.setLineWidth(0.5)
                right = RIGHT
                for col, w, lines in zip(columns, widths, header_lines, strict=True):
                    c.setFillColor(SHADE)
                    c.rect(right - w, top - header_height, w, header_height, stroke=1, fill=1)
                    c.setFillColor(INK)
                    for i, line in enumerate(lines):
                        _cell_text(c, line, right, w, top - leading + 3 - i * leading, col.align,
                                   BOLD, size - 0.5)
                    right -= w
            return step

        laid = []
        for index, row in enumerate(rows):
            total_row = totals and index == len(rows) - 1
            font_name = BOLD if total_row else REGULAR
            cell_lines = [wrap(value or "", w - 2 * PAD, font_name, size)
                          for value, w in zip(row, widths, strict=True)]
            height = max(max(len(lines) for lines in cell_lines), min_lines) * leading + PAD
            laid.append((cell_lines, height, font_name, total_row))
        # The header never ends a page alone: it goes with the first row, however tall.
        self._room(header_height + (laid[0][1] if laid else leading + PAD))
        self._add(draw_header(self.y))
        self.y -= header_height
        if not rows and empty:
            self.paragraph(empty, color=MUTED)
            return
        for cell_lines, height, font_name, total_row in laid:
            if self.y - height < BOTTOM:
                self.new_page()
                self._add(draw_header(self.y))
                self.y -= header_height
            top = self.y

            def step(c: Canvas, top: float = top, height: float = height,
                     cell_lines: list[list[str]] = cell_lines, font_name: str = font_name,
                     shade: bool = total_row) -> None:
                c.setStrokeColor(RULE)
                c.setLineWidth(0.5)
                right = RIGHT
                for col, w, lines in zip(columns, widths, cell_lines, strict=True):
                    c.setFillColor(SHADE)
                    c.rect(right - w, top - height, w, height, stroke=1, fill=1 if shade else 0)
                    c.setFillColor(INK)
                    for i, line in enumerate(lines):
                        _cell_text(c, line, right, w, top - leading + 3 - i * leading, col.align,
                                   font_name, size)
                    right -= w

            self._add(step)
            self.y -= height
        self.y -= PAD

    def writing_lines(self, label: str, count: int) -> None:
        """A question with ``count`` dotted lines under it for the answer in handwriting."""
        self._room(LEADING + min(count, 2) * _WRITING_LINE)
        self.paragraph(label, font_name=BOLD, size=SIZE)
        self.y += PAD
        for _ in range(count):
            self._room(_WRITING_LINE)
            y = self.y - _WRITING_LINE + 4

            def step(c: Canvas, y: float = y) -> None:
                c.setStrokeColor(RULE)
                c.setLineWidth(0.6)
                c.setDash(1, 2)
                c.line(LEFT + PAD, y, RIGHT - PAD, y)
                c.setDash()

            self._add(step)
            self.y -= _WRITING_LINE
        self.y -= PAD

    def choices(self, label: str, options: Sequence[str], chosen: Sequence[str] = ()) -> None:
        """«label: ☐ a ☐ b ☐ c» with boxes to tick; those in ``chosen`` already ticked."""
        items = [(text_width(option, REGULAR, SIZE), option) for option in options]
        label_text = label + ":"
        label_width = text_width(label_text, BOLD, SIZE)
        lines: list[list[tuple[float, str]]] = [[]]
        room = WIDTH - label_width - 3 * PAD
        used = 0.0
        for width, option in items:
            need = width + _CHOICE_GAP
            if lines[-1] and used + need > room:
                lines.append([])
                used = 0.0
            lines[-1].append((width, option))
            used += need
        height = len(lines) * LEADING + PAD
        self._room(height)
        top = self.y

        def step(c: Canvas) -> None:
            baseline = top - LEADING + 3
            c.setFillColor(INK)
            draw_text(c, label_text, RIGHT - PAD, baseline, font_name=BOLD, size=SIZE)
            for i, line in enumerate(lines):
                x = RIGHT - 2 * PAD - label_width
                y = baseline - i * LEADING
                for width, option in line:
                    c.setStrokeColor(INK)
                    c.setLineWidth(0.7)
                    c.rect(x - 9, y - 1, 8, 8, stroke=1, fill=0)
                    if option in chosen:
                        c.line(x - 7.5, y + 3, x - 5.5, y + 0.5)
                        c.line(x - 5.5, y + 0.5, x - 2, y + 6)
                    c.setFillColor(INK)
                    draw_text(c, option, x - 12, y)
                    x -= width + _CHOICE_GAP

        self._add(step)
        self.y -= height + PAD

    def signature_boxes(self, titles: Sequence[str], height: float = 70.0,
                        names: Sequence[str] = ()) -> None:
        """Boxes side by side, the first at the right, for signatures and the office's stamp;
        ``names``, when given, are printed under the titles (who is to sign)."""
        self._room(height + PAD)
        top = self.y
        gap = 8.0
        width = (WIDTH - gap * (len(titles) - 1)) / len(titles)

        def step(c: Canvas) -> None:
            c.setStrokeColor(RULE)
            c.setLineWidth(0.7)
            right = RIGHT
            for index, title in enumerate(titles):
                c.roundRect(right - width, top - height, width, height, 4, stroke=1, fill=0)
                c.setFillColor(MUTED)
                draw_text(c, title, right - width / 2, top - LEADING + 2, size=SIZE - 0.5,
                          align="center")
                if index < len(names) and names[index]:
                    c.setFillColor(INK)
                    draw_text(c, names[index], right - width / 2, top - 2 * LEADING + 3,
                              size=SIZE - 1, align="center")
                c.setFillColor(MUTED)
                draw_text(c, tr("Date:"), right - PAD, top - height + 6, size=SIZE - 1.5)
                right -= width + gap

        self._add(step)
        self.y -= height + PAD


def _cell_text(c: Canvas, line: str, right: float, width: float, baseline: float, align: str,
               font_name: str, size: float) -> None:
    if align == "center":
        draw_text(c, line, right - width / 2, baseline, font_name=font_name, size=size,
                  align="center")
    elif align == "left":
        draw_text(c, line, right - width + PAD, baseline, font_name=font_name, size=size,
                  align="left")
    else:
        draw_text(c, line, right - PAD, baseline, font_name=font_name, size=size)
