"""Monitoring visits: dated after the job, moving the case to follow-up, extra visits."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.pathway import EventKind, Stage
from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services import monitoring
from desktop.services.monitoring import VisitFindings
from tests.integration.conftest import Office, walk_case


def test_the_first_visit_starts_the_follow_up(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    first = case.visits[0]
    case = monitoring.record_visit(
        office.db, office.expert, first.id,
        VisitFindings(dt.date(2023, 9, 3), "in_person", True, 85_000_000, "مواد اولیه گران شده",
                      "معرفی به بازارچه"), version=first.version)
    done = case.visits[0]
    assert (done.done_on, done.mode, done.job_active, done.monthly_income) == (
        dt.date(2023, 9, 3), "in_person", True, 85_000_000)
    assert done.visited_by == "مریم کشاورز" and done.next_action == "معرفی به بازارچه"
    assert case.stage == Stage.FOLLOW_UP
    assert (case.events[-1].kind, case.events[-1].on_date) == (EventKind.ADVANCED,
                                                              dt.date(2023, 9, 3))
    assert case.next_visit is not None and case.next_visit.month == 3


def test_a_visit_before_the_job_or_in_the_future_is_refused(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    visit = case.visits[0]
    for day in (dt.date(2023, 7, 31), dt.date(2024, 10, 7)):
        with pytest.raises(ValidationError) as caught:
            monitoring.record_visit(office.db, office.expert, visit.id,
                                    VisitFindings(day, "remote", True), version=visit.version)
        assert "done_on" in caught.value.errors


def test_findings_are_checked(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    visit = case.visits[0]
    with pytest.raises(ValidationError) as caught:
        monitoring.record_visit(office.db, office.expert, visit.id,
                                VisitFindings(dt.date(2023, 9, 1), "phone", True, -5),
                                version=visit.version)
    assert set(caught.value.errors) == {"mode", "monthly_income"}


def test_no_visit_before_the_job_exists(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.MODEL)
    with pytest.raises(ValidationError):
        monitoring.record_extra_visit(office.db, office.expert, case.id,
                                      VisitFindings(dt.date(2023, 9, 1), "remote", True))


def test_an_extra_visit_joins_the_schedule(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    case = monitoring.record_extra_visit(
        office.db, office.expert, case.id,
        VisitFindings(dt.date(2023, 8, 20), "in_person", True, problems="دستگاه خراب شد"))
    extra = [v for v in case.visits if v.month is None]
    assert len(extra) == 1 and extra[0].sequence == 6 and extra[0].due_on == dt.date(2023, 8, 20)
    assert case.stage == Stage.FOLLOW_UP
    assert len([v for v in case.visits if not v.done]) == 5


def test_two_people_recording_one_visit(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    visit = case.visits[0]
    monitoring.record_visit(office.db, office.expert, visit.id,
                            VisitFindings(dt.date(2023, 9, 1), "remote", True),
                            version=visit.version)
    with pytest.raises(ConflictError):
        monitoring.record_visit(office.db, office.admin, visit.id,
                                VisitFindings(dt.date(2023, 9, 2), "in_person", False),
                                version=visit.version)


def test_overdue_is_a_visit_past_due_and_not_made(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB, job_start=dt.date(2024, 6, 1))
    today = dt.date(2024, 10, 6)
    assert [v.overdue(today) for v in case.visits] == [True, True, False, False, False]


def test_a_facilitator_records_visits_only_on_their_cases(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB,
                     facilitator_id=office.other_facilitator.user_id)
    visit = case.visits[0]
    with pytest.raises(NotFound):   # not theirs: to them the case does not exist
        monitoring.record_visit(office.db, office.facilitator, visit.id,
                                VisitFindings(dt.date(2023, 9, 1), "remote", True),
                                version=visit.version)
    with pytest.raises(PermissionDenied):
        monitoring.record_visit(office.db, office.viewer, visit.id,
                                VisitFindings(dt.date(2023, 9, 1), "remote", True),
                                version=visit.version)
