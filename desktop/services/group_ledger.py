"""A cycle's books read in one go: members' savings, loans and their state, the cash of each
fund, the meetings. Meetings, indicators, grading, share-out and the documents start here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.group_indicators import CycleFacts, LoanFacts, MeetingFacts
from desktop.domain.group_loans import LoanState, loan_state
from desktop.domain.groups import MeetingFrequency
from desktop.domain.ledger import Cash, EntryKind
from desktop.models.groups import (
    BankLoan,
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    GroupMember,
    InternalLoan,
    MeetingAttendance,
    MeetingEntry,
)


@dataclasses.dataclass(frozen=True)
class LoanBook:
    id: int
    member_id: int
    disbursed_on: dt.date
    principal: int
    service_charge: int
    term_months: int
    repaid: int
    charge_paid: int
    written_off_on: dt.date | None
    state: LoanState
    repayments: tuple[tuple[dt.date, int], ...]


@dataclasses.dataclass(frozen=True)
class BankLoanBook:
    id: int
    bank_name: str
    amount: int
    disbursed_on: dt.date
    term_months: int
    annual_rate_bp: int
    total_repayable: int
    repaid: int
    state: LoanState


@dataclasses.dataclass(frozen=True)
class MeetingBook:
    id: int
    held_on: dt.date
    recorded_on: dt.date
    opening: Cash
    closing: Cash
    present: frozenset[int]
    members: int


@dataclasses.dataclass
class Books:
    """Everything of one cycle, as of day ``on``."""

    on: dt.date
    cycle: GroupCycle
    group: CommunityGroup
    members: list[GroupMember]
    meetings: list[MeetingBook]
    shares: dict[int, int]                      # member id → shares bought this cycle
    entries: dict[int, list[MeetingEntry]]      # meeting id → its entries
    loans: list[LoanBook]
    bank_loans: list[BankLoanBook]

    @property
    def cash(self) -> Cash:
        if self.meetings:
            return self.meetings[-1].closing
        return Cash(self.cycle.opening_loan_fund, self.cycle.opening_social_fund)

    @property
    def total_shares(self) -> int:
        return sum(self.shares.values())

    def savings_of(self, member_id: int) -> int:
        return self.shares.get(member_id, 0) * self.cycle.share_price

    def loans_of(self, member_id: int) -> list[LoanBook]:
        return [loan for loan in self.loans if loan.member_id == member_id]

    def outstanding_of(self, member_id: int) -> int:
        return sum(loan.state.outstanding for loan in self.loans_of(member_id))

    def arrears_of(self, member_id: int) -> int:
        return sum(loan.state.arrears for loan in self.loans_of(member_id))

    def active_members(self, day: dt.date) -> list[GroupMember]:
        return [m for m in self.members
                if m.joined_on <= day and (m.left_on is None or m.left_on > day)]

    def facts(self) -> CycleFacts:
        meetings = []
        for meeting in self.meetings:
            buyers = {e.member_id for e in self.entries.get(meeting.id, ())
                      if e.kind == EntryKind.SHARES}
            meetings.append(MeetingFacts(meeting.held_on, meeting.recorded_on,
                                         len(meeting.present), meeting.members,
                                         len(buyers & meeting.present)))
        start = self.cycle.starts_on
        at_start = [m for m in self.members
                    if m.joined_on <= start and (m.left_on is None or m.left_on > start)]
        kept = [m for m in at_start if m.left_on is None or m.left_on > self.on]
        loans = tuple(
            LoanFacts(loan.principal, loan.state.outstanding, loan.state.at_risk,
                      loan.principal - loan.repaid if loan.state.written_off else 0)
            for loan in self.loans)
        cash = self.cash
        return CycleFacts(
            on=self.on, starts_on=start,
            frequency_days=MeetingFrequency(self.group.meeting_frequency).days,
            share_price=self.cycle.share_price, shares=self.total_shares,
            loan_fund=cash.loan, social_fund=cash.social, meetings=tuple(meetings),
            loans=loans, members_at_start=len(at_start), members_kept=len(kept))


def read_books(session: Session, cycle_id: int, on: dt.date) -> Books:
    cycle = session.get(GroupCycle, cycle_id)
    group = session.get(CommunityGroup, cycle.group_id)
    members = list(session.scalars(select(GroupMember).where(
        GroupMember.group_id == group.id).order_by(GroupMember.id)))
    meeting_rows = session.execute(
        select(GroupMeeting.id, GroupMeeting.held_on, GroupMeeting.recorded_on,
               GroupMeeting.opening_loan_fund, GroupMeeting.opening_social_fund,
               GroupMeeting.closing_loan_fund, GroupMeeting.closing_social_fund)
        .where(GroupMeeting.cycle_id == cycle_id, GroupMeeting.held_on <= on)
        .order_by(GroupMeeting.held_on)).all()
    ids = [row.id for row in meeting_rows]
    present: dict[int, set[int]] = defaultdict(set)
    counted: dict[int, int] = defaultdict(int)
    if ids:
        for meeting_id, member_id, is_present in session.execute(
                select(MeetingAttendance.meeting_id, MeetingAttendance.member_id,
                       MeetingAttendance.present)
                .join(GroupMeeting, GroupMeeting.id == MeetingAttendance.meeting_id)
                .where(GroupMeeting.cycle_id == cycle_id, GroupMeeting.held_on <= on)):
            counted[meeting_id] += 1
            if is_present:
                present[meeting_id].add(member_id)
    meetings = [MeetingBook(row.id, row.held_on, row.recorded_on,
                            Cash(row.opening_loan_fund, row.opening_social_fund),
                            Cash(row.closing_loan_fund, row.closing_social_fund),
                            frozenset(present[row.id]), counted[row.id])
                for row in meeting_rows]
    held_on = {row.id: row.held_on for row in meeting_rows}
    entries: dict[int, list[MeetingEntry]] = defaultdict(list)
    shares: dict[int, int] = defaultdict(int)
    repayments: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    charges: dict[int, int] = defaultdict(int)
    bank_repaid: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    if ids:
        for entry in session.scalars(
                select(MeetingEntry).join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
                .where(GroupMeeting.cycle_id == cycle_id, GroupMeeting.held_on <= on)):
            entries[entry.meeting_id].append(entry)
            day = held_on[entry.meeting_id]
            if entry.kind == EntryKind.SHARES:
                shares[entry.member_id] += entry.shares or 0
            elif entry.kind == EntryKind.REPAYMENT and entry.loan_id:
                repayments[entry.loan_id].append((day, entry.amount))
            elif entry.kind == EntryKind.SERVICE_CHARGE and entry.loan_id:
                charges[entry.loan_id] += entry.amount
    loans = []
    for loan in session.scalars(select(InternalLoan).where(
            InternalLoan.cycle_id == cycle_id, InternalLoan.disbursed_on <= on)
            .order_by(InternalLoan.disbursed_on, InternalLoan.id)):
        paid = repayments.get(loan.id, [])
        state = loan_state(loan.principal, loan.disbursed_on, loan.term_months, paid, on,
                           loan.written_off_on)
        loans.append(LoanBook(loan.id, loan.member_id, loan.disbursed_on, loan.principal,
                              loan.service_charge, loan.term_months,
                              sum(amount for _, amount in paid), charges.get(loan.id, 0),
                              loan.written_off_on, state, tuple(paid)))
    # A bank loan may be repaid over several cycles: its instalments are read from all of them.
    for bank_loan_id, day, amount in session.execute(
            select(MeetingEntry.bank_loan_id, GroupMeeting.held_on, MeetingEntry.amount)
            .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
            .join(BankLoan, BankLoan.id == MeetingEntry.bank_loan_id)
            .where(BankLoan.group_id == group.id, GroupMeeting.held_on <= on,
                   MeetingEntry.kind == EntryKind.BANK_REPAYMENT.value)):
        bank_repaid[bank_loan_id].append((day, amount))
    bank_loans = []
    for loan in session.scalars(select(BankLoan).where(
            BankLoan.group_id == group.id, BankLoan.disbursed_on <= on)
            .order_by(BankLoan.disbursed_on)):
        paid = bank_repaid.get(loan.id, [])
        bank_loans.append(BankLoanBook(
            loan.id, loan.bank_name, loan.amount, loan.disbursed_on, loan.term_months,
            loan.annual_rate_bp, loan.total_repayable, sum(a for _, a in paid),
            loan_state(loan.total_repayable, loan.disbursed_on, loan.term_months, paid, on)))
    return Books(on, cycle, group, members, meetings, dict(shares), dict(entries), loans,
                 bank_loans)
