"""The cash box: money is conserved across any sequence of meetings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.ledger import Cash, EntryKind, Fund, Movement, expected_closing, imbalance

movements = st.lists(st.builds(Movement, st.sampled_from(list(EntryKind)),
                               st.integers(min_value=0, max_value=10**10)), max_size=40)


@given(st.lists(movements, max_size=20), st.integers(0, 10**10), st.integers(0, 10**10))
def test_money_is_conserved_across_meetings(meetings, loan, social) -> None:
    """Each meeting opens with what the last closed with; at the end each fund holds exactly
    its opening plus everything in less everything out."""
    cash = Cash(loan, social)
    everything: list[Movement] = []
    for meeting in meetings:
        closing = expected_closing(cash, meeting)
        assert imbalance(cash, meeting, closing) == {}
        cash = closing
        everything += meeting
    for fund, opening in ((Fund.LOAN, loan), (Fund.SOCIAL, social)):
        net = sum(m.kind.sign * m.amount for m in everything if m.kind.fund is fund)
        assert cash.of(fund) == opening + net


def test_a_miscount_names_the_fund_and_the_difference() -> None:
    meeting = [Movement(EntryKind.SHARES, 500_000), Movement(EntryKind.SOCIAL_IN, 20_000),
               Movement(EntryKind.LOAN_OUT, 300_000)]
    assert imbalance(Cash(1_000_000, 50_000), meeting, Cash(1_200_000, 70_000)) == {}
    assert imbalance(Cash(1_000_000, 50_000), meeting, Cash(1_190_000, 70_000)) == {
        Fund.LOAN: -10_000}


def test_social_fund_and_loan_fund_are_kept_apart() -> None:
    assert EntryKind.SOCIAL_IN.fund is Fund.SOCIAL and EntryKind.SOCIAL_OUT.fund is Fund.SOCIAL
    assert all(kind.fund is Fund.LOAN for kind in EntryKind
               if kind not in (EntryKind.SOCIAL_IN, EntryKind.SOCIAL_OUT))
    assert EntryKind.WRITE_OFF.sign == 0
