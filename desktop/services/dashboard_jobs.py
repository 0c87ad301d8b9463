"""The dashboard's figures of cases, counted by the database (GROUP BY), never client by client.

A job counts in a period when its start date (تاریخ شروع به کار) falls in it, whatever became of
the case later; it is «ایجادی» or «تثبیتی» as the case records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.benefits import INCENTIVES, PAYMENTS
from desktop.domain.pathway import CaseStatus, EmploymentKind
from desktop.models.cases import Benefit, EmploymentCase
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.services.case_access import sees_every_client, visible_cases

FAR_PAST = dt.date(1900, 1, 1)


@dataclasses.dataclass(frozen=True)
class JobCounts:
    created: int = 0          # «ایجادی»
    stabilised: int = 0       # «تثبیتی»

    @property
    def total(self) -> int:
        return self.created + self.stabilised

    def plus(self, kind: str, count: int) -> JobCounts:
        if kind == EmploymentKind.CREATED:
            return JobCounts(self.created + count, self.stabilised)
        return JobCounts(self.created, self.stabilised + count)


@dataclasses.dataclass(frozen=True)
class JobFigures:
    jobs: JobCounts
    by_place: dict[str, JobCounts]          # "urban" / "rural"
    by_sector: dict[str, JobCounts]         # Sector values
    by_gender: dict[str, JobCounts]         # Gender values
    by_model: dict[str, JobCounts]          # EmploymentModel values
    by_target_group: dict[str, JobCounts]   # a client in two groups counts in both


@dataclasses.dataclass(frozen=True)
class Payment:
    cases: int
    amount: int               # Rials


@dataclasses.dataclass(frozen=True)
class FacilitatorCaseload:
    facilitator_id: int | None
    name: str
    open_cases: int
    overdue: int              # open cases whose next visit is past


def _period(start: dt.date, end: dt.date):
    return EmploymentCase.job_start_date.between(start, end)


def job_figures(session: Session, actor: Actor, start: dt.date, end: dt.date) -> JobFigures:
    where = (visible_cases(actor), _period(start, end), EmploymentCase.employment_kind.is_not(None))
    rows = session.execute(
        select(EmploymentCase.employment_kind, EmploymentCase.job_urban,
               EmploymentCase.job_sector, EmploymentCase.employment_model, Client.gender,
               func.count())
        .join(Client, Client.id == EmploymentCase.client_id).where(*where)
        .group_by(EmploymentCase.employment_kind, EmploymentCase.job_urban,
                  EmploymentCase.job_sector, EmploymentCase.employment_model, Client.gender))
    jobs = JobCounts()
    dims: dict[str, dict[str, JobCounts]] = {d: defaultdict(JobCounts)
                                             for d in ("place", "sector", "model", "gender")}
    for kind, urban, sector, model, gender, count in rows:
        jobs = jobs.plus(kind, count)
        for dim, value in (("place", None if urban is None else "urban" if urban else "rural"),
                           ("sector", sector), ("model", model), ("gender", gender)):
            if value is not None:
                dims[dim][value] = dims[dim][value].plus(kind, count)
    groups: dict[str, JobCounts] = defaultdict(JobCounts)
    for kind, group, count in session.execute(
            select(EmploymentCase.employment_kind, ClientTargetGroup.target_group, func.count())
            .join(ClientTargetGroup, ClientTargetGroup.client_id == EmploymentCase.client_id)
            .where(*where)
            .group_by(EmploymentCase.employment_kind, ClientTargetGroup.target_group)):
        groups[group] = groups[group].plus(kind, count)
    return JobFigures(jobs, dict(dims["place"]), dict(dims["sector"]), dict(dims["gender"]),
                      dict(dims["model"]), dict(groups))


def incentives(session: Session, actor: Actor, start: dt.date,
               end: dt.date) -> dict[str, JobCounts]:
    """Cases given each incentive in the period, by whether their job is created or stabilised
    (a case given one kind twice counts once)."""
    counts: dict[str, JobCounts] = defaultdict(JobCounts)
    for benefit, kind, count in session.execute(
            select(Benefit.kind, EmploymentCase.employment_kind,
                   func.count(func.distinct(Benefit.case_id)))
            .join(EmploymentCase, EmploymentCase.id == Benefit.case_id)
            .where(visible_cases(actor), Benefit.kind.in_([k.value for k in INCENTIVES]),
                   Benefit.given_on.between(start, end),
                   EmploymentCase.employment_kind.is_not(None))
            .group_by(Benefit.kind, EmploymentCase.employment_kind)):
        counts[benefit] = counts[benefit].plus(kind, count)
    return dict(counts)


def payments(session: Session, actor: Actor, start: dt.date, end: dt.date) -> dict[str, Payment]:
    """Loans and grants given in the period: the cases paid and the Rials, by kind."""
    query = (select(Benefit.kind, func.count(func.distinct(Benefit.case_id)),
                    func.coalesce(func.sum(Benefit.amount), 0))
             .where(Benefit.kind.in_([k.value for k in PAYMENTS]),
                    Benefit.given_on.between(start, end))
             .group_by(Benefit.kind))
    if not sees_every_client(actor):
        query = query.join(EmploymentCase, EmploymentCase.id == Benefit.case_id).where(
            visible_cases(actor))
    return {kind: Payment(cases, int(amount)) for kind, cases, amount in session.execute(query)}


def caseloads(session: Session, actor: Actor, on: dt.date) -> list[FacilitatorCaseload]:
    """Each facilitator's open cases and, of those, the ones with a visit overdue on ``on``;
    the cases without a facilitator last. Two counts, each read from an index alone (the next
    visit is kept only while a case is open, as the worklists read it)."""
    open_cases = dict(session.execute(
        select(EmploymentCase.facilitator_id, func.count())
        .where(visible_cases(actor), EmploymentCase.status == CaseStatus.OPEN.value)
        .group_by(EmploymentCase.facilitator_id)).all())
    overdue = dict(session.execute(
        select(EmploymentCase.facilitator_id, func.count())
        .where(visible_cases(actor),
               EmploymentCase.next_visit_on.between(FAR_PAST, on - dt.timedelta(days=1)))
        .group_by(EmploymentCase.facilitator_id)).all())
    names = dict(session.execute(select(User.id, User.full_name).where(
        User.id.in_([fid for fid in open_cases if fid is not None]))).all())
    loads = [FacilitatorCaseload(fid, names.get(fid, "") if fid is not None else "", count,
                                 overdue.get(fid, 0)) for fid, count in open_cases.items()]
    loads.sort(key=lambda load: (load.facilitator_id is None, -load.open_cases, load.name))
    return loads
