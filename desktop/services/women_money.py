"""The money of a group's shared business: each Jalali month's sales and costs, what the group
paid out, and what each member was paid (desktop/domain/business_books.py has the rule).

A month is recorded whole in one transaction, or refused whole: its payout may not be more than
the cash the month left, and the members' incomes must add up, to the Rial, to the payout.
Months are recorded in order without gaps; correcting one re-runs the months after it, which
must still keep the rule; only the latest month can be taken back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.business_books import (
    MonthCash,
    MonthFigures,
    month_of,
    next_month,
    overdrawn,
    run_books,
    split_income,
)
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_rials
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup
from desktop.models.tracking import Actor
from desktop.models.women_groups import BusinessMonth, GroupBusiness, MemberIncome
from desktop.services.women_groups import (
    MAX_AMOUNT,
    month_figures,
    require_women_group,
    require_women_recordable,
    touch,
)
from desktop.services.women_members import WomenMemberRecord, member_in_month, read_members


@dataclasses.dataclass(frozen=True)
class MonthInput:
    month: dt.date | None                   # any day of the Jalali month
    sales: int
    costs: int
    paid_out: int                           # what the group paid its members this month
    incomes: tuple[tuple[int, int], ...] = ()   # (member id, Rials); summing to paid_out
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class IncomeLine:
    member_id: int
    name: str
    amount: int


@dataclasses.dataclass(frozen=True)
class MonthRecord:
    id: int
    version: int
    month: dt.date              # the first day of the Jalali month
    label: str                  # «مهر ۱۴۰۳»
    cash: MonthCash             # opening, sales, costs, available, paid out, closing
    notes: str
    incomes: tuple[IncomeLine, ...]

    def as_input(self) -> MonthInput:
        return MonthInput(self.month, self.cash.sales, self.cash.costs, self.cash.paid_out,
                          tuple((line.member_id, line.amount) for line in self.incomes),
                          self.notes)


@dataclasses.dataclass(frozen=True)
class BusinessBooks:
    opening_cash: int
    months: tuple[MonthRecord, ...]     # oldest first
    next_month: dt.date | None          # the month to record next; None: the current one is
    first_month: dt.date                # the earliest a first month may be

    @property
    def cash(self) -> int:
        """What the business holds now: the latest month's closing (negative: a deficit)."""
        return self.months[-1].cash.closing if self.months else self.opening_cash


def read_business_books(session: Session, group: CommunityGroup) -> BusinessBooks:
    business = session.scalar(select(GroupBusiness).where(GroupBusiness.group_id == group.id))
    opening = business.opening_cash if business else 0
    rows = session.scalars(select(BusinessMonth).where(BusinessMonth.group_id == group.id)
                           .order_by(BusinessMonth.month_start)).all()
    names = {m.id: m.full_name for m in read_members(session, group.id)}
    incomes: dict[int, list[IncomeLine]] = {row.id: [] for row in rows}
    for month_id, member_id, amount in session.execute(
            select(MemberIncome.month_id, MemberIncome.member_id, MemberIncome.amount)
            .join(BusinessMonth, BusinessMonth.id == MemberIncome.month_id)
            .where(BusinessMonth.group_id == group.id)):
        incomes[month_id].append(IncomeLine(member_id, names.get(member_id, ""), amount))
    cash = run_books(opening, [MonthFigures(r.month_start, r.sales, r.costs, r.paid_out)
                               for r in rows])
    months = tuple(
        MonthRecord(row.id, row.version, row.month_start, format_jalali_month(row.month_start),
                    month_cash, row.notes,
                    tuple(sorted(incomes[row.id], key=lambda line: line.name)))
        for row, month_cash in zip(rows, cash, strict=True))
    # The first month may be any from the group's forming on; the screen offers this one.
    upcoming = next_month(months[-1].month) if months else month_of(today())
    if upcoming > month_of(today()):
        upcoming = None
    return BusinessBooks(opening, months, upcoming, month_of(group.formed_on))


def business_books(db: Database, actor: Actor, group_id: int) -> BusinessBooks:
    with db.reading() as session:
        group = require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_business_books(session, group)


def _check(data: MonthInput, members: list[WomenMemberRecord], month: dt.date) -> dict[int, int]:
    """The incomes by member, or the errors of the month's own figures."""
    errors: dict[str, str] = {}
    for field in ("sales", "costs", "paid_out"):
        if not 0 <= getattr(data, field) <= MAX_AMOUNT:
            errors[field] = tr("Amounts are never negative.")
    by_id = {m.id: m for m in members}
    incomes: dict[int, int] = {}
    for member_id, amount in data.incomes:
        key = f"income.{member_id}"
        member = by_id.get(member_id)
        if member is None:
            errors["incomes"] = tr("Income is paid to members of the group only.")
        elif member_id in incomes:
            errors[key] = tr("Each member's income is entered once.")
        elif amount < 0 or amount > MAX_AMOUNT:
            errors[key] = tr("Amounts are never negative.")
        elif amount and not member_in_month(member.joined_on, member.left_on, month):
            errors[key] = tr("{name} was not a member in {month}.", name=member.full_name,
                             month=format_jalali_month(month))
        if member is not None and member_id not in incomes and amount > 0:
            incomes[member_id] = amount
    paid = sum(incomes.values())
    if not errors and paid != data.paid_out:
        errors["incomes"] = tr(
            "The members' incomes add up to {sum}, but the group paid out {paid_out}; they "
            "must be equal to the Rial.", sum=format_rials(paid),
            paid_out=format_rials(data.paid_out))
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return incomes


def _refuse_overdrawn(books: list[MonthCash], month: dt.date) -> None:
    wrong = overdrawn(books)
    if wrong is None:
        return
    if wrong.month == month:
        raise ValidationError(
            "The month leaves {cash} (carried {opening}, sales {sales}, costs {costs}); the "
            "group cannot pay out {paid}.", field="paid_out", cash=format_rials(wrong.payable),
            opening=format_rials(wrong.opening), sales=format_rials(wrong.sales),
            costs=format_rials(wrong.costs), paid=format_rials(wrong.paid_out))
    raise ValidationError(
        "With this change {month} would pay its members {paid}, more than the {cash} it had.",
        field="paid_out", month=format_jalali_month(wrong.month),
        paid=format_rials(wrong.paid_out), cash=format_rials(wrong.payable))


def _locked_group(session: Session, actor: Actor, group_id: int) -> CommunityGroup:
    # Two people recording the same group's books: on PostgreSQL the second waits here for
    # the first and then reads its month; SQLite lets one writer at a time.
    group = require_women_recordable(actor, session.get(CommunityGroup, group_id,
                                                        with_for_update=True))
    if session.scalar(select(GroupBusiness.id).where(GroupBusiness.group_id == group.id)) \
            is None:
        raise ValidationError("Describe the group's business before recording its months.")
    return group


def _write_incomes(session: Session, month_id: int, incomes: dict[int, int]) -> None:
    session.add_all(MemberIncome(month_id=month_id, member_id=member_id, amount=amount)
                    for member_id, amount in incomes.items())


def record_month(db: Database, actor: Actor, group_id: int, data: MonthInput) -> MonthRecord:
    """Saves the next month of the business's books, or refuses it whole."""
    with db.transaction(actor) as session:
        group = _locked_group(session, actor, group_id)
        books = read_business_books(session, group)
        if data.month is None:
            raise ValidationError("Choose the month.", field="month")
        month = month_of(data.month)
        if month > month_of(today()):
            raise ValidationError("A month is recorded once it has begun.", field="month")
        if books.months and month != books.next_month:
            if any(m.month == month for m in books.months):
                raise ValidationError("{month} is already recorded; correct it instead.",
                                      field="month", month=format_jalali_month(month))
            raise ValidationError(
                "Months are recorded in order without gaps: the next is {month}.",
                field="month", month=format_jalali_month(next_month(books.months[-1].month)))
        if not books.months and month < books.first_month:
            raise ValidationError("The group was formed in {month}; its books start then or "
                                  "later.", field="month",
                                  month=format_jalali_month(books.first_month))
        incomes = _check(data, read_members(session, group.id), month)
        figures = [*month_figures(session, group.id),
                   MonthFigures(month, data.sales, data.costs, data.paid_out)]
        _refuse_overdrawn(run_books(books.opening_cash, figures), month)
        row = BusinessMonth(group_id=group.id, month_start=month, sales=data.sales,
                            costs=data.costs, paid_out=data.paid_out,
                            notes=clean_text(data.notes))
        session.add(row)
        session.flush()
        _write_incomes(session, row.id, incomes)
        session.flush()
        return next(m for m in read_business_books(session, group).months if m.id == row.id)


def correct_month(db: Database, actor: Actor, month_id: int, data: MonthInput, *,
                  version: int) -> MonthRecord:
    """Replaces a recorded month's figures and incomes (its month stays). The months after it
    are re-run and must still keep the rule."""
    with db.transaction(actor) as session:
        row = session.get(BusinessMonth, month_id)
        if row is None:
            raise NotFound("This month is not recorded.")
        group = _locked_group(session, actor, row.group_id)
        if row.version != version:
            raise ConflictError("Someone else changed this month meanwhile; open it again.")
        if data.month is not None and month_of(data.month) != row.month_start:
            raise ValidationError("A recorded month keeps its month; take back the latest "
                                  "month to record another.", field="month")
        incomes = _check(data, read_members(session, group.id), row.month_start)
        business = session.scalar(select(GroupBusiness).where(
            GroupBusiness.group_id == group.id))
        figures = [MonthFigures(m.month, m.sales, m.costs, m.paid_out)
                   if m.month != row.month_start
                   else MonthFigures(m.month, data.sales, data.costs, data.paid_out)
                   for m in month_figures(session, group.id)]
        _refuse_overdrawn(run_books(business.opening_cash, figures), row.month_start)
        for line in session.scalars(select(MemberIncome).where(
                MemberIncome.month_id == row.id)):
            session.delete(line)
        session.flush()
        row.sales, row.costs, row.paid_out = data.sales, data.costs, data.paid_out
        row.notes = clean_text(data.notes)
        touch(row)
        _write_incomes(session, row.id, incomes)
        session.flush()
        return next(m for m in read_business_books(session, group).months if m.id == row.id)


def delete_last_month(db: Database, actor: Actor, month_id: int) -> None:
    """Takes back the latest month (recorded by mistake) with its incomes; earlier months stand,
    since the later ones' cash rests on them."""
    with db.transaction(actor) as session:
        row = session.get(BusinessMonth, month_id)
        if row is None:
            raise NotFound("This month is not recorded.")
        group = _locked_group(session, actor, row.group_id)
        latest = session.scalar(select(BusinessMonth.id).where(
            BusinessMonth.group_id == group.id).order_by(BusinessMonth.month_start.desc())
            .limit(1))
        if latest != row.id:
            raise ConflictError("Only the latest month can be taken back.")
        for line in session.scalars(select(MemberIncome).where(
                MemberIncome.month_id == row.id)):
            session.delete(line)
        session.flush()
        session.delete(row)


def broken_months(session: Session) -> list[tuple[str, dt.date]]:
    """(group code, month) of every month out of the rule, for ``karsaz check``: its incomes
    do not sum to its payout, it paid out more than its cash, or a month is missing before it."""
    paid = dict(session.execute(select(MemberIncome.month_id, func.sum(MemberIncome.amount))
                                .group_by(MemberIncome.month_id)).all())
    opening = dict(session.execute(select(GroupBusiness.group_id,
                                          GroupBusiness.opening_cash)).all())
    months: dict[int, list[BusinessMonth]] = defaultdict(list)
    for row in session.scalars(select(BusinessMonth).order_by(BusinessMonth.month_start)):
        months[row.group_id].append(row)
    codes = dict(session.execute(select(CommunityGroup.id, CommunityGroup.code)
                                 .where(CommunityGroup.id.in_(list(months)))).all())
    broken = []
    for group_id, rows in months.items():
        carried = opening.get(group_id, 0)
        for index, row in enumerate(rows):
            month = MonthCash(row.month_start, carried, row.sales, row.costs, row.paid_out)
            gap = index and row.month_start != next_month(rows[index - 1].month_start)
            if gap or int(paid.get(row.id) or 0) != row.paid_out \
                    or month.paid_out > month.payable:
                broken.append((codes[group_id], row.month_start))
            carried = month.closing
    return sorted(broken)


def propose_incomes(db: Database, actor: Actor, group_id: int, month: dt.date, paid_out: int,
                    *, by_capital: bool = False) -> dict[int, int]:
    """A split of ``paid_out`` among the members of the month, to fill the month's screen:
    equal parts, or in proportion to what each put into the capital. Sums to ``paid_out``
    exactly; the group may change it before saving."""
    if paid_out < 0:
        raise ValidationError("Amounts are never negative.", field="paid_out")
    with db.reading() as session:
        group = require_women_group(actor, session.get(CommunityGroup, group_id))
        members = [m for m in read_members(session, group.id)
                   if member_in_month(m.joined_on, m.left_on, month_of(month))]
    if not members:
        if paid_out:
            raise ValidationError("The group had no members that month.", field="paid_out")
        return {}
    members.sort(key=lambda m: m.id)
    weights = [(m.id, m.capital_contribution if by_capital else 1) for m in members]
    if paid_out and not sum(weight for _, weight in weights):
        raise ValidationError("No member has put in capital to divide by.", field="paid_out")
    return split_income(paid_out, weights)
