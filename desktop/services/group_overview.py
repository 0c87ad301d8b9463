"""A group's indicators and grade, and the list of groups with theirs.

One group is read whole (group_ledger.read_books). The list reads every group's current cycle
in a handful of aggregate queries instead: a loan's state needs only what was repaid by the
day, a meeting's figures only its counts, so nothing is read row by row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.group_indicators import (
    CycleFacts,
    Grading,
    Indicators,
    LoanFacts,
    MeetingFacts,
    grading,
    indicators,
)
from desktop.domain.group_loans import loan_state
from desktop.domain.groups import MeetingFrequency
from desktop.domain.ledger import EntryKind
from desktop.fa.normalize import search_key
from desktop.models.groups import (
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    GroupMember,
    InternalLoan,
    MeetingAttendance,
    MeetingEntry,
)
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.services.group_access import require_group_visible, visible_groups
from desktop.services.group_ledger import Books, read_books
from desktop.services.group_members import size_warning
from desktop.services.groups import GroupRecord, current_cycle, group_record


@dataclasses.dataclass(frozen=True)
class GroupOverview:
    group: GroupRecord
    active_members: int
    size_warning: str | None
    indicators: Indicators
    grading: Grading
    books: Books


def group_overview(db: Database, actor: Actor, group_id: int,
                   on: dt.date | None = None) -> GroupOverview:
    on = on or today()
    with db.reading() as session:
        group = require_group_visible(actor, session.get(CommunityGroup, group_id))
        record = group_record(session, actor, group)
        books = read_books(session, current_cycle(session, group.id).id, on)
    facts = books.facts()
    active = len(books.active_members(on))
    return GroupOverview(record, active, size_warning(active), indicators(facts),
                         grading(facts), books)


@dataclasses.dataclass(frozen=True)
class GroupRow:
    id: int
    code: str
    name: str
    county_name: str
    locality: str
    facilitator_name: str
    status: str
    members: int
    savings: int
    loans_outstanding: int
    score: int
    grade: str


def _facts_of_cycles(session: Session, cycles: list[GroupCycle],
                     frequency: dict[int, str], on: dt.date) -> dict[int, CycleFacts]:
    ids = [c.id for c in cycles]
    if not ids:
        return {}
    shares = dict(session.execute(
        select(GroupMeeting.cycle_id, func.sum(MeetingEntry.shares))
        .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
        .where(GroupMeeting.cycle_id.in_(ids), GroupMeeting.held_on <= on,
               MeetingEntry.kind == EntryKind.SHARES.value)
        .group_by(GroupMeeting.cycle_id)).all())
    attendance = {row.meeting_id: (row.members, row.present) for row in session.execute(
        select(MeetingAttendance.meeting_id, func.count().label("members"),
               func.sum(case((MeetingAttendance.present, 1), else_=0)).label("present"))
        .join(GroupMeeting, GroupMeeting.id == MeetingAttendance.meeting_id)
        .where(GroupMeeting.cycle_id.in_(ids), GroupMeeting.held_on <= on)
        .group_by(MeetingAttendance.meeting_id))}
    savers = dict(session.execute(
        select(MeetingEntry.meeting_id, func.count(func.distinct(MeetingEntry.member_id)))
        .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
        .join(MeetingAttendance, and_(MeetingAttendance.meeting_id == MeetingEntry.meeting_id,
                                      MeetingAttendance.member_id == MeetingEntry.member_id,
                                      MeetingAttendance.present.is_(True)))
        .where(GroupMeeting.cycle_id.in_(ids), GroupMeeting.held_on <= on,
               MeetingEntry.kind == EntryKind.SHARES.value)
        .group_by(MeetingEntry.meeting_id)).all())
    meetings: dict[int, list[MeetingFacts]] = defaultdict(list)
    last_cash: dict[int, tuple[dt.date, int, int]] = {}
    for row in session.execute(
            select(GroupMeeting.id, GroupMeeting.cycle_id, GroupMeeting.held_on,
                   GroupMeeting.recorded_on, GroupMeeting.closing_loan_fund,
                   GroupMeeting.closing_social_fund)
            .where(GroupMeeting.cycle_id.in_(ids), GroupMeeting.held_on <= on)):
        members, present = attendance.get(row.id, (0, 0))
        meetings[row.cycle_id].append(MeetingFacts(row.held_on, row.recorded_on,
                                                   int(present or 0), members,
                                                   savers.get(row.id, 0)))
        if row.cycle_id not in last_cash or row.held_on > last_cash[row.cycle_id][0]:
            last_cash[row.cycle_id] = (row.held_on, row.closing_loan_fund,
                                       row.closing_social_fund)
    repaid = dict(session.execute(
        select(MeetingEntry.loan_id, func.sum(MeetingEntry.amount))
        .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
        .where(GroupMeeting.cycle_id.in_(ids), GroupMeeting.held_on <= on,
               MeetingEntry.kind == EntryKind.REPAYMENT.value)
        .group_by(MeetingEntry.loan_id)).all())
    loans: dict[int, list[LoanFacts]] = defaultdict(list)
    for loan in session.execute(
            select(InternalLoan.id, InternalLoan.cycle_id, InternalLoan.principal,
                   InternalLoan.disbursed_on, InternalLoan.term_months,
                   InternalLoan.written_off_on)
            .where(InternalLoan.cycle_id.in_(ids), InternalLoan.disbursed_on <= on)):
        paid = int(repaid.get(loan.id) or 0)     # PostgreSQL sums are Decimal
        state = loan_state(loan.principal, loan.disbursed_on, loan.term_months,
                           [(loan.disbursed_on, paid)], on, loan.written_off_on)
        loans[loan.cycle_id].append(LoanFacts(
            loan.principal, state.outstanding, state.at_risk,
            loan.principal - paid if state.written_off else 0))
    by_group: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    group_ids = {c.group_id for c in cycles}
    for group_id, joined, left in session.execute(
            select(GroupMember.group_id, GroupMember.joined_on, GroupMember.left_on)
            .where(GroupMember.group_id.in_(group_ids))):
        by_group[group_id].append((joined, left))
    facts = {}
    for cycle in cycles:
        start = cycle.starts_on
        at_start = [(j, left) for j, left in by_group[cycle.group_id]
                    if j <= start and (left is None or left > start)]
        kept = [1 for _, left in at_start if left is None or left > on]
        _, loan_fund, social_fund = last_cash.get(
            cycle.id, (None, cycle.opening_loan_fund, cycle.opening_social_fund))
        facts[cycle.id] = CycleFacts(
            on=on, starts_on=start, frequency_days=MeetingFrequency(
                frequency[cycle.group_id]).days,
            share_price=cycle.share_price, shares=int(shares.get(cycle.id) or 0),
            loan_fund=loan_fund, social_fund=social_fund,
            meetings=tuple(meetings[cycle.id]), loans=tuple(loans[cycle.id]),
            members_at_start=len(at_start), members_kept=len(kept))
    return facts


def list_groups(db: Database, actor: Actor, *, text: str = "", county_code: str | None = None,
                grade: str | None = None, on: dt.date | None = None) -> list[GroupRow]:
    """The groups ``actor`` may see, with their members, savings and grade, by code."""
    on = on or today()
    with db.reading() as session:
        query = (select(CommunityGroup, User.full_name)
                 .outerjoin(User, User.id == CommunityGroup.facilitator_id)
                 .where(visible_groups(actor)).order_by(CommunityGroup.code))
        if county_code:
            query = query.where(CommunityGroup.county_code == county_code)
        groups = session.execute(query).all()
        if text.strip():
            key = search_key(text)
            groups = [(g, f) for g, f in groups
                      if key in search_key(f"{g.code} {g.name} {g.locality}")]
        ids = [g.id for g, _ in groups]
        latest = select(GroupCycle.group_id, func.max(GroupCycle.number).label("number")) \
            .where(GroupCycle.group_id.in_(ids)).group_by(GroupCycle.group_id).subquery()
        cycles = list(session.scalars(select(GroupCycle).join(latest, and_(
            GroupCycle.group_id == latest.c.group_id, GroupCycle.number == latest.c.number))))
        active = dict(session.execute(
            select(GroupMember.group_id, func.count())
            .where(GroupMember.group_id.in_(ids), GroupMember.joined_on <= on,
                   or_(GroupMember.left_on.is_(None), GroupMember.left_on > on))
            .group_by(GroupMember.group_id)).all())
        frequency = {g.id: g.meeting_frequency for g, _ in groups}
        facts = _facts_of_cycles(session, cycles, frequency, on)
    cycle_of = {c.group_id: c.id for c in cycles}
    rows = []
    for group, facilitator in groups:
        cycle_facts = facts[cycle_of[group.id]]
        ind = indicators(cycle_facts)
        graded = grading(cycle_facts)
        if grade and graded.grade != grade:
            continue
        rows.append(GroupRow(group.id, group.code, group.name,
                             reference.county(group.county_code).name_fa, group.locality,
                             facilitator or "", group.status, active.get(group.id, 0),
                             ind.savings, ind.loans_outstanding, graded.score, graded.grade))
    return rows
