"""A case along the employment pathway: stages in order, dated events, skips and closing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.pathway import CaseStatus, EventKind, Stage
from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models.cases import CaseEvent, MonitoringVisit
from desktop.services import cases
from desktop.services.cases import CaseDetails
from desktop.services.monitoring import VisitFindings, record_visit
from desktop.services.worklists import worklist_summary
from tests.integration.conftest import JOB, Office, walk_case


def test_a_case_opens_at_referral_with_its_event(office: Office) -> None:
    client = office.client()
    case = cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2024, 9, 1),
                           referral_source="social_worker", referred_by="خانم مددکار")
    assert (case.stage, case.status) == (Stage.REFERRAL, CaseStatus.OPEN)
    [event] = case.events
    assert (event.kind, event.stage, event.on_date, event.username) == (
        EventKind.OPENED, Stage.REFERRAL, dt.date(2024, 9, 1), "expert")


def test_only_one_case_is_open_at_a_time(office: Office) -> None:
    client = office.client()
    cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2024, 9, 1),
                    referral_source="self")
    with pytest.raises(ValidationError, match="پروندهٔ باز"):
        cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2024, 9, 2),
                        referral_source="self")


def test_a_closed_case_makes_room_for_a_new_one_after_it(office: Office) -> None:
    client = office.client()
    first = cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2023, 1, 1),
                            referral_source="self")
    cases.close_case(office.db, office.expert, first.id, version=first.version,
                     on_date=dt.date(2023, 6, 1), reason="withdrew")
    with pytest.raises(ValidationError):
        cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2023, 5, 1),
                        referral_source="self")
    second = cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2024, 1, 1),
                             referral_source="facilitator")
    assert [c.id for c in cases.cases_of_client(office.db, office.expert, client.id)] == [
        second.id, first.id]


def test_each_step_is_a_dated_event_of_its_user(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    assert [(e.kind, e.stage) for e in case.events] == [
        ("opened", "referral"), ("advanced", "assessment"), ("advanced", "training"),
        ("advanced", "model"), ("advanced", "job")]
    assert all(e.username == "expert" for e in case.events)
    assert case.stage_on == dt.date(2023, 8, 1)


def test_dates_run_forward_and_never_into_the_future(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.ASSESSMENT)
    with pytest.raises(ValidationError) as caught:
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2023, 5, 2))
    assert "۱۴۰۲/۰۲/۲۱" in caught.value.errors["on_date"]   # the assessment, 11 May 2023
    with pytest.raises(ValidationError, match="آینده"):
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2024, 10, 7))


def test_a_job_before_its_referral_is_refused(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.MODEL)
    with pytest.raises(ValidationError) as caught:
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2023, 8, 1),
                           details=CaseDetails(job_start_date=dt.date(2023, 4, 1), **JOB))
    assert "job_start_date" in caught.value.errors
    assert cases.get_case(office.db, office.expert, case.id).stage == Stage.MODEL


def test_the_model_stage_needs_an_employment_model(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.TRAINING)
    with pytest.raises(ValidationError) as caught:
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2023, 7, 1))
    assert caught.value.field == "employment_model"


def test_a_job_needs_its_details_and_an_employer_if_employer_based(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.MODEL)
    case = cases.update_case(office.db, office.expert, case.id,
                             CaseDetails(employment_model="employer_based"), version=case.version)
    with pytest.raises(ValidationError) as caught:
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2023, 8, 1))
    assert set(caught.value.errors) == {"job_title", "job_sector", "job_urban",
                                        "employment_kind", "job_start_date", "employer_name"}


def test_reaching_the_job_schedules_its_visits_from_the_program(office: Office) -> None:
    default = walk_case(office, office.client().id, Stage.JOB)
    assert [v.month for v in default.visits] == [1, 3, 6, 9, 12]
    assert default.horizon_on == default.visits[-1].due_on == dt.date(2024, 7, 31)
    foundation = next(p for p in _programs(office) if p.code == "FOUNDATION")
    partner = walk_case(office, office.client().id, Stage.JOB, program_id=foundation.id)
    assert [v.month for v in partner.visits] == [1, 3, 6, 9, 12, 15, 18, 20]
    assert [v.month for v in partner.visits if v.is_report] == [6, 12, 18]
    assert partner.program_name == foundation.name


def test_a_corrected_start_reschedules_until_a_visit_is_made(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    case = cases.update_case(office.db, office.expert, case.id,
                             CaseDetails(job_start_date=dt.date(2023, 9, 1)),
                             version=case.version)
    assert case.visits[0].due_on == dt.date(2023, 10, 2)   # ۱۰ مهر ۱۴۰۲, a month after
    first = case.visits[0]
    case = record_visit(office.db, office.expert, first.id,
                        VisitFindings(dt.date(2023, 10, 2), "in_person", True, 90_000_000),
                        version=first.version)
    with pytest.raises(ValidationError) as caught:
        cases.update_case(office.db, office.expert, case.id,
                          CaseDetails(job_start_date=dt.date(2023, 8, 20)), version=case.version)
    assert "job_start_date" in caught.value.errors


def test_skipping_a_stage_is_the_administrators_with_a_reason(office: Office) -> None:
    case = cases.open_case(office.db, office.expert, office.client().id,
                           opened_on=dt.date(2024, 1, 1), referral_source="self")
    model = CaseDetails(employment_model="licensed_centre")
    with pytest.raises(PermissionDenied):
        cases.skip_to_stage(office.db, office.expert, case.id, Stage.MODEL,
                            version=case.version, on_date=dt.date(2024, 2, 1),
                            reason="مهارت دارد", details=model)
    with pytest.raises(ValidationError) as caught:
        cases.skip_to_stage(office.db, office.admin, case.id, Stage.MODEL, version=case.version,
                            on_date=dt.date(2024, 2, 1), reason="", details=model)
    assert caught.value.field == "note"
    case = cases.skip_to_stage(office.db, office.admin, case.id, Stage.MODEL,
                               version=case.version, on_date=dt.date(2024, 2, 1),
                               reason="مهارت خیاطی دارد و اهلیت در پرونده قبلی احراز شده",
                               details=model)
    last = case.events[-1]
    assert (last.kind, last.from_stage, last.stage, last.username) == (
        EventKind.SKIPPED, Stage.REFERRAL, Stage.MODEL, "admin")
    assert "خیاطی" in last.note


def test_the_history_is_never_rewritten(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.TRAINING)
    with pytest.raises(ValidationError):
        cases.skip_to_stage(office.db, office.admin, case.id, Stage.REFERRAL,
                            version=case.version, on_date=dt.date(2023, 7, 1),
                            reason="برگشت به عقب")
    with pytest.raises(RuntimeError), office.db.transaction(office.admin) as session:
        event = session.scalars(select(CaseEvent)).first()
        event.note = "rewritten"
    with pytest.raises(RuntimeError), office.db.transaction(office.admin) as session:
        session.delete(session.scalars(select(CaseEvent)).first())
    assert [e.note for e in cases.get_case(office.db, office.expert, case.id).events] == [""] * 3


def test_closing_early_needs_a_reason_and_ends_the_case(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.ASSESSMENT)
    with pytest.raises(ValidationError):
        cases.close_case(office.db, office.expert, case.id, version=case.version,
                         on_date=dt.date(2024, 1, 1), reason="other", note="")
    case = cases.close_case(office.db, office.expert, case.id, version=case.version,
                            on_date=dt.date(2024, 1, 1), reason="moved",
                            note="به شهرستان دیگر رفت")
    assert (case.status, case.close_reason, case.closed_on) == (
        CaseStatus.CLOSED, "moved", dt.date(2024, 1, 1))
    assert case.events[-1].kind == EventKind.CLOSED
    with pytest.raises(ValidationError):
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2024, 2, 1))


def test_stabilising_waits_for_the_end_of_monitoring_with_the_job_active(office: Office,
                                                                         fixed_clock) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    for visit in case.visits[:-1]:
        case = record_visit(office.db, office.expert, visit.id,
                            VisitFindings(visit.due_on, "in_person", True, 120_000_000),
                            version=visit.version)
    assert case.stage == Stage.FOLLOW_UP and not case.ready_to_stabilise()
    with pytest.raises(ValidationError):
        cases.advance_case(office.db, office.expert, case.id, version=case.version,
                           on_date=dt.date(2024, 8, 1))
    final = case.visits[-1]
    case = record_visit(office.db, office.expert, final.id,
                        VisitFindings(final.due_on, "remote", True, 150_000_000),
                        version=final.version)
    assert case.ready_to_stabilise()
    case = cases.advance_case(office.db, office.expert, case.id, version=case.version,
                              on_date=dt.date(2024, 8, 5))
    assert (case.stage, case.status, case.closed_on) == (
        Stage.STABILISED, CaseStatus.STABILISED, dt.date(2024, 8, 5))


def test_a_job_found_inactive_at_the_end_is_not_offered(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    for visit in case.visits:
        case = record_visit(office.db, office.expert, visit.id,
                            VisitFindings(visit.due_on, "in_person", visit.month != 12),
                            version=visit.version)
    assert not case.ready_to_stabilise()


def test_the_administrator_may_stabilise_early_with_a_reason(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    first = case.visits[0]
    case = record_visit(office.db, office.expert, first.id,
                        VisitFindings(first.due_on, "in_person", True), version=first.version)
    case = cases.advance_case(office.db, office.admin, case.id, version=case.version,
                              on_date=dt.date(2024, 1, 1),
                              note="کارگاه ثبت شده و بیمه برقرار است")
    assert case.status == CaseStatus.STABILISED


def test_a_facilitator_works_only_on_their_own_cases(office: Office) -> None:
    theirs = walk_case(office, office.client().id, Stage.REFERRAL,
                       facilitator_id=office.facilitator.user_id)
    others = walk_case(office, office.client().id, Stage.REFERRAL,
                       facilitator_id=office.other_facilitator.user_id)
    moved = cases.advance_case(office.db, office.facilitator, theirs.id, version=theirs.version,
                               on_date=dt.date(2023, 5, 5))
    assert moved.stage == Stage.ASSESSMENT
    with pytest.raises(NotFound):
        cases.advance_case(office.db, office.facilitator, others.id, version=others.version,
                           on_date=dt.date(2023, 5, 5))
    with pytest.raises(PermissionDenied):
        cases.update_case(office.db, office.facilitator, moved.id,
                          CaseDetails(facilitator_id=office.other_facilitator.user_id),
                          version=moved.version)


def test_a_facilitators_new_case_is_their_own(office: Office) -> None:
    client = office.client(actor=office.facilitator)
    case = cases.open_case(office.db, office.facilitator, client.id,
                           opened_on=dt.date(2024, 9, 1), referral_source="facilitator",
                           facilitator_id=office.other_facilitator.user_id)
    assert case.facilitator_id == office.facilitator.user_id


def test_a_viewer_cannot_move_a_case(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.REFERRAL)
    assert not cases.get_case(office.db, office.viewer, case.id).editable
    with pytest.raises(PermissionDenied):
        cases.advance_case(office.db, office.viewer, case.id, version=case.version,
                           on_date=dt.date(2023, 5, 5))


def test_a_stale_case_is_never_overwritten(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.REFERRAL)
    cases.update_case(office.db, office.expert, case.id, CaseDetails(notes="یادداشت اول"),
                      version=case.version)
    with pytest.raises(ConflictError):
        cases.update_case(office.db, office.admin, case.id, CaseDetails(notes="یادداشت دوم"),
                          version=case.version)
    assert cases.get_case(office.db, office.expert, case.id).notes == "یادداشت اول"


def test_the_database_keeps_one_open_case_even_behind_the_service(office: Office) -> None:
    """The partial unique index holds even for a write that bypasses the service's check."""
    from sqlalchemy.exc import IntegrityError

    from desktop.models.cases import EmploymentCase

    client = office.client()
    cases.open_case(office.db, office.expert, client.id, opened_on=dt.date(2024, 9, 1),
                    referral_source="self")
    with pytest.raises(IntegrityError), office.db.transaction(office.admin) as session:
        session.add(EmploymentCase(client_id=client.id, opened_on=dt.date(2024, 9, 2),
                                   referral_source="self", stage="referral",
                                   stage_on=dt.date(2024, 9, 2), status="open"))
        session.flush()


def test_visits_are_removed_from_the_worklists_when_the_case_closes(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    assert worklist_summary(office.db, office.expert).totals["overdue"] == 1
    cases.close_case(office.db, office.expert, case.id, version=case.version,
                     on_date=dt.date(2023, 12, 1), reason="withdrew")
    with office.db.reading() as session:   # the visits stay, unmade, in the history
        assert session.query(MonitoringVisit).filter_by(done_on=None).count() == 5
    assert worklist_summary(office.db, office.expert).totals["overdue"] == 0


def _programs(office: Office):
    from desktop.services.programs import list_programs

    return list_programs(office.db, office.expert)
