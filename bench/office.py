"""The million-client demo office the list, search and worklist metrics run on.

Building it takes minutes, so the SQLite file is kept between runs in a cache folder
(``KARSAZ_BENCH_CACHE``, by default ``karsaz-bench`` in the system's temporary folder), under a
name made of the schema's HEAD revision, the seed, the size and a digest of the demo generator's
source: a change to any of them builds a new office, and older ones are removed.

On PostgreSQL (``KARSAZ_BENCH_PG_URL``, an administrator's URL) a database is made and filled
once per run, shared by the metrics, and dropped when the run ends.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sys
import tempfile
import time
import uuid
from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.database import Database, open_database
from desktop.models.migrations import HEAD

CLIENTS = 1_000_000
SEED = 1403
PG_ENV = "KARSAZ_BENCH_PG_URL"


def cache_folder() -> Path:
    return Path(os.environ.get("KARSAZ_BENCH_CACHE")
                or Path(tempfile.gettempdir()) / "karsaz-bench")


def _generator_digest() -> str:
    digest = hashlib.sha256()
    modules = [f for f in resources.files("desktop.services").iterdir()
               if f.name.startswith("demo") and f.name.endswith(".py")]
    for module in sorted(modules, key=lambda f: f.name):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:12]


def office_key(clients: int = CLIENTS, seed: int = SEED) -> str:
    return f"office-{HEAD}-{seed}-{clients}-{_generator_digest()}"


def build_office(db: Database, clients: int, seed: int) -> float:
    """Fill ``db`` with the demo office; returns the seconds it took (shown as it goes)."""
    from desktop.services.demo import make_demo_office

    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % 100_000 == 0 or done == total:
            print(f"  demo office: {done:,}/{total:,} clients, "
                  f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)

    make_demo_office(db, clients=clients, seed=seed, progress=progress)
    return time.perf_counter() - start


def cached_sqlite_office(clients: int = CLIENTS, seed: int = SEED) -> Path:
    """The SQLite file of the demo office, built on the first call after a change."""
    folder = cache_folder()
    key = office_key(clients, seed)
    path = folder / key / "karsaz.sqlite3"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"office-*-{clients}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    building = folder / f"building-{key}"
    shutil.rmtree(building, ignore_errors=True)
    db = open_database(data_dir=building)
    try:
        seconds = build_office(db, clients, seed)
    finally:
        db.dispose()
    print(f"  demo office of {clients:,} clients built in {seconds:.0f} s: {path.parent}",
          file=sys.stderr, flush=True)
    building.rename(path.parent)
    return path


def open_office(path: Path) -> Database:
    return open_database(f"sqlite:///{path}")


_postgres: dict[str, Database | None] = {}


def postgres_office() -> Database | None:
    """The office on PostgreSQL for this run (made on first use, dropped at exit), or None
    with a line saying how to ask for it."""
    if "db" in _postgres:
        return _postgres["db"]
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        print(f"  PostgreSQL skipped: set {PG_ENV} to an administrator's URL, e.g. "
              f"{PG_ENV}=postgresql://postgres@localhost/postgres python -m bench",
              file=sys.stderr, flush=True)
        _postgres["db"] = None
        return None
    name = f"karsaz_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    atexit.register(_drop_postgres, admin_url, name)
    db = open_database(make_url(admin_url).set(database=name)
                       .render_as_string(hide_password=False))
    seconds = build_office(db, CLIENTS, SEED)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    print(f"  demo office of {CLIENTS:,} clients built on PostgreSQL in {seconds:.0f} s",
          file=sys.stderr, flush=True)
    _postgres["db"] = db
    return db


def _drop_postgres(admin_url: str, name: str) -> None:
    db = _postgres.pop("db", None)
    if db is not None:
        db.dispose()
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = :name"), {"name": name})
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()
