"""A micro-finance group's printed documents, read back from the PDF as a member, a treasurer
and the office would read them: passbook, meeting register and minutes, share-out sheet."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.group_documents import GroupDocument
from desktop.errors import NotFound, ValidationError
from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.jalali import add_jalali_months, format_jalali, format_jalali_long
from desktop.fa.money import format_amount, format_rials
from desktop.models.tracking import AuditEntry
from desktop.progress import Cancelled
from desktop.services.form_seal import SealMaker
from desktop.services.group_meetings import NewLoan
from desktop.services.group_printing import print_group_document
from desktop.services.group_shareout import preview_shareout, share_out_cycle
from desktop.services.groups import CycleRules
from tests.integration.conftest import Office
from tests.integration.group_helpers import FORMED, make_group, meeting
from tests.integration.group_scenario import DAYS, TODAY, cycle_with_loans, group_with_codes
from tests.pdf_text import page_lines, reading, reads


def _print(office: Office, group, kind: str, path: Path, actor=None, **options):
    return print_group_document(office.db, actor or office.expert, group.id, kind, path,
                                **options)


def _right_to_left(path: Path) -> None:
    for lines in page_lines(path):
        for line in lines:
            persian = [w for w in line if any("\u0600" <= ch <= "\u06ff" for ch in w.text)
                       and not w.text[0].isdigit()]
            # Words of a line are met from the right: each starts left of the one before.
            assert all(a.x0 > b.x0 for a, b in itertools.pairwise(persian))


def _number(word: str) -> int:
    return int(to_latin_digits(word).replace("\u066c", ""))


def test_a_passbook_reads_back_the_members_meetings_and_loans(office: Office,
                                                              tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    borrower = m[3]
    path = tmp_path / "دفترچه.pdf"
    result = _print(office, group, "passbook", path, member_id=borrower.id)
    assert result.forms == 1 and path.exists()
    assert reads(path, "دفترچه عضو")
    assert reads(path, f"نام و نام خانوادگی: {borrower.full_name}")
    assert reads(path, f"کد ملی: {borrower.national_code}")
    assert reads(path, "نقش: عضو")
    assert reads(path, f"کد گروه: {group.code}") and reads(path, f"گروه: {group.name}")
    # One row a meeting, from the right: date, present, shares, savings to date, social fund,
    # fine, loan taken, repayment, service charge, loan balance (empty cells are not read).
    assert reads(path, f"{format_jalali(DAYS[1])} حاضر ۲ {format_amount(2_000_000)} "
                       f"{format_amount(50_000)} {format_amount(3_000_000)} "
                       f"{format_amount(3_000_000)}")
    assert reads(path, f"{format_jalali(DAYS[2])} حاضر ۲ {format_amount(3_000_000)} "
                       f"{format_amount(50_000)} {format_amount(7_000)} "
                       f"{format_amount(1_000_000)} {format_amount(60_000)} "
                       f"{format_amount(2_000_000)}")
    # Totals: 8 of 8 present, 2×4 + 3×4 shares, 10,000,000 saved, the loan repaid in full.
    assert reads(path, f"جمع ۸ از ۸ ۲۰ {format_amount(10_000_000)} {format_amount(400_000)} "
                       f"{format_amount(7_000)} {format_amount(3_000_000)} "
                       f"{format_amount(3_000_000)} {format_amount(180_000)} ۰")
    assert reads(path, "تسویه‌شده") and reads(path, "خرید چرخ خیاطی")
    assert reads(path, f"پس‌انداز: {format_rials(10_000_000)}")
    assert reads(path, "امضای عضو") and reads(path, "امضای خزانه‌دار")
    assert reads(path, m[1].full_name)                   # the treasurer, under her box
    assert not reads(path, m[4].full_name)               # nobody else's money
    _right_to_left(path)


def test_a_late_borrower_and_an_absent_member_read_as_such(office: Office,
                                                           tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    late = tmp_path / "late.pdf"
    _print(office, group, "passbook", late, member_id=m[5].id)
    # 7,000,000 over two months from DAYS[1], nothing repaid: late since the first instalment.
    days = (TODAY - add_jalali_months(DAYS[1], 1)).days
    assert reads(late, f"{to_persian_digits(days)} روز تأخیر")
    assert reads(late, f"وام {format_jalali(DAYS[1])} بیش از سقف گروه داده شد، به این دلیل: "
                       "بیماری فرزند؛ تصویب جلسه")
    assert reads(late, f"قسط عقب‌افتاده: {format_rials(7_000_000)}")
    absent = tmp_path / "absent.pdf"
    _print(office, group, "passbook", absent, member_id=m[15].id)
    assert reads(absent, f"{format_jalali(DAYS[0])} غایب {format_amount(0)}")
    assert reads(absent, "در این دوره وامی نگرفته است.")


def test_every_members_passbook_in_one_file_with_progress(office: Office,
                                                         tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    seen: list[tuple[int, int]] = []

    class Control:
        cancelled = False

        def report(self, done: int, total: int, text: str = "") -> None:
            seen.append((done, total))

        def check_cancelled(self) -> None:
            pass

    path = tmp_path / "all.pdf"
    result = _print(office, group, "passbook", path, control=Control())
    assert result.forms == 16 and result.pages >= 16
    assert (0, 16) in seen and seen[-1] == (16, 16)
    text = " ".join(reading(path))
    positions = [text.index(member.national_code) for member in m]
    assert positions == sorted(positions)           # in the order they joined
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all()
    assert sorted(a.entity_id for a in audit) == sorted(member.id for member in m)
    assert {a.entity for a in audit} == {"group_member"}
    assert audit[0].after == {"document": "passbook", "group": group.code, "cycle": 1}


def test_the_register_gives_every_meeting_and_repeats_the_table_header(office: Office,
                                                                       tmp_path: Path) -> None:
    group, m = group_with_codes(office)
    ids = [member.id for member in m]
    weeks = [FORMED + dt.timedelta(days=7 * k) for k in range(1, 29)]
    for number, day in enumerate(weeks, start=1):
        extra = {}
        if number == 3:
            extra = dict(loans=(NewLoan(m[4].id, 2_000_000, 2, purpose="خرید نخ"),))
        meeting(office, group, ids, day, absent=(m[9].id,) if number % 5 == 0 else (),
                extra=extra)
    path = tmp_path / "register.pdf"
    result = _print(office, group, "register", path)
    pages = page_lines(path)
    assert result.pages == len(pages) > 2
    text = reading(path)
    assert "صفحه ۱ از " in text[0] and f"صفحه {to_persian_digits(len(pages))} از" in text[-1]
    # The summary table runs onto the second page, its header again at the top.
    header = "جلسه تاریخ حاضران سهام صندوق وام: صندوق وام: صندوق وام:"
    assert header in text[0] and header in text[1]
    assert reads(path, f"۲۸ {format_jalali(weeks[-1])} ۱۶ از ۱۶")
    # Each meeting's block: attendance, the absent by name, the cash of both funds.
    assert reads(path, f"جلسه ۵ — {format_jalali_long(weeks[4])}")
    assert reads(path, "حاضران: ۱۵ از ۱۶") and reads(path, f"غایب: {m[9].full_name}")
    assert reads(path, f"موجودی آغاز جلسه {format_amount(0)} {format_amount(0)}")
    assert reads(path, f"سهام پس‌انداز {format_amount(15_000_000)}")
    assert reads(path, f"پرداخت وام داخلی \u200e\u2212{format_amount(2_000_000)}")
    first_close = f"موجودی پایان جلسه {format_amount(16_000_000)} {format_amount(800_000)}"
    assert reads(path, first_close)
    assert reads(path, f"{m[4].full_name} {format_amount(2_000_000)} ۲")
    assert reads(path, "رئیس") and reads(path, m[0].full_name) and reads(path, "تسهیلگر")
    _right_to_left(path)


def test_minutes_of_one_meeting_with_every_members_line_and_the_groups_reason(
        office: Office, tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    path = tmp_path / "minutes.pdf"
    _print(office, group, "minutes", path, meeting_on=DAYS[1])
    assert reads(path, "صورت‌جلسه")
    assert reads(path, f"جلسه ۲ — {format_jalali_long(DAYS[1])}")
    assert reads(path, "حاضران: ۱۶ از ۱۶")
    for index, member in enumerate(m, start=1):
        assert reads(path, f"{to_persian_digits(index)} {member.full_name} "
                           f"{member.national_code} حاضر ۲ {format_amount(50_000)}")
    assert reads(path, f"{m[5].full_name} {format_amount(7_000_000)} ۲")
    assert reads(path, "خرید دام بیماری فرزند؛ تصویب جلسه")
    assert reads(path, f"جمع ۱۶ ۳۲ {format_amount(800_000)}")
    for title, member in (("رئیس", m[0]), ("خزانه‌دار", m[1]), ("منشی", m[2])):
        assert reads(path, title) and reads(path, member.full_name)
    with pytest.raises(ValidationError) as refused:
        _print(office, group, "minutes", tmp_path / "none.pdf", meeting_on=DAYS[1]
               + dt.timedelta(days=1))
    assert "meeting" in refused.value.errors
    assert not (tmp_path / "none.pdf").exists()


def _persian_decimal(value: Fraction) -> str:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{exact.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"
    return to_persian_digits(text.replace(",", "\u066c").replace(".", "\u066b"))


def _payouts(path: Path, codes: list[str]) -> dict[str, int]:
    """Each member's payout as printed: the last number on the row of their national code."""
    found = {}
    for lines in page_lines(path):
        for line in lines:
            words = [w.text for w in line]
            code = next((c for c in codes if c in words), None)
            if code:
                found[code] = _number(words[-1])
    return found


def test_the_shareout_sheet_pays_the_distributable_exactly_and_says_how(office: Office,
                                                        tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    preview = preview_shareout(office.db, office.expert, group.id)
    d, s = preview.distributable, preview.total_shares
    assert d % s and d > 0       # v has a fraction of a Rial: the largest remainders matter
    path = tmp_path / "shareout.pdf"
    _print(office, group, "shareout", path)
    assert reads(path, "برگه تقسیم سود")
    assert reads(path, "وضعیت: هنوز پرداخت نشده:") and reads(path, format_jalali(TODAY))
    assert reads(path, f"مبلغ قابل تقسیم: {format_rials(d)}")
    assert reads(path, f"سهام خریداری‌شده: {to_persian_digits(s)}")
    assert reads(path, f"ارزش هر سهم (مبلغ قابل تقسیم ÷ سهام خریداری‌شده): "
                       f"{_persian_decimal(Fraction(d, s))} ریال")
    ros = (Fraction(d, s) - 500_000) / 500_000 * 100
    sign = "منفی " if ros < 0 else ""
    assert reads(path, f"بازده پس‌انداز: {sign}{_persian_decimal(abs(ros))} درصد")
    assert reads(path, f"بعد: {format_rials(preview.social_fund)}")   # carried to the next cycle
    codes = [member.national_code for member in m]
    printed = _payouts(path, codes)
    assert printed == {line.national_code: line.payout for line in preview.lines}
    assert sum(printed.values()) == d
    assert reads(path, f"جمع {to_persian_digits(s)} {format_amount(s * 500_000)} "
                       f"{format_amount(d)}")
    # The loan past the rule is still owed: the sheet says so before anything is paid.
    assert reads(path, "وام‌های بازپرداخت‌نشده")
    assert reads(path, f"{m[5].full_name} {format_jalali(DAYS[1])} {format_amount(7_000_000)}")
    for title in ("امضای دریافت", "رئیس", "خزانه‌دار", "منشی", "تسهیلگر"):
        assert reads(path, title)
    seal = SealMaker(office.db).seal("shareout", _cycle_uuid(office, group), TODAY)
    assert seal.code in " ".join(reading(path))
    _right_to_left(path)


def _cycle_uuid(office: Office, group) -> str:
    from desktop.models.groups import GroupCycle

    with office.db.reading() as session:
        return session.get(GroupCycle, group.cycle.id).uuid


def test_a_paid_shareout_prints_what_was_paid_and_the_loans_written_off(
        office: Office, tmp_path: Path) -> None:
    group, m = cycle_with_loans(office)
    preview = preview_shareout(office.db, office.expert, group.id)
    share_out_cycle(office.db, office.expert, group.id, on=TODAY,
                    cycle_version=preview.cycle_version,
                    next_cycle=CycleRules(TODAY, TODAY + dt.timedelta(days=365), 500_000, 200),
                    write_off_reason="فوت دام؛ تصویب مجمع")
    with pytest.raises(ValidationError):     # the new cycle has nothing to share yet
        _print(office, group, "shareout", tmp_path / "x.pdf")
    path = tmp_path / "paid.pdf"
    _print(office, group, "shareout", path, cycle_number=1)
    assert reads(path, f"وضعیت: پرداخت‌شده در {format_jalali(TODAY)}")
    assert reads(path, f"مبلغ قابل تقسیم: {format_rials(preview.distributable)}")
    printed = _payouts(path, [member.national_code for member in m])
    assert printed == {line.national_code: line.payout for line in preview.lines}
    assert reads(path, "وام‌های سوخت‌شده هنگام تقسیم سود")
    assert reads(path, f"{m[5].full_name} {format_jalali(DAYS[1])} {format_amount(7_000_000)} "
                       f"{format_amount(0)} {format_amount(7_000_000)}")
    with pytest.raises(ValidationError) as refused:
        _print(office, group, "shareout", tmp_path / "y.pdf", cycle_number=3)
    assert "cycle" in refused.value.errors


def test_whoever_sees_the_group_may_print_it_and_printing_is_audited(office: Office,
                                                                    tmp_path: Path) -> None:
    group, _ = cycle_with_loans(office)
    _print(office, group, "register", tmp_path / "viewer.pdf", actor=office.viewer)
    _print(office, group, "minutes", tmp_path / "fac.pdf", actor=office.facilitator,
           meeting_on=DAYS[0])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound):       # another facilitator's group is not there at all
        _print(office, group, "register", out / "x.pdf", actor=office.other_facilitator)
    with pytest.raises(NotFound):       # nor a member of another group
        other, _ = make_group(office, members=1)
        _print(office, group, "passbook", out / "x.pdf",
               member_id=_group_member_ids(office, other.id)[0])
    assert list(out.iterdir()) == []
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")
                                .order_by(AuditEntry.id)).all()
    assert [(a.username, a.entity, a.entity_id, a.after) for a in audit] == [
        ("viewer", "community_group", group.id,
         {"document": "register", "group": group.code, "cycle": 1}),
        ("fac1", "community_group", group.id,
         {"document": "minutes", "group": group.code, "cycle": 1,
          "meeting": DAYS[0].isoformat()})]


def _group_member_ids(office: Office, group_id: int) -> list[int]:
    from desktop.services.group_members import group_members

    return [member.id for member in group_members(office.db, office.expert, group_id)]


def test_cancelling_leaves_no_file(office: Office, tmp_path: Path) -> None:
    group, _ = cycle_with_loans(office)

    class CancelAfterTwo:
        cancelled = False
        calls = 0

        def report(self, done: int, total: int, text: str = "") -> None:
            pass

        def check_cancelled(self) -> None:
            self.calls += 1
            if self.calls > 2:
                raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        _print(office, group, "passbook", out / "all.pdf", control=CancelAfterTwo())
    assert list(out.iterdir()) == []


def test_an_empty_register_is_refused(office: Office, tmp_path: Path) -> None:
    group, _ = group_with_codes(office, count=3)
    with pytest.raises(ValidationError):
        _print(office, group, GroupDocument.REGISTER, tmp_path / "x.pdf")
    path = tmp_path / "new.pdf"      # a new member's passbook is still worth handing out
    _print(office, group, GroupDocument.PASSBOOK, path)
    assert reads(path, "از عضویت این عضو تاکنون جلسه‌ای ثبت نشده است.")
