"""Loans of a micro-finance group: to a member from the loan fund, and to the group from a bank.

Both are repaid in equal monthly (Jalali) instalments, the Rials that do not divide evenly going
with the last. A loan is in arrears when less has been repaid than the instalments already due;
it is as many days late as the oldest instalment not yet covered. The portfolio at risk counts
the whole outstanding principal of loans more than 30 days late.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from desktop.fa.jalali import add_jalali_months

AT_RISK_DAYS = 30


def instalments(total: int, first_month_from: dt.date, months: int) -> list[tuple[dt.date, int]]:
    """(due date, amount) of ``months`` equal monthly instalments of ``total``."""
    if months < 1:
        raise ValueError("a loan runs for at least a month")
    base, extra = divmod(total, months)
    return [(due, base + (extra if k == months else 0))
            for k, due in enumerate(_due_dates(first_month_from, months), start=1)]


@lru_cache(maxsize=16_384)
def _due_dates(start: dt.date, months: int) -> tuple[dt.date, ...]:
    # Loans of a group start on its few meeting days: the Jalali arithmetic is done once each.
    return tuple(add_jalali_months(start, k) for k in range(1, months + 1))


def service_charge(principal: int, rate_bp: int, months: int) -> int:
    """The whole term's service charge: a flat monthly rate on the principal, to the Rial
    (half a Rial rounds up)."""
    return (principal * rate_bp * months + 5_000) // 10_000


def bank_total_repayable(amount: int, annual_rate_bp: int, months: int) -> int:
    """Principal and flat interest over the term, to the Rial."""
    return amount + (amount * annual_rate_bp * months + 60_000) // 120_000


@dataclasses.dataclass(frozen=True)
class LoanState:
    outstanding: int     # of the amount to be repaid, not yet repaid
    arrears: int         # of the instalments due by the day, not yet repaid
    days_late: int       # since the oldest instalment not covered (0 when none is due)
    written_off: bool = False

    @property
    def at_risk(self) -> bool:
        return self.days_late > AT_RISK_DAYS and self.outstanding > 0


def loan_state(total: int, disbursed_on: dt.date, months: int,
               repayments: Iterable[tuple[dt.date, int]], on: dt.date,
               written_off_on: dt.date | None = None) -> LoanState:
    """Where a loan stands on day ``on``, from the repayments made by then."""
    repaid = sum(amount for day, amount in repayments if day <= on)
    if written_off_on is not None and written_off_on <= on:
        return LoanState(0, 0, 0, written_off=True)
    outstanding = max(total - repaid, 0)
    due_total = 0
    oldest_uncovered: dt.date | None = None
    for due_on, amount in instalments(total, disbursed_on, months):
        if due_on > on:
            break
        due_total += amount
        if oldest_uncovered is None and due_total > repaid:
            oldest_uncovered = due_on
    arrears = max(due_total - repaid, 0)
    days = (on - oldest_uncovered).days if oldest_uncovered and arrears else 0
    return LoanState(outstanding, arrears, days)
