"""Which charts the dashboard shows, and each one's categories and series from the figures."""

from __future__ import annotations

from desktop.domain.benefits import INCENTIVES
from desktop.domain.pathway import EmploymentKind, EmploymentModel, Sector
from desktop.domain.people import Gender, TargetGroup
from desktop.i18n import N_, tr
from desktop.reports.dashboard_report import PLACES
from desktop.services.dashboard import Dashboard, JobCounts

# key, title (English source), horizontal (long category names read better in rows)
CHARTS = (
    ("sector", N_("Jobs by sector"), False),
    ("place", N_("Jobs, urban and rural"), False),
    ("gender", N_("Jobs by gender"), False),
    ("incentives", N_("Insurance and incentives, cases"), True),
    ("target_group", N_("Jobs by target group"), True),
    ("model", N_("Jobs by employment model"), True),
    ("caseload", N_("Facilitators' caseload"), True),
)

Series = list[tuple[str, list[int]]]


def _jobs(counts: dict[str, JobCounts], labels) -> tuple[list[str], Series]:
    rows = [(tr(label), counts.get(code, JobCounts())) for code, label in labels]
    return ([name for name, _ in rows],
            [(EmploymentKind.CREATED.label, [jobs.created for _, jobs in rows]),
             (EmploymentKind.STABILISING.label, [jobs.stabilised for _, jobs in rows])])


def chart_data(key: str, board: Dashboard) -> tuple[list[str], Series]:
    jobs = board.jobs
    if key == "sector":
        return _jobs(jobs.by_sector, Sector.choices())
    if key == "place":
        return _jobs(jobs.by_place, PLACES)
    if key == "gender":
        return _jobs(jobs.by_gender, Gender.choices())
    if key == "target_group":
        return _jobs(jobs.by_target_group, TargetGroup.choices())
    if key == "model":
        return _jobs(jobs.by_model, EmploymentModel.choices())
    if key == "incentives":
        return _jobs(board.incentives, [(k.value, k.label) for k in INCENTIVES])
    loads = board.caseloads
    return ([load.name or tr("Without a facilitator") for load in loads],
            [(tr("Open cases"), [load.open_cases for load in loads]),
             (tr("Overdue visits"), [load.overdue for load in loads])])
