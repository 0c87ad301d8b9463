"""The dashboard's figures on an office whose every number is known (the clock is 15 Mehr 1403;
Jalali 1403 runs from 20 Mar 2024 to 20 Mar 2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.services import cases
from desktop.services.benefits import BenefitInput, add_benefit
from desktop.services.dashboard import JobCounts, Period, current_year, dashboard
from desktop.services.dashboard_commitment import commitment_of, set_commitment
from desktop.services.group_meetings import MemberLine, NewLoan
from desktop.services.solar_months import (
    CostInput,
    DeductionInput,
    ReceiptInput,
    add_cost,
    add_deduction,
    add_receipt,
    record_production,
)
from desktop.services.solar_runs import approve_run, compute_run
from desktop.services.solar_shares import ShareInput, add_share
from tests.integration.conftest import Office, walk_case
from tests.integration.group_helpers import FORMED, make_group, meeting
from tests.integration.solar_helpers import FARVARDIN, SHAHRIVAR, beneficiary, make_plant

OPENED = dt.date(2024, 4, 1)


def _job(office: Office, client_id: int, start: dt.date, *, facilitator=None, **job):
    case = walk_case(office, client_id, "model", opened_on=OPENED,
                     facilitator_id=facilitator.user_id if facilitator else None)
    details = cases.CaseDetails(job_start_date=start, job_title="کارگاه", **job)
    return cases.advance_case(office.db, office.expert, case.id, version=case.version,
                              on_date=start, details=details)


@pytest.fixture
def jobs_office(office: Office) -> Office:
    """A: a woman's job created in Khordad 1403 (urban, industry, self-employment), fac1's;
    B: a man's job stabilised in Shahrivar 1403 (rural, services), fac2's, two target groups;
    C: a job of 1402; D: a case still at referral."""
    a = office.client()
    b = office.client(first_name="رضا", gender="male", urban=False,
                      target_groups=frozenset({"disability", "recovered_addict"}),
                      disability_type="physical", disability_severity="moderate")
    c, d = office.client(), office.client()
    office.a = _job(office, a.id, dt.date(2024, 6, 10), facilitator=office.facilitator,
                    job_sector="industry", job_urban=True, employment_kind="created")
    office.b = _job(office, b.id, dt.date(2024, 9, 1), facilitator=office.other_facilitator,
                    job_sector="services", job_urban=False, employment_kind="stabilising")
    walk_case(office, c.id, "job")                      # job started 1 Aug 2023: 1402
    cases.open_case(office.db, office.expert, d.id, opened_on=OPENED,
                    referral_source="social_worker")
    for case, kind, on, amount, months in (
            (office.a, "self_employment_loan", dt.date(2024, 7, 1), 500_000_000, None),
            (office.a, "self_insurance", dt.date(2024, 7, 1), 12_000_000, 12),
            (office.a, "self_insurance", dt.date(2024, 8, 1), 12_000_000, 12),
            (office.b, "employer_insurance", dt.date(2024, 9, 5), 30_000_000, 24),
            (office.b, "work_capital_grant", dt.date(2024, 9, 5), 80_000_000, None),
            (office.b, "employer_loan", dt.date(2024, 3, 10), 900_000_000, None)):
        if on < OPENED:
            continue
        add_benefit(office.db, office.expert, case.id,
                    BenefitInput(kind, on, amount, months=months))
    return office


def test_jobs_are_counted_by_their_start_and_split_every_way(jobs_office: Office) -> None:
    board = dashboard(jobs_office.db, jobs_office.expert)
    assert current_year() == 1403 and board.period == Period(1403)
    jobs = board.jobs
    assert jobs.jobs == JobCounts(created=1, stabilised=1)
    assert jobs.by_place == {"urban": JobCounts(1, 0), "rural": JobCounts(0, 1)}
    assert jobs.by_sector == {"industry": JobCounts(1, 0), "services": JobCounts(0, 1)}
    assert jobs.by_gender == {"female": JobCounts(1, 0), "male": JobCounts(0, 1)}
    assert jobs.by_model == {"self_employment": JobCounts(1, 1)}
    assert jobs.by_target_group == {"female_head": JobCounts(1, 0),
                                    "disability": JobCounts(0, 1),
                                    "recovered_addict": JobCounts(0, 1)}
    # A given the self-employed share twice counts once.
    assert board.incentives == {"self_insurance": JobCounts(1, 0),
                                "employer_insurance": JobCounts(0, 1)}
    assert {k: (p.cases, p.amount) for k, p in board.payments.items()} == {
        "self_employment_loan": (1, 500_000_000), "work_capital_grant": (1, 80_000_000)}
    assert board.paid == 580_000_000
    last_year = dashboard(jobs_office.db, jobs_office.expert, Period(1402))
    assert last_year.jobs.jobs == JobCounts(1, 0) and last_year.payments == {}


def test_a_range_of_months_and_a_facilitators_own_cases(jobs_office: Office) -> None:
    autumn = dashboard(jobs_office.db, jobs_office.expert, Period(1403, 5, 12))
    assert autumn.jobs.jobs == JobCounts(0, 1)          # from Mordad: A started in Khordad
    assert set(autumn.payments) == {"work_capital_grant"}
    spring = dashboard(jobs_office.db, jobs_office.expert, Period(1403, 3, 3))
    assert spring.jobs.jobs == JobCounts(1, 0) and spring.incentives == {}
    own = dashboard(jobs_office.db, jobs_office.facilitator)
    assert own.jobs.jobs == JobCounts(1, 0)
    assert set(own.payments) == {"self_employment_loan"}
    assert [(c.name, c.open_cases) for c in own.caseloads] == [("زهرا احمدی", 1)]
    with pytest.raises(ValidationError):
        Period(1403, 7, 2)


def test_caseloads_count_open_cases_and_overdue_visits(jobs_office: Office) -> None:
    board = dashboard(jobs_office.db, jobs_office.expert)
    # A's first visit was due 10 Tir, B's 10 Mehr... both before 15 Mehr; C's too (1402).
    loads = {c.name: (c.open_cases, c.overdue) for c in board.caseloads}
    assert loads == {"زهرا احمدی": (1, 1), "علی رضایی": (1, 1), "": (2, 1)}
    assert board.caseloads[-1].facilitator_id is None
    assert board.overdue_visits == 3


def test_the_commitment_is_the_offices_to_set_and_gives_the_percent(jobs_office: Office) -> None:
    db = jobs_office.db
    assert commitment_of(db, 1403) is None
    assert dashboard(db, jobs_office.expert).commitment_percent is None
    with pytest.raises(PermissionDenied):
        set_commitment(db, jobs_office.expert, 1403, 2)
    with pytest.raises(ValidationError):
        set_commitment(db, jobs_office.admin, 1403, 0)
    set_commitment(db, jobs_office.admin, 1403, 3)
    set_commitment(db, jobs_office.admin, 1402, 10)
    board = dashboard(db, jobs_office.expert)
    assert (board.commitment, board.commitment_percent) == (3, 67)   # 2 of 3, rounded
    set_commitment(db, jobs_office.admin, 1403, 2)
    assert dashboard(db, jobs_office.expert).commitment_percent == 100
    assert dashboard(db, jobs_office.expert, Period(1402)).commitment_percent == 10


def test_micro_finance_savings_and_loans_outstanding(office: Office) -> None:
    group, members = make_group(office)
    borrower = members[5]
    d1, d2, d3 = (FORMED + dt.timedelta(days=14 * n) for n in (1, 2, 3))
    meeting(office, group, members, d1, shares=5)                  # 16 × 5 × 500,000
    meeting(office, group, members, d2, extra=dict(loans=(NewLoan(borrower, 2_000_000, 2),)))
    pay = MemberLine(borrower, True, shares=1, social=50_000, repayment=1_000_000,
                     service_charge=40_000)
    meeting(office, group, members, d3, **{f"m{borrower}": pay})   # 15 × 2 + 1 shares
    board = dashboard(office.db, office.expert)
    assert board.micro_finance.groups == 1
    assert board.micro_finance.savings == 40_000_000 + 16_000_000 + 15_500_000
    assert board.micro_finance.loans_outstanding == 1_000_000
    # Read at the end of Farvardin (19 Apr): two meetings, the loan not yet repaid at all.
    early = dashboard(office.db, office.expert, Period(1403, 1, 1)).micro_finance
    assert (early.savings, early.loans_outstanding) == (56_000_000, 2_000_000)
    assert dashboard(office.db, office.other_facilitator).micro_finance.groups == 0


def test_solar_income_is_what_approved_runs_pay(office: Office) -> None:
    plant = make_plant(office)
    a, b = beneficiary(office), beneficiary(office)
    for client, watts in ((a, 5_000), (b, 3_000)):
        add_share(office.db, office.expert, plant.id, ShareInput(client.id, watts, FARVARDIN))
    record_production(office.db, office.expert, plant.id, SHAHRIVAR, 1_500)
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 9, 10), SHAHRIVAR, 10_000_000, "پرداخت"))
    add_cost(office.db, office.expert, plant.id, CostInput(SHAHRIVAR, "maintenance", 1_000_000,
                                                           "شست‌وشو"))
    add_deduction(office.db, office.expert, plant.id,
                  DeductionInput(SHAHRIVAR, b.id, 4_000_000, "قسط وام"))
    run = compute_run(office.db, office.expert, plant.id, SHAHRIVAR)
    assert dashboard(office.db, office.expert).solar.paid == 0      # a draft pays nobody
    approve_run(office.db, office.expert, run.id, version=run.version)
    solar = dashboard(office.db, office.expert).solar
    # A is paid 5,625,000; B's share goes to the instalment (nothing payable).
    assert (solar.paid, solar.beneficiaries) == (5_625_000, 1)
    assert dashboard(office.db, office.expert, Period(1403, 7, 12)).solar.paid == 0
