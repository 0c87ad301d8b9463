"""Directional runs of a line, against python-bidi's own reordering."""

from __future__ import annotations

from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from desktop.reports.bidi_runs import paragraph_rtl, visual_runs

PERSIAN = "ابپتسشمنوهیکگلژ"
LATIN = "abcXYZ"
DIGITS = "0123۴۵۶"
lines = st.text(alphabet=PERSIAN + LATIN + DIGITS + " .-", min_size=1, max_size=40)


def _display(text: str, rtl: bool) -> str:
    """The line as drawn, from our runs: right-to-left runs reversed."""
    return "".join(text[r.start:r.end][::-1] if r.rtl else text[r.start:r.end]
                   for r in visual_runs(text, rtl))


@given(lines)
def test_runs_cover_the_line_once(text: str) -> None:
    runs = visual_runs(text)
    covered = sorted(i for r in runs for i in range(r.start, r.end))
    assert covered == list(range(len(text)))


@given(lines)
def test_runs_are_drawn_as_the_bidi_algorithm_orders_them(text: str) -> None:
    assert _display(text, True) == get_display(text, base_dir="R")
    assert _display(text, False) == get_display(text, base_dir="L")


def test_plain_persian_is_one_run() -> None:
    (run,) = visual_runs("سلام بر همه")
    assert run.rtl and (run.start, run.end) == (0, 11)


def test_a_number_is_a_left_to_right_run_in_its_place() -> None:
    text = "کد 123 ثبت"
    runs = visual_runs(text)
    assert [text[r.start:r.end].strip() for r in runs] == ["ثبت", "123", "کد"]
    assert [r.rtl for r in runs] == [True, False, True]


def test_zero_width_non_joiner_stays_in_its_word() -> None:
    text = "می‌خواهد 12"
    runs = visual_runs(text)
    assert "می‌خواهد" in "".join(text[r.start:r.end] for r in runs if r.rtl)


def test_paragraph_direction_follows_the_first_letter() -> None:
    assert paragraph_rtl("سلام abc")
    assert not paragraph_rtl("abc سلام")
    assert paragraph_rtl("123")   # no letter: the form's direction
