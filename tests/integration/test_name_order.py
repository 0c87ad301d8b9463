"""Name ranks (SQLite): whatever is added or renamed, and in whatever order, rank order is name
order and the search index, keyed by rank, stays in step with the clients."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, text

from desktop.database import Database
from desktop.models import name_order
from desktop.models.people import Client
from desktop.services.client_search import ClientFilter, client_rows
from desktop.services.integrity import run_checks
from tests.integration.conftest import make_office

LAST_NAMES = ["احمدی", "پاکزاد", "رضایی", "کریمی", "گودرزی", "یزدانی", "آقایی", "چراغی"]
FIRST_NAMES = ["زهرا", "علی", "مریم", "حسن", "فاطمه", "رضا"]


def _ranked_in_name_order(db: Database) -> None:
    with db.reading() as session:
        rows = session.execute(select(Client.name_rank, Client.sort_name, Client.id)).all()
    assert all(rank is not None for rank, _, _ in rows)
    assert len({rank for rank, _, _ in rows}) == len(rows)
    assert sorted(rows) == sorted(rows, key=lambda r: (r.sort_name, r.id))


def _index_in_step(db: Database) -> None:
    result = next(r for r in run_checks(db) if r.name == "نمایهٔ جست‌وجوی مددجویان")
    assert result.ok, result.detail


@pytest.fixture
def tight(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Gaps so small that neighbours run out of room every few inserts; the list fills with
    one entry per stretch spread out again."""
    monkeypatch.setattr(name_order, "GAP", 16)
    monkeypatch.setattr(name_order, "STEP", 4)
    monkeypatch.setattr(name_order, "MIN_SPACING", 2)
    spreads: list[int] = []
    spread = name_order._spread_around

    def counted(*args):
        spreads.append(1)
        return spread(*args)

    monkeypatch.setattr(name_order, "_spread_around", counted)
    return spreads


def test_clients_added_in_any_order_keep_rank_and_name_order(sqlite_db, fixed_clock,
                                                             tight) -> None:
    office = make_office(sqlite_db)
    rng = random.Random(3)
    for _ in range(120):
        office.client(first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES))
    assert tight   # stretches ran out of room and were spread out again
    _ranked_in_name_order(sqlite_db)
    _index_in_step(sqlite_db)
    found = [r.last_name for r in client_rows(sqlite_db, office.expert,
                                              ClientFilter(text="کریمی"), limit=500)]
    assert found and set(found) == {"کریمی"}


def test_the_same_name_again_and_again_goes_after_its_namesakes(sqlite_db, fixed_clock,
                                                                tight) -> None:
    office = make_office(sqlite_db)
    ids = [office.client(first_name="علی", last_name="رضایی").id for _ in range(40)]
    office.client(first_name="علی", last_name="احمدی")
    office.client(first_name="علی", last_name="یزدانی")
    _ranked_in_name_order(sqlite_db)
    rows = client_rows(sqlite_db, office.expert, ClientFilter(text="رضایی"), limit=100)
    assert [r.id for r in rows] == ids


def test_renaming_moves_the_client_in_both_orders(sqlite_db, fixed_clock, tight) -> None:
    import dataclasses

    from desktop.services.clients import update_client

    office = make_office(sqlite_db)
    clients = [office.client(first_name="زهرا", last_name=name) for name in LAST_NAMES]
    moved = clients[0]
    update_client(sqlite_db, office.expert, moved.id,
                  dataclasses.replace(moved.as_input(), last_name="یوسفی"),
                  version=moved.version)
    _ranked_in_name_order(sqlite_db)
    _index_in_step(sqlite_db)
    names = [r.last_name for r in client_rows(sqlite_db, office.expert, ClientFilter(text="زهرا"),
                                              limit=100)]
    assert names[-1] == "یوسفی"


def test_a_migrated_office_is_ranked(sqlite_db, fixed_clock) -> None:
    office = make_office(sqlite_db)
    for name in LAST_NAMES:
        office.client(first_name="رضا", last_name=name)
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("UPDATE client SET name_rank = NULL"))
        name_order.rank_every_client(connection)
        connection.execute(text("INSERT INTO client_search(client_search) VALUES ('rebuild')"))
    _ranked_in_name_order(sqlite_db)
    _index_in_step(sqlite_db)


def test_postgresql_keeps_no_ranks(db: Database, fixed_clock) -> None:
    office = make_office(db)
    office.client()
    with db.reading() as session:
        rank = session.scalar(select(Client.name_rank))
    assert (rank is None) == (not db.is_sqlite)
