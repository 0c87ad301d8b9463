"""Cases at every point of the pathway, made through the services, for the GUI tests.

The GUI tests' demo office holds clients only (the tests count what they make); the lists and
the home screen need cases to show: some
awaiting assessment, some without a facilitator, jobs whose visits are overdue or due this week,
jobs ready for «تثبیت», one stabilised and one closed early. Every date is counted back from the
clock's today, so the worklists come out the same under a fixed clock or the real one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.clock import today
from desktop.database import Database
from desktop.domain.monitoring import DEFAULT_HORIZON_MONTHS, VisitMode, week_bounds
from desktop.domain.pathway import (
    CloseReason,
    EmploymentKind,
    EmploymentModel,
    ReferralSource,
    Sector,
    Stage,
)
from desktop.domain.people import TargetGroup
from desktop.fa.jalali import add_jalali_months
from desktop.models.tracking import Actor
from desktop.roles import Role
from desktop.services.case_records import CaseRecord
from desktop.services.cases import (
    CaseDetails,
    advance_case,
    assignable_facilitators,
    close_case,
    open_case,
)
from desktop.services.client_search import NO_CASE, ClientFilter, client_rows
from desktop.services.clients import get_client, update_client
from desktop.services.monitoring import VisitFindings, record_visit
from desktop.services.programs import list_programs

JOBS = (("خیاطی خانگی", Sector.INDUSTRY), ("پرورش قارچ", Sector.AGRICULTURE),
        ("آرایشگاه زنانه", Sector.SERVICES), ("فروشگاه اینترنتی صنایع دستی", Sector.SERVICES),
        ("پرورش زنبور عسل", Sector.AGRICULTURE), ("تعمیر لوازم خانگی", Sector.SERVICES))


@dataclasses.dataclass(frozen=True)
class Plan:
    """One sample case: how far it goes, whose it is, and when its job started."""

    kind: str                      # a Worklist value, or "training", "stabilised", "closed"
    facilitator: int | None        # index into the office's facilitators; None: unassigned
    job_months_ago: int = 0        # Jalali months between the job's start and today


PLANS = (
    Plan("overdue", 0, 4), Plan("overdue", 0, 2), Plan("overdue", 1, 4), Plan("overdue", None, 2),
    Plan("due_this_week", 0), Plan("due_this_week", 2),
    Plan("awaiting_assessment", 1), Plan("awaiting_assessment", 2),
    Plan("awaiting_assessment", None), Plan("without_facilitator", None),
    Plan("ready_to_stabilise", 0, 13), Plan("ready_to_stabilise", 2, 14),
    Plan("training", 1), Plan("training", 2),
    Plan("stabilised", 0, 13), Plan("closed", 1),
)


def _due_this_week_start(on: dt.date) -> dt.date:
    """A job start whose first visit (a Jalali month later) falls due between today and Friday."""
    friday = week_bounds(on)[1]
    for back in range(27, 34):
        start = on - dt.timedelta(days=back)
        if on <= add_jalali_months(start, 1) <= friday:
            return start
    raise AssertionError("no start date gives a visit due this week")


def _give_file_number(db: Database, actor: Actor, client_id: int, number: int) -> None:
    record = get_client(db, actor, client_id)
    group = TargetGroup.FEMALE_HEAD if record.gender == "female" else TargetGroup.RECOVERED_ADDICT
    data = dataclasses.replace(record.as_input(), target_groups=frozenset({group}),
                               file_number=f"{record.county_code}-{number:04d}")
    update_client(db, actor, client_id, data, version=record.version)


def _walk(db: Database, actor: Actor, client_id: int, facilitator_id: int | None,
          plan: Plan, index: int, programs: list[int]) -> CaseRecord:
    on = today()
    if plan.kind == "due_this_week":
        job_start = _due_this_week_start(on)
    elif plan.job_months_ago:  # a few days apart, so the lists show different delays
        job_start = add_jalali_months(on, -plan.job_months_ago) - dt.timedelta(days=3 * index)
    else:
        job_start = None
    if job_start is not None:
        referral = job_start - dt.timedelta(days=120)
    else:
        referral = on - dt.timedelta(days=(70 if plan.kind == "training" else 5) + 4 * index)
    case = open_case(db, actor, client_id, opened_on=referral,
                     referral_source=ReferralSource.SOCIAL_WORKER, facilitator_id=facilitator_id)
    if plan.kind in ("awaiting_assessment", "without_facilitator"):
        return case
    if plan.kind == "closed":
        return close_case(db, actor, case.id, version=case.version, on_date=referral,
                          reason=CloseReason.WITHDREW)
    target = Stage.TRAINING if plan.kind == "training" else Stage.JOB
    step = 1
    while case.stage_enum is not target:
        stage = case.stage_enum.next()
        details = None
        if stage is Stage.MODEL:
            details = CaseDetails(employment_model=EmploymentModel.SELF_EMPLOYMENT,
                                  program_id=programs[index % len(programs)])
        elif stage is Stage.JOB:
            title, sector = JOBS[index % len(JOBS)]
            details = CaseDetails(job_title=title, job_sector=sector, job_urban=index % 3 != 0,
                                  employment_kind=EmploymentKind.CREATED,
                                  job_start_date=job_start)
        on_date = job_start if stage is Stage.JOB else referral + dt.timedelta(days=25 * step)
        case = advance_case(db, actor, case.id, version=case.version, on_date=on_date,
                            details=details)
        step += 1
    # Visit what has fallen due, except the visit the worklist is about.
    keep_open = 1 if plan.kind == "overdue" else 0
    due = [v for v in case.visits if v.due_on <= on]
    for visit in due[:len(due) - keep_open]:
        case = record_visit(db, actor, visit.id, VisitFindings(
            done_on=visit.due_on, mode=VisitMode.IN_PERSON if visit.sequence % 2 else
            VisitMode.REMOTE, job_active=True, monthly_income=(60 + 15 * index) * 1_000_000),
            version=next(v.version for v in case.visits if v.id == visit.id))
    if plan.kind == "stabilised":
        case = advance_case(db, actor, case.id, version=case.version, on_date=on)
    return case


def add_sample_cases(db: Database, actor: Actor) -> list[CaseRecord]:
    """Open the cases of ``PLANS`` for clients who have none; ``actor`` is an administrator."""
    facilitators = [f.id for f in assignable_facilitators(db, actor)
                    if f.role == Role.FACILITATOR]
    # Programs monitored for a year, so the cases planned as ready for «تثبیت» are.
    programs = [p.id for p in list_programs(db, actor, active_only=True)
                if p.plan.horizon_months == DEFAULT_HORIZON_MONTHS]
    clients = client_rows(db, actor, ClientFilter(stage=NO_CASE), limit=len(PLANS))
    cases = []
    for index, (plan, client) in enumerate(zip(PLANS, clients, strict=False)):
        _give_file_number(db, actor, client.id, 1200 + 7 * index)
        facilitator = None if plan.facilitator is None else \
            facilitators[plan.facilitator % len(facilitators)]
        cases.append(_walk(db, actor, client.id, facilitator, plan, index, programs))
    return cases
