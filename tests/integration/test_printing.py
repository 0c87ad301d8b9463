"""Printed forms, read back from the PDF: what a client and an expert would read on paper."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.forms import FormKind
from desktop.errors import NotFound, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials
from desktop.models.tracking import AuditEntry
from desktop.progress import Cancelled
from desktop.services import benefits, monitoring
from desktop.services.benefits import BenefitInput
from desktop.services.cases import get_case
from desktop.services.form_seal import SealMaker, check_seal
from desktop.services.monitoring import VisitFindings
from desktop.services.printing import print_forms, printable_forms
from tests.integration.conftest import Office, walk_case
from tests.pdf_text import page_lines, reading, reads

# «عبدالله» and «جلالی» hold «لا» and «الله», which shaping draws as ligatures.
NAMES = dict(first_name="عبدالله", last_name="جلالی‌نژاد", father_name="غلامرضا",
             mobile="09121234567", address="شیراز، خیابان زند، کوچه ۱۲ (روبه‌روی مسجد)",
             household_size=5, dependants=3, target_groups=frozenset({"disability"}),
             disability_type="physical", disability_severity="moderate")


def _poppler(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _client_with_job(office: Office):
    client = office.client(**NAMES)
    case = walk_case(office, client.id, "job")
    benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
        kind="self_employment_loan", given_on=dt.date(2023, 7, 20), amount=3_450_000_000))
    case = get_case(office.db, office.expert, case.id)
    first = case.next_visit
    monitoring.record_visit(office.db, office.expert, first.id, VisitFindings(
        done_on=first.due_on, mode="in_person", job_active=True, monthly_income=118_000_000,
        problems="کمبود مواد اولیه"), version=first.version)
    return client, get_case(office.db, office.expert, case.id)


def _identity_reads(path: Path, client) -> None:
    assert reads(path, f"نام: {client.first_name}")
    assert reads(path, f"نام خانوادگی: {client.last_name}")
    assert reads(path, f"نام پدر: {client.father_name}")
    assert reads(path, f"کد ملی: {client.national_code}")
    poppler = _poppler(path)
    for stored in (client.first_name, client.last_name, client.father_name,
                   client.national_code):
        assert stored in poppler, stored


@pytest.mark.parametrize("kind", list(FormKind))
def test_every_form_reads_back_with_the_clients_stored_identity(
        office: Office, tmp_path: Path, kind: FormKind) -> None:
    client, _case = _client_with_job(office)
    path = tmp_path / f"{kind}.pdf"
    result = print_forms(office.db, office.expert, [client.id], kind, path)
    assert result.forms == 1 and result.pages >= 1 and path.exists()
    _identity_reads(path, client)
    assert reads(path, kind.label)
    assert reads(path, f"صفحه ۱ از {'۱۲۳'[result.pages - 1]}")
    assert reads(path, f"تاریخ چاپ: {format_jalali(dt.date(2024, 10, 6))}")
    assert reads(path, "اداره بهزیستی شهرستان شیراز")
    for lines in page_lines(path):
        for line in lines:
            persian = [w for w in line if any("\u0600" <= ch <= "\u06ff" for ch in w.text)]
            # Words of a line are met from the right: each starts left of the one before.
            assert all(a.x0 > b.x0 for a, b in itertools.pairwise(persian))


def test_registration_form_holds_every_identity_field_and_the_declaration(
        office: Office, tmp_path: Path) -> None:
    client = office.client(**NAMES)
    path = tmp_path / "registration.pdf"
    print_forms(office.db, office.expert, [client.id], "registration", path)
    assert reads(path, "تلفن همراه: 09121234567")
    assert reads(path, "نشانی: شیراز، خیابان زند، کوچه ۱۲ (روبه‌روی مسجد)")
    assert reads(path, "بعد خانوار: ۵")
    assert reads(path, "افراد تحت تکفل: ۳")
    assert reads(path, "نوع معلولیت: جسمی - حرکتی") or reads(path, "نوع معلولیت:")
    assert reads(path, f"تاریخ تولد: {format_jalali(client.birth_date)}")
    # The declaration wraps over lines, which must be met top to bottom.
    declaration = (f"اینجانب {client.full_name} فرزند {client.father_name} به کد ملی "
                   f"{client.national_code} صحت و کامل بودن اطلاعات بالا را تأیید می‌کنم")
    assert reads(path, declaration)
    page = page_lines(path)[0]
    starts = [i for i, line in enumerate(page) if line and line[0].text == "اینجانب"]
    assert starts and len(page[starts[0]]) < len(declaration.split()) + 30


def test_visit_form_is_prefilled_with_the_job_and_the_next_due_visit(
        office: Office, tmp_path: Path) -> None:
    client, case = _client_with_job(office)
    path = tmp_path / "visit.pdf"
    print_forms(office.db, office.expert, [client.id], "visit", path)
    due = case.next_visit
    assert reads(path, f"موعد: {format_jalali(due.due_on)}")
    assert reads(path, f"عنوان شغل: {case.job_title}")
    assert reads(path, f"تاریخ شروع کار: {format_jalali(case.job_start_date)}")
    assert reads(path, format_rials(118_000_000))       # the earlier visit's income
    assert reads(path, "کمبود مواد اولیه")


def test_case_summary_lists_the_pathway_services_and_visits(office: Office,
                                                            tmp_path: Path) -> None:
    client, case = _client_with_job(office)
    path = tmp_path / "summary.pdf"
    print_forms(office.db, office.expert, [client.id], "summary", path)
    text = " ".join(reading(path))
    assert f"تسهیلات خوداشتغالی {format_jalali(dt.date(2023, 7, 20))} " \
           f"{format_rials(3_450_000_000)}" in text
    # The pathway's events, in the order they happened, top to bottom.
    stages = ["شناسایی و معرفی", "اهلیت‌سنجی", "مهارت‌آموزی", "اتصال به الگوی اشتغال",
              "ایجاد اشتغال"]
    positions = [text.index(stage) for stage in stages]
    assert positions == sorted(positions)
    assert len(case.visits) >= 5 and reads(path, "بازدیدهای پایش")


def test_a_long_case_summary_runs_over_pages_with_numbers_and_table_headers(
        office: Office, tmp_path: Path) -> None:
    client, case = _client_with_job(office)
    for month in range(30):
        benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
            kind="wage_subsidy", given_on=dt.date(2023, 8, 1) + dt.timedelta(days=month),
            amount=10_000_000 + month, months=month + 1))
    path = tmp_path / "long.pdf"
    result = print_forms(office.db, office.expert, [client.id], "summary", path)
    assert result.pages == 2
    pages = reading(path)
    assert "صفحه ۱ از ۲" in pages[0] and "صفحه ۲ از ۲" in pages[1]
    assert "خدمت تاریخ مبلغ (ریال) جزئیات" in pages[1]   # the header again, from the right


def test_batch_prints_many_clients_in_order_and_reports_the_skipped(office: Office,
                                                                  tmp_path: Path) -> None:
    with_job, _ = _client_with_job(office)
    without = office.client(first_name="مریم", last_name="کاظمی")
    path = tmp_path / "batch.pdf"
    seen: list[tuple[int, int]] = []

    class Control:
        cancelled = False

        def report(self, done: int, total: int, text: str = "") -> None:
            seen.append((done, total))

        def check_cancelled(self) -> None:
            pass

    result = print_forms(office.db, office.expert, [with_job.id, without.id], "visit", path,
                         Control())
    assert result.forms == 1
    assert [cid for cid, _ in result.skipped] == [without.id]
    assert "مریم کاظمی" in result.skipped[0][1]
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    registration = print_forms(office.db, office.expert, [without.id, with_job.id],
                               "registration", tmp_path / "two.pdf")
    assert registration.forms == 2 and registration.pages == 2
    first, second = reading(tmp_path / "two.pdf")
    assert "کاظمی" in first and "جلالی‌نژاد" in second


def test_printing_is_audited_and_a_form_nobody_can_print_is_refused(office: Office,
                                                                    tmp_path: Path) -> None:
    client = office.client()
    with pytest.raises(ValidationError):
        print_forms(office.db, office.expert, [client.id], "summary", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert printable_forms(office.db, office.expert, client.id) == [
        FormKind.REGISTRATION, FormKind.ASSESSMENT]
    print_forms(office.db, office.viewer, [client.id], "registration", tmp_path / "r.pdf")
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all()
    assert [(a.username, a.entity_id, a.after) for a in audit] == [
        ("viewer", client.id, {"form": "registration"})]


def test_a_facilitator_cannot_print_someone_elses_client(office: Office,
                                                         tmp_path: Path) -> None:
    client = office.client()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound):      # a client one may not see is not there at all
        print_forms(office.db, office.facilitator, [client.id], "registration", out / "x.pdf")
    assert list(out.iterdir()) == []


def test_cancelling_leaves_no_file(office: Office, tmp_path: Path) -> None:
    clients = [office.client() for _ in range(3)]

    class CancelAfterFirst:
        cancelled = False
        calls = 0

        def report(self, done: int, total: int, text: str = "") -> None:
            pass

        def check_cancelled(self) -> None:
            self.calls += 1
            if self.calls > 1:
                raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        print_forms(office.db, office.expert, [c.id for c in clients], "registration",
                    out / "batch.pdf", CancelAfterFirst())
    assert list(out.iterdir()) == []


def test_the_qr_seal_proves_the_office_printed_it(office: Office) -> None:
    seal = SealMaker(office.db).seal("registration", "0b7c-uuid", dt.date(2024, 10, 6))
    assert check_seal(office.db, seal.payload) == ("registration", "0b7c-uuid",
                                                   dt.date(2024, 10, 6))
    assert seal.payload.startswith("KARSAZ1:REGISTRATION:0B7C-UUID:20241006:")
    forged = seal.payload.replace("20241006", "20241007")
    assert check_seal(office.db, forged) is None
    assert check_seal(office.db, "anything") is None
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry.after).where(
            AuditEntry.entity == "setting")).all()
    assert all(after is None for after in audit)    # the key never lands in the audit


def test_the_printed_qr_code_holds_the_seal(office: Office, tmp_path: Path) -> None:
    """The QR drawn on the page, sampled module by module from a 300 dpi rendering, is the
    encoder's code for the client's seal."""
    from PIL import Image

    from desktop.reports.document import QR_SIZE
    from desktop.reports.page import LEFT, MARGIN, PAGE_HEIGHT
    from desktop.reports.qr import QUIET_ZONE, qr_modules

    client = office.client()
    path = tmp_path / "r.pdf"
    print_forms(office.db, office.expert, [client.id], "registration", path)
    seal = SealMaker(office.db).seal("registration", client.uuid, dt.date(2024, 10, 6))
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", "-gray", str(path),
                    str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("L")
    scale = 300 / 72
    modules = qr_modules(seal.payload)
    count = len(modules) + 2 * QUIET_ZONE
    box = QR_SIZE / count
    top = PAGE_HEIGHT - MARGIN - 2       # the code's top edge, in points from the bottom
    drawn = [[image.getpixel((round((LEFT + (c + QUIET_ZONE + 0.5) * box) * scale),
                              round((PAGE_HEIGHT - top + (r + QUIET_ZONE + 0.5) * box) * scale)))
              < 128 for c in range(len(modules))] for r in range(len(modules))]
    assert drawn == modules
    assert reads(path, seal.code)
