"""What the demo's case makers share: the staff and programs they name, the rows they collect,
the case being written, and their random dates and amounts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from desktop.domain.monitoring import MonitoringPlan
from desktop.domain.pathway import Stage
from desktop.services.demo_clients import ClientProfile

MILLION = 1_000_000


@dataclasses.dataclass(frozen=True)
class Person:
    id: int
    username: str


@dataclasses.dataclass(frozen=True)
class DemoStaffIds:
    admin: Person
    expert: Person
    facilitators: tuple[Person, ...]


@dataclasses.dataclass(frozen=True)
class DemoProgram:
    id: int
    code: str
    plan: MonitoringPlan


@dataclasses.dataclass
class CaseRows:
    """Rows of one chunk, ready for record_bulk_insert."""

    cases: list[dict] = dataclasses.field(default_factory=list)
    events: list[dict] = dataclasses.field(default_factory=list)
    benefits: list[dict] = dataclasses.field(default_factory=list)
    visits: list[dict] = dataclasses.field(default_factory=list)

    def summarise_monitoring(self) -> None:
        """Each case's next visit and final finding, as services/monitoring_summary.py keeps
        them (the demo writes below the services, so it must keep them itself)."""
        cases = {row["id"]: row for row in self.cases}
        for visit in self.visits:
            case = cases[visit["case_id"]]
            if visit["done_on"] is None and case["status"] == "open" and (
                    case["next_visit_on"] is None or visit["due_on"] < case["next_visit_on"]):
                case["next_visit_on"] = visit["due_on"]
            if visit["done_on"] is not None and visit["month"] is not None \
                    and visit["due_on"] == case["horizon_on"]:
                case["final_visit_active"] = visit["job_active"]


def rials(amount: float, unit: int = 10 * MILLION) -> int:
    """``amount`` rounded down to whole ``unit``s, as offices write sums (at least one unit)."""
    return max(unit, int(amount) // unit * unit)


class Drawing:
    """The random source and today's date of a maker, and the draws they all make."""

    def __init__(self, rng: random.Random, today: dt.date, staff: DemoStaffIds) -> None:
        self.rng, self.today, self.staff = rng, today, staff
        self.rows = CaseRows()

    def days(self, low: int, high: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(low, high))

    def between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))


class DemoCase:
    """One case being written: its row, its stage dates, and who works on it."""

    def __init__(self, maker: Drawing, case_id: int, client: ClientProfile) -> None:
        self.maker, self.id, self.client = maker, case_id, client
        self.row: dict = {"id": case_id, "client_id": client.id, "status": "open",
                          "closed_on": None, "close_reason": None, "program_id": None,
                          "employment_model": None, "employment_kind": None, "job_title": "",
                          "job_sector": None, "job_urban": None, "job_start_date": None,
                          "employer_name": "", "horizon_on": None, "notes": "",
                          "next_visit_on": None, "final_visit_active": None}
        self.facilitator: Person | None = None
        self.dates: dict[Stage, dt.date] = {}
        self.skipped_training = False

    def event(self, on: dt.date, kind: str, stage: str, from_stage: str | None, by: Person,
              note: str = "") -> None:
        self.maker.rows.events.append({
            "case_id": self.id, "on_date": on, "kind": kind, "stage": stage,
            "from_stage": from_stage, "note": note, "user_id": by.id, "username": by.username})

    def worker(self) -> Person:
        return self.facilitator or self.maker.staff.expert
