"""Amounts written out in Persian words, as on a cheque."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.money import tomans_in_words
from desktop.fa.words import HUNDREDS, ONES, TEENS, TENS, number_in_words

_VALUES = {w: v for table, step in ((ONES, 1), (TENS, 10), (HUNDREDS, 100)) for v, w in
           ((i * step, word) for i, word in enumerate(table)) if w}
_VALUES.update({word: 10 + i for i, word in enumerate(TEENS)})
_SCALES = {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9}


def _read(words: str) -> int:
    """Words back to a number, the way a reader adds them up (a check, not a second writer)."""
    total = current = 0
    for token in words.split():
        if token == "و":
            continue
        if token == "هزار":
            current = (current or 1) * 1000
        elif token in _SCALES:
            total += current * _SCALES[token]
            current = 0
        else:
            current += _VALUES[token]
    return total + current


@pytest.mark.parametrize(("n", "words"), [
    (0, "صفر"), (7, "هفت"), (10, "ده"), (16, "شانزده"), (20, "بیست"), (21, "بیست و یک"),
    (100, "صد"), (105, "صد و پنج"), (219, "دویست و نوزده"), (1000, "هزار"),
    (1001, "هزار و یک"), (2500, "دو هزار و پانصد"), (1_000_000, "یک میلیون"),
    (12_500_000, "دوازده میلیون و پانصد هزار"), (1_001_000, "یک میلیون و هزار"),
    (3_000_000_000, "سه میلیارد"), (2_000_000_000_000, "دو هزار میلیارد"),
    (-45, "منفی چهل و پنج"),
])
def test_number_in_words(n: int, words: str) -> None:
    assert number_in_words(n) == words


@pytest.mark.parametrize(("rials", "words"), [
    (15_000_000, "یک میلیون و پانصد هزار تومان"), (15, "یک تومان و پنج ریال"),
    (5, "پنج ریال"), (0, "صفر ریال"), (-20, "منفی دو تومان"),
])
def test_tomans_in_words(rials: int, words: str) -> None:
    assert tomans_in_words(rials) == words


@given(st.integers(min_value=1, max_value=10**15 - 1))
def test_words_read_back_as_the_number(n: int) -> None:
    words = number_in_words(n)
    assert _read(words) == n
    assert "  " not in words and not words.startswith("و ") and not words.endswith(" و")


def test_refuses_what_is_not_a_whole_number() -> None:
    with pytest.raises(TypeError):
        number_in_words(True)
    with pytest.raises(ValueError):
        number_in_words(10**15)
