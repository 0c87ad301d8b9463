"""Reading a printed form back the way a person reads it: lines top to bottom, each line's words
by their x positions from the right, each word's letters from the right (left to right for a
word of digits or Latin letters only). What comes out is compared with what was meant."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pdfplumber


@dataclasses.dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _word(chars: list[dict]) -> Word:
    ordered = sorted(chars, key=lambda c: c["x0"])
    text = "".join(c["text"] for c in ordered)
    if _is_rtl(text):
        text = "".join(c["text"] for c in sorted(chars, key=lambda c: -c["x0"]))
    return Word(text.replace("\u200b", ""), ordered[0]["x0"], max(c["x1"] for c in chars),
                min(c["top"] for c in chars))


def page_lines(path: Path) -> list[list[list[Word]]]:
    """For each page, its lines top to bottom, each line's words right to left."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[dict]] = {}
            for ch in page.chars:
                rows.setdefault(round(ch["matrix"][5]), []).append(ch)
            lines = []
            for baseline in sorted(rows, reverse=True):
                chars = sorted(rows[baseline], key=lambda c: c["x0"])
                words, current = [], []
                for ch in chars:
                    gap = ch["x0"] - current[-1]["x1"] if current else 0
                    if ch["text"] == " " or (current and gap > ch["size"] * 0.3):
                        if current:
                            words.append(_word(current))
                        current = [] if ch["text"] == " " else [ch]
                    else:
                        current.append(ch)
                if current:
                    words.append(_word(current))
                lines.append(sorted(words, key=lambda w: -w.x1))
            pages.append(lines)
    return pages


def reading(path: Path) -> list[str]:
    """Every page as the words a reader meets, in order, one string per page."""
    return [" ".join(" ".join(w.text for w in line) for line in lines)
            for lines in page_lines(path)]


def reads(path: Path, text: str) -> bool:
    """Whether ``text`` (logical order) is read, word after word, somewhere in the PDF."""
    wanted = " ".join(text.split())
    return any(f" {wanted} " in f" {page} " for page in reading(path))
