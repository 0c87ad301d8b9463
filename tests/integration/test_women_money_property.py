"""Property: whatever months a group tries to record through the service — payouts too large,
incomes split any way, corrections — what is saved keeps the rule: every month's incomes sum
exactly to its payout, no month pays out more than its cash, and the cash at the end is the
opening cash plus every sale less every cost and every Rial paid to a member."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.clock import FixedClock, set_clock
from desktop.database import open_database
from desktop.domain.business_books import next_month
from desktop.errors import ValidationError
from desktop.models.women_groups import BusinessMonth, MemberIncome
from desktop.services.women_groups import save_business
from desktop.services.women_money import (
    MonthInput,
    business_books,
    correct_month,
    propose_incomes,
    record_month,
)
from tests.integration.conftest import make_office
from tests.integration.women_helpers import FORMED, make_women_group

MEMBERS = 4
amounts = st.integers(0, 60).map(lambda millions: millions * 1_000_000)
month_plan = st.fixed_dictionaries({
    "sales": amounts,
    "costs": amounts,
    # How much of the month's cash the group tries to pay out, in quarters (5 and 6: too much).
    "quarters": st.integers(0, 6),
    "split": st.sampled_from(("equal", "capital", "random")),
    "shares": st.lists(st.integers(0, 5), min_size=MEMBERS, max_size=MEMBERS),
    "odd": st.integers(0, 999),
    "correct": st.booleans(),
})


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.integers(0, 20_000_000), st.lists(month_plan, min_size=1, max_size=8))
def test_what_is_saved_keeps_the_rule(opening_cash, plans) -> None:
    previous = set_clock(FixedClock(dt.datetime(2024, 10, 6, 8, 30, tzinfo=dt.UTC)))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(f"sqlite:///{Path(tmp) / 'k.sqlite3'}")
            try:
                _run(db, opening_cash, plans)
            finally:
                db.dispose()
    finally:
        set_clock(previous)


def _split(office, group_id, day, total, plan, members) -> dict[int, int]:
    if plan["split"] == "random":
        weights = plan["shares"]
        if not sum(weights):
            weights = [1] * MEMBERS
        parts = {m: total * w // sum(weights) for m, w in zip(members, weights, strict=True)}
        parts[members[0]] += total - sum(parts.values())
        return parts
    return propose_incomes(office.db, office.expert, group_id, day, total,
                           by_capital=plan["split"] == "capital")


def _run(db, opening_cash: int, plans) -> None:
    office = make_office(db)
    group, members = make_women_group(office, members=MEMBERS)
    save_business(office.db, office.expert, group.id, dataclasses.replace(
        group.business.as_input(), opening_cash=opening_cash), version=group.business.version)
    day = FORMED
    for plan in plans:
        cash = business_books(db, office.expert, group.id).cash
        available = cash + plan["sales"] - plan["costs"]
        total = max(available, 0) * plan["quarters"] // 4 + plan["odd"] * (plan["quarters"] > 0)
        incomes = _split(office, group.id, day, total, plan, members)
        data = MonthInput(month=day, sales=plan["sales"], costs=plan["costs"], paid_out=total,
                          incomes=tuple(incomes.items()))
        try:
            saved = record_month(db, office.expert, group.id, data)
        except ValidationError:
            assert total > max(available, 0)       # refused only when it pays out too much
            data = dataclasses.replace(data, paid_out=0, incomes=())
            saved = record_month(db, office.expert, group.id, data)
        else:
            assert total <= max(available, 0)
        if plan["correct"]:
            # The same month said again with the payout halved, split equally.
            half = saved.cash.paid_out // 2
            again = propose_incomes(office.db, office.expert, group.id, day, half)
            correct_month(db, office.expert, saved.id, dataclasses.replace(
                data, paid_out=half, incomes=tuple(again.items())), version=saved.version)
        day = next_month(day)
    books = business_books(db, office.expert, group.id)
    for month in books.months:
        assert sum(line.amount for line in month.incomes) == month.cash.paid_out
        assert 0 <= month.cash.paid_out <= month.cash.payable
    with db.reading() as session:
        paid = session.scalar(select(func.coalesce(func.sum(MemberIncome.amount), 0)))
        months = session.scalar(select(func.count()).select_from(BusinessMonth))
    sales = sum(m.cash.sales for m in books.months)
    costs = sum(m.cash.costs for m in books.months)
    assert months == len(plans)
    assert books.cash == opening_cash + sales - costs - paid
