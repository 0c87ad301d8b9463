"""Export to headquarters: a full snapshot of a large office, and an incremental batch.

``export_full``: ``make_batch(full=True)`` on an office of ``KARSAZ_BENCH_EXPORT_CLIENTS``
clients (1,000,000 by default) — rows read, turned into the documented JSON, hashed, zipped,
signed, written and synced — against a plain dump of the same client rows, ``json.dumps`` per
row into a ZIP member, in the same run. The goal is a throughput ≥ 0.5× the plain dump's.

``export_incremental_1000``: the batch of 1,000 client changes made after that snapshot was
acknowledged, ≤ 2 s.

The office is a throwaway SQLite file made for the run: clients inserted in bulk with the
search index's triggers dropped first (the export never reads the index, and building it would
take most of the run); the 1,000 changes go in with their change-log entries, as the flush
listener writes them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
import time
import zipfile
from pathlib import Path

from sqlalchemy import insert, select, text, update

from bench.harness import Result, metric
from desktop.clock import utcnow
from desktop.database import Database, open_database
from desktop.models.people import SEARCH_TRIGGERS, Client
from desktop.models.tracking import ChangeLogEntry
from desktop.services import export_batches as batches
from desktop.services.export_format import entities
from desktop.services.office import initialize_office

CLIENTS = int(os.environ.get("KARSAZ_BENCH_EXPORT_CLIENTS", "1000000"))
CHANGES = 1000
CHUNK = 20_000
NAMES = ("زهرا", "مریم", "فاطمه", "سمیه", "علی", "حسین", "محمد", "رضا", "نرگس", "مهدی")
LAST = ("احمدی", "رضایی", "محمدی", "کشاورز", "موسوی", "حسینی", "کریمی", "جعفری")


def _fill(db: Database, count: int) -> None:
    rnd = random.Random(1403)
    now = utcnow()
    with db.engine.begin() as connection:
        for name in SEARCH_TRIGGERS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    table = Client.__table__
    for start in range(0, count, CHUNK):
        rows = []
        for n in range(start, min(count, start + CHUNK)):
            first, last = rnd.choice(NAMES), rnd.choice(LAST)
            rows.append(dict(
                uuid=f"00000000-0000-4000-8000-{n:012d}", created_at=now, updated_at=now,
                version=1, national_code=f"{n + 10**9:010d}"[-10:], first_name=first,
                last_name=last, father_name=rnd.choice(NAMES),
                birth_date=dt.date(1960, 1, 1) + dt.timedelta(days=rnd.randrange(15000)),
                gender=rnd.choice(("female", "male")), mobile=f"0912{rnd.randrange(10**7):07d}",
                county_code="0707", urban=rnd.random() < 0.7,
                address="شیراز، خیابان زند، کوچه ۱۲", postal_code=None, sheba=None,
                disability_type=None, disability_severity=None, hard_to_employ=False,
                education=None, student=False, household_size=rnd.randint(1, 8),
                dependants=rnd.randint(0, 5), file_number=f"۰۷-{n}", notes="",
                registered_by_id=None, search_key=f"{first} {last}", sort_name=last,
                name_rank=None))
        with db.engine.begin() as connection:
            connection.execute(insert(table), rows)


def _change(db: Database, count: int) -> None:
    """``count`` clients edited, with their change-log entries (one transaction, as a user's
    day of edits would arrive)."""
    rnd = random.Random(7)
    ids = rnd.sample(range(1, CLIENTS + 1), count)
    now = utcnow()
    with db.engine.begin() as connection:
        table = Client.__table__
        for client_id in ids:
            connection.execute(update(table).where(table.c.id == client_id).values(
                mobile=f"0935{rnd.randrange(10**7):07d}", version=table.c.version + 1,
                updated_at=now))
        changed = connection.execute(select(table.c.uuid, table.c.version)
                                     .where(table.c.id.in_(ids))).all()
        connection.execute(insert(ChangeLogEntry), [
            dict(at=now, entity="client", entity_uuid=uuid, version=version, op="update")
            for uuid, version in changed])


def _plain_dump(db: Database, out: Path) -> int:
    columns = entities()["client"].columns
    rows = 0
    with db.engine.connect() as connection, zipfile.ZipFile(out, "w",
                                                           zipfile.ZIP_DEFLATED) as archive:
        result = connection.execution_options(yield_per=5000).execute(select(*columns))
        keys = list(result.keys())
        with archive.open("client.jsonl", "w", force_zip64=True) as member:
            for partition in result.partitions():
                lines = [json.dumps(dict(zip(keys, row, strict=True)), default=str)
                         for row in partition]
                member.write(("\n".join(lines) + "\n").encode("utf-8"))
                rows += len(lines)
    return rows


@metric("export")
def export() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-export-") as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'office' / 'karsaz.sqlite3'}")
        try:
            initialize_office(db, province_code="07", county_code="0707",
                              office_name="اداره شیراز", admin_username="admin",
                              admin_full_name="مدیر", admin_password="a-long-password")
            start = time.perf_counter()
            _fill(db, CLIENTS)
            setup = time.perf_counter() - start

            start = time.perf_counter()
            dumped = _plain_dump(db, folder / "plain.zip")
            plain = time.perf_counter() - start

            start = time.perf_counter()
            full = batches.make_batch(db, full=True)
            made = time.perf_counter() - start
            assert full is not None and full.records >= CLIENTS
            batches.mark_acknowledged(db, full.id, "bench")

            _change(db, CHANGES)
            start = time.perf_counter()
            batch = batches.make_batch(db)
            incremental = time.perf_counter() - start
            assert batch is not None and batch.records == CHANGES
            plain_size = (folder / "plain.zip").stat().st_size
        finally:
            db.dispose()
    note = (f"{CLIENTS:,} clients (set up in {setup:.0f} s); package {full.size / 2**20:.0f} MB "
            f"in {made:.1f} s, plain dump {plain_size / 2**20:.0f} MB of {dumped:,} rows "
            f"in {plain:.1f} s")
    return [
        Result("export_full", "rows/s", full.records / made, "json.dumps + zip", dumped / plain,
               higher_is_better=True, goal_ratio=0.5, note=note),
        Result("export_incremental_1000", "s", incremental, "full snapshot", made,
               goal_value=2.0, note=f"{batch.records} records, {batch.size / 1024:.0f} KB"),
    ]
