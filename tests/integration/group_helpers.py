"""A micro-finance group with members, for the service tests."""

from __future__ import annotations

import datetime as dt

from desktop.domain.ledger import Cash
from desktop.services.group_ledger import read_books
from desktop.services.group_meetings import MeetingInput, MemberLine, record_meeting
from desktop.services.group_members import MemberInput, add_member
from desktop.services.groups import CycleRules, GroupInput, create_group
from tests.integration.conftest import Office

FORMED = dt.date(2024, 3, 20)
RULES = CycleRules(starts_on=FORMED, ends_on=dt.date(2025, 3, 20), share_price=500_000,
                   service_charge_bp=200, max_shares=5, loan_multiple=3,
                   social_contribution=50_000)
NAMES = ["فاطمه", "زهرا", "مریم", "معصومه", "سکینه", "رقیه", "طاهره", "کبری", "صغری", "اعظم",
         "لیلا", "نرگس", "سمیه", "اکرم", "منیژه", "پروین"]


def make_group(office: Office, members: int = 16, **changes):
    data = GroupInput(name="گروه زنان روستای دشتک", county_code="0707", formed_on=FORMED,
                      meeting_frequency="fortnightly", locality="دشتک",
                      facilitator_id=office.facilitator.user_id)
    group = create_group(office.db, office.expert, data, RULES)
    ids = []
    for i in range(members):
        member = add_member(office.db, office.expert, group.id, MemberInput(
            joined_on=FORMED, first_name=NAMES[i % len(NAMES)], last_name=f"کشاورز{i}",
            role=["chair", "treasurer", "secretary"][i] if i < 3 else "member"))
        ids.append(member.id)
    return group, ids


def cash_of(office: Office, cycle_id: int, on: dt.date) -> Cash:
    with office.db.reading() as session:
        return read_books(session, cycle_id, on).cash


def meeting(office: Office, group, members: list[int], day: dt.date, *, shares: int = 2,
            absent: tuple[int, ...] = (), extra: dict | None = None, actor=None,
            **lines_by_member):
    """Records a balanced meeting: each present member buys ``shares`` and pays the social
    contribution; ``lines_by_member`` (m<id>=MemberLine) replace a member's line."""
    lines = []
    for mid in members:
        line = lines_by_member.get(f"m{mid}") or MemberLine(
            mid, present=mid not in absent, shares=0 if mid in absent else shares,
            social=0 if mid in absent else 50_000)
        lines.append(line)
    draft = MeetingInput(held_on=day, lines=tuple(lines), counted=Cash(), **(extra or {}))
    from desktop.services.group_meetings import preview_closing

    counted = preview_closing(office.db, actor or office.expert, group.cycle.id, draft)
    return record_meeting(office.db, actor or office.expert, group.cycle.id,
                          MeetingInput(held_on=day, lines=tuple(lines), counted=counted,
                                       **(extra or {})))
