"""Opening a database upgrades it, after copying an older file aside."""

from __future__ import annotations

import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from alembic.config import Config
from sqlalchemy import text

import desktop.database as database
from desktop.database import open_database
from desktop.errors import DatabaseError

NEXT_REVISION = '''
"""a later release adds a column"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("setting") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("setting") as batch:
        batch.drop_column("note")
'''


@pytest.fixture
def install_later_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Installs a copy of the migrations with one more revision, as the next release would ship."""
    current_head = database.head_revision()
    folder = tmp_path / "migrations"
    shutil.copytree(Path(str(resources.files("desktop.models").joinpath("migrations"))), folder)
    (folder / "versions" / "9999_later.py").write_text(
        NEXT_REVISION.format(head=current_head), encoding="utf-8")
    original = database.alembic_config

    def config(engine_url: str | None = None) -> Config:
        cfg = original(engine_url)
        cfg.set_main_option("script_location", str(folder))
        return cfg

    def install() -> str:
        monkeypatch.setattr(database, "alembic_config", config)
        monkeypatch.setattr(database, "HEAD", "9999")
        return current_head

    return install


def _rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_new_file_is_created_at_head_without_a_copy(tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    db.dispose()
    assert (tmp_path / "karsaz.sqlite3").exists()
    assert not (tmp_path / "backups").exists()


def test_an_older_file_is_copied_then_upgraded(tmp_path: Path, install_later_release) -> None:
    data = tmp_path / "office"
    old = open_database(data_dir=data)  # written by today's release
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO setting (key, value, uuid, created_at, updated_at, version) "
            "VALUES ('office.kept', 'yes', 'u-1', '2024-01-01', '2024-01-01', 1)"))
    old.dispose()
    later_release = install_later_release()

    upgraded = open_database(data_dir=data)
    upgraded.dispose()

    copies = list((data / "backups").glob(f"before-upgrade-{later_release}-*.sqlite3"))
    assert len(copies) == 1
    assert _rows(copies[0], "SELECT version_num FROM alembic_version") == [(later_release,)]
    assert _rows(copies[0], "SELECT value FROM setting WHERE key='office.kept'") == [("yes",)]
    live = data / "karsaz.sqlite3"
    assert _rows(live, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert _rows(live, "SELECT value, note FROM setting") == [("yes", None)]


def test_a_file_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    db.dispose()
    with pytest.raises(DatabaseError) as caught:
        open_database(data_dir=tmp_path)
    assert "f00d" in caught.value.message
    assert not (tmp_path / "backups").exists()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.dispose()


def test_head_constant_names_the_newest_revision() -> None:
    from desktop.models.migrations import HEAD

    assert database.head_revision() == HEAD
