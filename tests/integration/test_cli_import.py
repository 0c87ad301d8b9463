"""``karsaz import clients``: its JSON, its report and exit status, and a killed import leaving
nothing behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from desktop.cli import main
from desktop.database import open_database
from desktop.models.people import Client
from desktop.services.integrity import run_checks
from tests.integration.conftest import make_office
from tests.integration.import_helpers import person, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def _url(db) -> list[str]:
    return ["--database-url", db.engine.url.render_as_string(hide_password=False)]


def _clients(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Client))


def test_import_clients_json_and_report(office, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "list.xlsx",
                      [person(1), person(2), person(3, **{"جنسیت": "?"})])
    report = tmp_path / "rejected.xlsx"
    assert main([*_url(office.db), "import", "clients", str(path), "--dry-run", "--json"]) == 1
    dry = json.loads(capsys.readouterr().out)
    assert (dry["imported"], dry["rejected"], dry["valid"], dry["dry_run"]) == (0, 1, 2, True)
    assert dry["rejected_rows"][0]["row"] == 4 and "جنسیت" in dry["rejected_rows"][0]["reasons"][0]
    assert dry["columns"]["کد ملی"] == "national_code"
    assert _clients(office.db) == 0
    code = main([*_url(office.db), "import", "clients", str(path), "--all-or-nothing", "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["refused"] is True
    assert main([*_url(office.db), "import", "clients", str(path), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "۲ مددجو وارد شد" in out and "ردیف ۴" in out
    sheet = openpyxl.load_workbook(report).active
    assert sheet.cell(2, 1).value == 4 and "جنسیت" in sheet.cell(2, 2).value
    assert _clients(office.db) == 2
    assert main([*_url(office.db), "import", "clients", str(path), "--json"]) == 1
    again = json.loads(capsys.readouterr().out)
    assert (again["imported"], again["rejected"]) == (0, 3)   # the first two are registered now


def test_an_unreadable_file_is_explained(office, tmp_path, capsys) -> None:
    bad = tmp_path / "list.xlsx"
    bad.write_text("not a spreadsheet")
    assert main([*_url(office.db), "import", "clients", str(bad)]) == 2
    assert "خوانده نشد" in capsys.readouterr().err


def test_a_killed_import_leaves_nothing_behind(tmp_path, fixed_clock) -> None:
    database = tmp_path / "office.db"
    db = open_database(f"sqlite:///{database}")
    make_office(db)
    db.dispose()
    path = write_xlsx(tmp_path / "big.xlsx", [person(n) for n in range(1, 15_001)])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--database-url", f"sqlite:///{database}",
             "import", "clients", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, cwd=ROOT) as process:
        assert process.stderr is not None
        writing = 0
        for line in process.stderr:
            writing += line.startswith("ثبت مددجویان")
            if writing == 3:    # two chunks of clients written in the open transaction
                process.send_signal(signal.SIGKILL)
                break
        process.wait(timeout=60)
    assert writing == 3 and process.returncode == -signal.SIGKILL
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM client").fetchone() == (0,)
    db = open_database(f"sqlite:///{database}")
    try:
        assert all(check.ok for check in run_checks(db)), run_checks(db)
        assert _clients(db) == 0
    finally:
        db.dispose()
