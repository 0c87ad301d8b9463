"""Women's groups at a glance: the list with each group's members and last twelve months, one
group's summary (for its screen and its printed profile), and the community-based jobs the
groups give — the members paid an income — for the dashboard.

«The last twelve months» are twelve Jalali months: the one a day falls in and the eleven before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import case, func, select

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.business_books import month_of, year_window
from desktop.domain.groups import GroupKind
from desktop.domain.women_groups import WOMENS_KINDS
from desktop.fa.normalize import search_key
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.people import Client
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.models.women_groups import BusinessMonth, GroupBusiness, MemberIncome
from desktop.services.group_access import visible_groups
from desktop.services.women_activity import (
    TrainingRecord,
    WomenMeetingRecord,
    read_meetings,
    read_trainings,
)
from desktop.services.women_groups import (
    WomenGroupRecord,
    require_women_group,
    women_group_record,
)
from desktop.services.women_market import (
    BazaarRecord,
    MarketLinkRecord,
    read_bazaars,
    read_links,
)
from desktop.services.women_members import (
    WomenMemberRecord,
    active_members_clause,
    female_head_clause,
    read_members,
    size_warning,
)
from desktop.services.women_money import BusinessBooks, read_business_books


@dataclasses.dataclass(frozen=True)
class WomenGroupRow:
    id: int
    code: str
    kind: str
    name: str
    county_name: str
    locality: str
    facilitator_name: str
    status: str
    registration_number: str
    business_title: str
    members: int                # present members
    female_heads: int           # of them, female heads of household
    sales_12m: int
    costs_12m: int
    paid_out_12m: int           # income paid to members
    last_month: dt.date | None  # the latest month of its books


def _kinds(kinds: tuple[str, ...] | None) -> list[str]:
    chosen = [GroupKind(k).value for k in (kinds or WOMENS_KINDS)]
    if any(k not in {w.value for w in WOMENS_KINDS} for k in chosen):
        raise ValueError("only the women's kinds of group")
    return chosen


def list_women_groups(db: Database, actor: Actor, *, kinds: tuple[str, ...] | None = None,
                      text: str = "", county_code: str | None = None,
                      on: dt.date | None = None) -> list[WomenGroupRow]:
    """The women's groups ``actor`` may see (of ``kinds``, all three by default), by code."""
    on = on or today()
    first, last = year_window(on)
    with db.reading() as session:
        query = (select(CommunityGroup, User.full_name, GroupBusiness.title)
                 .outerjoin(User, User.id == CommunityGroup.facilitator_id)
                 .outerjoin(GroupBusiness, GroupBusiness.group_id == CommunityGroup.id)
                 .where(visible_groups(actor), CommunityGroup.kind.in_(_kinds(kinds)))
                 .order_by(CommunityGroup.code))
        if county_code:
            query = query.where(CommunityGroup.county_code == county_code)
        groups = session.execute(query).all()
        if text.strip():
            key = search_key(text)
            groups = [(g, f, b) for g, f, b in groups
                      if key in search_key(f"{g.code} {g.name} {g.locality} {b or ''}")]
        ids = [g.id for g, _, _ in groups]
        members = {row.group_id: (row.members, int(row.heads or 0)) for row in session.execute(
            select(GroupMember.group_id, func.count().label("members"),
                   func.sum(case((female_head_clause(), 1), else_=0)).label("heads"))
            .where(GroupMember.group_id.in_(ids), active_members_clause(on))
            .group_by(GroupMember.group_id))}
        year = {row.group_id: row for row in session.execute(
            select(BusinessMonth.group_id, func.sum(BusinessMonth.sales).label("sales"),
                   func.sum(BusinessMonth.costs).label("costs"),
                   func.sum(BusinessMonth.paid_out).label("paid"))
            .where(BusinessMonth.group_id.in_(ids), BusinessMonth.month_start >= first,
                   BusinessMonth.month_start <= last)
            .group_by(BusinessMonth.group_id))}
        latest = dict(session.execute(
            select(BusinessMonth.group_id, func.max(BusinessMonth.month_start))
            .where(BusinessMonth.group_id.in_(ids)).group_by(BusinessMonth.group_id)).all())
    rows = []
    for group, facilitator, business in groups:
        count, heads = members.get(group.id, (0, 0))
        money = year.get(group.id)
        rows.append(WomenGroupRow(
            group.id, group.code, group.kind, group.name,
            reference.county(group.county_code).name_fa, group.locality, facilitator or "",
            group.status, group.registration_number, business or "", count, heads,
            int(money.sales) if money else 0, int(money.costs) if money else 0,
            int(money.paid) if money else 0, latest.get(group.id)))
    return rows


@dataclasses.dataclass(frozen=True)
class WomenGroupSummary:
    """One group whole: its record, members, books and activity, and the figures of its last
    twelve months, as of ``on``."""

    on: dt.date
    group: WomenGroupRecord
    members: tuple[WomenMemberRecord, ...]
    books: BusinessBooks
    trainings: tuple[TrainingRecord, ...]
    meetings: tuple[WomenMeetingRecord, ...]
    links: tuple[MarketLinkRecord, ...]
    bazaars: tuple[BazaarRecord, ...]

    @property
    def active_members(self) -> tuple[WomenMemberRecord, ...]:
        return tuple(m for m in self.members if m.active_on(self.on))

    @property
    def female_heads(self) -> int:
        return sum(1 for m in self.active_members if m.female_head)

    @property
    def size_warning(self) -> str | None:
        return size_warning(self.group.kind, len(self.active_members))

    @property
    def members_capital(self) -> int:
        """What the present members have put into the capital."""
        return sum(m.capital_contribution for m in self.active_members)

    def _year(self):
        first, last = year_window(self.on)
        return [m.cash for m in self.books.months if first <= m.month <= last]

    @property
    def sales_12m(self) -> int:
        return sum(m.sales for m in self._year())

    @property
    def costs_12m(self) -> int:
        return sum(m.costs for m in self._year())

    @property
    def paid_out_12m(self) -> int:
        return sum(m.paid_out for m in self._year())

    @property
    def members_paid_12m(self) -> int:
        first, last = year_window(self.on)
        return len({line.member_id for m in self.books.months if first <= m.month <= last
                    for line in m.incomes})

    @property
    def members_trained(self) -> int:
        return len({a.member_id for t in self.trainings for a in t.attendees})

    @property
    def meeting_attendance(self) -> float | None:
        """Present over members, over the meetings of the last twelve months."""
        first, _ = year_window(self.on)
        recent = [m for m in self.meetings if first <= m.held_on <= self.on and m.members]
        if not recent:
            return None
        return sum(len(m.present) for m in recent) / sum(m.members for m in recent)

    @property
    def active_links(self) -> tuple[MarketLinkRecord, ...]:
        return tuple(link for link in self.links if link.active_on(self.on))

    @property
    def bazaar_sales_12m(self) -> int:
        first, _ = year_window(self.on)
        return sum(b.sales for b in self.bazaars if first <= b.starts_on <= self.on)


def women_group_summary(db: Database, actor: Actor, group_id: int,
                        on: dt.date | None = None) -> WomenGroupSummary:
    on = on or today()
    with db.reading() as session:
        group = require_women_group(actor, session.get(CommunityGroup, group_id))
        record = women_group_record(session, actor, group)
        members = tuple(read_members(session, group.id))
        return WomenGroupSummary(
            on, record, members, read_business_books(session, group),
            tuple(read_trainings(session, group.id)), tuple(read_meetings(session, group.id)),
            tuple(read_links(session, group.id)), tuple(read_bazaars(session, group.id)))


@dataclasses.dataclass(frozen=True)
class CommunityJobs:
    """Community-based jobs (اشتغال اجتماعی‌محور) from start to end: the people a women's group
    paid an income in a month of the period. A person paid by two groups is one person in
    ``people`` and is counted under each group's kind, sector and place."""

    start: dt.date
    end: dt.date
    people: int
    female_heads: int
    women: int                          # of those with a client file (gender recorded there)
    income: int                         # Rials paid in the period
    by_kind: dict[str, int]
    by_sector: dict[str, int]           # the sector of the group's business
    urban: int
    rural: int


def community_jobs(db: Database, actor: Actor, start: dt.date, end: dt.date, *,
                   county_code: str | None = None) -> CommunityJobs:
    """Members of women's groups paid an income in a month that overlaps ``start`` to ``end``."""
    with db.reading() as session:
        query = (select(GroupMember.id, GroupMember.client_id, CommunityGroup.kind,
                        CommunityGroup.urban, GroupBusiness.sector, Client.gender,
                        female_head_clause().label("female_head"), MemberIncome.amount)
                 .join(BusinessMonth, BusinessMonth.id == MemberIncome.month_id)
                 .join(GroupMember, GroupMember.id == MemberIncome.member_id)
                 .join(CommunityGroup, CommunityGroup.id == BusinessMonth.group_id)
                 .outerjoin(GroupBusiness, GroupBusiness.group_id == CommunityGroup.id)
                 .outerjoin(Client, Client.id == GroupMember.client_id)
                 .where(visible_groups(actor), BusinessMonth.month_start >= month_of(start),
                        BusinessMonth.month_start <= end))
        if county_code:
            query = query.where(CommunityGroup.county_code == county_code)
        rows = session.execute(query).all()
    person: dict[object, dict] = {}
    kinds: dict[str, set] = defaultdict(set)
    sectors: dict[str, set] = defaultdict(set)
    places: dict[bool, set] = defaultdict(set)
    income = 0
    for member_id, client_id, kind, urban, sector, gender, head, amount in rows:
        who = ("client", client_id) if client_id is not None else ("member", member_id)
        person[who] = {"head": bool(head), "female": gender == "female"}
        kinds[kind].add(who)
        if sector:
            sectors[sector].add(who)
        places[bool(urban)].add(who)
        income += int(amount)
    counts = Counter()
    for facts in person.values():
        counts["head"] += facts["head"]
        counts["female"] += facts["female"]
    return CommunityJobs(start, end, len(person), counts["head"], counts["female"], income,
                         {k: len(v) for k, v in kinds.items()},
                         {k: len(v) for k, v in sectors.items()},
                         len(places[True]), len(places[False]))
