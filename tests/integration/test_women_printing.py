"""A women's group's profile and member list, read back from the PDF as a person reads them."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import NotFound
from desktop.fa.jalali import format_jalali
from desktop.models.tracking import AuditEntry
from desktop.services.form_seal import SealMaker, check_seal
from desktop.services.women_activity import (
    DecisionInput,
    TrainingInput,
    WomenMeetingInput,
    add_training,
    record_women_meeting,
)
from desktop.services.women_market import BazaarInput, MarketLinkInput, add_bazaar, add_market_link
from desktop.services.women_members import WomenMemberInput, add_women_member, women_members
from desktop.services.women_printing import print_women_group
from tests.integration.conftest import Office
from tests.integration.group_helpers import make_group
from tests.integration.women_helpers import FORMED, make_women_group, month, record
from tests.pdf_text import page_lines, reading, reads

SHAHRIVAR = month(1403, 6)


def _group(office: Office):
    group, members = make_women_group(office, "women_cooperative", members=3)
    outsider = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=FORMED, first_name="پروین", last_name="نوروزی", role="inspector",
        capital_contribution=7_000_000))
    record(office, group.id, SHAHRIVAR, 120_000_000, 45_000_000,
           {members[0]: 25_000_000, members[1]: 25_000_000, outsider.id: 20_000_000})
    add_training(office.db, office.expert, group.id, TrainingInput(
        title="بسته‌بندی محصولات غذایی", kind="skill", starts_on=dt.date(2024, 6, 1), hours=40,
        provider="آموزشگاه فنی و حرفه‌ای", attendees=tuple(members[:2]),
        certified=(members[0],)))
    record_women_meeting(office.db, office.expert, group.id, WomenMeetingInput(
        held_on=dt.date(2024, 9, 1), minutes="گزارش فروش شهریور خوانده شد.",
        present=tuple(members), decisions=(DecisionInput("ثبت‌نام در بازارچه پاییزه"),)))
    add_market_link(office.db, office.expert, group.id, MarketLinkInput(
        kind="digital", partner="باسلام", starts_on=dt.date(2024, 3, 1),
        shop_url="basalam.com/rob-anar"))
    add_bazaar(office.db, office.expert, group.id, BazaarInput(
        name="بازارچه هفته بهزیستی", starts_on=dt.date(2024, 9, 2), sales=18_000_000))
    return group, women_members(office.db, office.expert, group.id)


def _lines_run_right_to_left(path: Path) -> None:
    for lines in page_lines(path):
        for line in lines:
            persian = [w for w in line if any("\u0600" <= ch <= "\u06ff" for ch in w.text)]
            assert all(a.x0 > b.x0 for a, b in itertools.pairwise(persian))


def test_the_profile_reads_back(office: Office, tmp_path: Path) -> None:
    group, _ = _group(office)
    path = tmp_path / "profile.pdf"
    result = print_women_group(office.db, office.facilitator, group.id, "group-profile", path)
    assert result.pages >= 1 and path.exists()
    for text in ("شناسنامه گروه", f"نام گروه: {group.name}", f"کد: {group.code}",
                 "نوع: تعاونی زنان کارآفرین", "شماره ثبت: 1234", "سرمایه ثبتی: ۵۰۰٬۰۰۰٬۰۰۰ ریال",
                 "اعضای کنونی: ۴", "بانوان سرپرست خانوار: ۳",
                 "کسب‌وکار: تولید و فروش رب انار", "شهریور ۱۴۰۳ ۱۲۰٬۰۰۰٬۰۰۰ ریال",
                 "۴۵٬۰۰۰٬۰۰۰ ریال ۷۰٬۰۰۰٬۰۰۰ ریال ۳", "بسته‌بندی محصولات غذایی",
                 "ثبت‌نام در بازارچه پاییزه", "پلتفرم فروش دیجیتال باسلام",
                 "https://basalam.com/rob-anar", "بازارچه هفته بهزیستی",
                 f"تاریخ چاپ: {format_jalali(dt.date(2024, 10, 6))}", "صفحه ۱ از"):
        assert reads(path, text), text
    _lines_run_right_to_left(path)


def test_the_member_list_reads_back_with_the_marked_members(office: Office,
                                                             tmp_path: Path) -> None:
    group, members = _group(office)
    path = tmp_path / "members.pdf"
    print_women_group(office.db, office.expert, group.id, "member-list", path)
    text = " ".join(reading(path))
    assert reads(path, "فهرست اعضای گروه")
    chair = next(m for m in members if m.role == "chair")
    assert reads(path, f"۱ {chair.full_name} {chair.national_code} رئیس هیئت‌مدیره")
    assert reads(path, "پروین نوروزی *")
    assert "در پرونده مددجویی، بانوی سرپرست خانوار نیست" in text
    # Capital 10, 20, 30 and 7 million; incomes 25, 25 and 20 million.
    assert reads(path, "جمع ۶۷٬۰۰۰٬۰۰۰ ۷۰٬۰۰۰٬۰۰۰")
    assert "اعضای پیشین" not in text
    _lines_run_right_to_left(path)


def test_printing_is_sealed_audited_and_kept_to_womens_groups(office: Office,
                                                              tmp_path: Path) -> None:
    group, _ = make_women_group(office, members=1)
    path = tmp_path / "p.pdf"
    print_women_group(office.db, office.expert, group.id, "member-list", path)
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert audit.entity == "community_group" and audit.after == {"form": "member-list"}
    payload = SealMaker(office.db).seal("member-list", group.uuid, dt.date(2024, 10, 6)).payload
    assert check_seal(office.db, payload) == ("member-list", group.uuid, dt.date(2024, 10, 6))
    mf, _ = make_group(office, members=0)
    with pytest.raises(NotFound):
        print_women_group(office.db, office.expert, mf.id, "group-profile", tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        print_women_group(office.db, office.other_facilitator, group.id, "group-profile",
                          tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists() and not list(tmp_path.glob(".karsaz-*"))
