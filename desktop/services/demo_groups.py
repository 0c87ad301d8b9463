"""Demo micro-finance groups: members (most of them the office's women clients), cycles of a year
of meetings each, savings, internal loans repaid on time or late, fines, the social fund,
expenses, a bank loan to some graded groups, and a share-out at the end of every past cycle.

The books are simulated meeting by meeting with the domain's rules, so every meeting balances
and every share-out pays exactly the loan fund's cash. Rows are collected with local ids and
given real ones at the end (``GroupRows.insert``), then written in bulk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import defaultdict

from sqlalchemy.orm import Session

from desktop.domain.group_loans import bank_total_repayable, instalments, service_charge
from desktop.domain.groups import MeetingFrequency
from desktop.domain.ledger import EntryKind
from desktop.domain.shareout import share_out
from desktop.fa.jalali import add_jalali_months
from desktop.models.bulk import reserve_ids
from desktop.models.groups import (
    BankLoan,
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    GroupMember,
    InternalLoan,
    MeetingAttendance,
    MeetingEntry,
)
from desktop.models.tracking import record_bulk_insert

VILLAGES = ("دشتک", "قلات", "کوشک‌ملا", "گویم", "خانه‌زنیان", "دودج", "بیضا", "کفترک",
            "سروستان", "زرقان", "کوار", "شول", "مهارلو", "ابیاره", "گلستان", "چنارراهدار",
            "اکبرآباد", "دارنجان", "کوهنجان", "نظرآباد", "سیاخ", "باجگاه", "حسن‌آباد",
            "فیض‌آباد", "مبارک‌آباد", "تل‌بیضا", "کشن", "رحمت‌آباد", "نوبندگان", "کامفیروز")
BANKS = ("بانک کشاورزی", "پست بانک", "بانک توسعه تعاون", "بانک ملی")
FIRST = ("فاطمه", "زهرا", "مریم", "معصومه", "سکینه", "رقیه", "طاهره", "کبری", "صغری", "اعظم",
         "لیلا", "نرگس", "سمیه", "اکرم", "منیژه", "پروین", "زینب", "خدیجه", "شهناز", "فرزانه")
LAST = ("کشاورز", "دهقان", "قشقایی", "رضایی", "موسوی", "نوروزی", "زارع", "جعفری", "بهرامی",
        "کریمی", "شیرازی", "فرهادی", "امینی", "صادقی", "حیدری")

_MODELS = (CommunityGroup, GroupCycle, GroupMember, GroupMeeting, MeetingAttendance,
           InternalLoan, BankLoan, MeetingEntry)
# Foreign keys of each table: column → the table its local id points into.
_LINKS = {
    GroupCycle: {"group_id": CommunityGroup},
    GroupMember: {"group_id": CommunityGroup},
    GroupMeeting: {"cycle_id": GroupCycle},
    MeetingAttendance: {"meeting_id": GroupMeeting, "member_id": GroupMember},
    InternalLoan: {"cycle_id": GroupCycle, "member_id": GroupMember,
                   "meeting_id": GroupMeeting},
    BankLoan: {"group_id": CommunityGroup, "cycle_id": GroupCycle},
    MeetingEntry: {"meeting_id": GroupMeeting, "member_id": GroupMember,
                   "loan_id": InternalLoan, "bank_loan_id": BankLoan},
}


@dataclasses.dataclass
class GroupRows:
    """Rows of several tables with local ids; ``insert`` writes ``models`` in their order,
    turning the foreign keys named in ``links`` into the real ids."""

    models: tuple[type, ...] = _MODELS
    links: dict[type, dict[str, type]] = dataclasses.field(default_factory=lambda: _LINKS)
    rows: dict[type, list[dict]] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        for model in self.models:
            self.rows.setdefault(model, [])

    def add(self, model: type, **values: object) -> int:
        rows = self.rows[model]
        values["id"] = len(rows)
        rows.append(values)
        return len(rows) - 1

    def insert(self, session: Session, detail: dict) -> None:
        real: dict[type, list[int]] = {}
        for model in self.models:
            real[model] = reserve_ids(session, model, len(self.rows[model]))
            for row in self.rows[model]:
                row["id"] = real[model][row["id"]]
                for column, target in self.links.get(model, {}).items():
                    if row.get(column) is not None:
                        row[column] = real[target][row[column]]
            record_bulk_insert(session, model, self.rows[model], audit_detail=detail)


@dataclasses.dataclass
class _Loan:
    id: int
    member: int
    total: int
    charge_per_instalment: int
    schedule: list[tuple[dt.date, int]]
    repaid: int = 0

    def due_by(self, day: dt.date) -> int:
        return sum(amount for due, amount in self.schedule if due <= day)


@dataclasses.dataclass(frozen=True)
class _Habits:
    """How a group behaves: attendance, buying shares when present, borrowing, keeping its
    books late."""

    attendance: float
    thrift: float
    borrowing: float
    slow_books: float


@dataclasses.dataclass(frozen=True)
class DemoMember:
    client_id: int | None
    first_name: str
    last_name: str
    national_code: str
    mobile: str


class GroupMaker:
    def __init__(self, rng: random.Random, today: dt.date, county_code: str,
                 facilitators: list[int], women: list[DemoMember]) -> None:
        self.rng, self.today, self.county = rng, today, county_code
        self.facilitators = facilitators
        self.women = list(women)
        rng.shuffle(self.women)
        self.rows = GroupRows()

    def _person(self) -> DemoMember:
        if self.women and self.rng.random() < 0.75:
            return self.women.pop()
        return DemoMember(None, self.rng.choice(FIRST), self.rng.choice(LAST), "", "")

    def make(self, count: int, *, cycles: int | None = None, size: int | None = None,
             frequency: MeetingFrequency | None = None,
             current_days: int | None = None, first: int = 1) -> GroupRows:
        """``count`` groups numbered from ``first``; the options fix what is otherwise drawn
        (for the bench)."""
        for number in range(first, first + count):
            self._group(number, cycles, size, frequency, current_days)
        return self.rows

    def _group(self, number: int, cycles: int | None, size: int | None,
               frequency: MeetingFrequency | None, current_days: int | None) -> None:
        rng, rows = self.rng, self.rows
        years = cycles if cycles is not None else rng.choice((1, 1, 2, 2, 3))
        frequency = frequency or rng.choice((MeetingFrequency.FORTNIGHTLY,) * 3 + (
            MeetingFrequency.WEEKLY, MeetingFrequency.MONTHLY))
        # The current cycle is part way through; earlier ones lasted a year each.
        started = self.today - dt.timedelta(days=current_days or rng.randint(60, 330))
        formed = add_jalali_months(started, -12 * (years - 1)) - dt.timedelta(days=10)
        village = VILLAGES[(number - 1) % len(VILLAGES)]
        linked = rng.random() < 0.4
        group = rows.add(
            CommunityGroup, code=f"MF-{self.county}-{number:04d}", kind="microfinance",
            name=f"گروه بانوان {village}" + (f" {number}" if number > len(VILLAGES) else ""),
            county_code=self.county, locality=village, urban=False,
            facilitator_id=rng.choice(self.facilitators), formed_on=formed,
            meeting_frequency=frequency.value, status="active",
            bank_name=rng.choice(BANKS) if linked else "", bank_branch="", bank_sheba="",
            notes="")
        if size is None:
            size = rng.choice((12, 27)) if rng.random() < 0.08 else rng.randint(15, 25)
        members = []
        for i in range(size):
            person = self._person()
            joined = formed if i < size - 2 else formed + dt.timedelta(days=rng.randint(20, 200))
            left = None
            if rng.random() < 0.06:
                left = joined + dt.timedelta(days=rng.randint(120, 500))
                if left >= self.today:
                    left = None
            role = ("chair", "treasurer", "secretary")[i] if i < 3 else "member"
            member = rows.add(GroupMember, group_id=group, client_id=person.client_id,
                              first_name=person.first_name, last_name=person.last_name,
                              national_code=person.national_code, mobile=person.mobile or "",
                              role=role, joined_on=joined, left_on=left)
            members.append((member, joined, left))
        # Each group has its habits: how often members come, and who repays late.
        habits = _Habits(attendance=rng.uniform(0.65, 0.97), thrift=rng.uniform(0.7, 1.0),
                         borrowing=rng.uniform(0.03, 0.2), slow_books=rng.uniform(0.0, 0.4))
        late_share = rng.choice((0.0, 0.05, 0.1, 0.2, 0.4))
        late = {m for m, _, _ in members if rng.random() < late_share}
        social = 0
        start = formed + dt.timedelta(days=10)
        for cycle_number in range(1, years + 1):
            end = add_jalali_months(start, 12)
            current = cycle_number == years
            social = self._cycle(group, cycle_number, start, end, frequency, members,
                                 habits, late, social, current, linked)
            start = end

    def _cycle(self, group: int, number: int, start: dt.date, end: dt.date,
               frequency: MeetingFrequency, members: list, habits: _Habits, late: set,
               social: int, current: bool, linked: bool) -> int:
        rng, rows, today = self.rng, self.rows, self.today
        price = rng.choice((200_000, 300_000, 500_000, 1_000_000))
        contribution = rng.choice((20_000, 50_000, 100_000))
        rate = rng.choice((100, 150, 200))
        cycle = rows.add(GroupCycle, group_id=group, number=number, starts_on=start,
                         ends_on=end, share_price=price, service_charge_bp=rate, max_shares=5,
                         loan_multiple=3, social_contribution=contribution,
                         opening_loan_fund=0, opening_social_fund=social,
                         status="open" if current else "shared_out",
                         shared_out_on=None, distributable=None, total_shares=None)
        cash, social_cash = 0, social
        shares: dict[int, int] = defaultdict(int)
        loans: list[_Loan] = []
        bank: dict | None = None
        day = start
        stop = min(end, today) if current else end
        held = []
        while day <= stop:
            held.append(day)
            day += dt.timedelta(days=frequency.days)
        for index, day in enumerate(held):
            recorded = day + dt.timedelta(days=rng.randint(8, 20) if rng.random() <
                                          habits.slow_books else rng.randint(0, 3))
            meeting = rows.add(GroupMeeting, cycle_id=cycle, held_on=day,
                               recorded_on=min(recorded, today),
                               opening_loan_fund=cash, opening_social_fund=social_cash,
                               closing_loan_fund=0, closing_social_fund=0, notes="")
            active = [m for m, joined, left in members
                      if joined <= day and (left is None or left > day)]

            def entry(kind: EntryKind, amount: int, member: int | None = None,
                      meeting: int = meeting, **extra: object) -> None:
                rows.add(MeetingEntry, meeting_id=meeting, member_id=member, kind=kind.value,
                         amount=amount, shares=extra.get("shares"), loan_id=extra.get("loan"),
                         bank_loan_id=extra.get("bank"), note=extra.get("note", ""))

            present = []
            for m in active:
                here = rng.random() < habits.attendance
                rows.add(MeetingAttendance, meeting_id=meeting, member_id=m, present=here)
                if here:
                    present.append(m)
            for m in present:
                if rng.random() > habits.thrift:
                    continue
                bought = rng.choice((1, 1, 2, 2, 2, 3, 4, 5))
                shares[m] += bought
                cash += bought * price
                entry(EntryKind.SHARES, bought * price, m, shares=bought)
                social_cash += contribution
                entry(EntryKind.SOCIAL_IN, contribution, m)
            for m in active:
                if m not in present and rng.random() < 0.15:
                    cash += 20_000
                    entry(EntryKind.FINE, 20_000, m, note="غیبت")
            # Repayments: on time, or for the late ones, now and then.
            for loan in loans:
                owed = min(loan.due_by(day), loan.total) - loan.repaid
                if owed <= 0 or loan.member not in present:
                    continue
                if loan.member in late and rng.random() < 0.6:
                    continue
                loan.repaid += owed
                cash += owed
                entry(EntryKind.REPAYMENT, owed, loan.member, loan=loan.id)
                charge = loan.charge_per_instalment
                cash += charge
                entry(EntryKind.SERVICE_CHARGE, charge, loan.member, loan=loan.id)
            if social_cash > 3_000_000 and rng.random() < 0.05 and present:
                payout = min(social_cash, rng.choice((1_000_000, 2_000_000)))
                social_cash -= payout
                entry(EntryKind.SOCIAL_OUT, payout, rng.choice(present), note="درمان")
            if rng.random() < 0.08:
                cost = rng.choice((100_000, 250_000, 400_000))
                if cost <= cash:
                    cash -= cost
                    entry(EntryKind.EXPENSE, cost, note="دفتر و لوازم")
            if bank is None and linked and index == len(held) // 4 and not current:
                amount = 4 * sum(shares.values()) * price // 2
                amount -= amount % 1_000_000
                if amount > 0:
                    # Six months, so that it is repaid before the share-out.
                    total = bank_total_repayable(amount, 400, 6)
                    bank = {"id": rows.add(BankLoan, group_id=group, cycle_id=cycle,
                                           bank_name=rng.choice(BANKS), amount=amount,
                                           disbursed_on=day, term_months=6,
                                           annual_rate_bp=400, total_repayable=total),
                            "schedule": instalments(total, day, 6), "repaid": 0,
                            "total": total}
                    cash += amount
                    entry(EntryKind.BANK_LOAN_IN, amount, bank=bank["id"])
            if bank is not None:
                due = sum(a for d, a in bank["schedule"] if d <= day) - bank["repaid"]
                pay = min(due, cash, bank["total"] - bank["repaid"])
                if pay > 0:
                    bank["repaid"] += pay
                    cash -= pay
                    entry(EntryKind.BANK_REPAYMENT, pay, bank=bank["id"])
            # New loans: a present member with nothing owed asks; the group lends from cash,
            # within three times her savings, and stops lending two months before the end.
            if day < add_jalali_months(end, -2):
                for m in present:
                    owing = any(loan.member == m and loan.repaid < loan.total
                                for loan in loans)
                    if owing or rng.random() > habits.borrowing:
                        continue
                    limit = 3 * shares[m] * price
                    principal = min(limit, cash) // 500_000 * 500_000
                    principal = min(principal, rng.choice((2, 5, 10, 20, 30)) * 1_000_000)
                    if principal < 1_000_000:
                        continue
                    months = rng.choice((3, 4, 6))
                    loan_id = rows.add(
                        InternalLoan, cycle_id=cycle, member_id=m, meeting_id=meeting,
                        disbursed_on=day, principal=principal,
                        service_charge=service_charge(principal, rate, months),
                        term_months=months, purpose=rng.choice(
                            ("خرید دام", "چرخ خیاطی", "مواد اولیه قالی‌بافی", "درمان",
                             "کشت گلخانه‌ای", "لوازم آرایشگاه خانگی")),
                        override_reason="", written_off_on=None)
                    loans.append(_Loan(loan_id, m, principal,
                                       service_charge(principal, rate, months) // months,
                                       instalments(principal, day, months)))
                    cash -= principal
                    entry(EntryKind.LOAN_OUT, principal, m, loan=loan_id)
            closing = rows.rows[GroupMeeting][meeting]
            closing["closing_loan_fund"] = cash
            closing["closing_social_fund"] = social_cash
        if current:
            return social_cash
        # The share-out: late loans the group wrote off, then the cash paid out by shares.
        last = rows.rows[GroupMeeting][-1]
        meeting_id = last["id"]
        for loan in loans:
            if loan.repaid < loan.total:
                rows.rows[InternalLoan][loan.id]["written_off_on"] = last["held_on"]
                rows.add(MeetingEntry, meeting_id=meeting_id, member_id=loan.member,
                         kind=EntryKind.WRITE_OFF.value, amount=loan.total - loan.repaid,
                         shares=None, loan_id=loan.id, bank_loan_id=None,
                         note="سوخت با تصویب گروه")
        holders = [(m, s) for m, s in shares.items() if s > 0]
        if holders:
            for m, payout in share_out(cash, holders).items():
                if payout:
                    rows.add(MeetingEntry, meeting_id=meeting_id, member_id=m,
                             kind=EntryKind.SHARE_OUT.value, amount=payout, shares=None,
                             loan_id=None, bank_loan_id=None, note="")
        cycle_row = rows.rows[GroupCycle][cycle]
        cycle_row.update(shared_out_on=last["held_on"], distributable=cash,
                         total_shares=sum(shares.values()))
        last["closing_loan_fund"] = 0
        return social_cash
