"""The list of women's groups, one group's summary, and the community-based jobs they give."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.business_books import next_month
from desktop.services.group_overview import list_groups
from desktop.services.women_activity import (
    TrainingInput,
    WomenMeetingInput,
    add_training,
    record_women_meeting,
)
from desktop.services.women_groups import BusinessInput, save_business
from desktop.services.women_market import (
    BazaarInput,
    MarketLinkInput,
    add_bazaar,
    add_market_link,
)
from desktop.services.women_members import WomenMemberInput, add_women_member, women_members
from desktop.services.women_overview import (
    community_jobs,
    list_women_groups,
    women_group_summary,
)
from tests.integration.conftest import Office
from tests.integration.women_helpers import FORMED, make_women_group, month, record

MEHR_02, MEHR_03 = month(1402, 7), month(1403, 7)


def _books(office: Office, group_id: int, members: list[int], *, sales: int = 20_000_000,
           costs: int = 8_000_000, pay: int = 2_000_000) -> None:
    """Mehr 1402 to Mehr 1403: thirteen months, each paying every member ``pay`` (Mehr 1402
    falls outside the last twelve months of the fixed clock's day)."""
    day = MEHR_02
    while day <= MEHR_03:
        record(office, group_id, day, sales, costs, dict.fromkeys(members, pay))
        day = next_month(day)


def test_the_list_shows_members_and_the_last_twelve_months(office: Office) -> None:
    helpers, members = make_women_group(office, members=3)
    _books(office, helpers.id, members)
    outsider = add_women_member(office.db, office.expert, helpers.id, WomenMemberInput(
        joined_on=FORMED, first_name="پروین", last_name="نوروزی"))
    coop, _ = make_women_group(office, "women_cooperative", members=2, business=False)
    rows = list_women_groups(office.db, office.expert)
    assert [r.code for r in rows] == [coop.code, helpers.code]
    row = rows[1]
    assert (row.members, row.female_heads) == (4, 3) and outsider.marked
    assert (row.sales_12m, row.costs_12m, row.paid_out_12m) == (
        12 * 20_000_000, 12 * 8_000_000, 12 * 3 * 2_000_000)
    assert row.last_month == MEHR_03 and row.business_title == "تولید و فروش رب انار"
    assert (rows[0].sales_12m, rows[0].last_month, rows[0].registration_number) == (
        0, None, "1234")
    assert [r.code for r in list_women_groups(office.db, office.expert,
                                              kinds=("women_cooperative",))] == [coop.code]
    assert [r.code for r in list_women_groups(office.db, office.expert, text="رب انار")] == [
        helpers.code]
    assert list_women_groups(office.db, office.other_facilitator) == []
    assert list_groups(office.db, office.expert, kind="mutual_help")[0].paid_out_12m \
        == row.paid_out_12m
    with pytest.raises(ValueError):
        list_women_groups(office.db, office.expert, kinds=("microfinance",))


def test_a_groups_summary(office: Office) -> None:
    group, members = make_women_group(office, "client_cooperative", members=4)
    _books(office, group.id, members[:2], pay=3_000_000)
    day = dt.date(2024, 5, 1)
    add_training(office.db, office.expert, group.id, TrainingInput(
        title="بازاریابی برخط", kind="marketing", starts_on=day, hours=12,
        attendees=tuple(members[:3]), certified=(members[0],)))
    for offset, present in ((0, members), (30, members[:2])):
        record_women_meeting(office.db, office.expert, group.id, WomenMeetingInput(
            held_on=day + dt.timedelta(days=offset),
            minutes="گزارش فروش و برنامه ماه آینده بررسی شد.", present=tuple(present)))
    add_market_link(office.db, office.expert, group.id, MarketLinkInput(
        kind="supply_chain", partner="فروشگاه‌های زنجیره‌ای افق کوروش", starts_on=day))
    add_market_link(office.db, office.expert, group.id, MarketLinkInput(
        kind="firm", partner="شرکت کشت و صنعت", starts_on=FORMED, ends_on=day))
    add_bazaar(office.db, office.expert, group.id, BazaarInput(
        name="بازارچه نوروزی", starts_on=dt.date(2024, 3, 10), sales=15_000_000))
    add_bazaar(office.db, office.expert, group.id, BazaarInput(
        name="بازارچه پاییزه", starts_on=dt.date(2023, 10, 10), sales=9_000_000))
    summary = women_group_summary(office.db, office.viewer, group.id)
    assert len(summary.active_members) == 4 and summary.female_heads == 4
    assert summary.size_warning is not None          # a cooperative of four
    assert summary.members_capital == 100_000_000    # 10 + 20 + 30 + 40 million
    assert summary.sales_12m == 240_000_000 and summary.paid_out_12m == 12 * 6_000_000
    assert summary.members_paid_12m == 2 and summary.members_trained == 3
    assert summary.meeting_attendance == pytest.approx(6 / 8)
    assert [link.kind for link in summary.active_links] == ["supply_chain"]
    assert summary.bazaar_sales_12m == 15_000_000
    assert summary.books.cash == 13 * (20_000_000 - 8_000_000 - 6_000_000)


def test_community_jobs_count_the_people_paid_in_the_period(office: Office) -> None:
    helpers, members = make_women_group(office, members=3)
    coop, coop_members = make_women_group(office, "women_cooperative", members=2,
                                          business=False, urban=True)
    save_business(office.db, office.expert, coop.id, BusinessInput(
        title="آرایشگاه زنانه", kind="service", sector="services"))
    # The chair of the mutual-help group is in the cooperative as well.
    chair = next(m for m in women_members(office.db, office.expert, helpers.id)
                 if m.id == members[0])
    shared = add_women_member(office.db, office.expert, coop.id, WomenMemberInput(
        joined_on=FORMED, client_id=chair.client_id, role="board_member"))
    man = office.client(gender="male", target_groups=frozenset({"recovered_addict"}))
    him = add_women_member(office.db, office.expert, coop.id, WomenMemberInput(
        joined_on=FORMED, client_id=man.id, role="inspector"))
    record(office, helpers.id, MEHR_02, 10_000_000, 0, {members[0]: 1_000_000,
                                                        members[1]: 1_000_000})
    record(office, helpers.id, next_month(MEHR_02), 10_000_000, 0, {members[2]: 500_000})
    record(office, coop.id, MEHR_02, 10_000_000, 0, {shared.id: 2_000_000, him.id: 700_000,
                                                     coop_members[0]: 300_000})
    autumn = community_jobs(office.db, office.expert, MEHR_02 + dt.timedelta(days=10),
                            next_month(MEHR_02) + dt.timedelta(days=3))
    assert autumn.people == 5                      # the chair counted once
    assert (autumn.female_heads, autumn.women) == (4, 4)
    assert autumn.income == 5_500_000
    assert autumn.by_kind == {"mutual_help": 3, "women_cooperative": 3}
    assert autumn.by_sector == {"agriculture": 3, "services": 3}
    assert (autumn.urban, autumn.rural) == (3, 3)
    mehr_only = community_jobs(office.db, office.expert, MEHR_02, MEHR_02)
    assert mehr_only.people == 4 and mehr_only.income == 5_000_000
    assert community_jobs(office.db, office.other_facilitator, MEHR_02, MEHR_03).people == 0
