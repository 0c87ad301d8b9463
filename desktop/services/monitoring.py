"""Monitoring visits (پایش): recording what a facilitator found on a scheduled or extra visit.

The first visit recorded after the job starts moves the case from «ایجاد اشتغال» to «پایش و
پشتیبانی» (an event by the same user, the visit's date). A visit is dated between the job's
start and today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select

from desktop.database import Database
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.domain.pathway import CaseStatus, EventKind, Stage
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.cases import EmploymentCase, MonitoringVisit
from desktop.models.tracking import Actor
from desktop.services import monitoring_summary
from desktop.services.case_access import require_case_editable, require_case_visible
from desktop.services.case_records import CaseRecord, case_record
from desktop.services.cases import _check_day, _event
from desktop.services.clients import STALE

MAX_MONTHLY_INCOME = 100_000_000_000  # ten billion Tomans a month: a typing slip, not income


@dataclasses.dataclass(frozen=True)
class VisitFindings:
    done_on: dt.date | None
    mode: str
    job_active: bool
    monthly_income: int | None = None   # Rials
    problems: str = ""
    next_action: str = ""


def _check_findings(findings: VisitFindings, job_start: dt.date) -> None:
    errors: dict[str, str] = {}
    try:
        _check_day(findings.done_on, not_before=job_start, field="done_on",
                   before_what=tr("the job's start"))
    except ValidationError as exc:
        errors.update(exc.errors)
    if findings.mode not in set(VisitMode):
        errors["mode"] = tr("Choose in person or remote.")
    if findings.monthly_income is not None and not \
            0 <= findings.monthly_income <= MAX_MONTHLY_INCOME:
        errors["monthly_income"] = tr("Enter the monthly income in Rials.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)


def _fill(visit: MonitoringVisit, findings: VisitFindings, actor: Actor) -> None:
    visit.done_on = findings.done_on
    visit.mode = findings.mode
    visit.job_active = findings.job_active
    visit.monthly_income = findings.monthly_income
    visit.problems = clean_text(findings.problems)
    visit.next_action = clean_text(findings.next_action)
    visit.visited_by_id = actor.user_id


def _monitored_case(session, actor: Actor, case_id: int) -> EmploymentCase:
    case = session.get(EmploymentCase, case_id)
    case = require_case_editable(actor, require_case_visible(actor, case))
    if case.status != CaseStatus.OPEN:
        raise ValidationError("This case is finished; open a new case to change anything.")
    if case.job_start_date is None or Stage(case.stage).order < Stage.JOB.order:
        raise ValidationError("Visits are recorded once the job has been created.")
    return case


def _start_follow_up(session, actor: Actor, case: EmploymentCase, on: dt.date) -> None:
    if case.stage == Stage.JOB:
        on = max(on, case.stage_on)
        case.stage, case.stage_on = Stage.FOLLOW_UP, on
        _event(session, actor, case, EventKind.ADVANCED, on, Stage.FOLLOW_UP, Stage.JOB,
               tr("The first monitoring visit was recorded."))


def record_visit(db: Database, actor: Actor, visit_id: int, findings: VisitFindings, *,
                 version: int) -> CaseRecord:
    """Record a scheduled visit (or correct one recorded earlier)."""
    with db.transaction(actor) as session:
        visit = session.get(MonitoringVisit, visit_id)
        if visit is None:
            raise NotFound("This visit does not exist.")
        if visit.version != version:
            raise ConflictError(STALE)
        case = _monitored_case(session, actor, visit.case_id)
        assert case.job_start_date is not None
        _check_findings(findings, case.job_start_date)
        _fill(visit, findings, actor)
        _start_follow_up(session, actor, case, findings.done_on or case.stage_on)
        monitoring_summary.refresh(session, case)
        session.flush()
        return case_record(session, case, editable=True)


def record_extra_visit(db: Database, actor: Actor, case_id: int,
                       findings: VisitFindings) -> CaseRecord:
    """A visit outside the schedule (a problem reported, a follow-up of a follow-up)."""
    with db.transaction(actor) as session:
        case = _monitored_case(session, actor, case_id)
        assert case.job_start_date is not None
        _check_findings(findings, case.job_start_date)
        sequence = (session.scalar(select(func.max(MonitoringVisit.sequence)).where(
            MonitoringVisit.case_id == case.id)) or 0) + 1
        visit = MonitoringVisit(case_id=case.id, sequence=sequence, month=None,
                                kind=VisitKind.VISIT, due_on=findings.done_on)
        _fill(visit, findings, actor)
        session.add(visit)
        _start_follow_up(session, actor, case, findings.done_on or case.stage_on)
        monitoring_summary.refresh(session, case)
        session.flush()
        return case_record(session, case, editable=True)
