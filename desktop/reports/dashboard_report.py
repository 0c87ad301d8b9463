"""The dashboard on paper and in Excel: the same tables, with the charts' pictures in the PDF.

The tables are a function of the dashboard's figures only; numbers stay numbers until written
(Persian digits on paper, whole numbers in the sheet so Excel can add them up).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.benefits import INCENTIVES, PAYMENTS, BenefitKind
from desktop.domain.pathway import EmploymentKind, EmploymentModel, Sector
from desktop.domain.people import Gender, TargetGroup
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import MONTH_NAMES
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.reports.page import WIDTH, Column, FormLayout

if TYPE_CHECKING:
    from desktop.services.dashboard import Dashboard
    from desktop.services.dashboard_jobs import JobCounts

HEADING_ROOM = 40.0
PLACES = (("urban", N_("Urban")), ("rural", N_("Rural")))


@dataclasses.dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[list[str | int]]


def period_text(board: Dashboard) -> str:
    period = board.period
    year = to_persian_digits(period.year)
    if period.whole_year:
        return tr("Year {year}", year=year)
    return tr("{first} to {last} {year}", first=MONTH_NAMES[period.first_month - 1],
              last=MONTH_NAMES[period.last_month - 1], year=year)


def commitment_text(board: Dashboard) -> str:
    percent = board.commitment_percent
    if percent is None:
        return tr("No commitment set")
    return tr("{percent}% of the commitment", percent=to_persian_digits(percent))


def summary(board: Dashboard) -> list[tuple[str, int | str]]:
    """The figures of the cards, in the order they are shown."""
    jobs = board.jobs.jobs
    loans = sum(p.amount for k, p in board.payments.items() if k != BenefitKind.WORK_CAPITAL_GRANT)
    grant = board.payments.get(BenefitKind.WORK_CAPITAL_GRANT.value)
    return [
        (tr("Jobs created"), jobs.created),
        (tr("Jobs stabilised"), jobs.stabilised),
        (tr("The year's commitment"), board.commitment if board.commitment else "—"),
        (tr("Of the commitment"), commitment_text(board)),
        (tr("Loans paid (Rials)"), loans),
        (tr("Grants paid (Rials)"), grant.amount if grant else 0),
        (tr("Community-based jobs"), board.community.people),
        (tr("Solar income paid (Rials)"), board.solar.paid),
        (tr("Micro-finance savings (Rials)"), board.micro_finance.savings),
        (tr("Micro-finance loans outstanding (Rials)"), board.micro_finance.loans_outstanding),
        (tr("Overdue visits"), board.overdue_visits),
    ]


def job_rows(counts: dict[str, JobCounts], labels: Sequence[tuple[str, str]]) -> list[list]:
    """One row a category, in the vocabulary's order, each with created, stabilised, total."""
    rows = []
    for code, label in labels:
        jobs = counts.get(code)
        rows.append([tr(label), *((jobs.created, jobs.stabilised, jobs.total) if jobs
                                  else (0, 0, 0))])
    return rows


def _choices(kind) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in kind]


def tables(board: Dashboard) -> list[Table]:
    jobs_head = (tr("Category"), EmploymentKind.CREATED.label,
                 EmploymentKind.STABILISING.label, tr("Total"))
    figures = board.jobs
    return [
        Table(tr("Figures"), (tr("Figure"), tr("Value")), [list(row) for row in summary(board)]),
        Table(tr("Jobs, urban and rural"), jobs_head, job_rows(figures.by_place, PLACES)),
        Table(tr("Jobs by sector"), jobs_head, job_rows(figures.by_sector, _choices(Sector))),
        Table(tr("Jobs by gender"), jobs_head, job_rows(figures.by_gender, _choices(Gender))),
        Table(tr("Jobs by target group"), jobs_head,
              job_rows(figures.by_target_group, _choices(TargetGroup))),
        Table(tr("Jobs by employment model"), jobs_head,
              job_rows(figures.by_model, _choices(EmploymentModel))),
        Table(tr("Insurance and incentives, cases"), jobs_head,
              job_rows(board.incentives, [(k.value, k.label) for k in INCENTIVES])),
        Table(tr("Loans and grants paid"), (tr("Kind"), tr("Cases"), tr("Amount (Rials)")),
              [[k.label, board.payments[k.value].cases, board.payments[k.value].amount]
               if k.value in board.payments else [k.label, 0, 0] for k in PAYMENTS]),
        Table(tr("Facilitators' caseload"),
              (tr("Facilitator"), tr("Open cases"), tr("Overdue visits")),
              [[load.name or tr("Without a facilitator"), load.open_cases, load.overdue]
               for load in board.caseloads]),
    ]


def _shown(value: str | int) -> str:
    return format_amount(value) if isinstance(value, int) else value


def dashboard_form(board: Dashboard, charts: Sequence[tuple[str, bytes, float]] = ()
                   ) -> FormLayout:
    """The dashboard's tables, then each chart's picture (title, PNG, height over width)."""
    layout = FormLayout(tr("Employment dashboard, {period}", period=period_text(board)))
    for table in tables(board):
        layout.heading(table.title)
        first = 0.46 if len(table.headers) > 2 else 0.6
        rest = (1 - first) / (len(table.headers) - 1)
        columns = [Column(table.headers[0], first)] + [
            Column(title, rest, "center") for title in table.headers[1:]]
        layout.table(columns, [[_shown(cell) for cell in row] for row in table.rows])
    for title, png, aspect in charts:
        width = WIDTH * 0.8
        layout.keep(width * aspect + HEADING_ROOM)    # a chart's title stays with its picture
        layout.heading(title)
        layout.image(png, width, width * aspect)
    return layout


def write_dashboard_xlsx(board: Dashboard, path: Path) -> Path:
    """Every table on one right-to-left sheet, one under the other, headers in Persian."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = tr("Dashboard")[:31]
    sheet.sheet_view.rightToLeft = True
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="E6ECF0")
    sheet.append([tr("Employment dashboard, {period}", period=period_text(board))])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    for table in tables(board):
        sheet.append([])
        sheet.append([table.title])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append(list(table.headers))
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = bold, shade
        for row in table.rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row][1:]:
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
    for letter, width in zip("ABCD", (44, 18, 18, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    book.save(path)
    return Path(path)
