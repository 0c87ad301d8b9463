"""The dashboard's figures of a year on the million-client office (about 380,000 cases), against
counting the year's jobs in one pass over the cases, in the same run. PostgreSQL too when
``KARSAZ_BENCH_PG_URL`` is set."""

from __future__ import annotations

import statistics
import time

from sqlalchemy import func, select

from bench.harness import Result, metric
from bench.office import CLIENTS, cached_sqlite_office, open_office, postgres_office
from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.models.cases import EmploymentCase
from desktop.services.dashboard import Period, current_year, dashboard

RUNS = 7
GOAL_MS = 1000      # the area opens on a year's figures within a second


def _median_ms(function) -> float:
    function()  # warm
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(db: Database, label: str) -> Result:
    # Last year: the demo's jobs of a whole year, none of them still to come.
    period = Period(current_year() - 1)

    def count_jobs() -> None:
        # The least any split of the year's jobs costs: one pass over the cases.
        with db.reading() as session:
            session.scalar(select(func.count()).select_from(EmploymentCase).where(
                EmploymentCase.job_start_date.between(period.start, period.end)))

    board = dashboard(db, SYSTEM, period)
    return Result(
        "dashboard_year" + ("" if label == "SQLite" else "_pg"), "ms",
        _median_ms(lambda: dashboard(db, SYSTEM, period)),
        "the year's jobs counted (one pass over the cases)", _median_ms(count_jobs),
        goal_value=GOAL_MS,
        note=f"{label}, {CLIENTS:,} clients, median of {RUNS}; jobs {board.jobs.jobs.total:,}, "
             f"open cases {sum(c.open_cases for c in board.caseloads):,}")


@metric("dashboard_year")
def dashboard_year() -> list[Result]:
    db = open_office(cached_sqlite_office())
    try:
        results = [measure(db, "SQLite")]
    finally:
        db.dispose()
    pg = postgres_office()
    return results + ([measure(pg, "PostgreSQL")] if pg else [])
