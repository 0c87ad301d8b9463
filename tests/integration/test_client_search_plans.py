"""However a search's window is found (SQLite's trigram index in name-rank order; on PostgreSQL a
walk of the name order or the trigram matches put in order; the general query), it holds the
same clients in the same order; a stale idea of how many match only changes the speed. Checked
against a plain reading of every client."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.fa.normalize import search_key
from desktop.models.people import Client
from desktop.services import client_search
from desktop.services.auth import sign_in
from desktop.services.client_search import ClientFilter, client_rows, count_clients
from desktop.services.demo import DEMO_PASSWORD, make_demo_office

QUERIES = ("محمد", "رضا", "احمدی", "زهرا احمدی", "انی", "کاظمي", "0917", "۰۹۱", "سمیه ق",
           "1400", "حسن علی", "xyz", "ی%ی")   # the last: a wildcard typed is a letter


@pytest.fixture
def office(db: Database, fixed_clock) -> Database:
    make_demo_office(db, clients=1500, seed=2)
    return db


def _expected(db: Database, text: str) -> list[int]:
    """Every client whose key holds each word, in name order: what a search of words of three
    letters and more means (a shorter word alone is the start of a last name)."""
    words = [search_key(word) for word in text.split()]
    with db.reading() as session:
        rows = session.execute(select(Client.id, Client.search_key, Client.sort_name)).all()
    found = [r for r in rows if all(word in r.search_key for word in words)]
    return [r.id for r in sorted(found, key=lambda r: (r.sort_name, r.id))]


class _Stale(dict):
    """Remembers every search as matching a million clients, as if the office had changed."""

    def get(self, key, default=None):
        return 10**6


@pytest.mark.parametrize("plan", ["as_chosen", "walk", "index", "short_walk", "stale_count"])
def test_every_plan_gives_the_same_windows(office: Database, plan: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if office.is_sqlite and plan != "as_chosen":
        pytest.skip("SQLite has one plan: the trigram index in name-rank order")
    monkeypatch.setattr(client_search, "_MATCHED", _Stale() if plan == "stale_count" else {})
    monkeypatch.setattr(client_search, "_WALK_EDGE", {})
    if plan in ("walk", "short_walk"):
        monkeypatch.setattr(client_search, "_walk_may_fill", lambda *args: True)
    if plan == "short_walk":  # walks too short to fill a window: the index answers
        monkeypatch.setattr(client_search, "WALK_ENTRIES", 40)
    if plan == "index":
        monkeypatch.setattr(client_search, "_walk_may_fill", lambda *args: False)
    if plan == "stale_count":  # the way is chosen as usual, from a wrong count
        monkeypatch.setattr(client_search, "WALK_FROM", 0)
        monkeypatch.setattr(client_search, "WALK_ENTRIES", 400)
    expert = sign_in(office, "expert", DEMO_PASSWORD)
    for text in QUERIES:
        expected = _expected(office, text)
        filters = ClientFilter(text=text)
        assert count_clients(office, expert, filters) == len(expected), text
        for offset, limit in ((0, 200), (0, 7), (5, 9), (40, 25)):
            ids = [r.id for r in client_rows(office, expert, filters, offset=offset,
                                             limit=limit)]
            assert ids == expected[offset:offset + limit], (text, offset, limit)
        backwards = [r.id for r in client_rows(office, expert, filters, descending=True,
                                               limit=11)]
        assert backwards == expected[::-1][:11], text


def test_filters_and_a_facilitator_s_view_still_narrow_a_search(office: Database) -> None:
    expert = sign_in(office, "expert", DEMO_PASSWORD)
    facilitator = sign_in(office, "facilitator1", DEMO_PASSWORD)
    everyone = count_clients(office, expert, ClientFilter(text="محمد"))
    in_shiraz = count_clients(office, expert, ClientFilter(text="محمد", county_code="0707"))
    own = count_clients(office, facilitator, ClientFilter(text="محمد"))
    assert 0 < own < in_shiraz < everyone
    rows = client_rows(office, facilitator, ClientFilter(text="محمد"), limit=1000)
    assert len(rows) == own
