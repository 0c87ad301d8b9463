"""Search as you type on a million clients: what the list does for each query (how many match,
then the first window of rows in name order), against a plain ``LIKE '%…%'`` scan of the same
search keys in the same run. SQLite always; PostgreSQL when ``KARSAZ_BENCH_PG_URL`` names a
server (an administrator's URL: a database is made, filled, measured and dropped)."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from sqlalchemy import func, select, text

from bench.harness import Result, metric
from bench.office import CLIENTS, cached_sqlite_office, open_office, postgres_office
from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.fa.digits import to_persian_digits
from desktop.fa.normalize import search_key
from desktop.models.people import Client
from desktop.services.client_search import ClientFilter, client_rows, count_clients

QUERIES = 200
WINDOW = 200          # client_rows' default window: the rows the list shows first
GOAL_MS = 50
GOAL_RATIO = 1 / 20   # at least 20 times faster than the LIKE scan

# What people type into the search box, with how often (weights): fragments of names, whole
# names, the first letters of a last name, codes and phone numbers whole or in part, file
# numbers, and text typed on an Arabic keyboard or with Persian digits.
_KINDS = (("name_start", 18), ("name_inside", 8), ("full_name", 10), ("last_name", 8),
          ("one_letter", 4), ("two_letters", 6), ("national_code", 10), ("code_part", 8),
          ("mobile_part", 8), ("file_number", 6), ("arabic_letters", 7),
          ("persian_digits", 7))


def _query(rng: random.Random, kind: str, client) -> str | None:
    first, last = client.first_name, client.last_name
    name = rng.choice((first, last))
    if kind == "name_start":
        return name[:rng.randint(3, max(3, len(name)))]
    if kind == "name_inside":
        if len(name) < 5:
            return None
        start = rng.randint(1, len(name) - 3)
        return name[start:start + rng.randint(3, len(name) - start)]
    if kind == "full_name":
        return f"{first} {last}"
    if kind == "last_name":
        return last
    if kind in ("one_letter", "two_letters"):
        return last[:1 if kind == "one_letter" else 2]
    if kind == "national_code":
        return client.national_code
    if kind == "code_part":
        length = rng.randint(4, 7)
        start = rng.choice((0, 10 - length))
        return client.national_code[start:start + length]
    if kind == "mobile_part":
        if not client.mobile:
            return None
        return client.mobile[:rng.randint(5, 8)] if rng.random() < 0.5 \
            else client.mobile[-rng.randint(4, 7):]
    if kind == "file_number":
        if not client.file_number:
            return None
        return client.file_number if rng.random() < 0.5 else client.file_number[-5:]
    if kind == "arabic_letters":
        typed = f"{first} {last}".replace("ی", "ي").replace("ک", "ك")
        return typed if typed != f"{first} {last}" else None
    return to_persian_digits(rng.choice((client.national_code[:6], client.mobile or "09")))


def realistic_queries(db: Database, count: int = QUERIES, seed: int = 7) -> list[str]:
    """``count`` queries drawn from the clients themselves, the same for a seed."""
    rng = random.Random(seed)
    kinds = [kind for kind, _ in _KINDS]
    weights = [weight for _, weight in _KINDS]
    with db.reading() as session:
        largest = session.scalar(select(func.max(Client.id)))
        queries: list[str] = []
        while len(queries) < count:
            client = session.get(Client, rng.randint(1, largest))
            if client is None:
                continue
            query = _query(rng, rng.choices(kinds, weights)[0], client)
            if query:
                queries.append(query)
    return queries


def _like_scan(db: Database, query: str) -> None:
    """The baseline: the search without a search index. Every word as ``LIKE '%word%'`` on the
    clients' search keys, read from the table (no index at all: not the trigram index, nor the
    name-order index that carries the keys for Karsaz's own walk), the count and then the first
    window in name order."""
    words = [search_key(word) for word in query.split() if search_key(word)]
    where = " AND ".join(f"search_key LIKE :w{i}" for i in range(len(words)))
    params = {f"w{i}": f"%{word}%" for i, word in enumerate(words)}
    with db.engine.begin() as connection:
        table = "client"
        if connection.dialect.name == "postgresql":
            for kind in ("bitmapscan", "indexscan", "indexonlyscan"):
                connection.execute(text(f"SET LOCAL enable_{kind} = off"))
        else:
            table = "client NOT INDEXED"
        connection.execute(text(f"SELECT count(*) FROM {table} WHERE {where}"), params).scalar()
        connection.execute(text(f"SELECT id, national_code, first_name, last_name FROM {table} "
                                f"WHERE {where} ORDER BY sort_name, id LIMIT {WINDOW}"),
                           params).all()


def _karsaz(db: Database, query: str) -> None:
    filters = ClientFilter(text=query)
    count_clients(db, SYSTEM, filters)
    client_rows(db, SYSTEM, filters, limit=WINDOW)


def _timed(function: Callable[[Database, str], None], db: Database, query: str) -> float:
    start = time.perf_counter()
    function(db, query)
    return (time.perf_counter() - start) * 1000


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def measure(db: Database, label: str) -> list[Result]:
    queries = realistic_queries(db)
    for query in queries:  # warm the caches as a day's work would
        _karsaz(db, query)
    ours, like = [], []
    for query in queries:  # interleaved, so a passing load affects both alike
        ours.append(_timed(_karsaz, db, query))
        like.append(_timed(_like_scan, db, query))
    worst = sorted(zip(ours, queries, strict=True), reverse=True)[:3]
    note = (f"{label}, {CLIENTS:,} clients, {len(queries)} queries, count + first {WINDOW} "
            "rows; slowest: " + ", ".join(f"{q!r} {t:.0f} ms" for t, q in worst))
    name = "client_search" if label == "SQLite" else "client_search_pg"
    return [
        Result(f"{name}_p95", "ms", _p95(ours), "LIKE '%…%' scan, p95", _p95(like),
               goal_ratio=GOAL_RATIO, goal_value=GOAL_MS, note=note),
        Result(f"{name}_median", "ms", statistics.median(ours), "LIKE '%…%' scan, median",
               statistics.median(like), note=label),
    ]


@metric("client_search")
def client_search() -> list[Result]:
    db = open_office(cached_sqlite_office())
    try:
        results = measure(db, "SQLite")
    finally:
        db.dispose()
    pg = postgres_office()
    return results + (measure(pg, "PostgreSQL") if pg else [])
