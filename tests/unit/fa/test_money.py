from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.money import (
    MoneyError,
    format_amount,
    format_rials,
    format_tomans,
    parse_rials,
    parse_tomans,
)

amounts = st.integers(min_value=-10**15, max_value=10**15)


def test_display() -> None:
    assert format_rials(12_345_000) == "۱۲٬۳۴۵٬۰۰۰ ریال"
    assert format_rials(0) == "۰ ریال"
    assert format_rials(1500, persian_digits=False) == "1,500 ریال"
    assert format_tomans(12_345_000) == "۱٬۲۳۴٬۵۰۰ تومان"
    assert format_tomans(15) == "۱٫۵ تومان"
    assert format_rials(-2500).startswith("\u200e\u2212۲٬۵۰۰")


@given(amounts)
def test_parse_reads_what_format_writes(amount: int) -> None:
    assert parse_rials(format_rials(amount)) == amount
    assert parse_rials(format_amount(amount, persian_digits=False)) == amount
    assert parse_tomans(format_tomans(amount)) == amount


@pytest.mark.parametrize(("typed", "rials"), [
    ("1,500,000", 1_500_000), ("۱٬۵۰۰٬۰۰۰ ریال", 1_500_000), ("١٥٠٠", 1500),
    (" 2 500 000 ", 2_500_000)])
def test_typed_rials(typed: str, rials: int) -> None:
    assert parse_rials(typed) == rials


def test_typed_tomans() -> None:
    assert parse_tomans("۱۵۰٬۰۰۰ تومان") == 1_500_000
    assert parse_tomans("12.5") == 125


@pytest.mark.parametrize("typed", ["", "abc", "12.5", "1.2.3", "۱۲ و ۵"])
def test_not_rials(typed: str) -> None:
    with pytest.raises(MoneyError) as caught:
        parse_rials(typed)
    assert not caught.value.message.isascii()


def test_money_is_never_a_float() -> None:
    with pytest.raises(TypeError):
        format_rials("12")  # type: ignore[arg-type]
