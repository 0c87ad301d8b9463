"""The monitoring schedule (پایش): which visits a job gets, and when, from its program.

A program names the months after the job's start at which a visit is due (by default 1, 3, 6,
9 and 12) and, for agreements that ask for them, the months at which a progress report is due
(every six months over 20 months for the partner-foundation agreement). Months are Jalali
months: a job started on 31 Shahrivar is visited on 30 Mehr, the last day of that month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.domain.labels import Labelled
from desktop.fa.jalali import add_jalali_months
from desktop.i18n import N_

DEFAULT_VISIT_MONTHS = (1, 3, 6, 9, 12)
DEFAULT_HORIZON_MONTHS = 12
MAX_HORIZON_MONTHS = 60


class VisitKind(Labelled):
    VISIT = "visit", N_("Monitoring visit")
    REPORT = "report", N_("Visit with progress report")


class VisitMode(Labelled):
    IN_PERSON = "in_person", N_("In person")
    REMOTE = "remote", N_("Remote")


@dataclasses.dataclass(frozen=True)
class ScheduledVisit:
    sequence: int          # 1, 2, … in date order
    month: int             # months after the job's start
    due_on: dt.date
    kind: VisitKind


@dataclasses.dataclass(frozen=True)
class MonitoringPlan:
    """A program's monitoring rule; ``horizon_months`` is when the case may be stabilised."""

    visit_months: tuple[int, ...] = DEFAULT_VISIT_MONTHS
    report_months: tuple[int, ...] = ()
    horizon_months: int = DEFAULT_HORIZON_MONTHS

    def problems(self) -> list[str]:
        """English sources of what is wrong with this plan (empty when it is usable)."""
        found = []
        months = set(self.visit_months) | set(self.report_months)
        if not self.visit_months:
            found.append(N_("A program needs at least one visit."))
        if not 1 <= self.horizon_months <= MAX_HORIZON_MONTHS:
            found.append(N_("The monitoring period is 1 to 60 months."))
        if any(m < 1 for m in months) or (months and max(months) > self.horizon_months):
            found.append(N_("Visits fall within the monitoring period."))
        if self.visit_months and max(self.visit_months) != self.horizon_months:
            found.append(N_("The last visit is at the end of the monitoring period."))
        return found

    def schedule(self, job_start: dt.date) -> list[ScheduledVisit]:
        months = sorted(set(self.visit_months) | set(self.report_months))
        reports = set(self.report_months)
        return [
            ScheduledVisit(sequence=i, month=m, due_on=add_jalali_months(job_start, m),
                           kind=VisitKind.REPORT if m in reports else VisitKind.VISIT)
            for i, m in enumerate(months, start=1)
        ]

    def horizon(self, job_start: dt.date) -> dt.date:
        return add_jalali_months(job_start, self.horizon_months)


def parse_months(text: str) -> tuple[int, ...]:
    """«۱، ۳، ۶» or ``1,3,6`` → (1, 3, 6); raises ValueError on anything else."""
    from desktop.fa.digits import to_latin_digits

    parts = [p for p in to_latin_digits(text).replace("،", ",").replace(" ", ",").split(",") if p]
    return tuple(sorted({int(p) for p in parts}))


def format_months(months: tuple[int, ...]) -> str:
    return ",".join(str(m) for m in months)


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    """Saturday to Friday of the Iranian week holding ``today``."""
    start = today - dt.timedelta(days=(today.weekday() + 2) % 7)  # Monday is 0, Saturday 5
    return start, start + dt.timedelta(days=6)
