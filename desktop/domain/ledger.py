"""A micro-finance group's cash box: two funds kept apart, and what each meeting moves.

The loan fund holds the members' savings and everything earned on them (service charges, fines)
and lends it out; the social fund is the members' mutual insurance, paid into at each meeting and
paid out for a member's emergency, and is never shared out. A meeting balances when, for each
fund, the cash at the opening plus what came in less what went out is the cash counted at the
close.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class Fund(Labelled):
    LOAN = "loan", N_("Loan fund")
    SOCIAL = "social", N_("Social fund")


class EntryKind(Labelled):
    SHARES = "shares", N_("Savings shares")
    SOCIAL_IN = "social_in", N_("Social fund contribution")
    FINE = "fine", N_("Fine")
    LOAN_OUT = "loan_out", N_("Internal loan paid out")
    REPAYMENT = "repayment", N_("Loan repayment")
    SERVICE_CHARGE = "service_charge", N_("Service charge")
    SOCIAL_OUT = "social_out", N_("Social fund payout")
    EXPENSE = "expense", N_("Expense")
    BANK_LOAN_IN = "bank_loan_in", N_("Bank loan received")
    BANK_REPAYMENT = "bank_repayment", N_("Bank loan instalment paid")
    WRITE_OFF = "write_off", N_("Loan written off")
    SHARE_OUT = "share_out", N_("Share-out payment")

    @property
    def fund(self) -> Fund:
        return Fund.SOCIAL if self in (EntryKind.SOCIAL_IN, EntryKind.SOCIAL_OUT) else Fund.LOAN

    @property
    def sign(self) -> int:
        """+1 cash in, -1 cash out, 0 a record that moves no cash (a loan written off)."""
        if self is EntryKind.WRITE_OFF:
            return 0
        return -1 if self in _OUT else 1

    @property
    def per_member(self) -> bool:
        return self not in (EntryKind.EXPENSE, EntryKind.BANK_LOAN_IN, EntryKind.BANK_REPAYMENT)


_OUT = frozenset({EntryKind.LOAN_OUT, EntryKind.SOCIAL_OUT, EntryKind.EXPENSE,
                  EntryKind.BANK_REPAYMENT, EntryKind.SHARE_OUT})


@dataclasses.dataclass(frozen=True)
class Movement:
    kind: EntryKind
    amount: int          # Rials, never negative; the kind says which way it goes


@dataclasses.dataclass(frozen=True)
class Cash:
    loan: int = 0
    social: int = 0

    def of(self, fund: Fund) -> int:
        return self.loan if fund is Fund.LOAN else self.social

    @property
    def total(self) -> int:
        return self.loan + self.social


@dataclasses.dataclass(frozen=True)
class FundFlow:
    came_in: int
    went_out: int


def flows(movements: Iterable[Movement]) -> dict[Fund, FundFlow]:
    sums = {fund: [0, 0] for fund in Fund}
    for m in movements:
        if m.kind.sign > 0:
            sums[m.kind.fund][0] += m.amount
        elif m.kind.sign < 0:
            sums[m.kind.fund][1] += m.amount
    return {fund: FundFlow(*values) for fund, values in sums.items()}


def expected_closing(opening: Cash, movements: Iterable[Movement]) -> Cash:
    f = flows(movements)
    return Cash(opening.loan + f[Fund.LOAN].came_in - f[Fund.LOAN].went_out,
                opening.social + f[Fund.SOCIAL].came_in - f[Fund.SOCIAL].went_out)


def imbalance(opening: Cash, movements: Iterable[Movement], counted: Cash) -> dict[Fund, int]:
    """Counted minus expected, per fund, for the funds that do not balance (empty: balanced)."""
    expected = expected_closing(opening, movements)
    return {fund: counted.of(fund) - expected.of(fund) for fund in Fund
            if counted.of(fund) != expected.of(fund)}
