"""The demo's solar plants: a year of records that keeps every rule, told through the services
that read them; and `karsaz check` catching an approved run that no longer adds up."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select, update

from desktop.actor import SYSTEM
from desktop.domain.solar import month_of, previous_month
from desktop.domain.solar_allocation import Holding, over_capacity
from desktop.models.solar import SolarRunLine, SolarShare
from desktop.services.demo import add_demo_solar, make_demo_office
from desktop.services.integrity import run_checks
from desktop.services.solar_months import month_sheet, plant_months
from desktop.services.solar_plants import list_plants
from desktop.services.solar_run_records import adjustment_lines, run_lines, runs_of_plant
from desktop.services.solar_shares import shares_of_plant

TODAY = dt.date(2024, 10, 6)          # 15 Mehr 1403: the demo's year is Mehr 1402 – Shahrivar


def test_demo_plants_have_a_year_allocated_and_the_last_month_in_draft(db, fixed_clock):
    made = make_demo_office(db, clients=300, groups=0, women_groups=0, cases=False)
    assert made.solar_plants == 3
    plants = list_plants(db, SYSTEM)
    assert Counter(p.kind for p in plants) == {"aggregated": 1, "rooftop": 2}
    last = previous_month(month_of(TODAY))
    adjusted = debts = shortfalls = low = 0
    for plant in plants:
        shares = shares_of_plant(db, SYSTEM, plant.id)
        assert over_capacity(plant.capacity_watts, [
            Holding(s.id, s.watts, s.starts_on, s.ends_on) for s in shares]) is None
        assert all(s.starts_on >= plant.commissioned_on for s in shares)
        assert all(s.hard_to_employ or s.reason for s in shares)
        runs = runs_of_plant(db, SYSTEM, plant.id)
        assert runs[-1].month == last and runs[-1].status == "draft"
        assert all(r.approved for r in runs[:-1])
        for run in runs:
            lines = run_lines(db, SYSTEM, run.id)
            assert sum(x.amount + x.adjustments for x in lines) == run.allocated
            assert all(x.sheba for x in lines if x.payable > 0)
            debts += sum(x.debt_after > 0 for x in lines)
            adjusted += len(adjustment_lines(db, SYSTEM, run.id))
        months = plant_months(db, SYSTEM, plant.id, runs[0].month, last)
        low += sum(m.low for m in months)
        shortfalls += sum(c.kind == "shortfall" for m in months
                          for c in month_sheet(db, SYSTEM, plant.id, m.month).costs)
        if plant.kind == "aggregated":
            assert len(runs) == 12 and plant.capacity_watts >= 100_000
            assert any(s.transferred_from_id for s in shares)
            assert any(s.ends_on and s.ends_on.day not in (21, 22) for s in shares)
            assert sum(m.arrear > 0 for m in months) >= 1
    assert adjusted and debts and shortfalls and low
    assert all(result.ok for result in run_checks(db)), run_checks(db)


def test_karsaz_check_finds_an_approved_run_that_does_not_add_up(db, fixed_clock):
    make_demo_office(db, clients=60, groups=0, women_groups=0, cases=False, solar=1)
    with db.transaction() as session:
        line = session.scalar(select(func.min(SolarRunLine.id)))
        session.execute(update(SolarRunLine).where(SolarRunLine.id == line)
                        .values(amount=SolarRunLine.amount + 1))
        assert session.scalar(select(func.count()).select_from(SolarShare))
    [solar] = [r for r in run_checks(db) if "خورشیدی" in r.name]
    assert not solar.ok and "SP-0707-001" in solar.detail


def test_a_small_office_gets_demo_plants_when_asked(db, fixed_clock):
    make_demo_office(db, clients=50, groups=0, women_groups=0, cases=False)
    assert list_plants(db, SYSTEM) == []
    made = add_demo_solar(db, 2)
    plants = list_plants(db, SYSTEM)
    assert made == len(plants) >= 1 and any(p.kind == "aggregated" for p in plants)
    runs = runs_of_plant(db, SYSTEM, plants[0].id)
    assert runs[-1].status == "draft" and all(r.approved for r in runs[:-1])
    assert runs[-1].approved_by == "" and runs[0].approved_by == "مریم کشاورز"
    assert all(result.ok for result in run_checks(db)), run_checks(db)
