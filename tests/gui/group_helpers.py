"""A micro-finance group made through the services, for the groups screens' tests."""

from __future__ import annotations

import datetime as dt

from desktop.clock import today
from desktop.database import Database
from desktop.domain.ledger import Cash
from desktop.models.tracking import Actor
from desktop.services.group_meetings import (
    MeetingInput,
    MemberLine,
    preview_closing,
    record_meeting,
)
from desktop.services.group_members import MemberInput, add_member
from desktop.services.groups import CycleRules, GroupInput, GroupRecord, create_group

NAMES = ["فاطمه", "زهرا", "مریم", "معصومه", "سکینه", "رقیه", "طاهره", "کبری", "صغری", "اعظم",
         "لیلا", "نرگس", "سمیه", "اکرم", "منیژه", "پروین"]
SHARE_PRICE = 500_000
SOCIAL = 50_000


def make_group(db: Database, actor: Actor, *, members: int = 16, name: str = "گروه بانوان دشتک",
               facilitator_id: int | None = None) -> tuple[GroupRecord, list[int]]:
    """A group formed sixty days ago, meeting every two weeks, with ``members`` members."""
    formed = today() - dt.timedelta(days=60)
    group = create_group(db, actor, GroupInput(
        name=name, county_code="0707", formed_on=formed, meeting_frequency="fortnightly",
        locality=name.split()[-1], facilitator_id=facilitator_id), CycleRules(
        starts_on=formed, ends_on=formed + dt.timedelta(days=365), share_price=SHARE_PRICE,
        service_charge_bp=200, max_shares=5, loan_multiple=3, social_contribution=SOCIAL))
    ids = [add_member(db, actor, group.id, MemberInput(
        joined_on=formed, first_name=NAMES[i % len(NAMES)], last_name=f"کشاورز{i}",
        role=["chair", "treasurer", "secretary"][i] if i < 3 else "member")).id
        for i in range(members)]
    return group, ids


def balanced_meeting(db: Database, actor: Actor, group: GroupRecord, members: list[int],
                     day: dt.date, shares: int = 2) -> None:
    """Every member present, buying ``shares`` and paying the social contribution."""
    lines = tuple(MemberLine(m, True, shares=shares, social=SOCIAL) for m in members)
    draft = MeetingInput(held_on=day, lines=lines, counted=preview_closing(
        db, actor, group.cycle.id, MeetingInput(held_on=day, lines=lines, counted=Cash())))
    record_meeting(db, actor, group.cycle.id, draft)
