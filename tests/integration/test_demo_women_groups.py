"""The demo's women's groups: every kind, more than a year of history, and every rule the
services enforce kept — checked through the services that read them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.actor import SYSTEM
from desktop.domain.business_books import months_back
from desktop.domain.women_groups import MIN_COOPERATIVE_MEMBERS
from desktop.fa.web_address import normalize_web_address
from desktop.services.demo import make_demo_office
from desktop.services.integrity import run_checks
from desktop.services.women_money import correct_month
from desktop.services.women_overview import community_jobs, list_women_groups, women_group_summary

TODAY = dt.date(2024, 10, 6)


def test_demo_groups_of_every_kind_keep_the_rules(db, fixed_clock) -> None:
    made = make_demo_office(db, clients=1000, groups=0, cases=False)
    assert made.women_groups == 9
    rows = list_women_groups(db, SYSTEM)
    assert Counter(r.kind for r in rows) == {"mutual_help": 5, "client_cooperative": 2,
                                             "women_cooperative": 2}
    assert [r.code for r in rows][:2] == ["CO-0707-0001", "CO-0707-0002"]
    assert all(r.sales_12m > r.paid_out_12m > 0 and r.last_month == months_back(TODAY, 1)
               for r in rows)
    marked = 0
    for row in rows:
        summary = women_group_summary(db, SYSTEM, row.id)
        group, formed = summary.group, summary.group.formed_on
        members = {m.id: m for m in summary.members}
        marked += sum(m.marked for m in summary.members)
        assert group.business is not None and len(summary.books.months) >= 13
        if group.is_cooperative:
            assert group.registered_on > formed and group.capital > 0
            assert len(summary.active_members) >= MIN_COOPERATIVE_MEMBERS
        for month in summary.books.months:
            assert 0 <= month.cash.paid_out <= month.cash.payable
            assert sum(line.amount for line in month.incomes) == month.cash.paid_out
            for line in month.incomes:
                member = members[line.member_id]
                assert member.joined_on < month.month + dt.timedelta(days=31)
                assert member.left_on is None or member.left_on > month.month
        for training in summary.trainings:
            assert formed <= training.starts_on <= training.ends_on <= TODAY
            assert all(members[a.member_id].active_on(training.starts_on)
                       for a in training.attendees)
        assert summary.meetings and all(formed <= m.held_on <= TODAY for m in summary.meetings)
        for meeting in summary.meetings:
            assert all(members[i].active_on(meeting.held_on) for i in meeting.present)
            assert all(d.responsible_id in meeting.present for d in meeting.decisions
                       if d.responsible_id)
        for link in summary.links:
            assert link.starts_on >= formed
            if link.kind == "digital":
                assert normalize_web_address(link.shop_url) == link.shop_url
        sales = {m.month: m.cash.sales for m in summary.books.months}
        for bazaar in summary.bazaars:
            month = max(m for m in sales if m <= bazaar.starts_on)
            assert bazaar.sales <= sales[month] and bazaar.starts_on >= formed
    assert marked > 0
    failed = [(r.name, r.detail) for r in run_checks(db) if not r.ok]
    assert failed == []
    jobs = community_jobs(db, SYSTEM, months_back(TODAY, 11), TODAY)
    assert jobs.people > 60 and jobs.female_heads > jobs.people / 2
    assert set(jobs.by_kind) == {"mutual_help", "client_cooperative", "women_cooperative"}
    # A demo month is a month the service would have taken: said again, it is saved.
    latest = women_group_summary(db, SYSTEM, rows[0].id).books.months[-1]
    assert correct_month(db, SYSTEM, latest.id, latest.as_input(),
                         version=latest.version).cash == latest.cash
