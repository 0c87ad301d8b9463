"""How a micro-finance group's figures read: the grade as a Persian letter with its colours,
ratios as Persian percentages."""

from __future__ import annotations

from fractions import Fraction

from desktop.fa.digits import to_persian_digits
from desktop.i18n import N_, tr

NOT_KNOWN = "—"
# The grade letters of the bank-linkage grading, as the office writes them: الف، ب، ج.
GRADE_LABELS = {"A": N_("grade A"), "B": N_("grade B"), "C": N_("grade C")}
# (text, background): green for A, amber for B, red for C, readable when printed in grey.
GRADE_COLOURS = {"A": ("#14532d", "#dcf1e3"), "B": ("#7a4b00", "#fdefc8"),
                 "C": ("#8f1d14", "#fbe0dd")}
LATE_COLOUR = "#b42318"


def grade_label(grade: str) -> str:
    return tr(GRADE_LABELS[grade]) if grade in GRADE_LABELS else grade


def grade_badge_style(grade: str) -> str:
    """A style sheet for a label that shows the grade as a coloured badge."""
    text, back = GRADE_COLOURS.get(grade, ("#1f2933", "#e9eff2"))
    return (f"color: {text}; background: {back}; border: 1px solid {text}; "
            "border-radius: 6px; padding: 4px 12px; font-weight: bold;")


def percent(value: Fraction | None) -> str:
    """``۴۵٪``; below zero in words («منفی ۲۸٪»), which no bidirectional reordering can
    move to the wrong side; a ratio not known yet (no shares bought) reads «—»."""
    if value is None:
        return NOT_KNOWN
    whole = int(abs(value) * 100 + Fraction(1, 2))
    text = f"{to_persian_digits(whole)}٪"
    return tr("minus {value}", value=text) if value < 0 and whole else text


def number(value: int) -> str:
    return to_persian_digits(value)
