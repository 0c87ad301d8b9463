"""The share-out at a cycle's end, and the next cycle.

The loans are repaid or written off first (a write-off needs the group's reason); then the
loan fund's cash is paid out by shares (desktop/domain/shareout.py), to the Rial, and the cycle
closes. The social fund is not shared: it opens the next cycle, with every member who has not
left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from sqlalchemy import select

from desktop.clock import today
from desktop.database import Database
from desktop.domain.groups import CycleStatus
from desktop.domain.ledger import Cash, EntryKind
from desktop.domain.shareout import share_out, value_per_share
from desktop.errors import ConflictError, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import (
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    InternalLoan,
    MeetingEntry,
)
from desktop.models.tracking import Actor
from desktop.services.group_access import require_group_visible, require_recordable
from desktop.services.group_ledger import Books, read_books
from desktop.services.groups import CycleRules, check_rules, current_cycle


@dataclasses.dataclass(frozen=True)
class PayoutLine:
    member_id: int
    national_code: str
    name: str
    shares: int
    savings: int
    payout: int


@dataclasses.dataclass(frozen=True)
class OpenLoan:
    loan_id: int
    member_id: int
    name: str
    outstanding: int


@dataclasses.dataclass(frozen=True)
class ShareoutPreview:
    group_code: str
    cycle_id: int
    cycle_number: int
    cycle_version: int
    on: dt.date
    share_price: int
    distributable: int
    total_shares: int
    value_per_share: Fraction | None
    lines: tuple[PayoutLine, ...]
    open_loans: tuple[OpenLoan, ...]
    social_fund: int

    @property
    def return_on_savings(self) -> Fraction | None:
        if self.value_per_share is None:
            return None
        return (self.value_per_share - self.share_price) / self.share_price


def _preview(books: Books, code: str, on: dt.date) -> ShareoutPreview:
    names = {m.id: (m.national_code, f"{m.first_name} {m.last_name}") for m in books.members}
    holders = [(member.id, books.shares.get(member.id, 0)) for member in books.members
               if books.shares.get(member.id, 0) > 0]
    cash = books.cash
    payouts = share_out(cash.loan, holders) if holders else {}
    lines = tuple(PayoutLine(mid, names[mid][0], names[mid][1], shares,
                             shares * books.cycle.share_price, payouts[mid])
                  for mid, shares in holders)
    open_loans = tuple(OpenLoan(loan.id, loan.member_id, names[loan.member_id][1],
                                loan.state.outstanding)
                       for loan in books.loans if loan.state.outstanding > 0)
    total = books.total_shares
    return ShareoutPreview(code, books.cycle.id, books.cycle.number, books.cycle.version, on,
                           books.cycle.share_price, cash.loan, total,
                           value_per_share(cash.loan, total) if total else None, lines,
                           open_loans, cash.social)


def preview_shareout(db: Database, actor: Actor, group_id: int,
                     on: dt.date | None = None) -> ShareoutPreview:
    """What each member would be paid if the current cycle were shared out on ``on``."""
    on = on or today()
    with db.reading() as session:
        group = require_group_visible(actor, session.get(CommunityGroup, group_id))
        cycle = current_cycle(session, group.id)
        if cycle.status != CycleStatus.OPEN:
            raise ValidationError("This cycle is already shared out.")
        return _preview(read_books(session, cycle.id, on), group.code, on)


def share_out_cycle(db: Database, actor: Actor, group_id: int, *, on: dt.date,
                    cycle_version: int, next_cycle: CycleRules,
                    write_off_reason: str = "") -> ShareoutPreview:
    """Pays the share-out, closes the cycle and opens the next; returns what was paid."""
    reason = clean_text(write_off_reason)
    with db.transaction(actor) as session:
        group = require_recordable(actor, session.get(CommunityGroup, group_id))
        cycle = session.get(GroupCycle, current_cycle(session, group.id).id,
                            with_for_update=True)
        if cycle.status != CycleStatus.OPEN:
            raise ValidationError("This cycle is already shared out.")
        if cycle.version != cycle_version:
            raise ConflictError("The cycle changed meanwhile; look at the share-out again.")
        if on > today():
            raise ValidationError("The share-out cannot be recorded before it happens.",
                                  field="on")
        books = read_books(session, cycle.id, on)
        if books.meetings and on < books.meetings[-1].held_on:
            raise ValidationError("The share-out comes after the cycle's last meeting ({day}).",
                                  field="on", day=format_jalali(books.meetings[-1].held_on))
        if on < cycle.starts_on:
            raise ValidationError("The share-out comes after the cycle starts.", field="on")
        check_rules(next_cycle, not_before=on)
        preview = _preview(books, group.code, on)
        if preview.open_loans and not reason:
            owed = "، ".join(f"{loan.name} ({format_rials(loan.outstanding)})"
                             for loan in preview.open_loans)
            raise ValidationError("Loans are still owed: {owed}. They are repaid first, or "
                                  "written off with the group's reason.",
                                  field="write_off_reason", owed=owed)
        if not preview.total_shares:
            raise ValidationError("No shares were bought in this cycle; there is nothing to "
                                  "share out.")
        meeting = session.scalar(select(GroupMeeting).where(
            GroupMeeting.cycle_id == cycle.id, GroupMeeting.held_on == on))
        cash = books.cash
        if meeting is None:
            meeting = GroupMeeting(cycle_id=cycle.id, held_on=on, recorded_on=today(),
                                   opening_loan_fund=cash.loan, opening_social_fund=cash.social,
                                   closing_loan_fund=cash.loan, closing_social_fund=cash.social,
                                   notes=tr("Share-out"))
            session.add(meeting)
            session.flush()
        for loan in preview.open_loans:
            row = session.get(InternalLoan, loan.loan_id)
            row.written_off_on = on
            row.override_reason = (row.override_reason + " " + tr("Written off: {reason}",
                                                                  reason=reason)).strip()
            session.add(MeetingEntry(meeting_id=meeting.id, member_id=loan.member_id,
                                     kind=EntryKind.WRITE_OFF.value, amount=loan.outstanding,
                                     loan_id=loan.loan_id, note=reason[:200]))
        for line in preview.lines:
            if line.payout:
                session.add(MeetingEntry(meeting_id=meeting.id, member_id=line.member_id,
                                         kind=EntryKind.SHARE_OUT.value, amount=line.payout))
        meeting.closing_loan_fund = meeting.closing_loan_fund - preview.distributable
        cycle.status = CycleStatus.SHARED_OUT.value
        cycle.shared_out_on = on
        cycle.distributable = preview.distributable
        cycle.total_shares = preview.total_shares
        session.add(GroupCycle(
            group_id=group.id, number=cycle.number + 1, starts_on=next_cycle.starts_on,
            ends_on=next_cycle.ends_on, share_price=next_cycle.share_price,
            service_charge_bp=next_cycle.service_charge_bp, max_shares=next_cycle.max_shares,
            loan_multiple=next_cycle.loan_multiple,
            social_contribution=next_cycle.social_contribution,
            opening_loan_fund=0, opening_social_fund=cash.social))
        session.flush()
        return preview


def cash_after_shareout(preview: ShareoutPreview) -> Cash:
    return Cash(preview.distributable - sum(line.payout for line in preview.lines),
                preview.social_fund)
