"""Funding programs: data, each with the monitoring it asks of the cases it funds."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.database import Database
from desktop.domain.benefits import ProgramKind
from desktop.domain.monitoring import MonitoringPlan, format_months, parse_months
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.cases import Program
from desktop.models.tracking import Actor
from desktop.roles import Permission, require

# code, name, kind, plan. The partner foundation's agreement asks for staged supervision over
# 20 months from the project's start and a report every six months (DOMAIN.md).
DEFAULT_PROGRAMS = (
    ("NAT-LOAN", "تسهیلات تکلیفی از منابع ملی", ProgramKind.NATIONAL_MANDATED, MonitoringPlan()),
    ("PROV-LOAN", "تسهیلات تکلیفی از منابع استانی", ProgramKind.PROVINCIAL_MANDATED,
     MonitoringPlan()),
    ("JOB-FUND", "صندوق فرصت‌های شغلی", ProgramKind.JOB_OPPORTUNITIES_FUND, MonitoringPlan()),
    ("FOUNDATION", "تفاهم‌نامه اشتغال بانوان سرپرست خانوار با بنیاد همکار",
     ProgramKind.PARTNER_FOUNDATION,
     MonitoringPlan((1, 3, 6, 9, 12, 15, 18, 20), (6, 12, 18), 20)),
)


@dataclasses.dataclass(frozen=True)
class ProgramRecord:
    id: int
    code: str
    name: str
    kind: str
    plan: MonitoringPlan
    active: bool
    version: int


def plan_of(program: Program | None) -> MonitoringPlan:
    """The monitoring a case follows: its program's, or the default (visits at 1–12 months)."""
    if program is None:
        return MonitoringPlan()
    return MonitoringPlan(parse_months(program.visit_months),
                          parse_months(program.report_months), program.horizon_months)


def _record(program: Program) -> ProgramRecord:
    return ProgramRecord(program.id, program.code, program.name, program.kind, plan_of(program),
                         program.active, program.version)


def add_default_programs(session: Session) -> None:
    """Give a new office the programs every county works with (idempotent)."""
    if session.scalar(select(func.count()).select_from(Program)):
        return
    for code, name, kind, plan in DEFAULT_PROGRAMS:
        session.add(Program(code=code, name=name, kind=kind,
                            visit_months=format_months(plan.visit_months),
                            report_months=format_months(plan.report_months),
                            horizon_months=plan.horizon_months))


def list_programs(db: Database, actor: Actor, *, active_only: bool = False) -> list[ProgramRecord]:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        query = select(Program).order_by(Program.id)
        if active_only:
            query = query.where(Program.active.is_(True))
        return [_record(p) for p in session.scalars(query)]


def _checked(code: str, name: str, kind: str, visit_months: str, report_months: str,
             horizon_months: int) -> tuple[str, str, MonitoringPlan]:
    errors: dict[str, str] = {}
    code = clean_text(code).upper()
    name = clean_text(name)
    if not 2 <= len(code) <= 20:
        errors["code"] = tr("A program code is 2 to 20 characters.")
    if len(name) < 3:
        errors["name"] = tr("Enter the program's name.")
    if kind not in set(ProgramKind):
        errors["kind"] = tr("Choose the kind of program.")
    try:
        plan = MonitoringPlan(parse_months(visit_months), parse_months(report_months),
                              horizon_months)
    except ValueError:
        errors["visit_months"] = tr("Write the months as numbers separated by commas, e.g. 1,3,6.")
        plan = MonitoringPlan()
    else:
        if plan.problems():
            errors["visit_months"] = tr(plan.problems()[0])
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return code, name, plan


def save_program(db: Database, actor: Actor, *, program_id: int | None, code: str, name: str,
                 kind: str, visit_months: str, report_months: str, horizon_months: int,
                 active: bool = True, version: int | None = None) -> ProgramRecord:
    """Add a program (``program_id`` None) or change one; cases keep the visits already made
    for them — a changed plan applies to jobs that start afterwards."""
    require(actor, Permission.MANAGE_OFFICE)
    code, name, plan = _checked(code, name, kind, visit_months, report_months, horizon_months)
    with db.transaction(actor) as session:
        clash = session.scalar(select(Program.id).where(Program.code == code))
        if clash is not None and clash != program_id:
            raise ValidationError("Another program has this code.", field="code")
        if program_id is None:
            program = Program(code=code)
            session.add(program)
        else:
            program = session.get(Program, program_id)
            if program is None:
                raise NotFound("This program does not exist.")
            if version is not None and program.version != version:
                raise ConflictError("Someone else saved this record after you opened it. "
                                    "Nothing was overwritten; reopen it to see their changes.")
            program.code = code
        program.name, program.kind, program.active = name, kind, active
        program.visit_months = format_months(plan.visit_months)
        program.report_months = format_months(plan.report_months)
        program.horizon_months = plan.horizon_months
        session.flush()
        return _record(program)
