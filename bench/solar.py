"""Solar allocation: 21,000 beneficiaries in 12 plants (35 MW, about 1.67 kW a person, as
DOMAIN.md's year), each plant's twelve months computed and approved in order through the
runs service — lines written in bulk, audited and change-logged — against the pure allocation
of the same shares and money in memory, in the same run.

The office is made in a temporary SQLite file; on PostgreSQL too when ``KARSAZ_BENCH_PG_URL``
names an administrator's URL (a database made for this metric and dropped after it)."""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url

from bench.harness import Result, metric
from bench.office import PG_ENV
from desktop.actor import SYSTEM
from desktop.clock import today
from desktop.database import Database, open_database
from desktop.domain.solar import month_last_day, month_of, next_month, previous_month
from desktop.domain.solar_allocation import Holding, allocate, weights
from desktop.fa.sheba import sheba_check_digits
from desktop.models.people import Client
from desktop.models.solar import (
    SolarCost,
    SolarDeduction,
    SolarPlant,
    SolarReceipt,
    SolarShare,
    SolarTariff,
)
from desktop.models.tracking import record_bulk_insert
from desktop.services.demo import make_demo_office
from desktop.services.solar_allocation_runs import compute
from desktop.services.solar_runs import allocate_period

BENEFICIARIES = 21_000
PLANTS = 12
MONTHS = 12
GOAL_SECONDS = 2.0


def _months() -> list[dt.date]:
    last = previous_month(month_of(today()))
    months = [last]
    for _ in range(MONTHS - 1):
        months.insert(0, previous_month(months[0]))
    return months


def _fill(db: Database, months: list[dt.date]) -> dict:
    """The clients (each with a Sheba), the plants and their shares, a year of money; returns
    what the pure baseline needs: per plant its holdings and per month its net."""
    make_demo_office(db, clients=BENEFICIARIES, cases=False, groups=0, women_groups=0, solar=0)
    rng = random.Random(35)
    bban = "0" * 22
    with db.transaction() as session:
        session.execute(update(Client).values(sheba=f"IR{sheba_check_digits(bban)}{bban}"))
        clients = list(session.execute(select(Client.id, Client.national_code)
                                       .order_by(Client.id)))
        codes = dict(clients)
        start = months[0] - dt.timedelta(days=400)
        plan: dict = {}
        per_plant = len(clients) // PLANTS
        for number in range(PLANTS):
            people = clients[number * per_plant:(number + 1) * per_plant]
            share_rows, holdings = [], []
            for client_id, _ in people:
                watts = rng.choice((1_000, 1_500, 1_670, 2_000, 2_500))
                starts = start if rng.random() < 0.9 else months[rng.randrange(MONTHS)] \
                    + dt.timedelta(days=rng.randint(0, 25))
                ends = None if rng.random() < 0.95 else months[rng.randrange(MONTHS)] \
                    + dt.timedelta(days=rng.randint(0, 25))
                if ends is not None and ends < starts:
                    ends = None
                holdings.append(Holding(client_id, watts, starts, ends))
                share_rows.append(dict(client_id=client_id, watts=watts, starts_on=starts,
                                       ends_on=ends, reason="", transferred_from_id=None))
            capacity = sum(h.watts for h in holdings)
            plant = SolarPlant(code=f"SP-0707-{number + 1:03d}", name=f"نیروگاه {number + 1}",
                               county_code="0707", capacity_watts=capacity, kind="aggregated",
                               commissioned_on=start, buyer="", contract_starts_on=start)
            session.add(plant)
            session.flush()
            session.add(SolarTariff(plant_id=plant.id, effective_on=start,
                                    rials_per_kwh=45_000, kind="initial"))
            for row in share_rows:
                row["plant_id"] = plant.id
            record_bulk_insert(session, SolarShare, share_rows)
            nets = []
            for month in months:
                paid = capacity // 1000 * 150 * 45_000 * rng.randint(60, 100) // 100
                cost = paid * rng.randint(1, 4) // 100
                session.add(SolarReceipt(plant_id=plant.id, received_on=month + dt.timedelta(
                    days=20), for_month=month, amount=paid))
                session.add(SolarCost(plant_id=plant.id, month=month, kind="maintenance",
                                      amount=cost))
                for client_id, _ in rng.sample(people, len(people) // 20):
                    session.add(SolarDeduction(plant_id=plant.id, month=month,
                                               client_id=client_id, amount=1_000_000,
                                               reason="قسط وام"))
                nets.append(paid - cost)
            plan[plant.id] = (holdings, nets)
    return {"plan": plan, "codes": codes}


def _pure(setup: dict, months: list[dt.date]) -> None:
    codes = setup["codes"]
    for holdings, nets in setup["plan"].values():
        for month, net in zip(months, nets, strict=True):
            allocate(net, weights(holdings, month, month_last_day(month)), codes)


def _service(db: Database, months: list[dt.date]) -> float:
    start = time.perf_counter()
    for month in months:
        allocate_period(db, SYSTEM, month, approve=True)
    return time.perf_counter() - start


def _computations(db: Database, months: list[dt.date]) -> float:
    """The service's computation of every run from the database, nothing written."""
    start = time.perf_counter()
    with db.reading() as session:
        plants = list(session.scalars(select(SolarPlant.id)))
        for month in months:
            for plant in plants:
                compute(session, plant, month)
    return time.perf_counter() - start


def _measure(db: Database, label: str) -> list[Result]:
    months = _months()
    setup = _fill(db, months)
    seconds = _service(db, months)
    _pure(setup, months)                                   # warm
    start = time.perf_counter()
    _pure(setup, months)
    pure = time.perf_counter() - start
    reading = _computations(db, months)
    with db.reading() as session:
        lines = session.execute(text("SELECT count(*) FROM solar_run_line")).scalar()
    assert next_month(months[-1]) == month_of(today())
    key = "" if label == "SQLite" else "_pg"
    what = f"{BENEFICIARIES:,} beneficiaries, {PLANTS} plants × {MONTHS} months"
    return [
        Result(f"solar_allocate{key}", "s", seconds,
               "the pure allocation of the same shares in memory", pure,
               goal_value=GOAL_SECONDS,
               note=f"{label}: {what} computed, written ({lines:,} lines with their change-log "
                    "entries) and approved in order, through allocate_period"),
        Result(f"solar_compute{key}", "s", reading,
               "the pure allocation of the same shares in memory", pure,
               goal_value=GOAL_SECONDS,
               note=f"{label}: {what} computed from the database by the service, nothing "
                    "written"),
    ]


@metric("solar_allocate")
def solar_allocate() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-solar-") as tmp:
        db = open_database(data_dir=Path(tmp))
        try:
            results = _measure(db, "SQLite")
        finally:
            db.dispose()
    admin_url = os.environ.get(PG_ENV)
    if admin_url:
        results += _on_postgres(admin_url)
    return results


def _on_postgres(admin_url: str) -> list[Result]:
    name = f"karsaz_bench_solar_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        db = open_database(make_url(admin_url).set(database=name)
                           .render_as_string(hide_password=False))
        try:
            return _measure(db, "PostgreSQL")
        finally:
            db.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
