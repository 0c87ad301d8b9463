"""The business's monthly books: the cash carried from month to month, the most a month may pay
out, and an income split that sums to the Rial."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.business_books import (
    MonthFigures,
    month_of,
    months_back,
    next_month,
    overdrawn,
    run_books,
    split_income,
)
from desktop.fa.jalali import jalali_to_gregorian

MEHR = jalali_to_gregorian(1403, 7, 1)
ABAN = jalali_to_gregorian(1403, 8, 1)


def test_cash_is_carried_and_a_deficit_pays_no_one() -> None:
    books = run_books(1_000, [MonthFigures(MEHR, 5_000, 9_000, 0),
                              MonthFigures(ABAN, 10_000, 1_000, 6_000)])
    assert [(m.opening, m.available, m.payable, m.closing) for m in books] == [
        (1_000, -3_000, 0, -3_000), (-3_000, 6_000, 6_000, 0)]
    assert overdrawn(books) is None
    too_much = run_books(0, [MonthFigures(MEHR, 5_000, 9_000, 1)])
    assert overdrawn(too_much) == too_much[0]


def test_months_run_without_gaps() -> None:
    with pytest.raises(ValueError):
        run_books(0, [MonthFigures(MEHR, 0, 0, 0), MonthFigures(next_month(ABAN), 0, 0, 0)])


def test_jalali_months() -> None:
    assert month_of(dt.date(2024, 10, 21)) == MEHR == month_of(MEHR)
    assert next_month(MEHR + dt.timedelta(days=29)) == ABAN
    assert next_month(jalali_to_gregorian(1403, 12, 30)) == jalali_to_gregorian(1404, 1, 1)
    assert months_back(ABAN + dt.timedelta(days=5), 11) == jalali_to_gregorian(1402, 9, 1)


@given(st.integers(0, 10**13), st.lists(st.integers(0, 1000), min_size=1, max_size=30))
def test_an_income_split_sums_exactly_and_follows_the_weights(total, weights) -> None:
    if not sum(weights):
        weights = [1] * len(weights)
    parts = split_income(total, list(enumerate(weights)))
    assert sum(parts.values()) == total
    for member, weight in enumerate(weights):
        exact = total * weight / sum(weights)
        assert abs(parts[member] - exact) < 1 and parts[member] >= 0


def test_a_negative_payout_is_refused() -> None:
    with pytest.raises(ValueError):
        split_income(-1, [("a", 1)])
