"""صورت‌حساب درآمد نیروگاه خورشیدی: what a beneficiary's solar shares earned in a Jalali month
or year — their shares, then month by month and plant by plant the allocation, the arrears and
corrections of earlier months, deductions, debt carried and what was paid — for the person and
the office's file. Only approved allocations are shown: a draft may still change."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.domain.solar import SolarForm, kw_text
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.solar_statements import IncomeStatement


MONEY = ("amount", "adjustments", "deductions", "debt_before", "payable", "debt_after")


def _amount(value: int) -> str:
    return format_amount(value) if value else DASH


def solar_statement_form(statement: IncomeStatement, on: dt.date) -> FormLayout:
    layout = FormLayout(f"{SolarForm.STATEMENT.label} — {statement.period_text}")
    layout.fields([
        Field(tr("Name"), statement.full_name, span=2),
        Field(tr("Father's name"), statement.father_name or DASH),
        Field(tr("National code"), statement.national_code),
        Field(tr("Sheba number"), statement.sheba or DASH, span=2),
        Field(tr("Period"), f"{day(statement.first)} – {day(statement.last)}", span=2),
        Field(tr("Date"), day(on)),
    ], columns=3)
    layout.heading(tr("Shares in solar plants"))
    layout.table([Column(tr("Plant"), 0.18, "center"), Column(tr("Share (kW)"), 0.16,
                                                                "center"),
                  Column(tr("From"), 0.16, "center"), Column(tr("To"), 0.16, "center"),
                  Column(tr("Plant name"), 0.34)],
                 [[s.plant_code, kw_text(s.watts), day(s.starts_on),
                   day(s.ends_on) if s.ends_on else tr("still held"), s.plant_name]
                  for s in statement.shares], empty=tr("No solar share."))
    layout.heading(tr("Income by month (Rials)"))
    rows = [[format_jalali_month(line.month), line.plant_code, _kw_days(line.weight),
             *(_amount(getattr(line, field)) for field in MONEY)] for line in statement.lines]
    if statement.lines:
        rows.append([tr("Total"), "", "", *(_amount(statement.total(field)) for field in
                                           ("amount", "adjustments", "deductions")),
                     "", _amount(statement.total("payable")), ""])
    layout.table([Column(tr("Month"), 0.12), Column(tr("Plant"), 0.12, "center"),
                  Column(tr("kW-days"), 0.09, "center"),
                  Column(tr("Share of the month"), 0.11, "center"),
                  Column(tr("Arrears and corrections"), 0.12, "center"),
                  Column(tr("Deductions"), 0.11, "center"),
                  Column(tr("Debt carried in"), 0.11, "center"),
                  Column(tr("Paid"), 0.11, "center"),
                  Column(tr("Debt carried on"), 0.11, "center")],
                 rows, empty=tr("No approved allocation in this period."),
                 totals=bool(statement.lines), size=8.5)
    layout.paragraph(tr(
        "Each month's net income of a plant (what was received for the month less its costs) "
        "is divided by watts × days held, to the Rial. Arrears paid later follow the weights "
        "of their own month. Deductions and debt never take a payment below zero; what is "
        "left is carried to the next month. Months not yet approved are not shown."), size=8.5)
    layout.signature_boxes([tr("Employment expert's signature"), tr("Office stamp")],
                           height=60)
    return layout


def _kw_days(weight: int) -> str:
    """Watt-days as kW-days, to one decimal: 155,000 → «۱۵۵»."""
    return kw_text(weight // 100 * 100)
