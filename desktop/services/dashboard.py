"""The dashboard (داشبورد): a Jalali year's, or a range of its months', figures of the office as
the signed-in user may see them. See docs/dashboard.md for what each figure counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.clock import today
from desktop.database import Database
from desktop.errors import ValidationError
from desktop.fa.jalali import gregorian_to_jalali, jalali_month_range
from desktop.models.tracking import Actor
from desktop.roles import Permission, require
from desktop.services.dashboard_commitment import commitment_of
from desktop.services.dashboard_jobs import (
    FacilitatorCaseload,
    JobCounts,
    JobFigures,
    Payment,
    caseloads,
    incentives,
    job_figures,
    payments,
)
from desktop.services.dashboard_money import MicroFinance, SolarIncome, micro_finance, solar_income
from desktop.services.women_overview import CommunityJobs, community_jobs

__all__ = ["Dashboard", "JobCounts", "Period", "current_year", "dashboard"]


@dataclasses.dataclass(frozen=True)
class Period:
    """Jalali months ``first_month`` to ``last_month`` of ``year`` (the whole year by default)."""

    year: int
    first_month: int = 1
    last_month: int = 12

    def __post_init__(self) -> None:
        if not 1 <= self.first_month <= self.last_month <= 12:
            raise ValidationError("Choose the months in order, from Farvardin to Esfand.",
                                  field="months")

    @property
    def whole_year(self) -> bool:
        return (self.first_month, self.last_month) == (1, 12)

    @property
    def start(self) -> dt.date:
        return jalali_month_range(self.year, self.first_month)[0]

    @property
    def end(self) -> dt.date:
        return jalali_month_range(self.year, self.last_month)[1]


def current_year() -> int:
    return gregorian_to_jalali(today()).year


@dataclasses.dataclass(frozen=True)
class Dashboard:
    period: Period
    on: dt.date                              # the day caseloads and overdue visits are read
    commitment: int | None                   # the year's jobs committed to
    jobs: JobFigures
    incentives: dict[str, JobCounts]         # BenefitKind value → cases given it
    payments: dict[str, Payment]             # BenefitKind value → cases and Rials
    caseloads: list[FacilitatorCaseload]
    micro_finance: MicroFinance
    community: CommunityJobs
    solar: SolarIncome

    @property
    def commitment_percent(self) -> int | None:
        """Jobs of the period (created and stabilised) as a whole percent of the year's
        commitment, rounded half up; None without a commitment."""
        if not self.commitment:
            return None
        return (self.jobs.jobs.total * 200 + self.commitment) // (2 * self.commitment)

    @property
    def paid(self) -> int:
        return sum(p.amount for p in self.payments.values())

    @property
    def overdue_visits(self) -> int:
        return sum(load.overdue for load in self.caseloads)


def dashboard(db: Database, actor: Actor, period: Period | None = None) -> Dashboard:
    require(actor, Permission.VIEW_CASES)
    period = period or Period(current_year())
    start, end, on = period.start, period.end, today()
    with db.reading() as session:
        jobs = job_figures(session, actor, start, end)
        given = incentives(session, actor, start, end)
        paid = payments(session, actor, start, end)
        loads = caseloads(session, actor, on)
        groups = micro_finance(session, actor, min(end, on))
        solar = solar_income(session, actor, start, end)
    return Dashboard(period, on, commitment_of(db, period.year), jobs, given, paid, loads, groups,
                     community_jobs(db, actor, start, end), solar)
