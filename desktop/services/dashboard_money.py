"""The dashboard's figures of groups and solar plants, summed by the database."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.groups import GroupKind
from desktop.domain.ledger import EntryKind
from desktop.domain.solar import RunStatus
from desktop.models.groups import (
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    InternalLoan,
    MeetingEntry,
)
from desktop.models.people import Client
from desktop.models.solar import SolarRun, SolarRunLine
from desktop.models.tracking import Actor
from desktop.services.case_access import sees_every_client, visible_clients
from desktop.services.group_access import visible_groups


@dataclasses.dataclass(frozen=True)
class MicroFinance:
    groups: int               # micro-finance groups with a cycle running on the period's end
    savings: int              # Rials saved in those cycles up to the period's end
    loans_outstanding: int    # internal loans' principal not yet repaid nor written off


@dataclasses.dataclass(frozen=True)
class SolarIncome:
    paid: int                 # Rials payable to beneficiaries by the period's approved runs
    beneficiaries: int


def micro_finance(session: Session, actor: Actor, end: dt.date) -> MicroFinance:
    running = (select(GroupCycle.id).join(CommunityGroup, CommunityGroup.id == GroupCycle.group_id)
               .where(visible_groups(actor), CommunityGroup.kind == GroupKind.MICROFINANCE.value,
                      GroupCycle.starts_on <= end,
                      or_(GroupCycle.shared_out_on.is_(None), GroupCycle.shared_out_on > end)))
    cycles = running.subquery()
    groups = session.scalar(select(func.count(func.distinct(GroupCycle.group_id)))
                            .where(GroupCycle.id.in_(select(cycles.c.id))))
    savings = session.scalar(
        select(func.coalesce(func.sum(MeetingEntry.amount), 0))
        .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
        .where(GroupMeeting.cycle_id.in_(select(cycles.c.id)), GroupMeeting.held_on <= end,
               MeetingEntry.kind == EntryKind.SHARES.value))
    standing = (select(InternalLoan.id).where(
        InternalLoan.cycle_id.in_(select(cycles.c.id)), InternalLoan.disbursed_on <= end,
        or_(InternalLoan.written_off_on.is_(None), InternalLoan.written_off_on > end)))
    lent = session.scalar(select(func.coalesce(func.sum(InternalLoan.principal), 0))
                          .where(InternalLoan.id.in_(standing)))
    repaid = session.scalar(
        select(func.coalesce(func.sum(MeetingEntry.amount), 0))
        .join(GroupMeeting, GroupMeeting.id == MeetingEntry.meeting_id)
        .where(MeetingEntry.loan_id.in_(standing), GroupMeeting.held_on <= end,
               MeetingEntry.kind == EntryKind.REPAYMENT.value))
    return MicroFinance(int(groups or 0), int(savings), int(lent) - int(repaid))


def solar_income(session: Session, actor: Actor, start: dt.date, end: dt.date) -> SolarIncome:
    query = (select(func.coalesce(func.sum(SolarRunLine.payable), 0),
                    func.count(func.distinct(SolarRunLine.client_id)))
             .join(SolarRun, SolarRun.id == SolarRunLine.run_id)
             .where(SolarRun.status == RunStatus.APPROVED.value,
                    SolarRun.month.between(start, end), SolarRunLine.payable > 0))
    if not sees_every_client(actor):
        query = query.join(Client, Client.id == SolarRunLine.client_id).where(
            visible_clients(actor))
    paid, people = session.execute(query).one()
    return SolarIncome(int(paid), int(people))
