"""Property: whatever meetings a group records through the service, no Rial appears or
vanishes — each fund holds its opening plus what came in less what went out — and the
share-out pays exactly the loan fund's cash, no payout negative."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.clock import FixedClock, set_clock
from desktop.database import open_database
from desktop.errors import ValidationError
from desktop.services.group_meetings import GroupLine, MemberLine, NewLoan
from desktop.services.group_overview import group_overview
from desktop.services.group_shareout import preview_shareout, share_out_cycle
from desktop.services.groups import CycleRules
from tests.integration.conftest import make_office
from tests.integration.group_helpers import FORMED, make_group, meeting

MEMBERS = 15
line = st.tuples(st.booleans(), st.integers(0, 5), st.sampled_from((0, 50_000)),
                 st.sampled_from((0, 0, 20_000)), st.integers(0, 3))
meeting_plan = st.tuples(
    st.lists(line, min_size=MEMBERS, max_size=MEMBERS),
    st.lists(st.tuples(st.integers(0, MEMBERS - 1), st.integers(1, 8), st.integers(1, 6)),
             max_size=2),
    st.sampled_from((0, 0, 100_000, 300_000)))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(meeting_plan, min_size=1, max_size=6))
def test_money_is_conserved_across_random_meetings(plans) -> None:
    previous = set_clock(FixedClock(dt.datetime(2024, 10, 6, 8, 30, tzinfo=dt.UTC)))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(f"sqlite:///{Path(tmp) / 'k.sqlite3'}")
            try:
                _run(db, plans)
            finally:
                db.dispose()
    finally:
        set_clock(previous)


def _run(db, plans) -> None:
    office = make_office(db)
    group, members = make_group(office, members=MEMBERS)
    came_in = went_out = social = 0
    day = FORMED
    for lines, loans, expense in plans:
        day += dt.timedelta(days=14)
        books = group_overview(db, office.expert, group.id, on=day).books
        member_lines = {}
        for mid, (present, shares, contribution, fine, quarters) in zip(members, lines,
                                                                         strict=True):
            owed = books.outstanding_of(mid)
            repay = owed * quarters // 4 if present else 0
            member_lines[f"m{mid}"] = MemberLine(mid, present, shares=shares,
                                                 social=contribution, fine=fine,
                                                 repayment=repay)
        new_loans = tuple(NewLoan(members[i], millions * 100_000, months,
                                  override_reason="آزمون")
                          for i, millions, months in loans)
        extra = dict(loans=new_loans,
                     group_lines=(GroupLine("expense", expense),) if expense else ())
        try:
            meeting(office, group, members, day, extra=extra, **member_lines)
        except ValidationError:
            continue        # e.g. lending more than the fund holds: nothing was written
        for m in member_lines.values():
            came_in += m.shares * 500_000 + m.fine + m.repayment
            social += m.social
        went_out += sum(loan.principal for loan in new_loans) + expense
    cash = group_overview(db, office.expert, group.id, on=day).books.cash
    assert cash.loan == came_in - went_out
    assert cash.social == social
    end = day + dt.timedelta(days=1)
    preview = preview_shareout(db, office.expert, group.id, on=end)
    assert preview.distributable == cash.loan
    assert sum(p.payout for p in preview.lines) == (cash.loan if preview.lines else 0)
    assert all(p.payout >= 0 for p in preview.lines)
    if preview.total_shares:
        share_out_cycle(db, office.expert, group.id, on=end,
                        cycle_version=preview.cycle_version, write_off_reason="آزمون",
                        next_cycle=CycleRules(end, end + dt.timedelta(days=300), 500_000, 200))
        after = group_overview(db, office.expert, group.id, on=end)
        assert after.books.cash.social == social and after.books.cash.loan == 0
