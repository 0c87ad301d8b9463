"""Persian lines drawn by the forms engine, read back from the PDF by position and by text."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import BOLD, font
from desktop.reports.typeset import draw_text, shape_line, text_width, wrap
from tests.pdf_text import page_lines, reading, reads

LONG = ("کارشناس اشتغال شهرستان پس از مصاحبه با مددجو نتیجه اهلیت‌سنجی را ثبت می‌کند و "
        "پرونده را به تسهیلگر می‌سپارد تا در دوره پایش دست‌کم پنج بار از محل کار بازدید کند "
        "و مشکلات را پیش از آنکه شغل از دست برود پیگیری کند.")


def _pdf(tmp_path: Path, lines: list[str], *, size: float = 12) -> Path:
    path = tmp_path / "lines.pdf"
    canvas = Canvas(str(path))
    y = 800.0
    for line in lines:
        draw_text(canvas, line, 560, y, size=size)
        y -= size * 1.8
    canvas.save()
    return path


def _poppler(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.parametrize("text", [
    "سلام بر جلال و عبدالله",                  # «لا» is one glyph; «الله» must not be
    "خانم فاطمه سادات‌نژاد می‌خواهد شغل خانگی",   # ZWNJ inside words
    "بیمه سهم خویش‌فرمایی (تسهیلات) «تکلیفی»",  # brackets and guillemets
])
def test_persian_lines_read_back_right_to_left(tmp_path: Path, text: str) -> None:
    path = _pdf(tmp_path, [text])
    (line,) = page_lines(path)[0]
    assert [w.text for w in line] == text.split()
    assert all(a.x0 > b.x1 for a, b in itertools.pairwise(line))  # each to the left
    assert text in _poppler(path)


def test_latin_and_numbers_keep_their_order_inside_persian(tmp_path: Path) -> None:
    text = "کد ملی 0012345678 و شبا IR820170000000123456789012 در سال ۱۴۰۳ ثبت شد"
    path = _pdf(tmp_path, [text])
    assert reads(path, text)
    (line,) = page_lines(path)[0]
    words = {w.text: w for w in line}
    # The number sits between «ملی» (to its right) and «و» (to its left).
    assert words["ملی"].x0 > words["0012345678"].x1 > words["0012345678"].x0 > words["و"].x1
    # Poppler moves the spaces at a change of direction; the letters keep their order.
    assert _squeezed(text) in _squeezed(_poppler(path))


def test_a_latin_line_runs_left_to_right(tmp_path: Path) -> None:
    path = _pdf(tmp_path, ["Karsaz 2.0 (test)"])
    (line,) = page_lines(path)[0]
    assert [w.text for w in sorted(line, key=lambda w: w.x0)] == ["Karsaz", "2.0", "(test)"]


def test_brackets_are_mirrored_in_right_to_left_text() -> None:
    shaper = font()
    glyph_of = shaper.ttf.face.charToGlyph
    line = shape_line("(الف)")
    # Drawn left to right: the glyph at the far left is the closing bracket's partner, the
    # shape «(» — what a reader sees at the end of a right-to-left bracketed word.
    leftmost = shaper.ttf.face.charToGlyph[ord(line.glyphs[0].char)]
    rightmost = shaper.ttf.face.charToGlyph[ord(line.glyphs[-1].char)]
    assert leftmost == glyph_of[ord("(")]
    assert rightmost == glyph_of[ord(")")]
    # ... and each still reads back as the bracket that was typed.
    texts = [_text_of(g.char) for g in line.glyphs]
    assert texts[0] == ")" and texts[-1] == "("


def _squeezed(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\u202a\u202b\u202c")


def _text_of(char: str) -> str:
    from desktop.reports import fonts

    return fonts._code_text.get(ord(char), char)


def test_diacritics_are_kept() -> None:
    plain = shape_line("محمد")
    marked = shape_line("مُحَمَّد")
    assert len(marked.glyphs) > len(plain.glyphs)


def test_letters_are_joined() -> None:
    """Shaped, «بیمه» is drawn with contextual forms, not the four isolated letters."""
    face = font().ttf.face
    isolated = [face.charToGlyph[ord(ch)] for ch in "بیمه"]
    drawn = [face.charToGlyph[ord(g.char)] for g in shape_line("بیمه").glyphs]
    assert sorted(drawn) != sorted(isolated)
    assert len(drawn) == 4


def test_wrapped_lines_go_top_to_bottom_in_reading_order(tmp_path: Path) -> None:
    lines = wrap(LONG, 220, size=11)
    assert len(lines) >= 3
    assert all(text_width(line, size=11) <= 220 for line in lines)
    assert " ".join(lines) == " ".join(LONG.split())
    path = _pdf(tmp_path, lines, size=11)
    assert reading(path)[0] == " ".join(LONG.split())
    # Reshaping and reordering the paragraph before wrapping would put its end on top.
    first, *_, last = page_lines(path)[0]
    assert first[0].text == LONG.split()[0]
    assert last[-1].text == LONG.split()[-1]


def test_a_word_longer_than_the_line_is_cut() -> None:
    word = "IR" + "0123456789" * 4
    pieces = wrap(word, 60, size=10)
    assert len(pieces) > 1 and "".join(pieces) == word
    assert all(text_width(p, size=10) <= 60 for p in pieces)


def test_bold_and_regular_share_one_document(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    canvas = Canvas(str(path))
    draw_text(canvas, "سازمان بهزیستی کشور", 560, 800, font_name=BOLD, size=14)
    draw_text(canvas, "اداره بهزیستی شهرستان", 560, 770, size=11)
    canvas.save()
    text = _poppler(path)
    assert "سازمان بهزیستی کشور" in text and "اداره بهزیستی شهرستان" in text
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout
    assert "Vazirmatn" in fonts and "Vazirmatn-Bold" in fonts and " yes " in fonts  # embedded
