"""Employment cases: opening one, moving it along the pathway, closing it early.

Every move is a dated event with the user who made it, in the same transaction as the change
to the case; events are never changed afterwards. Dates run forward: a step is never dated
before the step before it, nor in the future.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import (
    CaseStatus,
    CloseReason,
    EmploymentKind,
    EmploymentModel,
    EventKind,
    ReferralSource,
    Sector,
    Stage,
    skipped_between,
)
from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.cases import CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.tracking import Actor
from desktop.models.users import Role, User
from desktop.roles import Permission, can, require
from desktop.services import monitoring_summary
from desktop.services.case_access import (
    can_edit_case,
    require_case_editable,
    require_case_visible,
    sees_every_client,
    visible_cases,
)
from desktop.services.case_records import (
    CaseRecord,
    case_record,
    is_ready_to_stabilise,
    visit_record,
)
from desktop.services.clients import STALE, _load_visible
from desktop.services.programs import plan_of


@dataclasses.dataclass(frozen=True)
class CaseDetails:
    """What the case tab edits outside the stage moves. ``None`` leaves a value as it is."""

    facilitator_id: int | None = None
    unassign_facilitator: bool = False
    program_id: int | None = None
    employment_model: str | None = None
    employment_kind: str | None = None
    job_title: str | None = None
    job_sector: str | None = None
    job_urban: bool | None = None
    job_start_date: dt.date | None = None
    employer_name: str | None = None
    referred_by: str | None = None
    notes: str | None = None


@dataclasses.dataclass(frozen=True)
class Facilitator:
    id: int
    full_name: str
    role: str


def assignable_facilitators(db: Database, actor: Actor) -> list[Facilitator]:
    """Active job facilitators and county experts, who can be given a case."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        rows = session.execute(
            select(User.id, User.full_name, User.role)
            .where(User.active.is_(True), User.role.in_([Role.FACILITATOR, Role.EXPERT]))
            .order_by(User.role.desc(), User.full_name))
        return [Facilitator(r.id, r.full_name, r.role) for r in rows]


def _check_day(on_date: dt.date | None, *, not_before: dt.date | None, field: str = "on_date",
               before_what: str = "") -> dt.date:
    if on_date is None:
        raise ValidationError("Enter the date.", field=field)
    if on_date > today():
        raise ValidationError("The date cannot be in the future.", field=field)
    if not_before is not None and on_date < not_before:
        raise ValidationError("This date cannot be before {what} ({date}).", field=field,
                              what=before_what or tr("the previous step"),
                              date=format_jalali(not_before))
    return on_date


def _event(session: Session, actor: Actor, case: EmploymentCase, kind: EventKind, on: dt.date,
           stage: Stage, from_stage: Stage | None, note: str = "") -> None:
    session.add(CaseEvent(case_id=case.id, on_date=on, kind=kind, stage=stage,
                          from_stage=from_stage, note=note, user_id=actor.user_id,
                          username=actor.username))


def _load_case(session: Session, case_id: int, version: int | None = None) -> EmploymentCase:
    case = session.get(EmploymentCase, case_id)
    if case is None:
        raise NotFound("This case does not exist.")
    if version is not None and case.version != version:
        raise ConflictError(STALE)
    return case


def _check_facilitator(session: Session, user_id: int) -> None:
    role = session.scalar(select(User.role).where(User.id == user_id, User.active.is_(True)))
    if role not in (Role.FACILITATOR, Role.EXPERT):
        raise ValidationError("Choose a facilitator from the list.", field="facilitator_id")


def _check_program(session: Session, program_id: int) -> Program:
    program = session.get(Program, program_id)
    if program is None or not program.active:
        raise ValidationError("Choose a program from the list.", field="program_id")
    return program


def open_case(db: Database, actor: Actor, client_id: int, *, opened_on: dt.date,
              referral_source: str, referred_by: str = "", facilitator_id: int | None = None,
              program_id: int | None = None, notes: str = "") -> CaseRecord:
    """A client's new case at «شناسایی و معرفی»; only one case may be open at a time."""
    require(actor, Permission.EDIT_CASES)
    if referral_source not in set(ReferralSource):
        raise ValidationError("Choose who referred the client.", field="referral_source")
    if not can(actor, Permission.EDIT_ANY_CASE):
        facilitator_id = actor.user_id  # a facilitator opens cases for themselves
    with db.transaction(actor) as session:
        client = _load_visible(session, actor, client_id)
        if session.scalar(select(func.count()).where(EmploymentCase.client_id == client.id,
                                                     EmploymentCase.status == CaseStatus.OPEN)):
            raise ValidationError("This client has an open case already.", field="opened_on")
        last_closed = session.scalar(select(func.max(EmploymentCase.closed_on)).where(
            EmploymentCase.client_id == client.id))
        _check_day(opened_on, not_before=last_closed, field="opened_on",
                   before_what=tr("the end of the previous case"))
        if client.birth_date and opened_on < client.birth_date:
            raise ValidationError("The referral cannot be before the birth date.",
                                  field="opened_on")
        if facilitator_id is not None:
            _check_facilitator(session, facilitator_id)
        if program_id is not None:
            _check_program(session, program_id)
        case = EmploymentCase(client_id=client.id, opened_on=opened_on,
                              referral_source=referral_source,
                              referred_by=clean_text(referred_by), stage=Stage.REFERRAL,
                              stage_on=opened_on, status=CaseStatus.OPEN,
                              facilitator_id=facilitator_id, program_id=program_id,
                              notes=clean_text(notes))
        session.add(case)
        try:
            session.flush()
        except IntegrityError as exc:  # another PC opened one a moment ago
            raise ValidationError("This client has an open case already.",
                                  field="opened_on") from exc
        _event(session, actor, case, EventKind.OPENED, opened_on, Stage.REFERRAL, None)
        session.flush()
        return case_record(session, case, editable=True)


def get_case(db: Database, actor: Actor, case_id: int) -> CaseRecord:
    with db.reading() as session:
        case = require_case_visible(actor, session.get(EmploymentCase, case_id))
        return case_record(session, case, editable=can_edit_case(actor, case))


def cases_of_client(db: Database, actor: Actor, client_id: int) -> list[CaseRecord]:
    """The client's cases the actor may see, the newest first."""
    with db.reading() as session:
        _load_visible(session, actor, client_id)
        cases = session.scalars(select(EmploymentCase).where(
            EmploymentCase.client_id == client_id, visible_cases(actor))
            .order_by(EmploymentCase.opened_on.desc(), EmploymentCase.id.desc()))
        return [case_record(session, c, editable=can_edit_case(actor, c)) for c in cases]


def _job_problems(case: EmploymentCase) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not case.job_title:
        problems["job_title"] = tr("Enter the job title.")
    if case.job_sector is None:
        problems["job_sector"] = tr("Choose the job's sector.")
    if case.job_urban is None:
        problems["job_urban"] = tr("Choose urban or rural.")
    if case.employment_kind is None:
        problems["employment_kind"] = tr("Choose whether the job is newly created or stabilised.")
    if case.job_start_date is None:
        problems["job_start_date"] = tr("Enter the job's start date.")
    if case.employment_model == EmploymentModel.EMPLOYER_BASED and not case.employer_name:
        problems["employer_name"] = tr("An employer-based job needs the employer's name.")
    return problems


def _schedule_visits(session: Session, case: EmploymentCase) -> None:
    """The visits of the job's monitoring, from its program; replaces a schedule none of whose
    visits has been made (the start date or program was corrected)."""
    assert case.job_start_date is not None
    visits = list(session.scalars(select(MonitoringVisit).where(
        MonitoringVisit.case_id == case.id)))
    if any(v.done_on is not None for v in visits):
        return
    for visit in visits:
        session.delete(visit)
    plan = plan_of(session.get(Program, case.program_id) if case.program_id else None)
    for planned in plan.schedule(case.job_start_date):
        session.add(MonitoringVisit(case_id=case.id, sequence=planned.sequence,
                                    month=planned.month, kind=planned.kind,
                                    due_on=planned.due_on))
    case.horizon_on = plan.horizon(case.job_start_date)
    monitoring_summary.refresh(session, case)


def _apply_details(session: Session, actor: Actor, case: EmploymentCase,
                   details: CaseDetails) -> None:
    errors: dict[str, str] = {}
    if details.unassign_facilitator or (details.facilitator_id is not None
                                        and details.facilitator_id != case.facilitator_id):
        if not can(actor, Permission.EDIT_ANY_CASE):
            raise PermissionDenied("Only a county expert assigns cases to facilitators.")
        if details.unassign_facilitator:
            case.facilitator_id = None
        else:
            _check_facilitator(session, details.facilitator_id or 0)
            case.facilitator_id = details.facilitator_id
    program_changed = False
    if details.program_id is not None and details.program_id != case.program_id:
        _check_program(session, details.program_id)
        case.program_id, program_changed = details.program_id, True
    for field, kinds in (("employment_model", EmploymentModel),
                         ("employment_kind", EmploymentKind), ("job_sector", Sector)):
        value = getattr(details, field)
        if value is not None:
            if value not in set(kinds):
                errors[field] = tr("Choose from the list.")
            else:
                setattr(case, field, value)
    for field in ("job_title", "employer_name", "referred_by", "notes"):
        value = getattr(details, field)
        if value is not None:
            setattr(case, field, clean_text(value))
    if details.job_urban is not None:
        case.job_urban = details.job_urban
    start_changed = False
    if details.job_start_date is not None and details.job_start_date != case.job_start_date:
        try:
            _check_day(details.job_start_date, not_before=case.opened_on, field="job_start_date",
                       before_what=tr("the referral"))
        except ValidationError as exc:
            errors.update(exc.errors)
        else:
            if session.scalar(select(func.count()).where(
                    MonitoringVisit.case_id == case.id, MonitoringVisit.done_on.is_not(None))):
                errors["job_start_date"] = tr("Visits have been recorded against this start "
                                              "date; it can no longer change.")
            else:
                case.job_start_date, start_changed = details.job_start_date, True
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    reached_job = Stage(case.stage).order >= Stage.JOB.order
    if reached_job and case.status == CaseStatus.OPEN and (start_changed or program_changed):
        _schedule_visits(session, case)


def update_case(db: Database, actor: Actor, case_id: int, details: CaseDetails, *,
                version: int) -> CaseRecord:
    """Change the facilitator, program, employment model, job details or notes of a case."""
    with db.transaction(actor) as session:
        case = require_case_editable(actor, require_case_visible(
            actor, _load_case(session, case_id, version)))
        if case.status != CaseStatus.OPEN:
            raise ValidationError("This case is finished; open a new case to change anything.")
        _apply_details(session, actor, case, details)
        if Stage(case.stage).order >= Stage.JOB.order:
            problems = _job_problems(case)
            if problems:
                raise ValidationError("Some fields need correcting.", errors=problems)
        session.flush()
        return case_record(session, case, editable=True)


def _move(session: Session, actor: Actor, case: EmploymentCase, target: Stage, on_date: dt.date,
          note: str, details: CaseDetails | None) -> None:
    current = Stage(case.stage)
    if case.status != CaseStatus.OPEN:
        raise ValidationError("This case is finished; open a new case to change anything.")
    if target.order <= current.order:
        raise ValidationError("A case only moves forward; its history is never rewritten.")
    _check_day(on_date, not_before=case.stage_on)
    note = clean_text(note)
    skipped = skipped_between(current, target)
    if skipped:
        if not can(actor, Permission.OVERRIDE_PATHWAY):
            raise PermissionDenied("Only the administrator may skip a stage.")
        if len(note) < 5:
            raise ValidationError("Give the reason for skipping the stage.", field="note")
    if details is not None:
        _apply_details(session, actor, case, details)
    if target.order >= Stage.MODEL.order and case.employment_model is None:
        raise ValidationError("Choose the employment model first.", field="employment_model")
    if target.order >= Stage.JOB.order:
        problems = _job_problems(case)
        if problems:
            raise ValidationError("Some fields need correcting.", errors=problems)
        _schedule_visits(session, case)
        session.flush()
    if target is Stage.STABILISED:
        visits = [visit_record(v) for v in session.scalars(
            select(MonitoringVisit).where(MonitoringVisit.case_id == case.id))]
        ready = is_ready_to_stabilise(case.status, Stage.FOLLOW_UP, case.horizon_on, visits,
                                      on_date)
        if not ready:
            if not can(actor, Permission.OVERRIDE_PATHWAY):
                raise ValidationError(
                    "A job is stabilised after its monitoring period, when the final visit "
                    "found it active.", field="on_date")
            if len(note) < 5:
                raise ValidationError("Give the reason for stabilising before the end of "
                                      "monitoring.", field="note")
    case.stage, case.stage_on = target, on_date
    if target is Stage.STABILISED:
        case.status, case.closed_on = CaseStatus.STABILISED, on_date
        monitoring_summary.refresh(session, case)
    _event(session, actor, case, EventKind.SKIPPED if skipped else EventKind.ADVANCED, on_date,
           target, current, note)


def advance_case(db: Database, actor: Actor, case_id: int, *, version: int, on_date: dt.date,
                 note: str = "", details: CaseDetails | None = None) -> CaseRecord:
    """Move the case to its next stage, with whatever that stage needs in ``details``."""
    with db.transaction(actor) as session:
        case = require_case_editable(actor, require_case_visible(
            actor, _load_case(session, case_id, version)))
        following = Stage(case.stage).next()
        if following is None:
            raise ValidationError("This case has reached the end of the pathway.")
        _move(session, actor, case, following, on_date, note, details)
        session.flush()
        return case_record(session, case, editable=True)


def skip_to_stage(db: Database, actor: Actor, case_id: int, target: str, *, version: int,
                  on_date: dt.date, reason: str, details: CaseDetails | None = None,
                  ) -> CaseRecord:
    """Move the case past one or more stages: the administrator's decision, with a reason."""
    require(actor, Permission.OVERRIDE_PATHWAY)
    with db.transaction(actor) as session:
        case = require_case_editable(actor, require_case_visible(
            actor, _load_case(session, case_id, version)))
        _move(session, actor, case, Stage(target), on_date, reason, details)
        session.flush()
        return case_record(session, case, editable=True)


def close_case(db: Database, actor: Actor, case_id: int, *, version: int, on_date: dt.date,
               reason: str, note: str = "") -> CaseRecord:
    """End a case before stabilisation (withdrawal, not eligible, moved away, …)."""
    if reason not in set(CloseReason):
        raise ValidationError("Choose why the case is closed.", field="reason")
    note = clean_text(note)
    if reason == CloseReason.OTHER and len(note) < 5:
        raise ValidationError("Describe the reason for closing the case.", field="note")
    with db.transaction(actor) as session:
        case = require_case_editable(actor, require_case_visible(
            actor, _load_case(session, case_id, version)))
        if case.status != CaseStatus.OPEN:
            raise ValidationError("This case is finished; open a new case to change anything.")
        _check_day(on_date, not_before=case.stage_on)
        case.status, case.closed_on, case.close_reason = CaseStatus.CLOSED, on_date, reason
        monitoring_summary.refresh(session, case)
        _event(session, actor, case, EventKind.CLOSED, on_date, Stage(case.stage),
               Stage(case.stage), note)
        session.flush()
        return case_record(session, case, editable=True)


def open_case_of(db: Database, actor: Actor, client_id: int) -> CaseRecord | None:
    with db.reading() as session:
        case = session.scalar(select(EmploymentCase).where(
            EmploymentCase.client_id == client_id, EmploymentCase.status == CaseStatus.OPEN))
        if case is None:
            return None
        try:
            require_case_visible(actor, case)
        except NotFound:
            return None
        return case_record(session, case, editable=can_edit_case(actor, case))


def open_case_held_elsewhere(db: Database, actor: Actor, client_id: int) -> str | None:
    """When the client has an open case ``actor`` may not see — a facilitator looking at a
    client they registered whose case went to a colleague — the name of that case's
    facilitator ("" when it has none); None otherwise. The screen then explains why it offers
    no case instead of offering to open a second one."""
    with db.reading() as session:
        _load_visible(session, actor, client_id)
        row = session.execute(
            select(EmploymentCase.facilitator_id, User.full_name)
            .outerjoin(User, User.id == EmploymentCase.facilitator_id)
            .where(EmploymentCase.client_id == client_id,
                   EmploymentCase.status == CaseStatus.OPEN)).first()
        if row is None or sees_every_client(actor) or row.facilitator_id == actor.user_id:
            return None
        return row.full_name or ""
