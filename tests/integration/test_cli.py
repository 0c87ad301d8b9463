"""The karsaz command as an operator or a scheduled task runs it (a real process)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.fa.collate import sort_key
from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.jalali import parse_jalali


def karsaz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
        encoding="utf-8", cwd=cwd, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_version() -> None:
    result = karsaz("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_then_check(tmp_path: Path) -> None:
    password = tmp_path / "pass.txt"
    password.write_text("strong-pass\n", encoding="utf-8")
    data = tmp_path / "office"
    made = karsaz("--data-dir", str(data), "init", "--province", "07", "--county", "0707",
                  "--office", "اداره بهزیستی شیراز", "--admin", "admin",
                  "--password-file", str(password))
    assert made.returncode == 0, made.stderr
    assert "شیراز" in made.stdout
    checked = karsaz("--data-dir", str(data), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = karsaz("--data-dir", str(data), "init", "--province", "07", "--county", "0707",
                   "--office", "دوم", "--admin", "admin", "--password-file", str(password))
    assert again.returncode != 0
    assert "دفتر" in again.stderr or "اداره" in again.stderr


def test_init_with_a_county_of_another_province_fails_clearly(tmp_path: Path) -> None:
    password = tmp_path / "pass.txt"
    password.write_text("strong-pass", encoding="utf-8")
    result = karsaz("--data-dir", str(tmp_path / "o"), "init", "--province", "07", "--county",
                    "2301", "--office", "اداره", "--admin", "admin", "--password-file",
                    str(password))
    assert result.returncode == 2
    assert "خطا" in result.stderr


def test_demo_prints_how_to_sign_in_and_passes_check(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    result = karsaz("--data-dir", str(data), "demo", "--clients", "300")
    assert result.returncode == 0, result.stderr
    assert "admin" in result.stdout and "karsaz-demo" in result.stdout
    assert karsaz("--data-dir", str(data), "check").returncode == 0


def test_check_fails_on_a_damaged_file(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    assert karsaz("--data-dir", str(data), "demo", "--clients", "2000").returncode == 0
    path = data / "karsaz.sqlite3"
    raw = bytearray(path.read_bytes())
    for offset in range(8192, len(raw) - 4096, 4096):  # scribble over interior pages
        raw[offset + 100: offset + 140] = b"\xff" * 40
    path.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        (data / f"karsaz.sqlite3{suffix}").unlink(missing_ok=True)
    result = karsaz("--data-dir", str(data), "check")
    assert result.returncode != 0


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("clients") / "demo"
    made = karsaz("--data-dir", str(data), "demo", "--clients", "400", "--seed", "3")
    assert made.returncode == 0, made.stderr
    return data


def _stored(data: Path) -> dict[str, tuple[str, str, str | None]]:
    """national code → (first name, last name, stage of the open or latest case)."""
    with sqlite3.connect(data / "karsaz.sqlite3") as connection:
        rows = connection.execute(
            "SELECT c.national_code, c.first_name, c.last_name, "
            "(SELECT e.stage FROM employment_case e WHERE e.client_id = c.id "
            " ORDER BY e.status = 'open' DESC, e.opened_on DESC, e.id DESC LIMIT 1) "
            "FROM client c").fetchall()
    return {code: (first, last, stage) for code, first, last, stage in rows}


def test_clients_list_as_json_holds_the_stored_clients(demo_dir: Path) -> None:
    result = karsaz("--data-dir", str(demo_dir), "clients", "list", "--format", "json",
                    "--limit", "1000")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    stored = _stored(demo_dir)
    assert len(listed) == len(stored) == 400
    for row in listed:
        assert (row["first_name"], row["last_name"], row["stage"]) == stored[row["national_code"]]
        if row["birth_date"]:
            assert dt.date.fromisoformat(row["birth_date"]) == \
                parse_jalali(row["birth_date_jalali"])
    names = [row["last_name"] for row in listed]
    assert names == sorted(names, key=sort_key)   # Persian alphabetical order


def test_clients_list_as_csv_opens_in_excel(demo_dir: Path) -> None:
    result = karsaz("--data-dir", str(demo_dir), "clients", "list", "--format", "csv",
                    "--limit", "50", "--sort", "national_code")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(result.stdout[1:])))
    assert header[:2] == ["کد ملی", "نام و نام خانوادگی"]
    assert len(rows) == 50
    stored = _stored(demo_dir)
    codes = [to_latin_digits(row[0]) for row in rows]
    assert codes == sorted(stored)[:50]
    for code, row in zip(codes, rows, strict=True):
        first, last, _ = stored[code]
        assert row[1] == f"{first} {last}"
        assert not any(ch.isascii() and ch.isdigit() for ch in row[0] + row[3])


def test_clients_list_as_a_table_searched_and_filtered(demo_dir: Path) -> None:
    stored = _stored(demo_dir)
    code, (first, last, _) = next(iter(sorted(stored.items())))
    found = karsaz("--data-dir", str(demo_dir), "clients", "list", "--search", code[3:9])
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].split()[:2] == ["کد", "ملی"] and set(lines[1]) <= {"-", " "}
    assert any(to_persian_digits(code) in line and f"{first} {last}" in line for line in lines)
    following = karsaz("--data-dir", str(demo_dir), "clients", "list", "--format", "json",
                       "--stage", "follow_up", "--facilitator", "facilitator1",
                       "--county", "شيراز")
    assert following.returncode == 0, following.stderr
    rows = json.loads(following.stdout)
    assert rows and all(r["stage"] == "follow_up" and r["facilitator"] == "زهرا احمدی"
                        and r["county_code"] == "0707" for r in rows)
    total = karsaz("--data-dir", str(demo_dir), "clients", "list", "--limit", "3")
    assert total.stdout.splitlines()[-1] == "۳ از ۴۰۰ مددجو"


def test_clients_list_writes_a_file(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "clients.csv"
    result = karsaz("--data-dir", str(demo_dir), "clients", "list", "--format", "csv",
                    "--out", str(out), "--limit", "5")
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and out.read_text("utf-8-sig").count(
        "\n") == 6


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--limit", "0", "--limit"), ("--limit", "ده", "--limit"), ("--stage", "hired", "--stage"),
    ("--format", "xlsx", "--format"), ("--facilitator", "nobody", "nobody"),
    ("--county", "آتلانتیس", "آتلانتیس"), ("--program", "NONE", "NAT-LOAN"),
])
def test_clients_list_explains_bad_options_in_persian(demo_dir: Path, option: str, value: str,
                                                      says: str) -> None:
    result = karsaz("--data-dir", str(demo_dir), "clients", "list", option, value)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("خطا") and says in result.stderr
