"""Meetings of a micro-finance group: balanced cash, the loan rule, repayments, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.domain.ledger import Cash
from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.group_meetings import (
    GroupLine,
    MeetingInput,
    MemberLine,
    NewLoan,
    delete_last_meeting,
    record_meeting,
)
from desktop.services.group_members import group_members, size_warning
from desktop.services.group_overview import group_overview
from desktop.services.groups import get_group
from tests.integration.conftest import Office
from tests.integration.group_helpers import FORMED, cash_of, make_group, meeting

D1 = FORMED + dt.timedelta(days=14)
D2 = D1 + dt.timedelta(days=14)
D3 = D2 + dt.timedelta(days=14)


def test_a_balanced_meeting_is_saved_with_both_funds(office: Office) -> None:
    group, members = make_group(office)
    result = meeting(office, group, members, D1, shares=2, absent=(members[-1],))
    # 15 present × 2 shares × 500,000 and 15 × 50,000 to the social fund.
    assert result.closing == Cash(15_000_000, 750_000)
    assert cash_of(office, group.cycle.id, D1) == Cash(15_000_000, 750_000)
    overview = group_overview(office.db, office.expert, group.id, on=D1)
    assert overview.indicators.savings == 15_000_000
    assert overview.indicators.attendance == pytest.approx(15 / 16)


def test_an_unbalanced_meeting_is_refused_whole(office: Office) -> None:
    group, members = make_group(office)
    lines = tuple(MemberLine(m, True, shares=1, social=50_000) for m in members)
    with pytest.raises(ValidationError) as refused:
        record_meeting(office.db, office.expert, group.cycle.id, MeetingInput(
            held_on=D1, lines=lines, counted=Cash(7_990_000, 800_000)))
    message = refused.value.errors["counted.loan"]
    assert "صندوق وام" in message and "۱۰٬۰۰۰" in message.replace(",", "٬")
    assert "counted.social" not in refused.value.errors
    assert cash_of(office, group.cycle.id, D1) == Cash(0, 0)   # nothing written
    assert group_overview(office.db, office.expert, group.id, on=D1).books.meetings == []


def test_every_member_is_marked_and_shares_are_limited(office: Office) -> None:
    group, members = make_group(office)
    with pytest.raises(ValidationError) as refused:
        record_meeting(office.db, office.expert, group.cycle.id, MeetingInput(
            held_on=D1, lines=(MemberLine(members[0], True, shares=1),), counted=Cash()))
    assert "lines" in refused.value.errors
    lines = [MemberLine(m, True, shares=6 if m == members[0] else 1) for m in members]
    with pytest.raises(ValidationError) as refused:
        record_meeting(office.db, office.expert, group.cycle.id,
                       MeetingInput(held_on=D1, lines=tuple(lines), counted=Cash()))
    assert f"line.{members[0]}" in refused.value.errors


def test_a_member_borrows_up_to_three_times_their_savings(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, shares=2)          # each has saved 1,000,000
    borrower = members[3]
    too_much = NewLoan(borrower, 6_000_001, 6)   # savings with today's shares: 2,000,000
    with pytest.raises(ValidationError) as refused:
        meeting(office, group, members, D2, extra=dict(loans=(too_much,)))
    assert "loan.0" in refused.value.errors
    fine = NewLoan(borrower, 6_000_000, 6, purpose="خرید چرخ خیاطی")
    meeting(office, group, members, D2, extra=dict(loans=(fine,)))
    books = group_overview(office.db, office.expert, group.id, on=D2).books
    (loan,) = books.loans
    assert loan.principal == 6_000_000 and loan.service_charge == 720_000
    assert books.cash.loan == 16_000_000 * 2 - 6_000_000


def test_arrears_stop_a_new_loan_unless_the_group_records_why(office: Office,
                                                              fixed_clock) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, shares=5)
    borrower = members[4]
    meeting(office, group, members, D2, extra=dict(loans=(NewLoan(borrower, 1_000_000, 1),)))
    later = D2 + dt.timedelta(days=70)                      # the instalment is 40 days late
    with pytest.raises(ValidationError) as refused:
        meeting(office, group, members, later,
                extra=dict(loans=(NewLoan(borrower, 500_000, 2),)))
    assert "قسط عقب‌افتاده" in refused.value.errors["loan.0"]
    meeting(office, group, members, later, extra=dict(loans=(NewLoan(
        borrower, 500_000, 2, override_reason="بیماری فرزند؛ تصویب جلسه"),)))
    overview = group_overview(office.db, office.expert, group.id, on=later)
    assert overview.indicators.portfolio_at_risk > 0


def test_repayments_go_to_the_oldest_loan_and_cannot_exceed_the_debt(office: Office) -> None:
    group, members = make_group(office)
    borrower = members[5]
    meeting(office, group, members, D1, shares=5)
    meeting(office, group, members, D2, extra=dict(loans=(NewLoan(borrower, 2_000_000, 2),)))
    over = MemberLine(borrower, True, shares=1, social=50_000, repayment=2_000_001)
    with pytest.raises(ValidationError):
        meeting(office, group, members, D3, **{f"m{borrower}": over})
    pay = MemberLine(borrower, True, shares=1, social=50_000, repayment=1_000_000,
                     service_charge=40_000)
    meeting(office, group, members, D3, **{f"m{borrower}": pay})
    books = group_overview(office.db, office.expert, group.id, on=D3).books
    assert books.loans[0].repaid == 1_000_000 and books.loans[0].charge_paid == 40_000


def test_social_fund_cannot_pay_more_than_it_holds(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1)
    payout = MemberLine(members[0], True, social_payout=2_000_000)
    with pytest.raises(ValidationError) as refused:
        meeting(office, group, members, D2, **{f"m{members[0]}": payout})
    assert "counted.social" in refused.value.errors


def test_meetings_go_in_order_within_the_cycle(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D2)
    with pytest.raises(ValidationError) as refused:
        meeting(office, group, members, D1)
    assert "held_on" in refused.value.errors
    with pytest.raises(ValidationError):
        meeting(office, group, members, FORMED - dt.timedelta(days=1))


def test_expenses_and_bank_loans_move_the_loan_fund(office: Office) -> None:
    from desktop.services.group_meetings import BankLoanInput

    group, members = make_group(office)
    meeting(office, group, members, D1, extra=dict(
        bank_loan=BankLoanInput("بانک کشاورزی", 40_000_000, 12, 400),
        group_lines=(GroupLine("expense", 150_000, "دفتر و صندوق"),)))
    books = group_overview(office.db, office.expert, group.id, on=D1).books
    assert books.cash.loan == 16_000_000 + 40_000_000 - 150_000
    (bank,) = books.bank_loans
    assert bank.total_repayable == 41_600_000
    meeting(office, group, members, D2, extra=dict(group_lines=(
        GroupLine("bank_repayment", 3_500_000, bank_loan_id=bank.id),)))
    books = group_overview(office.db, office.expert, group.id, on=D2).books
    assert books.bank_loans[0].repaid == 3_500_000


def test_the_latest_meeting_can_be_taken_back(office: Office) -> None:
    group, members = make_group(office)
    first = meeting(office, group, members, D1)
    second = meeting(office, group, members, D2, extra=dict(
        loans=(NewLoan(members[1], 500_000, 2),)))
    from desktop.errors import ConflictError

    with pytest.raises(ConflictError):
        delete_last_meeting(office.db, office.expert, first.meeting_id)
    delete_last_meeting(office.db, office.expert, second.meeting_id)
    books = group_overview(office.db, office.expert, group.id, on=D2).books
    assert books.cash == first.closing and books.loans == []


def test_only_the_groups_facilitator_or_an_expert_records(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, actor=office.facilitator)   # its own facilitator
    with pytest.raises(NotFound):
        get_group(office.db, office.other_facilitator, group.id)
    with pytest.raises(PermissionDenied):
        meeting(office, group, members, D2, actor=office.viewer)


def test_members_outside_fifteen_to_twenty_five_are_warned_about(office: Office) -> None:
    group, _members = make_group(office, members=12)
    assert "۱۲" in size_warning(12) and size_warning(20) is None and "۲۶" in size_warning(26)
    overview = group_overview(office.db, office.expert, group.id, on=D1)
    assert overview.size_warning is not None and overview.active_members == 12
    assert len(group_members(office.db, office.expert, group.id)) == 12
    assert dataclasses.is_dataclass(overview.group)


def test_the_screens_running_totals_are_what_the_meeting_records(office: Office) -> None:
    from desktop.domain.ledger import Fund
    from desktop.services.group_meetings import BankLoanInput, meeting_flows

    group, members = make_group(office)
    meeting(office, group, members, D1, shares=3)
    payout = MemberLine(members[0], True, shares=1, social=50_000, fine=20_000,
                        social_payout=300_000)
    data = MeetingInput(held_on=D2, counted=Cash(), lines=tuple(
        payout if m == members[0] else MemberLine(m, True, shares=2, social=50_000)
        for m in members), loans=(NewLoan(members[2], 2_000_000, 4),),
        group_lines=(GroupLine("expense", 150_000),),
        bank_loan=BankLoanInput("بانک کشاورزی", 10_000_000, 12, 400))
    moved = meeting_flows(data, 500_000)
    assert moved[Fund.LOAN].came_in == 15 * 1_000_000 + 500_000 + 20_000 + 10_000_000
    assert moved[Fund.LOAN].went_out == 2_000_000 + 150_000
    assert (moved[Fund.SOCIAL].came_in, moved[Fund.SOCIAL].went_out) == (800_000, 300_000)
    opening = cash_of(office, group.cycle.id, D1)
    counted = Cash(opening.loan + moved[Fund.LOAN].came_in - moved[Fund.LOAN].went_out,
                   opening.social + moved[Fund.SOCIAL].came_in - moved[Fund.SOCIAL].went_out)
    result = record_meeting(office.db, office.expert, group.cycle.id,
                            dataclasses.replace(data, counted=counted))
    assert result.closing == cash_of(office, group.cycle.id, D2) == counted


def test_karsaz_check_finds_a_meeting_whose_cash_was_altered(office: Office) -> None:
    from sqlalchemy import update

    from desktop.models.groups import GroupMeeting
    from desktop.services.integrity import run_checks

    group, members = make_group(office)
    result = meeting(office, group, members, D1)
    meeting(office, group, members, D2)
    name = "همه جلسات گروه‌ها تراز است"
    assert [r.ok for r in run_checks(office.db) if r.name == name] == [True]
    with office.db.transaction() as session:
        session.execute(update(GroupMeeting).where(GroupMeeting.id == result.meeting_id)
                        .values(closing_social_fund=GroupMeeting.closing_social_fund + 1))
    assert [r.ok for r in run_checks(office.db) if r.name == name] == [False]
