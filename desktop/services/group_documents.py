"""What a group's printed documents say, read from one cycle's books: a member's passbook, the
meeting register and one meeting's minutes, the share-out sheet. Plain records, so that the
forms (desktop/reports/forms) draw them without touching the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.groups import MemberRole
from desktop.domain.ledger import Cash, EntryKind
from desktop.models.groups import GroupCycle, GroupMeeting, GroupMember, InternalLoan
from desktop.services.group_ledger import Books, LoanBook, MeetingBook
from desktop.services.group_shareout import PayoutLine, ShareoutPreview
from desktop.services.groups import GroupRecord

OFFICERS = (MemberRole.CHAIR, MemberRole.TREASURER, MemberRole.SECRETARY)


@dataclasses.dataclass(frozen=True)
class GroupHeading:
    """What every group document opens with: the group, its cycle and the cycle's rules."""

    code: str
    name: str
    county_name: str
    locality: str
    facilitator_name: str
    cycle_number: int
    starts_on: dt.date
    ends_on: dt.date
    share_price: int
    service_charge_bp: int
    loan_multiple: int
    social_contribution: int
    officers: tuple[tuple[str, str], ...]    # (role, name) of the chair, treasurer, secretary


@dataclasses.dataclass(frozen=True)
class LoanLine:
    member_name: str
    disbursed_on: dt.date
    principal: int
    term_months: int
    service_charge: int
    repaid: int
    charge_paid: int
    outstanding: int
    arrears: int
    days_late: int
    written_off_on: dt.date | None
    purpose: str
    override_reason: str


@dataclasses.dataclass(frozen=True)
class PassbookLine:
    held_on: dt.date
    present: bool
    shares: int
    savings: int             # to date, after this meeting
    social: int
    fine: int
    loan_taken: int
    repayment: int
    service_charge: int
    social_payout: int
    loan_balance: int        # principal still owed after this meeting


@dataclasses.dataclass(frozen=True)
class Passbook:
    group: GroupHeading
    member_uuid: str
    name: str
    national_code: str
    role: str
    mobile: str
    joined_on: dt.date
    left_on: dt.date | None
    on: dt.date
    lines: tuple[PassbookLine, ...]
    loans: tuple[LoanLine, ...]
    shares: int
    savings: int
    outstanding: int
    arrears: int


@dataclasses.dataclass(frozen=True)
class MinutesLine:
    """One member at one meeting: present or not, and what they paid and received."""

    name: str
    national_code: str
    present: bool
    shares: int
    social: int
    fine: int
    repayment: int
    service_charge: int
    social_payout: int
    loan_taken: int


@dataclasses.dataclass(frozen=True)
class MeetingSheet:
    uuid: str
    number: int               # within the cycle, from 1
    held_on: dt.date
    recorded_on: dt.date
    present: int
    members: int
    absent: tuple[str, ...]
    opening: Cash
    closing: Cash
    moves: tuple[tuple[EntryKind, int], ...]     # cash in or out per kind, in EntryKind order
    shares: int
    loans: tuple[LoanLine, ...]                  # lent at this meeting
    written_off: tuple[tuple[str, int], ...]     # (member, principal written off)
    group_lines: tuple[tuple[EntryKind, int, str], ...]   # expenses and the bank, with notes
    notes: str
    lines: tuple[MinutesLine, ...]
    officers: tuple[tuple[str, str], ...]        # on the meeting's day


@dataclasses.dataclass(frozen=True)
class MeetingRegister:
    group: GroupHeading
    cycle_uuid: str
    meetings: tuple[MeetingSheet, ...]


@dataclasses.dataclass(frozen=True)
class ShareoutSheet:
    group: GroupHeading
    cycle_uuid: str
    on: dt.date
    paid_on: dt.date | None         # None: a preview of a share-out not yet made
    distributable: int
    total_shares: int
    value_per_share: Fraction
    lines: tuple[PayoutLine, ...]
    loans: tuple[LoanLine, ...]     # still owed (preview) or written off (paid)
    social_fund: int                # carried into the next cycle

    @property
    def return_on_savings(self) -> Fraction:
        price = self.group.share_price
        return (self.value_per_share - price) / price

    @property
    def paid(self) -> int:
        return sum(line.payout for line in self.lines)


def _name(member: GroupMember) -> str:
    return f"{member.first_name} {member.last_name}"


def _officers(books: Books, day: dt.date) -> tuple[tuple[str, str], ...]:
    holders = {m.role: _name(m) for m in books.active_members(day) if m.role != MemberRole.MEMBER}
    return tuple((role.value, holders[role]) for role in OFFICERS if role in holders)


def heading(group: GroupRecord, books: Books) -> GroupHeading:
    """The group and its cycle, with the officers who sign for it: of the share-out's day for
    a cycle shared out, else of the books' day."""
    cycle = books.cycle
    return GroupHeading(
        group.code, group.name, group.county_name, group.locality, group.facilitator_name,
        cycle.number, cycle.starts_on, cycle.ends_on, cycle.share_price, cycle.service_charge_bp,
        cycle.loan_multiple, cycle.social_contribution,
        _officers(books, min(cycle.shared_out_on or books.on, books.on)))


def _loan_texts(session: Session, cycle_id: int) -> dict[int, tuple[str, str]]:
    return {row.id: (row.purpose, row.override_reason) for row in session.execute(
        select(InternalLoan.id, InternalLoan.purpose, InternalLoan.override_reason)
        .where(InternalLoan.cycle_id == cycle_id))}


def _loan_line(loan: LoanBook, name: str, texts: dict[int, tuple[str, str]]) -> LoanLine:
    purpose, reason = texts.get(loan.id, ("", ""))
    return LoanLine(name, loan.disbursed_on, loan.principal, loan.term_months,
                    loan.service_charge, loan.repaid, loan.charge_paid, loan.state.outstanding,
                    loan.state.arrears, loan.state.days_late, loan.written_off_on, purpose,
                    reason)


def _member_sums(books: Books, meeting: MeetingBook) -> dict[int, dict[EntryKind, int]]:
    """Per member, the Rials of each kind at ``meeting`` (shares counted, not priced)."""
    sums: dict[int, dict[EntryKind, int]] = defaultdict(lambda: defaultdict(int))
    for entry in books.entries.get(meeting.id, ()):
        if entry.member_id is None:
            continue
        kind = EntryKind(entry.kind)
        sums[entry.member_id][kind] += (entry.shares or 0) if kind == EntryKind.SHARES \
            else entry.amount
    return sums


def cycle_members(books: Books) -> list[GroupMember]:
    """Members at some time in the cycle, in the order they were registered."""
    start, end = books.cycle.starts_on, min(books.cycle.ends_on, books.on)
    return [m for m in books.members
            if m.joined_on <= end and (m.left_on is None or m.left_on > start)]


def passbook(session: Session, group: GroupRecord, books: Books, member: GroupMember) -> Passbook:
    lines = []
    shares = 0
    balance = 0
    for meeting in books.meetings:
        if not (member.joined_on <= meeting.held_on
                and (member.left_on is None or member.left_on > meeting.held_on)):
            continue
        sums = _member_sums(books, meeting).get(member.id, {})
        shares += sums.get(EntryKind.SHARES, 0)
        balance += sums.get(EntryKind.LOAN_OUT, 0) - sums.get(EntryKind.REPAYMENT, 0) \
            - sums.get(EntryKind.WRITE_OFF, 0)
        lines.append(PassbookLine(
            meeting.held_on, member.id in meeting.present, sums.get(EntryKind.SHARES, 0),
            shares * books.cycle.share_price, sums.get(EntryKind.SOCIAL_IN, 0),
            sums.get(EntryKind.FINE, 0), sums.get(EntryKind.LOAN_OUT, 0),
            sums.get(EntryKind.REPAYMENT, 0), sums.get(EntryKind.SERVICE_CHARGE, 0),
            sums.get(EntryKind.SOCIAL_OUT, 0), balance))
    texts = _loan_texts(session, books.cycle.id)
    loans = tuple(_loan_line(loan, _name(member), texts) for loan in books.loans_of(member.id))
    return Passbook(heading(group, books), member.uuid, _name(member), member.national_code,
                    member.role, member.mobile, member.joined_on, member.left_on, books.on,
                    tuple(lines), loans, books.shares.get(member.id, 0),
                    books.savings_of(member.id), books.outstanding_of(member.id),
                    books.arrears_of(member.id))


def _sheet(books: Books, number: int, meeting: MeetingBook, uuid: str, notes: str,
           texts: dict[int, tuple[str, str]]) -> MeetingSheet:
    names = {m.id: _name(m) for m in books.members}
    active = books.active_members(meeting.held_on)
    entries = books.entries.get(meeting.id, [])
    totals: dict[EntryKind, int] = defaultdict(int)
    written_off = []
    group_lines = []
    for entry in entries:
        kind = EntryKind(entry.kind)
        if kind == EntryKind.WRITE_OFF:
            written_off.append((names.get(entry.member_id, ""), entry.amount))
            continue
        totals[kind] += entry.amount
        if not kind.per_member:
            group_lines.append((kind, entry.amount, entry.note))
    sums = _member_sums(books, meeting)
    lines = tuple(MinutesLine(
        _name(m), m.national_code, m.id in meeting.present,
        *(sums.get(m.id, {}).get(kind, 0) for kind in (
            EntryKind.SHARES, EntryKind.SOCIAL_IN, EntryKind.FINE, EntryKind.REPAYMENT,
            EntryKind.SERVICE_CHARGE, EntryKind.SOCIAL_OUT, EntryKind.LOAN_OUT)))
        for m in active)
    lent = tuple(_loan_line(loan, names[loan.member_id], texts) for loan in books.loans
                 if loan.disbursed_on == meeting.held_on)
    return MeetingSheet(
        uuid, number, meeting.held_on, meeting.recorded_on, len(meeting.present), meeting.members,
        tuple(_name(m) for m in active if m.id not in meeting.present), meeting.opening,
        meeting.closing, tuple((kind, totals[kind]) for kind in EntryKind if totals.get(kind)),
        sum(line.shares for line in lines), lent, tuple(written_off), tuple(group_lines), notes,
        lines, _officers(books, meeting.held_on))


def register(session: Session, group: GroupRecord, books: Books,
             held_on: dt.date | None = None) -> MeetingRegister:
    """Every meeting of the cycle, or only the one held on ``held_on``."""
    extra = {row.id: (row.uuid, row.notes) for row in session.execute(
        select(GroupMeeting.id, GroupMeeting.uuid, GroupMeeting.notes)
        .where(GroupMeeting.cycle_id == books.cycle.id))}
    texts = _loan_texts(session, books.cycle.id)
    sheets = tuple(_sheet(books, number, meeting, *extra[meeting.id], texts)
                   for number, meeting in enumerate(books.meetings, start=1)
                   if held_on is None or meeting.held_on == held_on)
    return MeetingRegister(heading(group, books), books.cycle.uuid, sheets)


def shareout_sheet(session: Session, group: GroupRecord, books: Books,
                   preview: ShareoutPreview | None) -> ShareoutSheet:
    """The sheet of ``preview``, or, with None, of the cycle's share-out as it was paid (read
    from its entries)."""
    names = {m.id: _name(m) for m in books.members}
    texts = _loan_texts(session, books.cycle.id)
    cycle: GroupCycle = books.cycle
    if preview is not None:
        owed = {loan.loan_id for loan in preview.open_loans}
        return ShareoutSheet(
            heading(group, books), cycle.uuid, books.on, None, preview.distributable,
            preview.total_shares, preview.value_per_share, preview.lines,
            tuple(_loan_line(loan, names[loan.member_id], texts) for loan in books.loans
                  if loan.id in owed), preview.social_fund)
    paid: dict[int, int] = defaultdict(int)
    for entries in books.entries.values():
        for entry in entries:
            if entry.kind == EntryKind.SHARE_OUT:
                paid[entry.member_id] += entry.amount
    lines = tuple(PayoutLine(m.id, m.national_code, _name(m), books.shares[m.id],
                             books.savings_of(m.id), paid.get(m.id, 0))
                  for m in books.members if books.shares.get(m.id, 0) > 0)
    return ShareoutSheet(
        heading(group, books), cycle.uuid, books.on, cycle.shared_out_on, cycle.distributable,
        cycle.total_shares, Fraction(cycle.distributable, cycle.total_shares), lines,
        tuple(_loan_line(loan, names[loan.member_id], texts) for loan in books.loans
              if loan.written_off_on == cycle.shared_out_on), books.cash.social)
