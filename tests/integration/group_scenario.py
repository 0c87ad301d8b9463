"""A micro-finance group whose members have national codes, and a cycle of eight meetings with
loans, repayments, a fine, a social-fund payout and an expense: the documents' test data."""

from __future__ import annotations

import datetime as dt

from desktop.services.group_meetings import GroupLine, MemberLine, NewLoan
from desktop.services.group_members import MemberInput, add_member
from desktop.services.groups import get_group
from tests.integration.conftest import Office
from tests.integration.group_helpers import FORMED, make_group, meeting

FIRST = ["لاله", "زهرا", "مریم", "معصومه", "سکینه", "رقیه", "طاهره", "کبری", "صغری", "اعظم",
         "لیلا", "نرگس", "سمیه", "اکرم", "منیژه", "پروین"]
LAST = ["کشاورز", "رحیمی", "محمدی", "کریمی", "حسینی", "جعفری", "قاسمی", "مرادی", "نوروزی",
        "یوسفی", "صادقی", "اکبری", "بهرامی", "سلیمانی", "عباسی", "فرهادی"]
DAYS = [FORMED + dt.timedelta(days=14 * k) for k in range(1, 9)]
TODAY = dt.date(2024, 10, 6)   # the fixed clock's


def group_with_codes(office: Office, count: int = 16):
    group, _ = make_group(office, members=0)
    members = []
    for i in range(count):
        members.append(add_member(office.db, office.expert, group.id, MemberInput(
            joined_on=FORMED, first_name=FIRST[i], last_name=LAST[i],
            national_code=office.national_code(),
            role=["chair", "treasurer", "secretary"][i] if i < 3 else "member")))
    return group, members


def _line(member_id: int, **amounts) -> MemberLine:
    return MemberLine(member_id, True, **{"shares": 2, "social": 50_000, **amounts})


def cycle_with_loans(office: Office):
    """Eight fortnightly meetings: a loan within the rule and one past it with the group's
    reason, repayments, a fine, a social-fund payout, an expense, one member absent."""
    group, m = group_with_codes(office)
    ids = [member.id for member in m]
    absent = m[15].id
    meeting(office, group, ids, DAYS[0], absent=(absent,))
    meeting(office, group, ids, DAYS[1], extra=dict(loans=(
        NewLoan(m[3].id, 3_000_000, 3, purpose="خرید چرخ خیاطی"),
        NewLoan(m[5].id, 7_000_000, 2, purpose="خرید دام",
                override_reason="بیماری فرزند؛ تصویب جلسه"))))
    meeting(office, group, ids, DAYS[2], extra=dict(
        group_lines=(GroupLine("expense", 150_000, "دفتر و صندوق"),)),
        **{f"m{m[3].id}": _line(m[3].id, repayment=1_000_000, service_charge=60_000,
                                 fine=7_000)})
    meeting(office, group, ids, DAYS[3], absent=(absent,),
            **{f"m{m[7].id}": _line(m[7].id, social_payout=200_000)})
    for day in DAYS[4:]:
        repays = day in DAYS[4:6]
        meeting(office, group, ids, day, shares=3, **{f"m{m[3].id}": _line(
            m[3].id, shares=3, repayment=1_000_000 if repays else 0,
            service_charge=60_000 if repays else 0)})
    return get_group(office.db, office.expert, group.id), m
