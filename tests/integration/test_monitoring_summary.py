"""The next visit and the final visit's finding, kept on each case for the worklists."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from desktop.domain.pathway import Stage
from desktop.models.cases import EmploymentCase
from desktop.services import cases
from desktop.services.integrity import run_checks
from desktop.services.monitoring import VisitFindings, record_extra_visit, record_visit
from tests.integration.conftest import Office, walk_case


def _kept(office: Office, case_id: int) -> tuple[dt.date | None, bool | None]:
    with office.db.reading() as session:
        case = session.get(EmploymentCase, case_id)
        return case.next_visit_on, case.final_visit_active


def _check(office: Office):
    return next(r for r in run_checks(office.db) if r.name.startswith("بازدید بعدی"))


def test_it_follows_every_change_to_the_visits(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.MODEL)
    assert _kept(office, case.id) == (None, None)
    case = walk_case(office, office.client().id, Stage.JOB)
    dues = [v.due_on for v in case.visits]
    assert _kept(office, case.id) == (dues[0], None)
    case = cases.update_case(office.db, office.expert, case.id,
                             cases.CaseDetails(job_start_date=dt.date(2023, 8, 10)),
                             version=case.version)
    assert _kept(office, case.id) == (case.visits[0].due_on, None)
    for visit in case.visits[:2]:
        case = record_visit(office.db, office.expert, visit.id,
                            VisitFindings(visit.due_on, "remote", True), version=visit.version)
    assert _kept(office, case.id) == (case.visits[2].due_on, None)
    case = record_extra_visit(office.db, office.expert, case.id,
                              VisitFindings(dt.date(2024, 1, 5), "in_person", True))
    assert _kept(office, case.id)[0] == case.next_visit.due_on
    for visit in [v for v in case.visits if not v.done]:
        case = record_visit(office.db, office.expert, visit.id,
                            VisitFindings(visit.due_on, "in_person", visit.month != 12),
                            version=visit.version)
    assert _kept(office, case.id) == (None, False)
    assert _check(office).ok


def test_a_finished_case_has_no_next_visit(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    case = cases.close_case(office.db, office.expert, case.id, version=case.version,
                            on_date=dt.date(2023, 10, 1), reason="withdrew")
    assert _kept(office, case.id) == (None, None)
    assert _check(office).ok


def test_karsaz_check_finds_a_summary_out_of_step(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    with office.db.transaction(office.admin) as session:
        session.execute(update(EmploymentCase).where(EmploymentCase.id == case.id)
                        .values(next_visit_on=dt.date(2030, 1, 1)))
    result = _check(office)
    assert not result.ok and "۱" in result.detail
    with office.db.reading() as session:
        assert session.scalar(select(EmploymentCase.next_visit_on)) == dt.date(2030, 1, 1)
