"""What a case looks like to the screens, the forms and the command line: plain records."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.domain.monitoring import VisitKind
from desktop.domain.pathway import CaseStatus, Stage
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.people import Client
from desktop.models.users import User


@dataclasses.dataclass(frozen=True)
class EventRecord:
    id: int
    on_date: dt.date
    kind: str
    stage: str
    from_stage: str | None
    note: str
    username: str
    user_full_name: str
    recorded_at: dt.datetime


@dataclasses.dataclass(frozen=True)
class BenefitRecord:
    id: int
    version: int
    case_id: int
    kind: str
    given_on: dt.date
    amount: int
    program_id: int | None
    months: int | None
    training_title: str
    training_hours: int | None
    training_provider: str
    training_completed: bool | None
    notes: str


@dataclasses.dataclass(frozen=True)
class VisitRecord:
    id: int
    version: int
    case_id: int
    sequence: int
    month: int | None
    kind: str
    due_on: dt.date
    done_on: dt.date | None
    mode: str | None
    job_active: bool | None
    monthly_income: int | None
    problems: str
    next_action: str
    visited_by: str

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, on: dt.date | None = None) -> bool:
        return self.done_on is None and self.due_on < (on or today())

    @property
    def is_report(self) -> bool:
        return self.kind == VisitKind.REPORT


@dataclasses.dataclass(frozen=True)
class CaseRecord:
    id: int
    uuid: str
    version: int
    client_id: int
    client_name: str
    national_code: str
    opened_on: dt.date
    referral_source: str
    referred_by: str
    stage: str
    stage_on: dt.date
    status: str
    closed_on: dt.date | None
    close_reason: str | None
    facilitator_id: int | None
    facilitator_name: str
    program_id: int | None
    program_name: str
    employment_model: str | None
    employment_kind: str | None
    job_title: str
    job_sector: str | None
    job_urban: bool | None
    job_start_date: dt.date | None
    employer_name: str
    horizon_on: dt.date | None
    notes: str
    events: tuple[EventRecord, ...]
    benefits: tuple[BenefitRecord, ...]
    visits: tuple[VisitRecord, ...]
    editable: bool

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN

    @property
    def stage_enum(self) -> Stage:
        return Stage(self.stage)

    @property
    def next_visit(self) -> VisitRecord | None:
        waiting = [v for v in self.visits if not v.done]
        return min(waiting, key=lambda v: (v.due_on, v.sequence)) if waiting else None

    @property
    def last_visit(self) -> VisitRecord | None:
        done = [v for v in self.visits if v.done]
        return max(done, key=lambda v: (v.done_on, v.sequence)) if done else None

    def ready_to_stabilise(self, on: dt.date | None = None) -> bool:
        return is_ready_to_stabilise(self.status, self.stage, self.horizon_on, self.visits,
                                     on or today())

    @property
    def benefits_total(self) -> int:
        return sum(b.amount for b in self.benefits)


def final_visit(visits: tuple[VisitRecord, ...] | list[VisitRecord]) -> VisitRecord | None:
    """The scheduled visit at the end of the monitoring period (the highest month)."""
    scheduled = [v for v in visits if v.month is not None]
    return max(scheduled, key=lambda v: v.month or 0) if scheduled else None


def is_ready_to_stabilise(status: str, stage: str, horizon_on: dt.date | None,
                          visits: tuple[VisitRecord, ...] | list[VisitRecord],
                          on: dt.date) -> bool:
    """The monitoring period is over and its final visit found the job still active: the case
    is offered for «تثبیت»."""
    if status != CaseStatus.OPEN or stage != Stage.FOLLOW_UP or horizon_on is None:
        return False
    last = final_visit(visits)
    return on >= horizon_on and last is not None and last.done_on is not None \
        and bool(last.job_active)


def _names(session: Session, user_ids: set[int | None]) -> dict[int, tuple[str, str]]:
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.username, User.full_name).where(User.id.in_(ids)))
    return {row.id: (row.username, row.full_name) for row in rows}


def visit_record(visit: MonitoringVisit, visited_by: str = "") -> VisitRecord:
    return VisitRecord(visit.id, visit.version, visit.case_id, visit.sequence, visit.month,
                       visit.kind, visit.due_on, visit.done_on, visit.mode, visit.job_active,
                       visit.monthly_income, visit.problems, visit.next_action, visited_by)


def benefit_record(b: Benefit) -> BenefitRecord:
    return BenefitRecord(b.id, b.version, b.case_id, b.kind, b.given_on, b.amount, b.program_id,
                         b.months, b.training_title, b.training_hours, b.training_provider,
                         b.training_completed, b.notes)


def case_record(session: Session, case: EmploymentCase, *, editable: bool) -> CaseRecord:
    events = list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                  .order_by(CaseEvent.on_date, CaseEvent.id)))
    benefits = list(session.scalars(select(Benefit).where(Benefit.case_id == case.id)
                                    .order_by(Benefit.given_on, Benefit.id)))
    visits = list(session.scalars(select(MonitoringVisit).where(MonitoringVisit.case_id == case.id)
                                  .order_by(MonitoringVisit.due_on, MonitoringVisit.sequence)))
    names = _names(session, {case.facilitator_id} | {e.user_id for e in events}
                   | {v.visited_by_id for v in visits})
    client = session.get(Client, case.client_id)
    assert client is not None
    program = session.get(Program, case.program_id) if case.program_id else None
    return CaseRecord(
        id=case.id, uuid=case.uuid, version=case.version, client_id=case.client_id,
        client_name=f"{client.first_name} {client.last_name}",
        national_code=client.national_code, opened_on=case.opened_on,
        referral_source=case.referral_source, referred_by=case.referred_by, stage=case.stage,
        stage_on=case.stage_on, status=case.status, closed_on=case.closed_on,
        close_reason=case.close_reason, facilitator_id=case.facilitator_id,
        facilitator_name=names.get(case.facilitator_id or 0, ("", ""))[1],
        program_id=case.program_id, program_name=program.name if program else "",
        employment_model=case.employment_model, employment_kind=case.employment_kind,
        job_title=case.job_title, job_sector=case.job_sector, job_urban=case.job_urban,
        job_start_date=case.job_start_date, employer_name=case.employer_name,
        horizon_on=case.horizon_on, notes=case.notes,
        events=tuple(EventRecord(e.id, e.on_date, e.kind, e.stage, e.from_stage, e.note,
                                 e.username, names.get(e.user_id or 0, ("", ""))[1],
                                 e.created_at) for e in events),
        benefits=tuple(benefit_record(b) for b in benefits),
        visits=tuple(visit_record(v, names.get(v.visited_by_id or 0, ("", ""))[1])
                     for v in visits),
        editable=editable,
    )
