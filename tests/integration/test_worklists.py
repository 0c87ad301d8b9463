"""The home screen's worklists, per facilitator."""

from __future__ import annotations

import datetime as dt

from desktop.domain.pathway import Stage
from desktop.services import cases
from desktop.services.cases import CaseDetails
from desktop.services.monitoring import VisitFindings, record_visit
from desktop.services.worklists import Worklist, worklist_items, worklist_summary
from tests.integration.conftest import Office, walk_case

TODAY = dt.date(2024, 10, 6)   # the fixed clock's day, a Saturday: the week ends 11 October


def _build(office: Office) -> dict[str, int]:
    """A county desk in miniature; returns case ids by what each should show."""
    fac1, fac2 = office.facilitator.user_id, office.other_facilitator.user_id
    ids = {}
    ids["awaiting"] = walk_case(office, office.client().id, Stage.REFERRAL,
                                facilitator_id=fac1).id
    ids["unassigned"] = walk_case(office, office.client().id, Stage.ASSESSMENT).id
    overdue = walk_case(office, office.client().id, Stage.JOB, facilitator_id=fac1,
                        job_start=dt.date(2024, 7, 1))      # visits due 1 Aug and 30 Sep
    ids["overdue"] = overdue.id
    # A visit due on Wednesday 9 October: the job started 18 Shahrivar, a month is 18 Mehr.
    ids["this_week"] = walk_case(office, office.client().id, Stage.JOB, facilitator_id=fac2,
                                 job_start=dt.date(2024, 9, 8)).id
    ready = walk_case(office, office.client().id, Stage.JOB, facilitator_id=fac2,
                      job_start=dt.date(2023, 8, 1))
    for visit in ready.visits:
        ready = record_visit(office.db, office.expert, visit.id,
                             VisitFindings(visit.due_on, "in_person", True),
                             version=visit.version)
    ids["ready"] = ready.id
    closed = walk_case(office, office.client().id, Stage.REFERRAL, facilitator_id=fac1)
    cases.close_case(office.db, office.expert, closed.id, version=closed.version,
                     on_date=dt.date(2023, 6, 1), reason="withdrew")
    return ids


def test_counts_at_a_glance(office: Office) -> None:
    _build(office)
    summary = worklist_summary(office.db, office.expert)
    assert summary.on == TODAY
    assert summary.totals == {"overdue": 1, "due_this_week": 1, "awaiting_assessment": 1,
                              "without_facilitator": 1, "ready_to_stabilise": 1}


def test_counts_per_facilitator(office: Office) -> None:
    _build(office)
    loads = {load.facilitator_id: load for load in
             worklist_summary(office.db, office.expert).by_facilitator}
    fac1, fac2 = office.facilitator.user_id, office.other_facilitator.user_id
    assert loads[fac1].name == "زهرا احمدی"
    assert loads[fac1].counts["overdue"] == 1 and loads[fac1].counts["awaiting_assessment"] == 1
    assert loads[fac2].counts["due_this_week"] == 1
    assert loads[fac2].counts["ready_to_stabilise"] == 1
    assert loads[None].counts["without_facilitator"] == 1


def test_the_items_lead_to_the_cases(office: Office) -> None:
    ids = _build(office)
    [overdue] = worklist_items(office.db, office.expert, Worklist.OVERDUE)
    assert overdue.case_id == ids["overdue"]
    assert overdue.since == dt.date(2024, 8, 1) and overdue.days == 66   # the earliest one
    assert overdue.facilitator_name == "زهرا احمدی" and overdue.client_name == "زهرا رضایی"
    [week] = worklist_items(office.db, office.expert, Worklist.DUE_THIS_WEEK)
    assert (week.case_id, week.since) == (ids["this_week"], dt.date(2024, 10, 9))
    assert [i.case_id for i in worklist_items(office.db, office.expert,
                                              Worklist.READY_TO_STABILISE)] == [ids["ready"]]
    assert [i.case_id for i in worklist_items(office.db, office.expert,
                                              Worklist.WITHOUT_FACILITATOR,
                                              unassigned_only=True)] == [ids["unassigned"]]
    assert worklist_items(office.db, office.expert, Worklist.AWAITING_ASSESSMENT,
                          facilitator_id=office.other_facilitator.user_id) == []


def test_a_facilitator_sees_only_their_own_worklists(office: Office) -> None:
    _build(office)
    totals = worklist_summary(office.db, office.facilitator).totals
    assert totals == {"overdue": 1, "due_this_week": 0, "awaiting_assessment": 1,
                      "without_facilitator": 0, "ready_to_stabilise": 0}


def test_a_made_visit_leaves_the_overdue_list(office: Office) -> None:
    ids = _build(office)
    case = cases.get_case(office.db, office.expert, ids["overdue"])
    for visit in case.visits[:2]:
        case = record_visit(office.db, office.facilitator, visit.id,
                            VisitFindings(TODAY, "remote", True), version=visit.version)
    assert worklist_summary(office.db, office.expert).totals["overdue"] == 0


def test_assigning_a_facilitator_empties_the_unassigned_list(office: Office) -> None:
    ids = _build(office)
    case = cases.get_case(office.db, office.expert, ids["unassigned"])
    cases.update_case(office.db, office.expert, case.id,
                      CaseDetails(facilitator_id=office.facilitator.user_id),
                      version=case.version)
    assert worklist_summary(office.db, office.expert).totals["without_facilitator"] == 0
