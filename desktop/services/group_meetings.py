"""Recording a group meeting: attendance, savings, loans and their repayments, the social fund,
expenses and the bank, and the cash counted at the close, which must balance.

Everything a meeting moved is written in one transaction, with the cash each fund holds at its
close; a meeting whose counted cash is not what its entries leave is refused, naming the fund
and the difference. A member may borrow up to the group's multiple of their own savings,
counting what they still owe, and not while in arrears, unless the group records why it
decided otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select

from desktop.clock import today
from desktop.database import Database
from desktop.domain.group_loans import bank_total_repayable, service_charge
from desktop.domain.groups import CycleStatus
from desktop.domain.ledger import (
    Cash,
    EntryKind,
    Fund,
    FundFlow,
    Movement,
    expected_closing,
    flows,
    imbalance,
)
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import (
    BankLoan,
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    InternalLoan,
    MeetingAttendance,
    MeetingEntry,
)
from desktop.models.tracking import Actor
from desktop.services.group_access import require_recordable
from desktop.services.group_ledger import Books, read_books


@dataclasses.dataclass(frozen=True)
class MemberLine:
    member_id: int
    present: bool
    shares: int = 0
    social: int = 0            # social fund contribution, Rials
    fine: int = 0
    repayment: int = 0         # principal repaid, oldest loan first
    service_charge: int = 0
    social_payout: int = 0


@dataclasses.dataclass(frozen=True)
class NewLoan:
    member_id: int
    principal: int
    term_months: int
    purpose: str = ""
    override_reason: str = ""  # the group's reason to lend past its rule


@dataclasses.dataclass(frozen=True)
class GroupLine:
    kind: str                  # expense or bank_repayment
    amount: int
    note: str = ""
    bank_loan_id: int | None = None


@dataclasses.dataclass(frozen=True)
class BankLoanInput:
    bank_name: str
    amount: int
    term_months: int
    annual_rate_bp: int


@dataclasses.dataclass(frozen=True)
class MeetingInput:
    held_on: dt.date | None
    lines: tuple[MemberLine, ...]
    counted: Cash               # cash counted at the close, per fund
    loans: tuple[NewLoan, ...] = ()
    group_lines: tuple[GroupLine, ...] = ()
    bank_loan: BankLoanInput | None = None
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class MeetingResult:
    meeting_id: int
    opening: Cash
    closing: Cash


def _movements(data: MeetingInput, cycle: GroupCycle) -> list[Movement]:
    return meeting_movements(data, cycle.share_price)


def meeting_movements(data: MeetingInput, share_price: int) -> list[Movement]:
    """What ``data`` moves in and out of the cash box, as ``record_meeting`` counts it."""
    moves: list[Movement] = []
    for line in data.lines:
        moves += [Movement(EntryKind.SHARES, line.shares * share_price),
                  Movement(EntryKind.SOCIAL_IN, line.social), Movement(EntryKind.FINE, line.fine),
                  Movement(EntryKind.REPAYMENT, line.repayment),
                  Movement(EntryKind.SERVICE_CHARGE, line.service_charge),
                  Movement(EntryKind.SOCIAL_OUT, line.social_payout)]
    moves += [Movement(EntryKind.LOAN_OUT, loan.principal) for loan in data.loans]
    moves += [Movement(EntryKind(g.kind), g.amount) for g in data.group_lines
              if g.kind in (EntryKind.EXPENSE, EntryKind.BANK_REPAYMENT)]
    if data.bank_loan is not None:
        moves.append(Movement(EntryKind.BANK_LOAN_IN, data.bank_loan.amount))
    return moves


def meeting_flows(data: MeetingInput, share_price: int) -> dict[Fund, FundFlow]:
    """In and out of each fund: the meeting screen's running totals, computed as the
    service will, without reading the database at each keystroke."""
    return flows(meeting_movements(data, share_price))


def preview_closing(db: Database, actor: Actor, cycle_id: int, data: MeetingInput) -> Cash:
    """What the cash box should hold after ``data``: for the meeting screen's running totals."""
    with db.reading() as session:
        cycle = session.get(GroupCycle, cycle_id)
        books = read_books(session, cycle_id, data.held_on or today())
        return expected_closing(books.cash, _movements(data, cycle))


def _check(books: Books, data: MeetingInput, last_held: dt.date | None) -> None:
    cycle = books.cycle
    errors: dict[str, str] = {}
    day = data.held_on
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError("This cycle is shared out; record meetings in the next one.")
    if day is None:
        raise ValidationError("Enter the meeting's date.", field="held_on")
    if day > today():
        errors["held_on"] = tr("A meeting cannot be recorded before it is held.")
    elif day < cycle.starts_on or day > cycle.ends_on:
        errors["held_on"] = tr("The meeting falls outside the cycle ({start} to {end}).",
                               start=format_jalali(cycle.starts_on),
                               end=format_jalali(cycle.ends_on))
    elif last_held is not None and day <= last_held:
        errors["held_on"] = tr("Meetings are recorded in order: this one is not after the "
                               "last one ({day}).", day=format_jalali(last_held))
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)

    active = {m.id: m for m in books.active_members(day)}
    names = {m.id: f"{m.first_name} {m.last_name}" for m in books.members}
    seen = [line.member_id for line in data.lines]
    if len(seen) != len(set(seen)) or set(seen) != set(active):
        errors["lines"] = tr("Mark the attendance of every member of the group, once.")
    for line in data.lines:
        key = f"line.{line.member_id}"
        name = names.get(line.member_id, "")
        amounts = (line.social, line.fine, line.repayment, line.service_charge,
                   line.social_payout)
        if min(amounts) < 0 or line.shares < 0:
            errors[key] = tr("Amounts are never negative.")
        elif line.shares > cycle.max_shares:
            errors[key] = tr("{name} may buy at most {count} shares a meeting.", name=name,
                             count=cycle.max_shares)
        elif line.repayment > books.outstanding_of(line.member_id):
            errors[key] = tr("{name} owes {owed}; the repayment is more than that.", name=name,
                             owed=format_rials(books.outstanding_of(line.member_id)))
    repaid = {line.member_id: line.repayment for line in data.lines}
    shares = {line.member_id: line.shares for line in data.lines}
    for index, loan in enumerate(data.loans):
        key = f"loan.{index}"
        if loan.member_id not in active:
            errors[key] = tr("Only a present member of the group can borrow.")
            continue
        name = names[loan.member_id]
        if loan.principal <= 0:
            errors[key] = tr("Enter the amount lent.")
        elif not 1 <= loan.term_months <= 24:
            errors[key] = tr("A loan runs 1 to 24 months.")
        if loan.override_reason.strip():
            continue
        savings = (books.shares.get(loan.member_id, 0) + shares.get(loan.member_id, 0)) \
            * cycle.share_price
        owed = books.outstanding_of(loan.member_id) - repaid.get(loan.member_id, 0)
        limit = cycle.loan_multiple * savings - owed
        others = sum(other.principal for other in data.loans[:index]
                     if other.member_id == loan.member_id)
        if books.arrears_of(loan.member_id) > repaid.get(loan.member_id, 0):
            errors[key] = tr("{name} is behind with a repayment; the group may lend only with "
                             "a reason it records.", name=name)
        elif loan.principal + others > limit:
            errors[key] = tr("{name} may borrow up to {limit} ({multiple} times their savings, "
                             "less what they owe), unless the group records a reason.",
                             name=name, limit=format_rials(max(limit - others, 0)),
                             multiple=cycle.loan_multiple)
    bank_ids = {b.id: b for b in books.bank_loans}
    for index, line in enumerate(data.group_lines):
        key = f"group.{index}"
        if line.kind not in (EntryKind.EXPENSE, EntryKind.BANK_REPAYMENT):
            errors[key] = tr("Choose what the payment is for.")
        elif line.amount <= 0:
            errors[key] = tr("Enter the amount.")
        elif line.kind == EntryKind.BANK_REPAYMENT:
            loan = bank_ids.get(line.bank_loan_id)
            if loan is None:
                errors[key] = tr("Choose the bank loan this instalment pays.")
            elif line.amount > loan.state.outstanding:
                errors[key] = tr("The bank loan has {owed} left to repay.",
                                 owed=format_rials(loan.state.outstanding))
    if data.bank_loan is not None:
        bank = data.bank_loan
        if not clean_text(bank.bank_name):
            errors["bank_loan.bank_name"] = tr("Enter the bank's name.")
        if bank.amount <= 0:
            errors["bank_loan.amount"] = tr("Enter the amount lent.")
        if not 1 <= bank.term_months <= 60:
            errors["bank_loan.term_months"] = tr("A bank loan runs 1 to 60 months.")
        if not 0 <= bank.annual_rate_bp <= 5000:
            errors["bank_loan.annual_rate_bp"] = tr("The rate is 0% to 50% a year.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    expected = expected_closing(books.cash, _movements(data, cycle))
    for fund in Fund:
        if expected.of(fund) < 0:
            raise ValidationError("The {fund} cannot pay out more than it holds.",
                                  field=f"counted.{fund.value}", fund=fund.label)
    if min(data.counted.loan, data.counted.social) < 0:
        raise ValidationError("Cash counted is never negative.", field="counted")
    wrong = imbalance(books.cash, _movements(data, cycle), data.counted)
    if wrong:
        messages = {}
        for fund, difference in wrong.items():
            messages[f"counted.{fund.value}"] = tr(
                "The {fund} does not balance: counted {counted}, the entries leave {expected} "
                "({difference} {direction}).", fund=fund.label,
                counted=format_rials(data.counted.of(fund)),
                expected=format_rials(expected.of(fund)),
                difference=format_rials(abs(difference)),
                direction=tr("too much") if difference > 0 else tr("missing"))
        raise ValidationError("The cash box does not balance; the meeting is not saved.",
                              errors=messages)


def record_meeting(db: Database, actor: Actor, cycle_id: int, data: MeetingInput) -> MeetingResult:
    """Saves the meeting, or refuses it whole."""
    with db.transaction(actor) as session:
        # Two people recording the same group at once: on PostgreSQL the second waits here
        # for the first and then reads its meeting; SQLite lets one writer at a time, and the
        # second's stale read fails to become a write.
        cycle = session.get(GroupCycle, cycle_id, with_for_update=True)
        if cycle is None:
            raise NotFound("This cycle does not exist.")
        group = require_recordable(actor, session.get(CommunityGroup, cycle.group_id))
        last_held = session.scalar(select(func.max(GroupMeeting.held_on)).where(
            GroupMeeting.cycle_id == cycle_id))
        books = read_books(session, cycle_id, data.held_on or today())
        _check(books, data, last_held)
        opening = books.cash
        meeting = GroupMeeting(cycle_id=cycle_id, held_on=data.held_on, recorded_on=today(),
                               opening_loan_fund=opening.loan,
                               opening_social_fund=opening.social,
                               closing_loan_fund=data.counted.loan,
                               closing_social_fund=data.counted.social,
                               notes=clean_text(data.notes))
        session.add(meeting)
        session.flush()
        entries: list[MeetingEntry] = []

        def entry(kind: EntryKind, amount: int, **extra: object) -> None:
            if amount > 0 or kind == EntryKind.WRITE_OFF:
                entries.append(MeetingEntry(meeting_id=meeting.id, kind=kind.value,
                                            amount=amount, **extra))

        for line in data.lines:
            session.add(MeetingAttendance(meeting_id=meeting.id, member_id=line.member_id,
                                          present=line.present))
            if line.shares:
                entry(EntryKind.SHARES, line.shares * cycle.share_price,
                      member_id=line.member_id, shares=line.shares)
            entry(EntryKind.SOCIAL_IN, line.social, member_id=line.member_id)
            entry(EntryKind.FINE, line.fine, member_id=line.member_id)
            entry(EntryKind.SOCIAL_OUT, line.social_payout, member_id=line.member_id)
            left = line.repayment
            open_loans = [loan for loan in books.loans_of(line.member_id)
                          if loan.state.outstanding > 0]
            for loan in open_loans:
                part = min(left, loan.state.outstanding)
                entry(EntryKind.REPAYMENT, part, member_id=line.member_id, loan_id=loan.id)
                left -= part
            entry(EntryKind.SERVICE_CHARGE, line.service_charge, member_id=line.member_id,
                  loan_id=open_loans[0].id if open_loans else None)
        for loan in data.loans:
            row = InternalLoan(cycle_id=cycle_id, member_id=loan.member_id,
                               meeting_id=meeting.id, disbursed_on=data.held_on,
                               principal=loan.principal,
                               service_charge=service_charge(loan.principal,
                                                            cycle.service_charge_bp,
                                                            loan.term_months),
                               term_months=loan.term_months, purpose=clean_text(loan.purpose),
                               override_reason=clean_text(loan.override_reason))
            session.add(row)
            session.flush()
            entry(EntryKind.LOAN_OUT, loan.principal, member_id=loan.member_id, loan_id=row.id)
        for line in data.group_lines:
            entry(EntryKind(line.kind), line.amount, note=clean_text(line.note)[:200],
                  bank_loan_id=line.bank_loan_id)
        if data.bank_loan is not None:
            bank = data.bank_loan
            row = BankLoan(group_id=group.id, cycle_id=cycle_id,
                           bank_name=clean_text(bank.bank_name), amount=bank.amount,
                           disbursed_on=data.held_on, term_months=bank.term_months,
                           annual_rate_bp=bank.annual_rate_bp,
                           total_repayable=bank_total_repayable(bank.amount,
                                                                bank.annual_rate_bp,
                                                                bank.term_months))
            session.add(row)
            session.flush()
            entry(EntryKind.BANK_LOAN_IN, bank.amount, bank_loan_id=row.id)
        session.add_all(entries)
        session.flush()
        return MeetingResult(meeting.id, opening, data.counted)


def delete_last_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    """Takes back the latest meeting of an open cycle (recorded by mistake), with everything it
    moved; earlier meetings stand, since later balances rest on them."""
    with db.transaction(actor) as session:
        meeting = session.get(GroupMeeting, meeting_id)
        if meeting is None:
            raise NotFound("This meeting does not exist.")
        cycle = session.get(GroupCycle, meeting.cycle_id)
        require_recordable(actor, session.get(CommunityGroup, cycle.group_id))
        if cycle.status != CycleStatus.OPEN:
            raise ValidationError("This cycle is shared out; its meetings stand.")
        last = session.scalar(select(GroupMeeting.id).where(
            GroupMeeting.cycle_id == cycle.id).order_by(GroupMeeting.held_on.desc()).limit(1))
        if last != meeting.id:
            raise ConflictError("Only the latest meeting can be taken back.")
        for row in session.scalars(select(MeetingEntry).where(
                MeetingEntry.meeting_id == meeting.id)):
            session.delete(row)
        for row in session.scalars(select(MeetingAttendance).where(
                MeetingAttendance.meeting_id == meeting.id)):
            session.delete(row)
        session.flush()
        for row in session.scalars(select(InternalLoan).where(
                InternalLoan.meeting_id == meeting.id)):
            session.delete(row)
        for row in session.scalars(select(BankLoan).where(
                BankLoan.cycle_id == cycle.id, BankLoan.disbursed_on == meeting.held_on)):
            session.delete(row)
        session.flush()
        session.delete(meeting)
