"""What solar income puts out: `karsaz solar` (JSON shapes, Persian errors, exit codes), the
bank transfer list as CSV and Excel read back with pandas, and the income statement PDF read
back as a person reads it."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from desktop.actor import SYSTEM
from desktop.cli import main
from desktop.domain.solar import format_period, previous_month
from desktop.errors import ValidationError
from desktop.fa.money import format_amount
from desktop.services.demo import make_demo_office
from desktop.services.solar_payouts import payout_rows
from desktop.services.solar_plants import list_plants
from desktop.services.solar_run_records import run_lines, run_of
from desktop.services.solar_statements import income_statement, print_statement
from tests.pdf_text import reading, reads

MEHR = dt.date(2024, 9, 22)             # today is 15 Mehr 1403
SHAHRIVAR = previous_month(MEHR)        # the demo's last month, left in draft
MORDAD = previous_month(SHAHRIVAR)


@pytest.fixture
def demo(db, fixed_clock):
    make_demo_office(db, clients=150, groups=0, women_groups=0, cases=False)
    return ["--database-url", db.engine.url.render_as_string(hide_password=False)]


def test_solar_allocate_and_plants_as_json(db, demo, capsys):
    assert main([*demo, "solar", "plants", "--json"]) == 0
    plants = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in plants] == ["SP-0707-001", "SP-0707-002", "SP-0707-003"]
    assert all(isinstance(p["capacity_watts"], int) and p["beneficiaries"] > 0 for p in plants)
    assert main([*demo, "solar", "allocate", "--period", "1403-06", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["period"] == "1403-06"
    assert [p["code"] for p in result["plants"]] == [p["code"] for p in plants]
    for plant in result["plants"]:
        assert {"code", "net", "allocated", "beneficiaries"} <= set(plant)
        assert all(isinstance(plant[key], int) for key in ("net", "allocated", "beneficiaries"))
        assert plant["status"] == "draft"
        assert plant["allocated"] == max(plant["net"], 0) + plant["adjustments"]
    assert main([*demo, "solar", "allocate", "--period", "1403-06", "--plant", "sp-0707-002",
                 "--approve", "--json"]) == 0
    [approved] = json.loads(capsys.readouterr().out)["plants"]
    assert approved["code"] == "SP-0707-002" and approved["status"] == "approved"
    # Approved: computing it again is refused, in Persian, with the exit code of errors.
    assert main([*demo, "solar", "allocate", "--period", "1403-06", "--plant",
                 "SP-0707-002"]) == 2
    assert "تأیید شده" in capsys.readouterr().err


def test_solar_commands_explain_what_is_wrong(db, demo, capsys):
    assert main([*demo, "solar", "allocate", "--period", "1403-13"]) == 2
    assert "سال و ماه شمسی" in capsys.readouterr().err
    assert main([*demo, "solar", "allocate", "--period", "1403-06", "--plant",
                 "SP-0000-999"]) == 2
    assert "SP-0000-999" in capsys.readouterr().err
    assert main([*demo, "solar", "payouts", "--period", "1403-06", "--out", "x.csv"]) == 2
    assert "تأیید نشده" in capsys.readouterr().err


def test_payout_lists_read_back_as_written(db, demo, tmp_path, capsys):
    rows = payout_rows(db, SYSTEM, MORDAD)
    assert rows and all(r.amount > 0 and len(r.sheba) == 26 for r in rows)
    codes = [r.national_code for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    lines = [line for plant in list_plants(db, SYSTEM)
             for line in run_lines(db, SYSTEM, run_of(db, SYSTEM, plant.id, MORDAD).id)]
    assert sum(r.amount for r in rows) == sum(line.payable for line in lines)

    assert main([*demo, "solar", "payouts", "--period", "1403-05", "--out",
                 str(tmp_path / "mordad.csv")]) == 0
    raw = (tmp_path / "mordad.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                  # Excel on Windows reads Persian
    csv = pd.read_csv(tmp_path / "mordad.csv", encoding="utf-8-sig", dtype={"کد ملی": str})
    assert list(csv.columns) == ["نام و نام خانوادگی", "کد ملی", "شماره شبا", "مبلغ (ریال)"]
    assert list(csv["کد ملی"]) == codes
    assert list(csv["مبلغ (ریال)"]) == [r.amount for r in rows]

    assert main([*demo, "solar", "payouts", "--period", "1403-05", "--plant", "SP-0707-001",
                 "--out", str(tmp_path / "mordad.xlsx")]) == 0
    sheet = pd.read_excel(tmp_path / "mordad.xlsx", engine="openpyxl", dtype={"کد ملی": str})
    one = payout_rows(db, SYSTEM, MORDAD, plant_code="SP-0707-001")
    assert sheet["مبلغ (ریال)"].dtype.kind == "i"
    assert list(sheet["مبلغ (ریال)"]) == [r.amount for r in one]
    assert list(sheet["نام و نام خانوادگی"]) == [r.full_name for r in one]
    assert list(sheet["شماره شبا"]) == [r.sheba for r in one]
    assert "واریز" in capsys.readouterr().out


def test_the_income_statement_reads_back(db, demo, tmp_path):
    plant = list_plants(db, SYSTEM)[0]
    lines = run_lines(db, SYSTEM, run_of(db, SYSTEM, plant.id, MORDAD).id)
    person = next(line for line in lines if line.payable > 0)
    statement = income_statement(db, SYSTEM, person.national_code, 1403)
    # Farvardin to Mordad approved; Shahrivar is a draft and not in it.
    assert [line.month for line in statement.lines if line.plant_code == plant.code][-1] == \
        MORDAD
    printed = print_statement(db, SYSTEM, person.national_code, 1403, tmp_path / "y.pdf")
    assert printed.pages >= 1
    text = reading(tmp_path / "y.pdf")
    assert reads(tmp_path / "y.pdf", "صورت‌حساب درآمد نیروگاه خورشیدی")
    assert reads(tmp_path / "y.pdf", person.full_name)
    assert any(person.national_code in line for line in text)
    assert reads(tmp_path / "y.pdf", "مرداد ۱۴۰۳")
    assert not reads(tmp_path / "y.pdf", "شهریور ۱۴۰۳")
    total = statement.total("payable")
    assert any(format_amount(total) in line for line in text)
    month = print_statement(db, SYSTEM, person.national_code, 1403, tmp_path / "m.pdf",
                            month=5)
    assert month.pages == 1 and reads(tmp_path / "m.pdf", "مرداد ۱۴۰۳")
    with pytest.raises(ValidationError):
        income_statement(db, SYSTEM, "123", 1403)
    assert format_period(MORDAD) == "۱۴۰۳/۰۵"
