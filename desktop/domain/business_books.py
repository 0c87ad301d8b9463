"""The books of a group's shared business, Jalali month by Jalali month.

Each month the group records what its business sold, what it spent, and what it paid its
members. The rule:

* the month's cash is what the month before left — the business's opening cash for the first
  month — plus the month's sales less its costs;
* the group pays its members out of that cash, never more: a month cannot pay out money the
  business has not got;
* what is left is carried into the next month. Costs larger than the cash leave a deficit (a
  debt to a supplier, cash a member advanced), carried like cash: no one is paid until it is
  made up;
* the months run without gaps, so each month's cash follows from the months before it, and
  correcting a month re-runs the months after it, which must still keep the rule.

What each member was paid sums, to the Rial, to what the group paid out that month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Sequence
from typing import TypeVar

from desktop.domain.shareout import share_out
from desktop.fa.jalali import add_jalali_months, gregorian_to_jalali, jalali_to_gregorian

K = TypeVar("K", bound=Hashable)


@dataclasses.dataclass(frozen=True)
class MonthFigures:
    month: dt.date          # the first day of the Jalali month
    sales: int
    costs: int
    paid_out: int


@dataclasses.dataclass(frozen=True)
class MonthCash:
    month: dt.date
    opening: int            # carried from the month before (negative: a deficit)
    sales: int
    costs: int
    paid_out: int

    @property
    def profit(self) -> int:
        return self.sales - self.costs

    @property
    def available(self) -> int:
        return self.opening + self.sales - self.costs

    @property
    def payable(self) -> int:
        """The most the group may pay its members this month."""
        return max(self.available, 0)

    @property
    def closing(self) -> int:
        return self.available - self.paid_out


def run_books(opening_cash: int, months: Sequence[MonthFigures]) -> list[MonthCash]:
    """Each month's cash, in order; ``months`` must be consecutive."""
    books: list[MonthCash] = []
    carried = opening_cash
    for index, figures in enumerate(months):
        if index and figures.month != next_month(months[index - 1].month):
            raise ValueError("the months of a business's books run without gaps")
        month = MonthCash(figures.month, carried, figures.sales, figures.costs,
                          figures.paid_out)
        books.append(month)
        carried = month.closing
    return books


def overdrawn(books: Sequence[MonthCash]) -> MonthCash | None:
    """The first month that paid its members more than its cash, if any."""
    return next((m for m in books if m.paid_out > m.payable), None)


def month_of(day: dt.date) -> dt.date:
    """The first day of the Jalali month ``day`` falls in."""
    j = gregorian_to_jalali(day)
    return jalali_to_gregorian(j.year, j.month, 1)


def next_month(month: dt.date) -> dt.date:
    return add_jalali_months(month_of(month), 1)


def months_back(month: dt.date, count: int) -> dt.date:
    """The first day of the Jalali month ``count`` months before ``month``'s."""
    return add_jalali_months(month_of(month), -count)


def year_window(day: dt.date) -> tuple[dt.date, dt.date]:
    """«The last twelve months» as of ``day``: the first days of the eleventh Jalali month
    before ``day``'s and of ``day``'s own."""
    return months_back(day, 11), month_of(day)


def split_income(total: int, weights: Sequence[tuple[K, int]]) -> dict[K, int]:
    """``total`` Rials divided among members in proportion to their weights (days worked,
    pieces made, capital, or 1 each for equal parts), to the Rial: the whole parts first, the
    Rials left over one each to the largest remainders, the earlier member first on a tie.
    The parts sum to ``total`` exactly."""
    if total < 0:
        raise ValueError("income paid out is never negative")
    return share_out(total, weights)
