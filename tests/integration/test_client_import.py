"""Importing an office's messy Excel list of clients: every row imported or rejected with its
reason, nothing written by a dry run, a refused all-or-nothing or a cancel."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.errors import PermissionDenied, ValidationError
from desktop.models.people import Client
from desktop.models.tracking import AuditEntry, ChangeLogEntry
from desktop.progress import Cancelled
from desktop.services.client_import import import_clients, import_file
from desktop.services.client_import_read import read_sheet
from desktop.services.client_import_report import write_report
from desktop.services.client_search import ClientFilter, count_clients
from desktop.services.clients import find_by_national_code
from tests.integration.import_helpers import HEADERS, code, person, write_xlsx


def _count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Client))


def _reasons(result) -> dict[int, str]:
    return {r.excel_row: " ".join(r.reasons) for r in result.rejected}


def test_messy_values_are_read_as_offices_type_them(office, tmp_path) -> None:
    rows = [
        person(1, **{"کد ملی": "۰۰" + code(1, zeros=2)[2:], "تاریخ تولد": "۱۳۷۰-۰۱-۰۵",
                     "شماره همراه": "+98 912 345 6789", "نام": "علي", "جنسیت": "مرد",
                     "گروه هدف": "معلول", "شهرستان": "كازرون"}),
        person(2, **{"کد ملی": int(code(2, zeros=1)), "تاریخ تولد": "70/1/5",
                     "شماره همراه": 9121112233, "جنسیت": "خانم", "شهرستان": " مرودشت "}),
        person(3, **{"کد ملی": int(code(3, zeros=2)), "تاریخ تولد": "13700105",
                     "شماره همراه": "0098-912-000-1111", "جنسیت": "مونث",
                     "گروه هدف": "سرپرست خانوار، دانشجو"}),
        person(4, **{"کد ملی": code(4)[:3] + "-" + code(4)[3:9] + "-" + code(4)[9],
                     "تاریخ تولد": dt.datetime(1991, 3, 25), "جنسیت": "مذکر",
                     "گروه هدف": "فرد بهبودیافته از اعتیاد", "شهرستان": ""}),
    ]
    rows[0].update({"نوع معلولیت": "نابینا", "شدت معلولیت": "شدید"})
    path = write_xlsx(tmp_path / "list.xlsx", rows, (*HEADERS, "نوع معلولیت", "شدت معلولیت"))
    result = import_file(office.db, office.expert, path)
    assert (result.imported, _reasons(result)) == (4, {})
    first = find_by_national_code(office.db, office.expert, code(1, zeros=2))
    assert first is not None
    assert (first.first_name, first.mobile, first.county_name, first.birth_date) == (
        "علی", "09123456789", "کازرون", dt.date(1991, 3, 25))
    assert (first.gender, first.target_groups, first.disability_type) == (
        "male", ("disability",), "visual")
    second = find_by_national_code(office.db, office.expert, code(2, zeros=1))
    assert second is not None and second.birth_date == dt.date(1991, 3, 25)
    assert (second.mobile, second.gender, second.county_name) == ("09121112233", "female",
                                                                  "مرودشت")
    third = find_by_national_code(office.db, office.expert, code(3, zeros=2))
    assert third is not None and third.target_groups == ("female_head", "student")
    assert third.student and third.mobile == "09120001111"
    fourth = find_by_national_code(office.db, office.expert, code(4))
    assert fourth is not None and fourth.county_code == "0707"   # the office's own county
    assert fourth.birth_date == dt.date(1991, 3, 25)


def test_header_variants_and_a_title_line_are_recognised(tmp_path) -> None:
    headers = ("رديف", "نام", "نام‌خانوادگی", "نام  پدر", "کدملی", "تاريخ تولد", "جنس",
               "ش.همراه", "شهرستان محل سکونت", "جامعه هدف", "نشانی", "کد‌پستی", "شماره شبا",
               "ستون دیگر")
    path = write_xlsx(tmp_path / "h.xlsx", [], headers, title="لیست مددجویان شهرستان شیراز")
    sheet = read_sheet(path)
    assert sheet.mapping == ["row_number", "first_name", "last_name", "father_name",
                             "national_code", "birth_date", "gender", "mobile", "county",
                             "target_groups", "address", "postal_code", "sheba", None]
    moblie_only = write_xlsx(tmp_path / "m.xlsx", [], ("موبایل", "تلفن همراه", "نام"))
    assert read_sheet(moblie_only).mapping == ["mobile", None, "first_name"]


def test_bad_rows_are_rejected_each_with_its_reason(office, tmp_path) -> None:
    office.client(national_code=code(90), last_name="موجود")
    rows = [
        person(1),
        person(2, **{"کد ملی": code(1)}),                            # copy of row 2
        person(3, **{"کد ملی": code(90)}),                           # in the database
        person(4, **{"شهرستان": "تبریز"}),                          # another province
        person(5, **{"شهرستان": "ناکجا"}),
        person(6, **{"تاریخ تولد": "1370/13/40"}),
        person(7, **{"تاریخ تولد": "دیروز"}),
        person(8, **{"کد ملی": code(8)[:9] + str((int(code(8)[9]) + 1) % 10)}),
        person(9, **{"شماره همراه": "12345"}),
        person(10, **{"جنسیت": "نامعلوم"}),
        person(11, **{"گروه هدف": "سالمند"}),
        person(12, **{"نام": ""}),
        person(13, **{"گروه هدف": "معلول"}),                         # kind and severity missing
        person(14, **{"تاریخ تولد": "1400/01/01"}),                  # too young
        person(15, **{"نام خانوادگی": person(1)["نام خانوادگی"]}),  # same person as row 2?
    ]
    rows[-1].update({"تاریخ تولد": rows[0]["تاریخ تولد"], "نام پدر": rows[0]["نام پدر"]})
    result = import_file(office.db, office.expert, write_xlsx(tmp_path / "bad.xlsx", rows))
    reasons = _reasons(result)   # the header is row 1 in Excel, person(n) is row n + 1
    assert result.imported == 1 and sorted(reasons) == list(range(3, 17))
    assert "کد ملی" in reasons[3] and "ردیف ۲" in reasons[3]
    assert "ثبت شده" in reasons[4]
    assert "استان" in reasons[5] and "شهرستان" in reasons[5]
    assert "ناکجا" in reasons[6]
    assert reasons[7].startswith("تاریخ تولد") and reasons[8].startswith("تاریخ تولد")
    assert reasons[9].startswith("کد ملی") and "همراه" in reasons[10]
    assert "جنسیت" in reasons[11] and "سالمند" in reasons[12] and "نام" in reasons[13]
    assert "معلولیت" in reasons[14] and "۱۵" in reasons[15]
    assert "ردیف ۲" in reasons[16] and "مشابه" in reasons[16]
    assert _count(office.db) == 2


def test_a_dry_run_writes_nothing_and_all_or_nothing_refuses(office, tmp_path) -> None:
    rows = [person(1), person(2), person(3, **{"کد ملی": "12"})]
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    with office.db.reading() as session:
        changes = session.scalar(select(func.count()).select_from(ChangeLogEntry))
    dry = import_file(office.db, office.expert, path, dry_run=True)
    assert (dry.valid, len(dry.rejected), dry.imported) == (2, 1, 0)
    refused = import_file(office.db, office.expert, path, all_or_nothing=True)
    assert refused.refused and refused.imported == 0
    assert _count(office.db) == 0
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == changes
    done = import_file(office.db, office.expert, path)
    assert (done.imported, len(done.rejected)) == (2, 1)
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == changes + 4
        actions = [a for (a,) in session.execute(select(AuditEntry.action))]
    assert actions.count("bulk_insert") == 2 and actions.count("clients_imported") == 2
    # Imported clients are found by the search like any other.
    assert count_clients(office.db, office.expert, ClientFilter(text=person(2)["نام خانوادگی"])
                         ) == 1


def test_cancelling_writes_nothing(office, tmp_path) -> None:
    sheet = read_sheet(write_xlsx(tmp_path / "c.xlsx", [person(n) for n in range(1, 30)]))

    class CancelWhileWriting:
        cancelled = False

        def report(self, done: int, total: int, text: str = "") -> None:
            self.cancelled = done >= len(sheet.rows)

        def check_cancelled(self) -> None:
            if self.cancelled:
                raise Cancelled

    with pytest.raises(Cancelled):
        import_clients(office.db, office.expert, sheet, control=CancelWhileWriting())
    assert _count(office.db) == 0
    assert import_clients(office.db, office.expert, sheet).imported == 29


def test_the_mapping_must_give_the_required_fields(office, tmp_path) -> None:
    sheet = read_sheet(write_xlsx(tmp_path / "x.xlsx", [person(1)]))
    mapping = list(sheet.mapping)
    mapping[HEADERS.index("کد ملی")] = None
    with pytest.raises(ValidationError) as missing:
        import_clients(office.db, office.expert, sheet, mapping)
    assert "کد ملی" in missing.value.message
    mapping[HEADERS.index("کد ملی")] = "first_name"
    with pytest.raises(ValidationError):
        import_clients(office.db, office.expert, sheet, mapping)
    with pytest.raises(PermissionDenied):
        import_clients(office.db, office.facilitator, sheet)


def test_a_user_fixed_mapping_is_used(office, tmp_path) -> None:
    headers = ("ستون ۱", "ستون ۲", "کد ملی", "تاریخ تولد", "جنسیت", "گروه هدف")
    row = person(1)
    values = {"ستون ۱": row["نام"], "ستون ۲": row["نام خانوادگی"], **row}
    sheet = read_sheet(write_xlsx(tmp_path / "u.xlsx", [values], headers))
    assert sheet.mapping[:2] == [None, None]
    result = import_clients(office.db, office.expert, sheet,
                            ["first_name", "last_name", *sheet.mapping[2:]])
    assert result.imported == 1


def test_the_report_lists_rejected_rows_with_persian_reasons(office, tmp_path) -> None:
    rows = [person(1), person(2, **{"کد ملی": "@SUM(1)", "شماره همراه": "123"})]
    sheet = read_sheet(write_xlsx(tmp_path / "r.xlsx", rows))
    result = import_clients(office.db, office.expert, sheet)
    report = tmp_path / "report.xlsx"
    assert write_report(result, sheet.headers, report) == 1
    book = openpyxl.load_workbook(report)
    ws = book.active
    assert ws.sheet_view.rightToLeft
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][:3] == ["ردیف در اکسل", "علت رد", "ردیف"]
    assert values[1][0] == 3 and "کد ملی" in values[1][1] and "همراه" in values[1][1]
    assert values[1][2 + HEADERS.index("کد ملی")] == "'@SUM(1)"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_csv_in_the_windows_arabic_code_page(office, tmp_path) -> None:
    row = person(1)
    text = ",".join(HEADERS) + "\n" + ",".join(str(row[h]) for h in HEADERS) + "\n"
    path = tmp_path / "list.csv"
    path.write_bytes(text.replace("ی", "ي").replace("ک", "ك").encode("cp1256"))
    result = import_file(office.db, office.expert, path)
    assert (result.imported, result.rejected) == (1, ())
