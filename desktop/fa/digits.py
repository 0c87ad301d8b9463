"""Digits of the three scripts people type: Latin, Persian (U+06F0…) and Arabic-Indic (U+0660…)."""

from __future__ import annotations

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)


def to_latin_digits(text: str) -> str:
    return text.translate(_TO_LATIN)


def to_persian_digits(text: object) -> str:
    return str(text).translate(_TO_PERSIAN)


def only_digits(text: str) -> str:
    """The Latin digits of ``text``, in order, everything else dropped."""
    return "".join(ch for ch in to_latin_digits(text) if "0" <= ch <= "9")
