"""The home screen's worklist counts on a million clients (about 380,000 cases), against
counting the cases in the same run. PostgreSQL too when ``KARSAZ_BENCH_PG_URL`` is set."""

from __future__ import annotations

import statistics
import time

from sqlalchemy import func, select

from bench.harness import Result, metric
from bench.office import CLIENTS, cached_sqlite_office, open_office, postgres_office
from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.models.cases import EmploymentCase
from desktop.services.worklists import worklist_summary

RUNS = 15
GOAL_MS = 100


def _median_ms(function) -> float:
    function()  # warm
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(db: Database, label: str) -> Result:
    def count_cases() -> None:
        with db.reading() as session:
            session.scalar(select(func.count()).select_from(EmploymentCase))

    summary = worklist_summary(db, SYSTEM)
    return Result(
        "worklist_counts" + ("" if label == "SQLite" else "_pg"), "ms",
        _median_ms(lambda: worklist_summary(db, SYSTEM)), "SELECT count(*) FROM employment_case",
        _median_ms(count_cases), goal_value=GOAL_MS,
        note=f"{label}, {CLIENTS:,} clients, median of {RUNS}; " + ", ".join(
            f"{name} {count:,}" for name, count in summary.totals.items()))


@metric("worklist_counts")
def worklist_counts() -> list[Result]:
    db = open_office(cached_sqlite_office())
    try:
        results = [measure(db, "SQLite")]
    finally:
        db.dispose()
    pg = postgres_office()
    return results + ([measure(pg, "PostgreSQL")] if pg else [])
