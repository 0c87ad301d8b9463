"""Excel import of clients: a 100,000-row office list checked and registered, against pandas
alone reading the same file, in the same run.

The list is written the way offices keep theirs: Persian and Latin digits mixed, national codes
that lost their leading zeros as Excel numbers, mobiles with +98 and spaces, Arabic ي/ك, county
names, target groups by name, and about 2% of rows with a mistake (a bad check digit, an unknown
county, a copied code). The import goes into an empty SQLite office (read, every rule of the
client form, duplicates in the file and the database, bulk insert, search index rebuilt).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from bench.harness import Result, metric
from desktop.actor import SYSTEM
from desktop.database import open_database
from desktop.fa.digits import to_persian_digits
from desktop.services.client_import import import_clients
from desktop.services.client_import_read import read_sheet
from desktop.services.demo_clients import national_codes
from desktop.services.demo_names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES
from desktop.services.office import initialize_office

ROWS = 100_000
HEADERS = ("ردیف", "نام", "نام خانوادگی", "نام پدر", "کد ملی", "تاریخ تولد", "جنسیت",
           "شماره همراه", "شهرستان", "گروه هدف", "آدرس", "کد پستی", "شبا")
COUNTIES = ("شیراز", "مرودشت", "كازرون", "فسا", "جهرم")
GROUPS = ("بانوی سرپرست خانوار", "سرپرست خانوار", "دختر خودسرپرست", "فرد بهبودیافته از اعتیاد",
          "عضو مؤثر خانواده", "دانشجو")


def write_office_list(path: Path, rows: int, seed: int = 9) -> None:
    rng = random.Random(seed)
    codes = national_codes(rng)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("مددجویان")
    sheet.append(HEADERS)
    previous = ""
    for n in range(1, rows + 1):
        female = rng.random() < 0.6
        code = next(codes)
        cell_code: object = int(code) if rng.random() < 0.3 else (
            to_persian_digits(code) if rng.random() < 0.3 else code)
        if rng.random() < 0.005:
            code = code[:9] + str((int(code[9]) + 1) % 10)   # a typing mistake
            cell_code = code
        elif rng.random() < 0.005 and previous:
            cell_code = previous                              # the same person twice
        previous = code
        date = f"{rng.randrange(1335, 1385)}/{rng.randrange(1, 13)}/{rng.randrange(1, 30)}"
        mobile = f"0912{rng.randrange(10**7):07d}"
        if rng.random() < 0.3:
            mobile = "+98 " + mobile[1:4] + " " + mobile[4:]
        county = rng.choice(COUNTIES) if rng.random() > 0.005 else "ناکجاآباد"
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        sheet.append([
            n, first.replace("ی", "ي"), rng.choice(FAMILY_NAMES), rng.choice(MALE_NAMES),
            cell_code, to_persian_digits(date) if rng.random() < 0.5 else date,
            "زن" if female else rng.choice(("مرد", "آقا")), mobile, county,
            rng.choice(GROUPS[:2] if female else GROUPS[3:]), "", "", ""])
    book.save(path)


def _median(function, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@metric("client_import")
def client_import() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-import-") as tmp:
        path = Path(tmp) / "office-list.xlsx"
        write_office_list(path, ROWS)
        pandas_read = _median(lambda: pd.read_excel(path, engine="calamine"))
        db = open_database(data_dir=Path(tmp) / "office")
        initialize_office(db, province_code="07", county_code="0707", office_name="اداره شیراز",
                          admin_username="admin", admin_full_name="مدیر",
                          admin_password="a-long-password")
        start = time.perf_counter()
        dry = import_clients(db, SYSTEM, read_sheet(path), dry_run=True)
        checked = time.perf_counter() - start
        start = time.perf_counter()
        result = import_clients(db, SYSTEM, read_sheet(path))
        imported = time.perf_counter() - start
        db.dispose()
    note = (f"{result.total:,} rows: {result.imported:,} imported, {len(result.rejected):,} "
            f"rejected (dry run: {dry.valid:,} valid)")
    return [
        Result("client_import_100k", "s", imported, "pandas read_excel (calamine) alone",
               pandas_read, goal_ratio=2, note=note + "; read, checked, written, indexed"),
        Result("client_import_dry_run_100k", "s", checked, "pandas read_excel (calamine) alone",
               pandas_read, note="read and checked, nothing written"),
    ]
