"""Demo women's groups: mutual-help groups of women heads of household, client cooperatives and
women entrepreneurs' cooperatives, each with more than a year of history — members (most of
them the office's women clients; in a client cooperative some men and others, marked), a
cooperative's registration, its business's months of sales and costs with income paid to the
members by the rule, trainings with attendance, monthly minuted meetings with decisions, market
links and bazaars.

The months are run with the domain's rule (desktop/domain/business_books.py), so no month pays
out more than it has and every month's incomes sum to its payout. Rows are collected with local
ids and given real ones at the end, then written in bulk, as demo_groups.py does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from desktop.domain.business_books import month_of, months_back, next_month, split_income
from desktop.domain.groups import GroupKind
from desktop.fa.jalali import gregorian_to_jalali, jalali_to_gregorian
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.women_groups import (
    BazaarAttendance,
    BusinessMonth,
    GroupBusiness,
    GroupTraining,
    MarketLink,
    MeetingDecision,
    MemberIncome,
    TrainingAttendance,
    WomenMeeting,
    WomenMeetingAttendance,
)
from desktop.services.demo_groups import FIRST, LAST, VILLAGES, DemoMember, GroupRows
from desktop.services.demo_women_texts import (
    BAZAAR_PLACES,
    BAZAARS,
    BUSINESSES,
    CITY_PLACES,
    DECISIONS,
    MINUTES,
    PARTNERS,
    TRAININGS,
    DemoBusiness,
)

_MODELS = (CommunityGroup, GroupMember, GroupBusiness, BusinessMonth, MemberIncome,
           GroupTraining, TrainingAttendance, WomenMeeting, WomenMeetingAttendance,
           MeetingDecision, MarketLink, BazaarAttendance)
# Foreign keys of each table: column → the table its local id points into.
_LINKS = {
    GroupMember: {"group_id": CommunityGroup},
    GroupBusiness: {"group_id": CommunityGroup},
    BusinessMonth: {"group_id": CommunityGroup},
    MemberIncome: {"month_id": BusinessMonth, "member_id": GroupMember},
    GroupTraining: {"group_id": CommunityGroup},
    TrainingAttendance: {"training_id": GroupTraining, "member_id": GroupMember},
    WomenMeeting: {"group_id": CommunityGroup},
    WomenMeetingAttendance: {"meeting_id": WomenMeeting, "member_id": GroupMember},
    MeetingDecision: {"meeting_id": WomenMeeting, "responsible_id": GroupMember},
    MarketLink: {"group_id": CommunityGroup},
    BazaarAttendance: {"group_id": CommunityGroup},
}
# Which kind each next group is: mutual-help groups are the most common.
KIND_ORDER = (GroupKind.MUTUAL_HELP, GroupKind.CLIENT_COOPERATIVE, GroupKind.WOMEN_COOPERATIVE,
              GroupKind.MUTUAL_HELP, GroupKind.MUTUAL_HELP, GroupKind.CLIENT_COOPERATIVE,
              GroupKind.WOMEN_COOPERATIVE, GroupKind.MUTUAL_HELP, GroupKind.MUTUAL_HELP)
MILLION = 1_000_000


@dataclasses.dataclass(frozen=True)
class _Member:
    id: int
    joined: dt.date
    left: dt.date | None
    capital: int

    def active_on(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or self.left > day)

    def in_month(self, month: dt.date) -> bool:
        return self.joined < next_month(month) and (self.left is None or self.left > month)


class WomenGroupMaker:
    def __init__(self, rng: random.Random, today: dt.date, county_code: str,
                 facilitators: list[int], women: list[DemoMember],
                 others: list[DemoMember]) -> None:
        self.rng, self.today, self.county = rng, today, county_code
        self.facilitators = facilitators
        self.women, self.others = list(women), list(others)
        rng.shuffle(self.women)
        rng.shuffle(self.others)
        self.rows = GroupRows(models=_MODELS, links=_LINKS)
        self.numbers = {"MH": 0, "CO": 0}

    def make(self, count: int) -> GroupRows:
        for index in range(count):
            self._group(index, KIND_ORDER[index % len(KIND_ORDER)])
        return self.rows

    def _person(self, kind: GroupKind) -> DemoMember:
        roll = self.rng.random()
        if kind == GroupKind.CLIENT_COOPERATIVE and self.others and roll < 0.3:
            return self.others.pop()
        if self.women and roll < 0.92:
            return self.women.pop()
        return DemoMember(None, self.rng.choice(FIRST), self.rng.choice(LAST), "", "")

    def _group(self, index: int, kind: GroupKind) -> None:
        rng, rows = self.rng, self.rows
        prefix = kind.code_prefix
        self.numbers[prefix] += 1
        business = BUSINESSES[index % len(BUSINESSES)]
        formed = self.today - dt.timedelta(days=rng.randint(430, 900))
        urban = kind != GroupKind.MUTUAL_HELP and rng.random() < 0.7
        place = rng.choice(CITY_PLACES) if urban else VILLAGES[(index * 7) % len(VILLAGES)]
        size = rng.randint(8, 14) if kind == GroupKind.MUTUAL_HELP else rng.randint(9, 18)
        per_member = rng.choice((0, 2, 5, 10)) if kind == GroupKind.MUTUAL_HELP \
            else rng.choice((10, 20, 30, 50))
        registered = None
        if kind.is_cooperative:
            registered = formed + dt.timedelta(days=rng.randint(30, 90))
        name = {GroupKind.MUTUAL_HELP: f"گروه همیار بانوان {place}",
                GroupKind.CLIENT_COOPERATIVE: f"تعاونی مددجویی {place}",
                GroupKind.WOMEN_COOPERATIVE: f"تعاونی زنان کارآفرین {place}"}[kind]
        group = rows.add(
            CommunityGroup, code=f"{prefix}-{self.county}-{self.numbers[prefix]:04d}",
            kind=kind.value, name=name, county_code=self.county, locality=place, urban=urban,
            facilitator_id=rng.choice(self.facilitators), formed_on=formed,
            meeting_frequency="monthly", status="active", bank_name="", bank_branch="",
            bank_sheba="", notes="",
            registration_number=str(rng.randint(1000, 99999)) if registered else "",
            registered_on=registered,
            capital=size * per_member * MILLION if registered else None)
        members = self._members(group, kind, size, formed, per_member)
        opening = rng.choice((0, 5, 10, 20)) * MILLION
        rows.add(GroupBusiness, group_id=group, title=business.title, kind=business.kind,
                 sector=business.sector, description="", started_on=formed,
                 opening_cash=opening)
        months = self._months(group, business, members, formed, opening)
        self._trainings(group, members, formed)
        self._meetings(group, members, formed)
        self._links(group, business, formed)
        self._bazaars(group, months, formed)

    def _members(self, group: int, kind: GroupKind, size: int, formed: dt.date,
                 per_member: int) -> list[_Member]:
        rng, rows = self.rng, self.rows
        if kind == GroupKind.MUTUAL_HELP:
            offices = ["chair", "treasurer", "secretary"]
        else:
            offices = ["chair", "vice_chair", "secretary", "director", "board_member",
                       "inspector"]
        members = []
        for i in range(size):
            person = self._person(kind)
            joined = formed if i < size - 2 else formed + dt.timedelta(days=rng.randint(30, 300))
            left = None
            if i >= len(offices) and rng.random() < 0.08:
                left = joined + dt.timedelta(days=rng.randint(90, 360))
                if left >= self.today:
                    left = None
            capital = per_member * MILLION * rng.choice((1, 1, 1, 2)) if per_member else 0
            member = rows.add(
                GroupMember, group_id=group, client_id=person.client_id,
                first_name=person.first_name, last_name=person.last_name,
                national_code=person.national_code, mobile=person.mobile or "",
                role=offices[i] if i < len(offices) else "member", joined_on=joined,
                left_on=left, capital_contribution=capital)
            members.append(_Member(member, joined, left, capital))
        return members

    def _months(self, group: int, business: DemoBusiness, members: list[_Member],
                formed: dt.date, opening: int) -> dict[dt.date, int]:
        """Every month from the one after forming to the last finished one; returns each
        month's sales."""
        rng, rows = self.rng, self.rows
        pay_share = rng.uniform(0.55, 0.9)
        by_capital = rng.random() < 0.4 and any(m.capital for m in members)
        carried, sales_of = opening, {}
        month = next_month(formed)
        last = months_back(self.today, 1)
        growth = 0.7
        while month <= last:
            active = [m for m in members if m.in_month(month)]
            season = {12: 1.7, 1: 1.3, 11: 1.2, 4: 0.85, 5: 0.8}.get(
                gregorian_to_jalali(month).month, 1.0)
            growth = min(growth + 0.03, 1.15)
            sales = int(business.monthly_sales * len(active) * season * growth
                        * rng.uniform(0.7, 1.3)) // 10_000 * 10_000
            if rng.random() < 0.05:
                sales //= 4         # a bad month: an order cancelled, a machine broken
            costs = int(sales * business.cost_share * rng.uniform(0.85, 1.25)) // 10_000 \
                * 10_000 + rng.choice((0, 1, 2)) * MILLION
            available = carried + sales - costs
            paid = max(int(available * pay_share), 0) // 100_000 * 100_000
            month_id = rows.add(BusinessMonth, group_id=group, month_start=month, sales=sales,
                                costs=costs, paid_out=paid, notes="")
            if paid:
                weights = [(m.id, m.capital if by_capital else 1) for m in active]
                if not sum(w for _, w in weights):
                    weights = [(m.id, 1) for m in active]
                for member_id, amount in split_income(paid, weights).items():
                    if amount:
                        rows.add(MemberIncome, month_id=month_id, member_id=member_id,
                                 amount=amount)
            carried = available - paid
            sales_of[month] = sales
            month = next_month(month)
        return sales_of

    def _trainings(self, group: int, members: list[_Member], formed: dt.date) -> None:
        rng, rows = self.rng, self.rows
        for title, kind, hours, provider in rng.sample(TRAININGS, rng.randint(2, 4)):
            start = formed + dt.timedelta(days=rng.randint(20, (self.today - formed).days - 20))
            end = start + dt.timedelta(days=max(hours // 8 - 1, 0))
            if end > self.today:
                end = start
            training = rows.add(GroupTraining, group_id=group, title=title, kind=kind,
                                provider=provider, starts_on=start, ends_on=end, hours=hours,
                                notes="")
            for m in members:
                if m.active_on(start) and rng.random() < 0.8:
                    rows.add(TrainingAttendance, training_id=training, member_id=m.id,
                             certified=kind == "skill" and rng.random() < 0.75)

    def _meetings(self, group: int, members: list[_Member], formed: dt.date) -> None:
        rng, rows = self.rng, self.rows
        day = formed + dt.timedelta(days=rng.randint(3, 10))
        attendance = rng.uniform(0.7, 0.95)
        while day <= self.today:
            meeting = rows.add(WomenMeeting, group_id=group, held_on=day,
                               minutes=" ".join(rng.sample(MINUTES, 2)))
            present = [m for m in members if m.active_on(day) and rng.random() < attendance]
            for m in present:
                rows.add(WomenMeetingAttendance, meeting_id=meeting, member_id=m.id)
            for number, text in enumerate(rng.sample(DECISIONS, rng.randint(0, 3)), start=1):
                rows.add(MeetingDecision, meeting_id=meeting, number=number, text=text,
                         responsible_id=rng.choice(present).id if present else None,
                         due_on=day + dt.timedelta(days=rng.randint(15, 45)))
            day += dt.timedelta(days=rng.randint(26, 35))

    def _links(self, group: int, business: DemoBusiness, formed: dt.date) -> None:
        rng, rows = self.rng, self.rows
        for kind, partner, address in rng.sample(PARTNERS, rng.randint(1, 3)):
            start = formed + dt.timedelta(days=rng.randint(60, 360))
            if start > self.today:
                continue
            ended = kind != "digital" and rng.random() < 0.3
            end = min(start + dt.timedelta(days=rng.randint(90, 300)), self.today) \
                if ended else None
            contract = kind in ("outsourcing", "firm", "supply_chain")
            rows.add(MarketLink, group_id=group, kind=kind, partner=partner, starts_on=start,
                     ends_on=end,
                     contract_number=f"{rng.randint(100, 999)}/{rng.randint(10, 99)}"
                     if contract else "",
                     contract_value=rng.randint(5, 60) * 10 * MILLION if contract else None,
                     shop_url=f"{address}{business.slug}-{self.county}-{group + 1}"
                     if address else "", notes="")

    def _bazaars(self, group: int, months: dict[dt.date, int], formed: dt.date) -> None:
        rng, rows = self.rng, self.rows
        year = gregorian_to_jalali(self.today).year
        for name, jalali_month, days in BAZAARS:
            if rng.random() < 0.35:
                continue
            for jalali_year in (year - 1, year):
                start = jalali_to_gregorian(jalali_year, jalali_month, rng.randint(1, 15))
                sales = months.get(month_of(start))
                if start < formed or sales is None:
                    continue
                # A bazaar's sales are part of its month's sales.
                rows.add(BazaarAttendance, group_id=group, name=name,
                         place=rng.choice(BAZAAR_PLACES), starts_on=start,
                         ends_on=start + dt.timedelta(days=days - 1),
                         sales=int(sales * rng.uniform(0.15, 0.4)) // 10_000 * 10_000,
                         notes="")
