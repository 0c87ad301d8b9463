"""The bank-linkage grade: five criteria, each explained, and the grades' bounds."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from desktop.domain.group_indicators import (
    CycleFacts,
    LoanFacts,
    MeetingFacts,
    grading,
    indicators,
)

ON = dt.date(2024, 9, 20)
START = dt.date(2024, 3, 20)


def _facts(*, every: int = 14, skip: int = 0, savers: int = 20, late: int = 0,
           lent: int = 60_000_000, cash: int = 40_000_000, slow: int = 0) -> CycleFacts:
    days = list(range(0, (ON - START).days + 1, every))
    meetings = tuple(
        MeetingFacts(START + dt.timedelta(days=d), START + dt.timedelta(days=d + (10 if i < slow
                                                                              else 1)),
                     20, 20, savers)
        for i, d in enumerate(days) if i >= skip)
    loans = (LoanFacts(lent, lent - late, False), LoanFacts(late, late, True)) if late else (
        LoanFacts(lent, lent, False),)
    return CycleFacts(on=ON, starts_on=START, frequency_days=14, share_price=500_000,
                      shares=200, loan_fund=cash, social_fund=1_000_000, meetings=meetings,
                      loans=loans, members_at_start=20, members_kept=19)


def test_a_model_group_scores_a_hundred() -> None:
    graded = grading(_facts())
    assert graded.score == 100 and graded.grade == "A" and graded.eligible
    assert graded.bank_loan_limit == 4 * 200 * 500_000
    assert all(c.why for c in graded.criteria)


def test_each_criterion_costs_its_own_points() -> None:
    assert grading(_facts(skip=7)).criteria[0].share < 1            # meetings missed
    assert grading(_facts(savers=10)).criteria[1].share == Fraction(1, 2)
    assert grading(_facts(lent=10_000_000, cash=90_000_000)).criteria[2].share < 1
    assert grading(_facts(late=20_000_000)).criteria[3].share < 1
    assert grading(_facts(slow=14)).criteria[4].share == 0


def test_grades_and_eligibility_follow_the_score() -> None:
    b = grading(_facts(savers=10, slow=8))
    assert 75 <= b.score < 85 and b.grade == "B" and b.eligible
    c = grading(_facts(savers=5, slow=14, late=30_000_000))
    assert c.score < 75 and c.grade == "C" and not c.eligible and c.bank_loan_limit == 0


def test_indicators() -> None:
    ind = indicators(_facts(late=20_000_000))
    assert ind.savings == 100_000_000
    assert ind.loans_outstanding == 60_000_000
    assert ind.portfolio_at_risk == Fraction(1, 3)
    assert ind.utilisation == Fraction(60, 100)
    assert ind.return_on_savings == 0
    assert ind.retention == Fraction(19, 20) and ind.attendance == 1
