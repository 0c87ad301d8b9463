"""The solar allocation: every Rial of the net paid, by watt-days, none negative, largest
remainders first with ties by national code; and a month worked out on paper."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.solar_allocation import (
    Holding,
    Settlement,
    allocate,
    allocate_signed,
    days_held,
    over_capacity,
    settle,
    weights,
)

MEHR_1403 = (dt.date(2024, 9, 22), dt.date(2024, 10, 21))       # 30 days


def test_a_month_worked_out_on_paper():
    # Mehr 1403 has 30 days (22 Sep – 21 Oct 2024); net 1,000,000 Rials.
    #   A: 5 kW all month                  5000 W × 30 days = 150,000 watt-days
    #   B: 3 kW from 14 Mehr (5 Oct)       3000 W × 17 days =  51,000
    #   C: 2 kW until 9 Mehr (30 Sep)      2000 W ×  9 days =  18,000
    #                                                    W = 219,000
    #   A: 1,000,000 × 150,000 = 150,000,000,000 = 684,931 × 219,000 + 111,000
    #   B: 1,000,000 ×  51,000 =  51,000,000,000 = 232,876 × 219,000 + 156,000
    #   C: 1,000,000 ×  18,000 =  18,000,000,000 =  82,191 × 219,000 + 171,000
    #   floors 684,931 + 232,876 + 82,191 = 999,998: 2 Rials left, to the two largest
    #   remainders C (171,000) and B (156,000).
    first, last = MEHR_1403
    held = weights([Holding("A", 5000, dt.date(2024, 1, 1)),
                    Holding("B", 3000, dt.date(2024, 10, 5)),
                    Holding("C", 2000, dt.date(2024, 6, 1), dt.date(2024, 9, 30))], first, last)
    assert held == {"A": 150_000, "B": 51_000, "C": 18_000}
    amounts = allocate(1_000_000, held, {"A": "0000000001", "B": "0000000002",
                                         "C": "0000000003"})
    assert amounts == {"A": 684_931, "B": 232_877, "C": 82_192}


def test_equal_remainders_go_by_ascending_national_code():
    # 100 Rials over three equal weights: 33 each, one left for the smallest national code.
    amounts = allocate(100, {"x": 7, "y": 7, "z": 7},
                       {"x": "3000000000", "y": "1000000000", "z": "2000000000"})
    assert amounts == {"x": 33, "y": 34, "z": 33}


def test_days_held_counts_both_ends_and_nothing_outside_the_month():
    first, last = MEHR_1403
    assert days_held(first, first, first, last) == 1
    assert days_held(dt.date(2024, 1, 1), None, first, last) == 30
    assert days_held(dt.date(2024, 10, 22), None, first, last) == 0
    assert days_held(dt.date(2024, 1, 1), dt.date(2024, 9, 21), first, last) == 0


def test_no_weight_means_nothing_is_allocated():
    assert allocate(5_000, {}, {}) == {}
    assert allocate(5_000, {"a": 0}, {"a": "1"}) == {}


def test_a_negative_correction_takes_back_by_the_same_shares():
    amounts = allocate_signed(-1_001, {"a": 1, "b": 1}, {"a": "1", "b": "2"})
    assert amounts == {"a": -501, "b": -500}


def test_deductions_never_drive_the_payout_below_zero():
    assert settle(1_000, 300, 200) == Settlement(500, 0)
    assert settle(1_000, 800, 700) == Settlement(0, 500)
    assert settle(0, 0, 400) == Settlement(0, 400)
    assert settle(-300, 0, 0) == Settlement(0, 300)     # a correction taking money back


def test_capacity_is_exceeded_on_the_first_day_the_sum_passes_it():
    shares = [Holding("a", 600, dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
              Holding("b", 400, dt.date(2024, 2, 1)),
              Holding("c", 300, dt.date(2024, 3, 15))]
    assert over_capacity(1000, shares) == (dt.date(2024, 3, 15), 300)
    assert over_capacity(1300, shares) is None
    assert over_capacity(1000, shares[:2]) is None


codes = st.text(alphabet="0123456789", min_size=10, max_size=10)
holding_lists = st.lists(
    st.tuples(st.integers(min_value=1, max_value=5_000_000),          # watts
              st.integers(min_value=-40, max_value=29),                # start, days from first
              st.one_of(st.none(), st.integers(min_value=0, max_value=60))),  # days held
    min_size=1, max_size=25)


def _month_weights(raw):
    first, last = MEHR_1403
    holdings = []
    for index, (watts, start, length) in enumerate(raw):
        starts_on = first + dt.timedelta(days=start)
        ends_on = None if length is None else starts_on + dt.timedelta(days=length)
        holdings.append(Holding(index, watts, starts_on, ends_on))
    return weights(holdings, first, last)


@given(st.integers(min_value=0, max_value=10**14), holding_lists, st.data())
def test_the_amounts_sum_to_the_net_and_none_is_negative(net, raw, data):
    held = _month_weights(raw)
    assume(held)
    ties = {owner: data.draw(codes) for owner in held}
    amounts = allocate(net, held, ties)
    assert sum(amounts.values()) == net
    assert set(amounts) == set(held)
    total = sum(held.values())
    for owner, amount in amounts.items():
        assert amount >= 0
        exact = Fraction(net * held[owner], total)
        assert exact - 1 < amount < exact + 1


@given(st.integers(min_value=0, max_value=10**12),
       st.lists(st.integers(min_value=1, max_value=10**9), min_size=2, max_size=30),
       st.integers(min_value=2, max_value=5), st.data())
def test_twice_the_weight_never_gets_less(net, raw, factor, data):
    # Held twice as long or twice as large is twice the weight (watts × days).
    held = {i: w for i, w in enumerate(raw)}
    held[0] = held[1] * factor
    ties = {owner: data.draw(codes) for owner in held}
    amounts = allocate(net, held, ties)
    assert amounts[0] >= amounts[1]


@given(st.integers(min_value=1, max_value=5_000), st.integers(min_value=1, max_value=15),
       st.integers(min_value=0, max_value=10**9))
def test_a_share_held_longer_or_larger_never_gets_less(watts, days, net):
    first, last = MEHR_1403
    longer = Holding("long", watts, first, first + dt.timedelta(days=2 * days - 1))
    shorter = Holding("short", watts, first, first + dt.timedelta(days=days - 1))
    larger = Holding("large", 2 * watts, first, first + dt.timedelta(days=days - 1))
    held = weights([longer, shorter, larger], first, last)
    # The shorter share has the smallest national code: it wins every tie, and still not more.
    amounts = allocate(net, held, {"long": "3", "short": "1", "large": "2"})
    assert amounts["long"] >= amounts["short"]
    assert amounts["large"] >= amounts["short"]


@given(st.integers(min_value=-10**9, max_value=10**9),
       st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_settlement_keeps_every_rial(allocated, deductions, debt):
    result = settle(allocated, deductions, debt)
    assert result.payable >= 0 and result.debt_after >= 0
    assert result.payable - result.debt_after == allocated - deductions - debt
