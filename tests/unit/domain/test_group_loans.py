"""Instalments, arrears and days late of group loans."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.group_loans import (
    bank_total_repayable,
    instalments,
    loan_state,
    service_charge,
)

START = dt.date(2024, 3, 20)   # 1 Farvardin 1403


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=1, max_value=60))
def test_instalments_add_up_to_the_loan(total: int, months: int) -> None:
    parts = instalments(total, START, months)
    assert len(parts) == months
    assert sum(amount for _, amount in parts) == total
    assert [day for day, _ in parts] == sorted(day for day, _ in parts)


def test_instalments_fall_on_the_same_jalali_day() -> None:
    days = [day for day, _ in instalments(3_000_000, START, 3)]
    assert days == [dt.date(2024, 4, 20), dt.date(2024, 5, 21), dt.date(2024, 6, 21)]


def test_a_loan_paid_on_time_is_not_late() -> None:
    paid = [(day, amount) for day, amount in instalments(3_000_000, START, 3)]
    state = loan_state(3_000_000, START, 3, paid[:2], dt.date(2024, 6, 1))
    assert (state.outstanding, state.arrears, state.days_late) == (1_000_000, 0, 0)
    assert not state.at_risk


def test_a_missed_instalment_counts_days_from_its_due_date() -> None:
    state = loan_state(3_000_000, START, 3, [(dt.date(2024, 4, 20), 1_000_000)],
                       dt.date(2024, 7, 1))
    # The second instalment (21 May) is 41 days late; the third is due too.
    assert state.arrears == 2_000_000
    assert state.days_late == 41 and state.at_risk


def test_repayments_after_the_day_do_not_count_and_write_off_clears() -> None:
    late = loan_state(1_000_000, START, 1, [(dt.date(2024, 9, 1), 1_000_000)],
                      dt.date(2024, 6, 1))
    assert late.outstanding == 1_000_000 and late.days_late == 42
    gone = loan_state(1_000_000, START, 1, [], dt.date(2024, 9, 1),
                      written_off_on=dt.date(2024, 8, 1))
    assert gone.written_off and gone.outstanding == 0 and not gone.at_risk


def test_charges_are_to_the_rial() -> None:
    assert service_charge(10_000_000, 200, 6) == 1_200_000        # 2% a month, 6 months
    assert service_charge(1_001, 150, 1) == 15                      # 15.015 → 15
    assert bank_total_repayable(100_000_000, 400, 12) == 104_000_000  # 4% a year
