"""The share-out: every Rial of D paid, by shares, none negative, the largest remainders first."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.shareout import share_out, value_per_share

holdings = st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=30)


@given(st.integers(min_value=0, max_value=10**13), holdings)
def test_payouts_sum_to_the_distributable_exactly_and_none_is_negative(d: int,
                                                                       shares: list[int]):
    if sum(shares) == 0:
        return
    payouts = share_out(d, list(enumerate(shares)))
    assert sum(payouts.values()) == d
    assert all(p >= 0 for p in payouts.values())
    total = sum(shares)
    for member, count in enumerate(shares):
        exact = Fraction(d * count, total)
        # Each is paid its exact due rounded down or up, never further off.
        assert exact - 1 < payouts[member] < exact + 1


@given(st.integers(min_value=0, max_value=10**9), holdings)
def test_more_shares_never_earn_less(d: int, shares: list[int]):
    if sum(shares) == 0:
        return
    payouts = share_out(d, list(enumerate(shares)))
    for a, sa in enumerate(shares):
        for b, sb in enumerate(shares):
            if sa > sb:
                assert payouts[a] >= payouts[b]


def test_largest_remainders_get_the_leftover_rials() -> None:
    # 100 Rials over 3 equal holders: 33⅓ each; the first on the tie gets the spare Rial.
    assert share_out(100, [("a", 1), ("b", 1), ("c", 1)]) == {"a": 34, "b": 33, "c": 33}
    # 10 over shares 1 and 2: 3⅓ and 6⅔; the larger remainder (⅔) takes the Rial.
    assert share_out(10, [("a", 1), ("b", 2)]) == {"a": 3, "b": 7}
    assert value_per_share(10, 3) == Fraction(10, 3)


def test_nothing_to_share_and_bad_input() -> None:
    assert share_out(0, [("a", 0)]) == {"a": 0}
    with pytest.raises(ValueError):
        share_out(-1, [("a", 1)])
    with pytest.raises(ValueError):
        share_out(5, [("a", 0)])
