"""Reading allocation runs: a run with its totals, its beneficiaries' lines and the arrears
and corrections of earlier months it carries; and the SQL check that every approved run adds
up, for ``karsaz check``."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.database import Database
from desktop.domain.solar import RunStatus, format_period, month_of
from desktop.errors import NotFound
from desktop.models.people import Client
from desktop.models.solar import SolarAdjustmentLine, SolarPlant, SolarRun, SolarRunLine
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.roles import Permission, require


@dataclasses.dataclass(frozen=True)
class RunRecord:
    id: int
    version: int
    plant_id: int
    plant_code: str
    plant_name: str
    month: dt.date
    status: str
    received: int
    costs: int
    net: int
    adjustments: int
    allocated: int
    total_weight: int
    beneficiaries: int           # holding a share in the month
    payees: int                  # paid something
    payable: int                 # Σ payouts
    computed_at: dt.datetime
    approved_at: dt.datetime | None
    approved_by: str

    @property
    def period(self) -> str:
        return format_period(self.month)

    @property
    def approved(self) -> bool:
        return self.status == RunStatus.APPROVED


@dataclasses.dataclass(frozen=True)
class RunLineRecord:
    client_id: int
    full_name: str
    national_code: str
    sheba: str | None
    weight: int
    amount: int
    adjustments: int
    deductions: int
    debt_before: int
    payable: int
    debt_after: int


@dataclasses.dataclass(frozen=True)
class AdjustmentLineRecord:
    client_id: int
    full_name: str
    national_code: str
    for_month: dt.date
    kind: str
    amount: int


def run_at(session: Session, plant_id: int, month: dt.date) -> SolarRun | None:
    return session.scalar(select(SolarRun).where(SolarRun.plant_id == plant_id,
                                                 SolarRun.month == month))


def require_run(session: Session, run_id: int) -> SolarRun:
    run = session.get(SolarRun, run_id)
    if run is None:
        raise NotFound("The allocation was not found.")
    return run


def run_record(session: Session, run: SolarRun) -> RunRecord:
    plant = session.get(SolarPlant, run.plant_id)
    assert plant is not None
    counts = session.execute(select(
        func.count(SolarRunLine.id).filter(SolarRunLine.weight > 0),
        func.count(SolarRunLine.id).filter(SolarRunLine.payable > 0),
        func.coalesce(func.sum(SolarRunLine.payable), 0))
        .where(SolarRunLine.run_id == run.id)).one()
    approver = session.get(User, run.approved_by_id) if run.approved_by_id else None
    return RunRecord(run.id, run.version, plant.id, plant.code, plant.name, run.month,
                     run.status, run.received, run.costs, run.net, run.adjustments,
                     run.allocated, run.total_weight, int(counts[0]), int(counts[1]),
                     int(counts[2]), run.computed_at, run.approved_at,
                     approver.full_name if approver else "")


def get_run(db: Database, actor: Actor, run_id: int) -> RunRecord:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        return run_record(session, require_run(session, run_id))


def run_of(db: Database, actor: Actor, plant_id: int, month: dt.date) -> RunRecord | None:
    """The plant's run of the month, if one was computed."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        run = run_at(session, plant_id, month_of(month))
        return None if run is None else run_record(session, run)


def runs_of_period(db: Database, actor: Actor, month: dt.date) -> list[RunRecord]:
    """Every plant's run of the month, by plant code."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        runs = session.scalars(select(SolarRun).join(SolarPlant)
                               .where(SolarRun.month == month_of(month))
                               .order_by(SolarPlant.code)).all()
        return [run_record(session, run) for run in runs]


def runs_of_plant(db: Database, actor: Actor, plant_id: int) -> list[RunRecord]:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        return [run_record(session, run) for run in session.scalars(
            select(SolarRun).where(SolarRun.plant_id == plant_id).order_by(SolarRun.month))]


def run_lines(db: Database, actor: Actor, run_id: int) -> list[RunLineRecord]:
    """The run's beneficiaries by national code, with what each is paid and carries."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        require_run(session, run_id)
        return run_lines_in(session, [run_id])


def run_lines_in(session: Session, run_ids: list[int]) -> list[RunLineRecord]:
    rows = session.execute(
        select(SolarRunLine, Client.first_name, Client.last_name, Client.national_code,
               Client.sheba).join(Client, Client.id == SolarRunLine.client_id)
        .where(SolarRunLine.run_id.in_(run_ids))
        .order_by(Client.national_code, SolarRunLine.run_id))
    return [RunLineRecord(line.client_id, f"{first} {last}", code, sheba, line.weight,
                          line.amount, line.adjustments, line.deductions, line.debt_before,
                          line.payable, line.debt_after)
            for line, first, last, code, sheba in rows]


def adjustment_lines(db: Database, actor: Actor, run_id: int) -> list[AdjustmentLineRecord]:
    """The arrears and corrections for earlier months allocated in the run, person by person."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        require_run(session, run_id)
        rows = session.execute(
            select(SolarAdjustmentLine, Client.first_name, Client.last_name,
                   Client.national_code).join(Client, Client.id == SolarAdjustmentLine.client_id)
            .where(SolarAdjustmentLine.run_id == run_id)
            .order_by(SolarAdjustmentLine.for_month, Client.national_code))
        return [AdjustmentLineRecord(line.client_id, f"{first} {last}", code, line.for_month,
                                     line.kind, line.amount)
                for line, first, last, code in rows]


def unbalanced_runs(session: Session) -> list[tuple[str, dt.date]]:
    """(plant code, month) of every approved run whose lines do not hold its net (when
    positive) and its adjustments to the Rial, or whose net is not received − costs: SQL, for
    ``karsaz check``."""
    lines = (select(func.coalesce(func.sum(SolarRunLine.amount), 0))
             .where(SolarRunLine.run_id == SolarRun.id).scalar_subquery())
    line_adjustments = (select(func.coalesce(func.sum(SolarRunLine.adjustments), 0))
                        .where(SolarRunLine.run_id == SolarRun.id).scalar_subquery())
    adjustment_lines = (select(func.coalesce(func.sum(SolarAdjustmentLine.amount), 0))
                        .where(SolarAdjustmentLine.run_id == SolarRun.id).scalar_subquery())
    positive_net = case((SolarRun.net > 0, SolarRun.net), else_=0)
    return [tuple(row) for row in session.execute(
        select(SolarPlant.code, SolarRun.month).join(SolarPlant)
        .where(SolarRun.status == RunStatus.APPROVED.value,
               (lines != positive_net) | (line_adjustments != SolarRun.adjustments)
               | (adjustment_lines != SolarRun.adjustments)
               | (SolarRun.allocated != positive_net + SolarRun.adjustments)
               | (SolarRun.net != SolarRun.received - SolarRun.costs))
        .order_by(SolarPlant.code, SolarRun.month))]
