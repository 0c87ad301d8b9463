"""Services and benefits of a case, in whole Rials."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.pathway import Stage
from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services import benefits, cases
from desktop.services.benefits import BenefitInput
from tests.integration.conftest import Office, walk_case


def test_loans_grants_insurance_and_courses_are_recorded(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.JOB)
    loan = benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
        "self_employment_loan", dt.date(2023, 7, 20), 3_000_000_000, program_id=1))
    course = benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
        "training_course", dt.date(2023, 6, 1), training_title="خیاطی مقدماتی",
        training_hours=120, training_provider="فنی و حرفه‌ای شیراز", training_completed=True))
    benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
        "self_insurance", dt.date(2023, 8, 5), 45_000_000, months=12))
    record = cases.get_case(office.db, office.expert, case.id)
    assert [b.kind for b in record.benefits] == ["training_course", "self_employment_loan",
                                                 "self_insurance"]
    assert record.benefits_total == 3_045_000_000
    assert loan.amount == 3_000_000_000 and course.amount == 0 and course.training_completed


def test_wrong_entries_are_named(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.REFERRAL)
    with pytest.raises(ValidationError) as caught:
        benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
            "wage_subsidy", dt.date(2023, 4, 1), 0, months=0))
    assert set(caught.value.errors) == {"given_on", "amount", "months"}
    with pytest.raises(ValidationError) as caught:
        benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
            "training_course", dt.date(2023, 6, 1), training_hours=0))
    assert set(caught.value.errors) == {"training_title", "training_hours", "training_provider"}


def test_corrections_and_removals_keep_the_version(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.REFERRAL)
    grant = benefits.add_benefit(office.db, office.expert, case.id, BenefitInput(
        "work_capital_grant", dt.date(2023, 6, 1), 500_000_000))
    fixed = benefits.update_benefit(office.db, office.expert, grant.id, BenefitInput(
        "work_capital_grant", dt.date(2023, 6, 1), 550_000_000), version=grant.version)
    assert fixed.amount == 550_000_000
    with pytest.raises(ConflictError):
        benefits.delete_benefit(office.db, office.expert, grant.id, version=grant.version)
    benefits.delete_benefit(office.db, office.expert, grant.id, version=fixed.version)
    assert cases.get_case(office.db, office.expert, case.id).benefits == ()


def test_a_viewer_cannot_record_a_service(office: Office) -> None:
    case = walk_case(office, office.client().id, Stage.REFERRAL)
    with pytest.raises(PermissionDenied):
        benefits.add_benefit(office.db, office.viewer, case.id, BenefitInput(
            "employer_loan", dt.date(2023, 6, 1), 1_000_000))
