"""A micro-finance group's indicators and its grade for bank linkage, from plain facts.

Indicators (of the current cycle): savings, loans outstanding, portfolio at risk (the share of
the outstanding principal in loans more than 30 days late), attendance over the last four
meetings, return on savings ((v − share price) / share price, v the value a share would have
if the cycle ended today: the loan fund's cash and loans outstanding over the shares),
loan-fund utilisation (outstanding over outstanding plus cash) and member retention (members
of the cycle's start still in the group).

The grade is a score of 0 to 100 from five criteria, each explained:

| criterion | weight | full marks when |
|---|---|---|
| meeting regularity | 25 | every meeting its frequency asks in the last six months was held |
| savings regularity | 20 | every member present bought shares |
| internal lending | 15 | at least 60% of the loan fund is lent out |
| repayment | 25 | no loan is more than 30 days late and none was written off |
| bookkeeping | 15 | every meeting was recorded, balanced, within a week |

A ≥ 85, B 75 to 85, C below; a group of 75 and more may borrow from a bank up to four times its
savings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from desktop.i18n import N_, tr

GRADE_A = 85
GRADE_B = 75
BANK_MULTIPLE = 4
LENDING_TARGET = Fraction(60, 100)
RECORDING_DAYS = 7
REGULARITY_DAYS = 182
LAST_MEETINGS = 4


@dataclasses.dataclass(frozen=True)
class MeetingFacts:
    held_on: dt.date
    recorded_on: dt.date
    present: int
    members: int        # members of the group on that day
    savers: int         # present members who bought shares


@dataclasses.dataclass(frozen=True)
class LoanFacts:
    principal: int
    outstanding: int
    at_risk: bool
    written_off: int = 0    # principal written off


@dataclasses.dataclass(frozen=True)
class CycleFacts:
    on: dt.date
    starts_on: dt.date
    frequency_days: int
    share_price: int
    shares: int
    loan_fund: int          # cash
    social_fund: int        # cash
    meetings: tuple[MeetingFacts, ...]
    loans: tuple[LoanFacts, ...]
    members_at_start: int
    members_kept: int       # of those, still members


@dataclasses.dataclass(frozen=True)
class Indicators:
    savings: int
    shares: int
    loans_outstanding: int
    portfolio_at_risk: Fraction
    attendance: Fraction          # last four meetings
    return_on_savings: Fraction | None
    utilisation: Fraction
    retention: Fraction
    loan_fund: int
    social_fund: int


def _ratio(part: int, whole: int, empty: Fraction = Fraction(0)) -> Fraction:
    return Fraction(part, whole) if whole else empty


def indicators(facts: CycleFacts) -> Indicators:
    outstanding = sum(loan.outstanding for loan in facts.loans)
    at_risk = sum(loan.outstanding for loan in facts.loans if loan.at_risk)
    last = sorted(facts.meetings, key=lambda m: m.held_on)[-LAST_MEETINGS:]
    ros = None
    if facts.shares:
        value = Fraction(facts.loan_fund + outstanding, facts.shares)
        ros = (value - facts.share_price) / facts.share_price
    return Indicators(
        savings=facts.shares * facts.share_price, shares=facts.shares,
        loans_outstanding=outstanding,
        portfolio_at_risk=_ratio(at_risk, outstanding),
        attendance=_ratio(sum(m.present for m in last), sum(m.members for m in last)),
        return_on_savings=ros,
        utilisation=_ratio(outstanding, outstanding + facts.loan_fund),
        retention=_ratio(facts.members_kept, facts.members_at_start, Fraction(1)),
        loan_fund=facts.loan_fund, social_fund=facts.social_fund)


@dataclasses.dataclass(frozen=True)
class Criterion:
    name: str           # Persian
    weight: int
    share: Fraction     # 0..1 of the weight earned
    why: str            # Persian: the figures behind it

    @property
    def points(self) -> Fraction:
        return self.share * self.weight


@dataclasses.dataclass(frozen=True)
class Grading:
    criteria: tuple[Criterion, ...]
    savings: int

    @property
    def score(self) -> int:
        return int(sum((c.points for c in self.criteria), Fraction(0)) + Fraction(1, 2))

    @property
    def grade(self) -> str:
        return "A" if self.score >= GRADE_A else "B" if self.score >= GRADE_B else "C"

    @property
    def eligible(self) -> bool:
        return self.score >= GRADE_B

    @property
    def bank_loan_limit(self) -> int:
        return BANK_MULTIPLE * self.savings if self.eligible else 0


def _capped(value: Fraction) -> Fraction:
    return max(Fraction(0), min(Fraction(1), value))


def _percent(value: Fraction) -> int:
    return int(value * 100 + Fraction(1, 2))


def grading(facts: CycleFacts) -> Grading:
    held = sorted(facts.meetings, key=lambda m: m.held_on)
    since = max(facts.starts_on, facts.on - dt.timedelta(days=REGULARITY_DAYS))
    recent = [m for m in held if since <= m.held_on <= facts.on]
    # The meetings a regular group would hold in the window: every period from the start.
    period = facts.frequency_days
    first = -(-(since - facts.starts_on).days // period)
    expected = max((facts.on - facts.starts_on).days // period - first + 1, 1)
    present = sum(m.present for m in held)
    savers = sum(m.savers for m in held)
    ind = indicators(facts)
    disbursed = sum(loan.principal for loan in facts.loans)
    written_off = sum(loan.written_off for loan in facts.loans)
    on_time = sum(1 for m in held
                  if (m.recorded_on - m.held_on).days <= RECORDING_DAYS)
    repayment = _capped(1 - ind.portfolio_at_risk - _ratio(written_off, disbursed))
    criteria = (
        Criterion(tr(N_("Meeting regularity")), 25, _capped(Fraction(len(recent), expected)),
                  tr(N_("{held} of {expected} meetings held in the last six months"),
                     held=len(recent), expected=expected)),
        Criterion(tr(N_("Savings regularity")), 20, _ratio(savers, present),
                  tr(N_("members bought shares at {percent}% of their attendances"),
                     percent=_percent(_ratio(savers, present)))),
        Criterion(tr(N_("Internal lending")), 15, _capped(ind.utilisation / LENDING_TARGET),
                  tr(N_("{percent}% of the loan fund is lent out (full marks from 60%)"),
                     percent=_percent(ind.utilisation))),
        Criterion(tr(N_("Repayment")), 25, repayment,
                  tr(N_("portfolio at risk {par}%, written off {off}% of what was lent"),
                     par=_percent(ind.portfolio_at_risk),
                     off=_percent(_ratio(written_off, disbursed)))),
        Criterion(tr(N_("Bookkeeping")), 15, _ratio(on_time, len(held)),
                  tr(N_("{on_time} of {held} meetings recorded, balanced, within a week"),
                     on_time=on_time, held=len(held))),
    )
    return Grading(criteria, ind.savings)
