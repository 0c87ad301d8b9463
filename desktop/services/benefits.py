"""Services and benefits of a case: loans, grants, insurance shares, subsidies and courses.

Amounts are whole Rials. A loan, grant, insurance share or subsidy has an amount above zero; a
course has its title, hours and provider, and a cost only when one was paid.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from desktop.database import Database
from desktop.domain.benefits import BenefitKind
from desktop.domain.pathway import CaseStatus
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import N_, tr
from desktop.models.cases import Benefit, EmploymentCase, Program
from desktop.models.tracking import Actor
from desktop.services.case_access import require_case_editable, require_case_visible
from desktop.services.case_records import BenefitRecord, benefit_record
from desktop.services.cases import _check_day
from desktop.services.clients import STALE

MAX_AMOUNT = 100_000_000_000_000  # 10 trillion Rials: beyond any single benefit, a slip


@dataclasses.dataclass(frozen=True)
class BenefitInput:
    kind: str
    given_on: dt.date | None
    amount: int = 0
    program_id: int | None = None
    months: int | None = None
    training_title: str = ""
    training_hours: int | None = None
    training_provider: str = ""
    training_completed: bool | None = None
    notes: str = ""


def amount_problem(kind: BenefitKind, amount: object) -> str | None:
    """The English source of what is wrong with ``amount`` for this kind, or None.

    Money is whole Rials: a float, a bool or a negative number is never an amount; only a
    course may cost nothing."""
    whole_rials = isinstance(amount, int) and not isinstance(amount, bool)
    if not whole_rials or not 0 <= amount <= MAX_AMOUNT:  # type: ignore[operator]
        return N_("Enter the amount in Rials.")
    if amount == 0 and not kind.is_training:
        return N_("Enter the amount paid.")
    return None


def _validated(session: Session, case: EmploymentCase, data: BenefitInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.kind not in set(BenefitKind):
        raise ValidationError("Choose the kind of service.", field="kind")
    kind = BenefitKind(data.kind)
    try:
        _check_day(data.given_on, not_before=case.opened_on, field="given_on",
                   before_what=tr("the referral"))
    except ValidationError as exc:
        errors.update(exc.errors)
    amount_error = amount_problem(kind, data.amount)
    if amount_error:
        errors["amount"] = tr(amount_error)
    if data.program_id is not None:
        program = session.get(Program, data.program_id)
        if program is None:
            errors["program_id"] = tr("Choose a program from the list.")
    if data.months is not None and not 1 <= data.months <= 120:
        errors["months"] = tr("Months are 1 to 120.")
    values: dict[str, object] = {
        "kind": kind, "given_on": data.given_on, "amount": data.amount,
        "program_id": data.program_id, "months": data.months, "notes": clean_text(data.notes),
        "training_title": "", "training_hours": None, "training_provider": "",
        "training_completed": None,
    }
    if kind.is_training:
        title = clean_text(data.training_title)
        provider = clean_text(data.training_provider)
        if len(title) < 2:
            errors["training_title"] = tr("Enter the course title.")
        if data.training_hours is None or not 1 <= data.training_hours <= 2000:
            errors["training_hours"] = tr("A course has 1 to 2,000 hours.")
        if len(provider) < 2:
            errors["training_provider"] = tr("Enter who gave the course.")
        values.update(training_title=title, training_hours=data.training_hours,
                      training_provider=provider,
                      training_completed=bool(data.training_completed))
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return values


def _editable_case(session: Session, actor: Actor, case_id: int) -> EmploymentCase:
    case = require_case_editable(actor, require_case_visible(
        actor, session.get(EmploymentCase, case_id)))
    if case.status != CaseStatus.OPEN:
        raise ValidationError("This case is finished; open a new case to change anything.")
    return case


def add_benefit(db: Database, actor: Actor, case_id: int, data: BenefitInput) -> BenefitRecord:
    with db.transaction(actor) as session:
        case = _editable_case(session, actor, case_id)
        benefit = Benefit(case_id=case.id, **_validated(session, case, data))
        session.add(benefit)
        session.flush()
        return benefit_record(benefit)


def _load(session: Session, benefit_id: int, version: int) -> Benefit:
    benefit = session.get(Benefit, benefit_id)
    if benefit is None:
        raise NotFound("This service record does not exist.")
    if benefit.version != version:
        raise ConflictError(STALE)
    return benefit


def update_benefit(db: Database, actor: Actor, benefit_id: int, data: BenefitInput, *,
                   version: int) -> BenefitRecord:
    with db.transaction(actor) as session:
        benefit = _load(session, benefit_id, version)
        case = _editable_case(session, actor, benefit.case_id)
        for field, value in _validated(session, case, data).items():
            setattr(benefit, field, value)
        session.flush()
        return benefit_record(benefit)


def delete_benefit(db: Database, actor: Actor, benefit_id: int, *, version: int) -> None:
    """Remove a service recorded by mistake; the audit trail keeps what it held."""
    with db.transaction(actor) as session:
        benefit = _load(session, benefit_id, version)
        _editable_case(session, actor, benefit.case_id)
        session.delete(benefit)
