"""Persian lines on a reportlab canvas: wrapped in logical order, then each line reordered.

Reordering a whole paragraph and then wrapping it puts the wrapped lines in reverse order; so a
paragraph is cut into lines by the widths of its words in logical order, and only then is each
line split into directional runs (bidi_runs), each run shaped by HarfBuzz (fonts), and the runs
drawn left to right. Glyphs are written with PDF operators directly: reportlab's own text
objects would measure and re-encode the string as if it were unshaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from desktop.reports.bidi_runs import paragraph_rtl, visual_runs
from desktop.reports.fonts import REGULAR, Glyph, font


@dataclass(frozen=True, slots=True)
class ShapedLine:
    glyphs: tuple[Glyph, ...]
    font_name: str
    size: float

    @property
    def width(self) -> float:
        return sum(g.advance for g in self.glyphs) * self.size / 1000.0


@lru_cache(maxsize=8192)
def shape_line(text: str, font_name: str = REGULAR, size: float = 10.0,
               rtl: bool | None = None) -> ShapedLine:
    """One line (no wrapping) shaped and in visual order. Its direction is that of its first
    letter (Unicode's rule P2), right to left when it has none, unless ``rtl`` says."""
    shaper = font(font_name)
    if rtl is None:
        rtl = paragraph_rtl(text)
    glyphs: list[Glyph] = []
    for run in visual_runs(text, rtl):
        glyphs.extend(shaper.shape(text[run.start:run.end], run.rtl))
    return ShapedLine(tuple(glyphs), font_name, size)


def text_width(text: str, font_name: str = REGULAR, size: float = 10.0) -> float:
    return shape_line(text, font_name, size).width


@lru_cache(maxsize=32768)
def _word_width(word: str, font_name: str, size: float) -> float:
    return shape_line(word, font_name, size).width


def wrap(text: str, width: float, font_name: str = REGULAR, size: float = 10.0) -> list[str]:
    """``text`` cut into lines no wider than ``width``, each still in logical order.

    Line breaks in the text are kept; a word wider than a line is cut where it must be.
    """
    lines: list[str] = []
    space = _word_width(" ", font_name, size)
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        current_width = 0.0
        for word in words:
            w = _word_width(word, font_name, size)
            if w > width:
                if current:
                    lines.append(" ".join(current))
                    current, current_width = [], 0.0
                pieces = _cut_word(word, width, font_name, size)
                lines.extend(pieces[:-1])
                word = pieces[-1]
                w = _word_width(word, font_name, size)
            needed = w if not current else current_width + space + w
            if current and needed > width:
                lines.append(" ".join(current))
                current, current_width = [word], w
            else:
                current.append(word)
                current_width = needed
        lines.append(" ".join(current))
    return lines


def _cut_word(word: str, width: float, font_name: str, size: float) -> list[str]:
    pieces, start = [], 0
    while start < len(word):
        end = start + 1
        while end < len(word) and text_width(word[start:end + 1], font_name, size) <= width:
            end += 1
        pieces.append(word[start:end])
        start = end
    return pieces


def draw_line(canvas: Canvas, line: ShapedLine, x: float, y: float) -> None:
    """Draws ``line`` with its left end at ``x`` and its baseline at ``y``."""
    if not line.glyphs:
        return
    ttf = font(line.font_name).ttf
    doc = canvas._doc
    size = line.size
    out = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
    current_subset = None
    tj: list[str] = []

    def flush() -> None:
        if tj:
            out.append("[" + " ".join(tj) + "] TJ")
            tj.clear()

    # ``kerning`` is what the next glyph still owes the pen, in TJ's units (thousandths of the
    # font size, positive moves left).
    kerning = 0.0
    for glyph in line.glyphs:
        ((subset, code),) = ttf.splitString(glyph.char, doc)
        if subset != current_subset:
            flush()
            out.append(f"{ttf.getSubsetInternalName(subset, doc)} {size:g} Tf")
            current_subset = subset
        before = kerning - glyph.x_offset
        if abs(before) > 0.01:
            tj.append(f"{before:.2f}")
        if glyph.y_offset:
            flush()
            out.append(f"{glyph.y_offset * size / 1000.0:.2f} Ts")
            out.append(f"({canvas._escape(code)}) Tj 0 Ts")
        else:
            tj.append(f"({canvas._escape(code)})")
        kerning = glyph.width - glyph.advance + glyph.x_offset
    flush()
    out.append("ET")
    canvas._code.append(" ".join(out))


def draw_text(canvas: Canvas, text: str, x_right: float, y: float, *, font_name: str = REGULAR,
              size: float = 10.0, align: str = "right") -> float:
    """One line of ``text`` ending at ``x_right`` (or centred on it, or starting at it for
    ``align='left'``). Returns the width drawn."""
    line = shape_line(text, font_name, size)
    width = line.width
    if align == "right":
        x = x_right - width
    elif align == "center":
        x = x_right - width / 2
    else:
        x = x_right
    draw_line(canvas, line, x, y)
    return width
