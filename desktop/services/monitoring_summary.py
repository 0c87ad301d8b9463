"""A case's monitoring at a glance, kept on the case itself.

``next_visit_on`` is the earliest visit not yet made while the case is open (None once it is
finished: the visits a closed case never had are nobody's work); ``final_visit_active`` is what
the final scheduled visit found, the one due at the end of monitoring (a program's last visit
month is its horizon, desktop.domain.monitoring). Every service that schedules, records, closes
or stabilises calls ``refresh`` in its own transaction, so the worklists read index ranges
instead of hundreds of thousands of visits; ``karsaz check`` compares them with the visits.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.pathway import CaseStatus
from desktop.models.cases import EmploymentCase, MonitoringVisit


def _earliest_open_visit(case_id) -> Select:
    return select(func.min(MonitoringVisit.due_on)).where(
        MonitoringVisit.case_id == case_id, MonitoringVisit.done_on.is_(None))


def _final_visit_finding(case_id, horizon_on) -> Select:
    return select(MonitoringVisit.job_active).where(
        MonitoringVisit.case_id == case_id, MonitoringVisit.due_on == horizon_on,
        MonitoringVisit.month.is_not(None), MonitoringVisit.done_on.is_not(None)).limit(1)


def refresh(session: Session, case: EmploymentCase) -> None:
    """Bring the case's summary up to date with its visits (which must be flushed)."""
    session.flush()
    case.next_visit_on = session.scalar(_earliest_open_visit(case.id)) \
        if case.status == CaseStatus.OPEN else None
    case.final_visit_active = session.scalar(_final_visit_finding(case.id, case.horizon_on)) \
        if case.horizon_on is not None else None


def drifted() -> ColumnElement[bool]:
    """True for a case whose kept summary disagrees with its visits."""
    expected_next = case((EmploymentCase.status == CaseStatus.OPEN,
                          _earliest_open_visit(EmploymentCase.id).scalar_subquery()))
    expected_final = _final_visit_finding(EmploymentCase.id,
                                          EmploymentCase.horizon_on).scalar_subquery()
    return or_(EmploymentCase.next_visit_on.is_distinct_from(expected_next),
               EmploymentCase.final_visit_active.is_distinct_from(expected_final))
