"""A women's group with members taken from clients, for the service tests (the fixed clock's
day is 15 Mehr 1403)."""

from __future__ import annotations

import datetime as dt

from desktop.fa.jalali import jalali_to_gregorian
from desktop.services.women_groups import BusinessInput, WomenGroupInput, create_women_group
from desktop.services.women_members import WomenMemberInput, add_women_member
from desktop.services.women_money import MonthInput, record_month
from tests.integration.conftest import Office

FORMED = jalali_to_gregorian(1402, 7, 1)           # 1 Mehr 1402, a year before the clock
NAMES = ["فاطمه", "زهرا", "مریم", "معصومه", "سکینه", "رقیه", "طاهره", "کبری", "صغری"]
FAMILIES = ["کشاورز", "دهقان", "قشقایی", "زارع", "جعفری", "بهرامی", "کریمی", "امینی", "صادقی"]
BUSINESS = BusinessInput(title="تولید و فروش رب انار", kind="product", sector="agriculture")


def month(year: int, number: int) -> dt.date:
    """The first day of a Jalali month."""
    return jalali_to_gregorian(year, number, 1)


def group_input(kind: str = "mutual_help", **changes) -> WomenGroupInput:
    values: dict = dict(kind=kind, name="گروه همیار بانوان دشتک", county_code="0707",
                        formed_on=FORMED, locality="دشتک")
    if kind != "mutual_help":
        values.update(name="تعاونی زنان کارآفرین دشتک", registration_number="۱۲۳۴",
                      registered_on=FORMED + dt.timedelta(days=40), capital=500_000_000)
    values.update(changes)
    return WomenGroupInput(**values)


def make_women_group(office: Office, kind: str = "mutual_help", members: int = 4, *,
                     business: bool = True, facilitator=None, **changes):
    """The group (its facilitator ``facilitator`` or the office's first) and the ids of
    ``members`` members, each a client who is a female head of household; the first is its
    chair."""
    facilitator = facilitator or office.facilitator
    group = create_women_group(office.db, office.expert,
                               group_input(kind, facilitator_id=facilitator.user_id, **changes),
                               BUSINESS if business else None)
    ids = []
    for i in range(members):
        client = office.client(first_name=NAMES[i % len(NAMES)],
                               last_name=FAMILIES[i % len(FAMILIES)])
        member = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
            joined_on=FORMED, client_id=client.id, role="chair" if i == 0 else "member",
            capital_contribution=10_000_000 * (i + 1)))
        ids.append(member.id)
    return group, ids


def record(office: Office, group_id: int, first_day: dt.date, sales: int, costs: int,
           incomes: dict[int, int], actor=None, notes: str = ""):
    """Records a month paying ``incomes`` (member id → Rials)."""
    return record_month(office.db, actor or office.expert, group_id, MonthInput(
        month=first_day, sales=sales, costs=costs, paid_out=sum(incomes.values()),
        incomes=tuple(incomes.items()), notes=notes))
