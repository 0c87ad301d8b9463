"""Fixtures shared by every test: an isolated data folder, a fixed clock, real databases."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop import clock, paths
from desktop.database import Database, open_database

PG_URL_ENV = "KARSAZ_TEST_PG_URL"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "gui" in parts:
            item.add_marker(pytest.mark.gui)
        if "postgresql" in item.nodeid:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test ever writes into the real user data folder."""
    folder = tmp_path / "karsaz-data"
    monkeypatch.setenv("KARSAZ_DATA_DIR", str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def fixed_clock() -> Iterator[clock.FixedClock]:
    fixed = clock.FixedClock(dt.datetime(2024, 10, 6, 8, 30, tzinfo=dt.UTC))  # ۱۵ مهر ۱۴۰۳
    previous = clock.set_clock(fixed)
    yield fixed
    clock.set_clock(previous)


def postgres_admin_url() -> str | None:
    url = os.environ.get(PG_URL_ENV)
    if not url and os.environ.get("CI"):
        pytest.fail(f"{PG_URL_ENV} is not set: CI must run the PostgreSQL tests")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    admin_url = postgres_admin_url()
    if not admin_url:
        pytest.skip(f"{PG_URL_ENV} not set (tools/test.sh starts a server and sets it)")
    name = f"karsaz_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"
            ), {"name": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'karsaz.sqlite3'}")
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test against a SQLite file and a real PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'karsaz.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = open_database(url)
    yield database
    database.dispose()
