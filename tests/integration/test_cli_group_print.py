"""``karsaz groups print`` as an operator runs it (a real process), on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from pathlib import Path

from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.services.group_shareout import preview_shareout
from desktop.services.women_members import women_members
from tests.integration.conftest import Office
from tests.integration.group_scenario import DAYS, cycle_with_loans
from tests.integration.test_cli import karsaz
from tests.integration.women_helpers import make_women_group


def _run(office: Office, *args: str) -> subprocess.CompletedProcess[str]:
    url = office.db.engine.url.render_as_string(hide_password=False)
    return karsaz("--database-url", url, "groups", "print", *args)


def _text(path: Path) -> str:
    """What poppler reads in the PDF, digits made Latin."""
    return to_latin_digits(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                          capture_output=True, text=True).stdout)


def test_prints_each_document_of_a_group(office: Office, tmp_path: Path) -> None:
    group, members = cycle_with_loans(office)
    member = members[3]
    passbook = tmp_path / "دفترچه.pdf"
    # The national code typed in Persian digits, as it is on a card.
    result = _run(office, group.code, "--document", "passbook", "--member",
                  to_persian_digits(member.national_code), "--out", str(passbook))
    assert result.returncode == 0, result.stderr
    assert "دفترچه عضو" in result.stdout and str(passbook) in result.stdout
    text = _text(passbook)
    assert member.national_code in text and member.last_name in text
    assert members[4].national_code not in text

    minutes = tmp_path / "minutes.pdf"
    result = _run(office, group.code.lower(), "--document", "minutes", "--meeting",
                  format_jalali(DAYS[1]), "--out", str(minutes))
    assert result.returncode == 0, result.stderr
    assert all(m.national_code in _text(minutes) for m in members)

    shareout = tmp_path / "shareout.pdf"
    result = _run(office, group.code, "--document", "shareout", "--out", str(shareout))
    assert result.returncode == 0, result.stderr
    preview = preview_shareout(office.db, office.expert, group.id)
    assert f"{preview.distributable:,}".replace(",", "\u066c") in _text(shareout)

    everyone = tmp_path / "all.pdf"
    result = _run(office, group.code, "--document", "passbook", "--out", str(everyone))
    assert result.returncode == 0, result.stderr
    assert all(m.national_code in _text(everyone) for m in members)
    register = tmp_path / "register.pdf"
    assert _run(office, group.code, "--document", "register", "--out",
                str(register)).returncode == 0
    assert register.read_bytes().startswith(b"%PDF")


def test_what_cannot_be_printed_is_refused_in_persian(office: Office, tmp_path: Path) -> None:
    group, members = cycle_with_loans(office)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    cases = [
        (["MF-0707-9999", "--document", "register"], "خطا: گروهی با کد MF-0707-9999 وجود ندارد."),
        ([group.code, "--document", "contract"],
         "خطا: مقدار --document باید یکی از این‌ها باشد: passbook, register, minutes, shareout, "
         "group-profile, member-list."),
        ([group.code, "--document", "minutes"], "خطا: تاریخ جلسه را با --meeting بدهید."),
        ([group.code, "--document", "minutes", "--meeting", "1403/01/02"],
         "خطا: در تاریخ ۱۴۰۳/۰۱/۰۲ جلسه‌ای از این دوره برگزار نشده است."),
        ([group.code, "--document", "register", "--member", members[0].national_code],
         "خطا: --member تنها برای passbook است."),
        ([group.code, "--document", "passbook", "--member", office.national_code()],
         f"خطا: گروه {group.code} عضوی با کد ملی "),
    ]
    for args, message in cases:
        result = _run(office, *args, "--out", str(out))
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.startswith(message), result.stderr
        assert list(folder.iterdir()) == []      # no half-written temporary either


def test_prints_a_womens_groups_documents_and_refuses_what_is_not_theirs(
        office: Office, tmp_path: Path) -> None:
    group, members = make_women_group(office, "women_cooperative", members=2)
    chair = next(m for m in women_members(office.db, office.expert, group.id)
                 if m.id == members[0])
    profile = tmp_path / "شناسنامه.pdf"
    result = _run(office, group.code.lower(), "--document", "group-profile", "--out",
                  str(profile))
    assert result.returncode == 0, result.stderr
    assert "شناسنامه گروه" in result.stdout and str(profile) in result.stdout
    listing = tmp_path / "members.pdf"
    result = _run(office, group.code, "--document", "member-list", "--out", str(listing))
    assert result.returncode == 0, result.stderr
    assert chair.national_code in _text(listing) and chair.last_name in _text(listing)

    micro, _ = cycle_with_loans(office)
    out = tmp_path / "x.pdf"
    for args, message in (
            ([micro.code, "--document", "member-list"],
             f"خطا: هیچ گروه همیار یا تعاونی‌ای با کد {micro.code} نیست."),
            ([group.code, "--document", "group-profile", "--cycle", "1"],
             "خطا: --cycle تنها برای اسناد گروه تأمین مالی خرد است."),
            ([group.code, "--document", "register"], "خطا: گروهی با کد ")):
        result = _run(office, *args, "--out", str(out))
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.startswith(message), result.stderr
        assert not out.exists()
