"""The areas' lists as Excel files: the clients as filtered, the groups with their amounts as
numbers."""

from __future__ import annotations

import openpyxl

from desktop.actor import SYSTEM
from desktop.fa.jalali import format_jalali
from desktop.services.client_search import ClientFilter, ClientSort, client_rows, count_clients
from desktop.services.demo import make_demo_office
from desktop.services.group_overview import list_groups
from desktop.services.list_exports import (
    export_clients,
    export_rows,
    microfinance_columns,
    women_group_columns,
)
from desktop.services.women_overview import list_women_groups


def test_clients_and_groups_as_excel(db, fixed_clock, tmp_path) -> None:
    make_demo_office(db, clients=3_000, groups=2, women_groups=2, cases=False)
    filters = ClientFilter(county_code="0707")
    total = count_clients(db, SYSTEM, filters)
    path = tmp_path / "clients.xlsx"
    assert export_clients(db, SYSTEM, filters, path, sort=ClientSort.BIRTH_DATE) == total
    sheet = openpyxl.load_workbook(path).active
    assert sheet.sheet_view.rightToLeft and sheet.max_row == total + 1 > 2001
    first = client_rows(db, SYSTEM, filters, sort=ClientSort.BIRTH_DATE, limit=1)[0]
    assert [c.value for c in sheet[2]][3:5] == [first.national_code,
                                                format_jalali(first.birth_date)]
    groups = list_groups(db, SYSTEM)
    export_rows(groups, microfinance_columns(), tmp_path / "groups.xlsx", "گروه‌ها")
    sheet = openpyxl.load_workbook(tmp_path / "groups.xlsx").active
    assert [r[6].value for r in sheet.iter_rows(min_row=2)] == [g.savings for g in groups]
    assert all(isinstance(r[6].value, int) for r in sheet.iter_rows(min_row=2))
    women = list_women_groups(db, SYSTEM)
    export_rows(women, women_group_columns(), tmp_path / "women.xlsx", "گروه‌ها")
    sheet = openpyxl.load_workbook(tmp_path / "women.xlsx").active
    assert sheet.max_row == len(women) + 1 and sheet.cell(1, 1).value == "کد"
