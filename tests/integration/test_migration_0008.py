"""Migration 0008 on a database holding micro-finance groups: the community group and member
tables are rebuilt on SQLite with their rows, and the new kinds and roles are let in by the
CHECKs while unknown ones are still kept out. The migrated schema is the models' schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from desktop.database import alembic_config
from desktop.models.base import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
    else:
        yield request.getfixturevalue("postgres_url")


def _upgrade(url: str, revision: str) -> None:
    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
    engine.dispose()


# The client search index is made by hand (migrations 0002 and 0006), outside the models.
HAND_MADE = ("client_search", "ix_client_search_key_trgm")


def _insert_group(connection, code: str, kind: str, uuid: str) -> None:
    connection.execute(text(
        "INSERT INTO community_group (code, kind, name, county_code, locality, urban, formed_on,"
        " meeting_frequency, status, bank_name, bank_branch, bank_sheba, notes, uuid,"
        " created_at, updated_at, version) VALUES (:code, :kind, 'گروه دشتک', '0707', 'دشتک',"
        " false, '2024-01-01', 'monthly', 'active', '', '', '', '', :uuid, '2024-01-01',"
        " '2024-01-01', 1)"), {"code": code, "kind": kind, "uuid": uuid})


def _insert_member(connection, group_id: int, role: str, uuid: str) -> None:
    connection.execute(text(
        "INSERT INTO group_member (group_id, first_name, last_name, national_code, mobile, role,"
        " joined_on, uuid, created_at, updated_at, version) VALUES (:group, 'زهرا', 'کشاورز',"
        " '', '', :role, '2024-01-01', :uuid, '2024-01-01', '2024-01-01', 1)"),
        {"group": group_id, "role": role, "uuid": uuid})


def test_groups_and_members_survive_and_the_new_kinds_are_let_in(url: str) -> None:
    _upgrade(url, "0007")
    engine = create_engine(url)
    with engine.begin() as connection:
        _insert_group(connection, "MF-0707-0001", "microfinance", "g-1")
        group_id = connection.execute(text("SELECT id FROM community_group")).scalar()
        _insert_member(connection, group_id, "treasurer", "m-1")
    engine.dispose()

    _upgrade(url, "0008")

    engine = create_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text(
            "SELECT code, kind, registration_number, capital FROM community_group")).all() == [
            ("MF-0707-0001", "microfinance", "", None)]
        assert connection.execute(text(
            "SELECT role, capital_contribution FROM group_member")).all() == [("treasurer", 0)]
        _insert_group(connection, "CO-0707-0001", "women_cooperative", "g-2")
        _insert_member(connection, group_id, "director", "m-2")
    for bad in (lambda c: _insert_group(c, "XX-0707-0001", "bowling", "g-3"),
                lambda c: _insert_member(c, group_id, "captain", "m-3"),
                lambda c: c.execute(text("UPDATE group_member SET capital_contribution = -1"))):
        with pytest.raises(IntegrityError), engine.begin() as connection:
            bad(connection)
    engine.dispose()
    # Later revisions add their own tables: the chain to head must still give the models.
    _upgrade(url, "head")
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, kind, _: not (name or "").startswith(HAND_MADE)})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    # The one index autogenerate always proposes on SQLite is PostgreSQL's alone (ddl_if).
    differences = [d for d in differences
                   if not (d[0] == "add_index" and d[1].name == "ix_client_sort_search")]
    assert differences == []
