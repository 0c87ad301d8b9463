"""Two PCs of one county office on a shared PostgreSQL server, editing the same case.

The second save is refused with a clear conflict message and the first is never overwritten,
whether the second PC read the case long before (its version is old) or the two saves race
(the UPDATE names the version it read and finds none).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from desktop.database import open_database
from desktop.domain.pathway import Stage
from desktop.errors import ConflictError, ValidationError
from desktop.services import cases
from desktop.services.cases import CaseDetails
from tests.integration.conftest import make_office, walk_case


@pytest.fixture
def two_pcs(postgres_url: str, fixed_clock):
    """The office as seen from two PCs: two engines, two connection pools, one server."""
    first = open_database(postgres_url)
    second = open_database(postgres_url)
    yield make_office(first), second
    first.dispose()
    second.dispose()


def _meanwhile(db, action) -> None:
    """Run ``action`` (the other PC's save) just before ``db`` next writes."""
    event.listen(db._sessions, "before_flush", lambda *_: action(), once=True)


def test_the_second_save_of_a_stale_case_is_refused(two_pcs) -> None:
    office, second_pc = two_pcs
    case = walk_case(office, office.client().id, Stage.MODEL)
    seen_by_second = cases.get_case(second_pc, office.admin, case.id)
    cases.update_case(office.db, office.expert, case.id,
                      CaseDetails(job_title="نانوایی سنتی"), version=case.version)
    with pytest.raises(ConflictError) as caught:
        cases.update_case(second_pc, office.admin, case.id,
                          CaseDetails(job_title="کارگاه خیاطی"), version=seen_by_second.version)
    assert "ذخیره" in caught.value.message
    assert cases.get_case(second_pc, office.admin, case.id).job_title == "نانوایی سنتی"


def test_racing_saves_one_wins_the_other_is_told(two_pcs) -> None:
    office, second_pc = two_pcs
    case = walk_case(office, office.client().id, Stage.ASSESSMENT)

    # The second PC has checked the version; before it writes, the first PC commits.
    _meanwhile(second_pc, lambda: cases.advance_case(
        office.db, office.expert, case.id, version=case.version, on_date=dt.date(2023, 6, 1),
        note="دورهٔ خیاطی"))
    with pytest.raises(ConflictError):
        cases.close_case(second_pc, office.admin, case.id, version=case.version,
                         on_date=dt.date(2023, 6, 2), reason="withdrew")
    final = cases.get_case(office.db, office.expert, case.id)
    assert (final.stage, final.status) == (Stage.TRAINING, "open")
    assert [e.kind for e in final.events][-1] == "advanced"


def test_two_pcs_cannot_open_two_cases_for_one_client(two_pcs) -> None:
    office, second_pc = two_pcs
    client = office.client()

    _meanwhile(second_pc, lambda: cases.open_case(
        office.db, office.expert, client.id, opened_on=dt.date(2024, 9, 1),
        referral_source="self"))
    with pytest.raises(ValidationError, match="پروندهٔ باز"):
        cases.open_case(second_pc, office.admin, client.id, opened_on=dt.date(2024, 9, 2),
                        referral_source="social_worker")
    assert len(cases.cases_of_client(office.db, office.expert, client.id)) == 1

