"""The business's months: payouts within the month's cash, incomes summing to the payout, months
in order, corrections re-running the months after, taking back the latest."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services.women_groups import save_business
from desktop.services.women_members import WomenMemberInput, add_women_member
from desktop.services.women_money import (
    MonthInput,
    business_books,
    correct_month,
    delete_last_month,
    propose_incomes,
    record_month,
)
from tests.integration.conftest import Office
from tests.integration.women_helpers import make_women_group, month, record

MEHR, ABAN, AZAR, DEY = (month(1402, m) for m in (7, 8, 9, 10))


def test_a_month_pays_out_what_it_left_and_carries_the_rest(office: Office) -> None:
    group, (a, b, c, d) = make_women_group(office)
    saved = record(office, group.id, MEHR + dt.timedelta(days=12), 50_000_000, 20_000_000,
                   {a: 10_000_000, b: 10_000_000, c: 5_000_000}, notes="فروش در بازارچه")
    assert saved.month == MEHR and saved.label == "مهر ۱۴۰۲"
    assert (saved.cash.opening, saved.cash.available, saved.cash.closing) == (
        0, 30_000_000, 5_000_000)
    assert sum(line.amount for line in saved.incomes) == saved.cash.paid_out == 25_000_000
    # The month after may pay out the 5,000,000 carried as well as its own profit.
    aban = record(office, group.id, ABAN, 10_000_000, 4_000_000, {d: 11_000_000})
    assert (aban.cash.opening, aban.cash.payable, aban.cash.closing) == (
        5_000_000, 11_000_000, 0)
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, AZAR, 10_000_000, 4_000_000, {a: 6_000_001})
    assert "۶٬۰۰۰٬۰۰۰" in refused.value.errors["paid_out"]
    books = business_books(office.db, office.expert, group.id)
    assert [m.month for m in books.months] == [MEHR, ABAN] and books.cash == 0


def test_incomes_must_sum_to_the_payout_to_the_rial(office: Office) -> None:
    group, (a, b, *_) = make_women_group(office)
    with pytest.raises(ValidationError) as refused:
        record_month(office.db, office.expert, group.id, MonthInput(
            month=MEHR, sales=40_000_000, costs=0, paid_out=20_000_000,
            incomes=((a, 10_000_000), (b, 9_999_999))))
    assert "incomes" in refused.value.errors
    assert "۱۹٬۹۹۹٬۹۹۹" in refused.value.errors["incomes"]
    for incomes, key in ((((a, 1), (a, 1)), f"income.{a}"), (((a, -2),), f"income.{a}"),
                         (((99_999, 2),), "incomes")):
        with pytest.raises(ValidationError) as refused:
            record_month(office.db, office.expert, group.id, MonthInput(
                month=MEHR, sales=40_000_000, costs=0, paid_out=2, incomes=incomes))
        assert key in refused.value.errors
    assert business_books(office.db, office.expert, group.id).months == ()


def test_a_deficit_is_carried_and_pays_no_one(office: Office) -> None:
    group, (a, *_) = make_women_group(office)
    loss = record(office, group.id, MEHR, 5_000_000, 12_000_000, {})
    assert loss.cash.closing == -7_000_000 and loss.cash.payable == 0
    with pytest.raises(ValidationError):
        record(office, group.id, ABAN, 8_000_000, 0, {a: 1_000_001})
    made_up = record(office, group.id, ABAN, 8_000_000, 0, {a: 1_000_000})
    assert made_up.cash.closing == 0


def test_months_run_in_order_from_the_groups_forming(office: Office) -> None:
    group, _ = make_women_group(office)
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, month(1402, 6), 1, 0, {})
    assert "مهر ۱۴۰۲" in refused.value.errors["month"]
    record(office, group.id, ABAN, 10, 0, {})       # the first month may start later
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, DEY, 10, 0, {})
    assert "آذر ۱۴۰۲" in refused.value.errors["month"]
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, ABAN, 10, 0, {})
    assert "اصلاح" in refused.value.errors["month"]
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, month(1403, 8), 10, 0, {})     # Aban 1403 is to come
    assert "month" in refused.value.errors
    books = business_books(office.db, office.expert, group.id)
    assert books.next_month == AZAR and books.first_month == MEHR


def test_a_month_needs_the_business_and_members_of_the_month(office: Office) -> None:
    bare, _ = make_women_group(office, business=False)
    with pytest.raises(ValidationError):
        record(office, bare.id, MEHR, 1, 0, {})
    group, (b, *_) = make_women_group(office)
    late = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=month(1402, 8) + dt.timedelta(days=3), client_id=office.client().id))
    with pytest.raises(ValidationError) as refused:
        record(office, group.id, MEHR, 50_000_000, 0, {b: 1_000_000, late.id: 1_000_000})
    assert f"income.{late.id}" in refused.value.errors
    aban = record(office, group.id, MEHR, 50_000_000, 0, {b: 1_000_000})
    assert aban.incomes[0].member_id == b
    with pytest.raises(PermissionDenied):
        record(office, group.id, ABAN, 1, 0, {}, actor=office.viewer)
    with pytest.raises(NotFound):
        record(office, group.id, ABAN, 1, 0, {}, actor=office.other_facilitator)
    assert record(office, group.id, ABAN, 1, 0, {}, actor=office.facilitator).cash.sales == 1


def test_a_correction_reruns_the_months_after_it(office: Office) -> None:
    group, (a, b, *_) = make_women_group(office)
    mehr = record(office, group.id, MEHR, 30_000_000, 10_000_000, {a: 5_000_000})
    record(office, group.id, ABAN, 0, 0, {b: 15_000_000})         # from Mehr's carried cash
    lower = dataclasses.replace(mehr.as_input(), sales=24_000_000)
    with pytest.raises(ValidationError) as refused:
        correct_month(office.db, office.expert, mehr.id, lower, version=mehr.version)
    assert "آبان ۱۴۰۲" in refused.value.errors["paid_out"]
    fixed = correct_month(office.db, office.expert, mehr.id, dataclasses.replace(
        lower, sales=25_000_000, paid_out=0, incomes=()), version=mehr.version)
    assert fixed.incomes == () and fixed.cash.closing == 15_000_000
    books = business_books(office.db, office.expert, group.id)
    assert books.months[1].cash.opening == 15_000_000 and books.cash == 0
    with pytest.raises(ConflictError):
        correct_month(office.db, office.expert, mehr.id, lower, version=mehr.version)
    with pytest.raises(ValidationError):
        correct_month(office.db, office.expert, mehr.id, dataclasses.replace(
            fixed.as_input(), month=ABAN), version=fixed.version)


def test_a_month_whose_incomes_alone_changed_is_a_newer_month(office: Office) -> None:
    group, (a, b, *_) = make_women_group(office)
    mehr = record(office, group.id, MEHR, 30_000_000, 0, {a: 5_000_000})
    moved = correct_month(office.db, office.expert, mehr.id, dataclasses.replace(
        mehr.as_input(), incomes=((b, 5_000_000),)), version=mehr.version)
    assert [line.member_id for line in moved.incomes] == [b] and moved.version > mehr.version
    with pytest.raises(ConflictError):
        correct_month(office.db, office.expert, mehr.id, mehr.as_input(), version=mehr.version)


def test_the_latest_month_is_taken_back_whole(office: Office) -> None:
    group, (a, *_) = make_women_group(office)
    mehr = record(office, group.id, MEHR, 30_000_000, 0, {a: 5_000_000})
    aban = record(office, group.id, ABAN, 30_000_000, 0, {a: 5_000_000})
    with pytest.raises(ConflictError):
        delete_last_month(office.db, office.expert, mehr.id)
    delete_last_month(office.db, office.expert, aban.id)
    assert [m.id for m in business_books(office.db, office.expert, group.id).months] \
        == [mehr.id]
    with pytest.raises(NotFound):
        delete_last_month(office.db, office.expert, aban.id)


def test_the_opening_cash_reruns_the_books(office: Office) -> None:
    group, (a, *_) = make_women_group(office)
    business = save_business(office.db, office.expert, group.id, dataclasses.replace(
        group.business.as_input(), opening_cash=8_000_000), version=group.business.version)
    mehr = record(office, group.id, MEHR, 0, 0, {a: 8_000_000})
    assert mehr.cash.opening == 8_000_000
    with pytest.raises(ValidationError) as refused:
        save_business(office.db, office.expert, group.id, dataclasses.replace(
            business.as_input(), opening_cash=7_999_999), version=business.version)
    assert "opening_cash" in refused.value.errors


def test_proposed_incomes_sum_exactly(office: Office) -> None:
    group, members = make_women_group(office, members=3)      # capital 10, 20, 30 million
    equal = propose_incomes(office.db, office.expert, group.id, MEHR, 10_000_000)
    assert sum(equal.values()) == 10_000_000 and sorted(equal.values()) == [
        3_333_333, 3_333_333, 3_333_334]
    by_capital = propose_incomes(office.db, office.expert, group.id, MEHR, 6_000_001,
                                 by_capital=True)
    assert [by_capital[m] for m in members] == [1_000_000, 2_000_000, 3_000_001]
    assert propose_incomes(office.db, office.expert, group.id, month(1402, 6), 0) == {}
    with pytest.raises(ValidationError):
        propose_incomes(office.db, office.expert, group.id, month(1402, 6), 5)
