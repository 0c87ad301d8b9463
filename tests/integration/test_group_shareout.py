"""The share-out of a cycle, and the next cycle it opens; the demo's groups keep their books."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.ledger import EntryKind, Movement, expected_closing
from desktop.errors import ValidationError
from desktop.models.groups import GroupCycle
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.services.group_ledger import read_books
from desktop.services.group_meetings import NewLoan
from desktop.services.group_overview import group_overview, list_groups
from desktop.services.group_shareout import preview_shareout, share_out_cycle
from desktop.services.groups import CycleRules, get_group
from tests.integration.conftest import Office
from tests.integration.group_helpers import FORMED, make_group, meeting

D1 = FORMED + dt.timedelta(days=14)
D2 = D1 + dt.timedelta(days=14)
END = dt.date(2024, 9, 1)
NEXT = CycleRules(starts_on=END + dt.timedelta(days=1), ends_on=dt.date(2025, 9, 1),
                  share_price=600_000, service_charge_bp=150)


def test_share_out_pays_the_loan_fund_by_shares_to_the_rial(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, shares=2, absent=(members[0],))
    meeting(office, group, members, D2, shares=1)
    preview = preview_shareout(office.db, office.expert, group.id, on=END)
    assert preview.total_shares == 15 * 2 + 16
    assert preview.distributable == 46 * 500_000
    assert sum(line.payout for line in preview.lines) == preview.distributable
    assert preview.return_on_savings == 0           # no loans: a share is worth its price
    done = share_out_cycle(office.db, office.expert, group.id, on=END,
                           cycle_version=preview.cycle_version, next_cycle=NEXT)
    assert done.distributable == preview.distributable
    after = get_group(office.db, office.expert, group.id)
    assert [c.status for c in after.cycles] == ["shared_out", "open"]
    assert after.cycle.opening_social_fund == 16 * 50_000 + 15 * 50_000
    assert after.cycle.opening_loan_fund == 0 and after.cycle.share_price == 600_000
    with pytest.raises(ValidationError):          # no meeting in a shared-out cycle
        preview_shareout(office.db, office.expert, group.id, on=END) and None
        share_out_cycle(office.db, office.expert, group.id, on=END,
                        cycle_version=preview.cycle_version, next_cycle=NEXT)


def test_service_charges_raise_the_value_of_a_share(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, shares=5)
    borrower = members[2]
    meeting(office, group, members, D2, extra=dict(loans=(NewLoan(borrower, 4_000_000, 1),)))
    from desktop.services.group_meetings import MemberLine

    repay = MemberLine(borrower, True, shares=0, social=50_000, repayment=4_000_000,
                       service_charge=80_000)
    meeting(office, group, members, D2 + dt.timedelta(days=30), shares=0,
            **{f"m{borrower}": repay})
    preview = preview_shareout(office.db, office.expert, group.id, on=END)
    assert preview.distributable == 16 * 5 * 500_000 + 16 * 2 * 500_000 + 80_000
    assert preview.return_on_savings > 0
    assert sum(line.payout for line in preview.lines) == preview.distributable
    assert all(line.payout >= line.savings for line in preview.lines)


def test_loans_still_owed_need_a_write_off_reason(office: Office) -> None:
    group, members = make_group(office)
    meeting(office, group, members, D1, shares=5)
    meeting(office, group, members, D2, extra=dict(loans=(NewLoan(members[1], 3_000_000, 3),)))
    preview = preview_shareout(office.db, office.expert, group.id, on=END)
    assert [loan.outstanding for loan in preview.open_loans] == [3_000_000]
    with pytest.raises(ValidationError) as refused:
        share_out_cycle(office.db, office.expert, group.id, on=END,
                        cycle_version=preview.cycle_version, next_cycle=NEXT)
    assert "write_off_reason" in refused.value.errors
    done = share_out_cycle(office.db, office.expert, group.id, on=END,
                           cycle_version=preview.cycle_version, next_cycle=NEXT,
                           write_off_reason="مهاجرت عضو؛ تصویب مجمع")
    # The written-off loan is a loss shared by all: the cash is less than the savings.
    assert done.distributable == 16 * 5 * 500_000 + 16 * 2 * 500_000 - 3_000_000
    assert sum(line.payout for line in done.lines) == done.distributable


def test_the_demo_office_keeps_balanced_books(db, fixed_clock) -> None:
    make_demo_office(db, clients=400, groups=4)
    admin = sign_in(db, "admin", DEMO_PASSWORD)
    rows = list_groups(db, admin)
    assert len(rows) == 4 and {r.grade for r in rows} <= {"A", "B", "C"}
    with db.reading() as session:
        cycles = session.scalars(select(GroupCycle)).all()
        for cycle in cycles:
            books = read_books(session, cycle.id, dt.date(2100, 1, 1))
            previous = None
            for m in books.meetings:
                moves = [Movement(EntryKind(e.kind), e.amount) for e in books.entries.get(m.id, ())]
                assert expected_closing(m.opening, moves) == m.closing
                assert previous is None or previous == m.opening
                previous = m.closing
            if cycle.status == "shared_out":
                paid = sum(e.amount for es in books.entries.values() for e in es
                           if e.kind == EntryKind.SHARE_OUT)
                assert paid == cycle.distributable and books.cash.loan == 0
    overview = group_overview(db, admin, rows[0].id)
    assert overview.grading.score == rows[0].score
    assert len(overview.grading.criteria) == 5


def test_demo_groups_added_later_go_on_from_the_groups_there(db, fixed_clock) -> None:
    from desktop.services.demo import add_demo_groups
    from desktop.services.group_members import group_members

    make_demo_office(db, clients=100, groups=1, cases=False)
    add_demo_groups(db, 2)
    admin = sign_in(db, "admin", DEMO_PASSWORD)
    rows = list_groups(db, admin)
    assert [r.code for r in rows] == ["MF-0707-0001", "MF-0707-0002", "MF-0707-0003"]
    assert all(group_overview(db, admin, r.id).books.meetings for r in rows)
    # A client is a member of one demo group only.
    clients = [m.client_id for r in rows for m in group_members(db, admin, r.id) if m.client_id]
    assert clients and len(clients) == len(set(clients))
