"""Services and benefits given along a case (خدمات و حمایت‌ها), each with its amount in Rials."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class BenefitKind(Labelled):
    SELF_EMPLOYMENT_LOAN = "self_employment_loan", N_("Self-employment loan")
    EMPLOYER_LOAN = "employer_loan", N_("Employer loan")
    WORK_CAPITAL_GRANT = "work_capital_grant", N_("Non-refundable work capital")
    SELF_INSURANCE = "self_insurance", N_("Self-employed insurance share")
    EMPLOYER_INSURANCE = "employer_insurance", N_("Employer insurance share")
    WAGE_SUBSIDY = "wage_subsidy", N_("Wage subsidy")
    EFFICIENCY_SUBSIDY = "efficiency_subsidy", N_("Efficiency promotion subsidy")
    TRAINING_COURSE = "training_course", N_("Skill-training course")

    @property
    def is_training(self) -> bool:
        return self is BenefitKind.TRAINING_COURSE

    @property
    def is_insurance(self) -> bool:
        return self in (BenefitKind.SELF_INSURANCE, BenefitKind.EMPLOYER_INSURANCE)


# Incentives that create or keep a job by paying part of its cost (the dashboard's split of
# creation and stabilisation), and the money paid to the client or employer: loans and the grant.
INCENTIVES = (BenefitKind.SELF_INSURANCE, BenefitKind.EMPLOYER_INSURANCE,
              BenefitKind.WAGE_SUBSIDY, BenefitKind.EFFICIENCY_SUBSIDY)
PAYMENTS = (BenefitKind.SELF_EMPLOYMENT_LOAN, BenefitKind.EMPLOYER_LOAN,
            BenefitKind.WORK_CAPITAL_GRANT)


class ProgramKind(Labelled):
    """Where the money of a case comes from; each program is a record with its own horizon."""

    NATIONAL_MANDATED = "national_mandated", N_("Mandated loans, national resources")
    PROVINCIAL_MANDATED = "provincial_mandated", N_("Mandated loans, provincial resources")
    JOB_OPPORTUNITIES_FUND = "job_opportunities_fund", N_("Job opportunities fund")
    PARTNER_FOUNDATION = "partner_foundation", N_("Partner foundation agreement")
    OTHER = "other", N_("Other program")
