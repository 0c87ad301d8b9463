"""برگه تقسیم سود: the loan fund's cash shared out by shares at the cycle's end, each member's
payout to the Rial with a column to sign for it, the total equal to what was distributed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.group_documents import GroupDocument
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, number, rials
from desktop.reports.forms.group_common import (
    decimal,
    group_heading,
    officer_signatures,
    percent,
    section,
)
from desktop.reports.page import MUTED, Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.group_documents import ShareoutSheet


def shareout_form(sheet: ShareoutSheet) -> FormLayout:
    layout = FormLayout(GroupDocument.SHAREOUT.label)
    group_heading(layout, sheet.group)

    layout.heading(tr("Share-out"))
    if sheet.paid_on is None:
        status = tr("Not yet paid: as the books stand on {date}", date=day(sheet.on))
    else:
        status = tr("Paid on {date}", date=day(sheet.paid_on))
    layout.fields([
        Field(tr("Status"), status, span=2),
        Field(tr("Distributable"), rials(sheet.distributable)),
        Field(tr("Shares bought"), number(sheet.total_shares)),
        Field(tr("Value of a share (distributable ÷ shares bought)"),
              f"{decimal(sheet.value_per_share)} {tr('Rials')}", span=2),
        Field(tr("Share price"), rials(sheet.group.share_price)),
        Field(tr("Return on savings"), percent(sheet.return_on_savings)),
        Field(tr("Social fund carried to the next cycle"), rials(sheet.social_fund), span=2),
    ], columns=2)
    layout.paragraph(tr(
        "The distributable is the loan fund's cash; the social fund is not shared out. Each "
        "member is paid their shares times the value of a share, to the Rial; the Rials left "
        "over go one each to the largest fractions, so that the payouts add up to the "
        "distributable exactly."), size=8.5, color=MUTED)

    section(layout, tr("Members' payouts"))
    rows = [[number(index), line.name, line.national_code or DASH, number(line.shares),
             format_amount(line.savings), format_amount(line.payout), ""]
            for index, line in enumerate(sheet.lines, start=1)]
    rows.append(["", tr("Total"), "", number(sum(line.shares for line in sheet.lines)),
                 format_amount(sum(line.savings for line in sheet.lines)),
                 format_amount(sheet.paid), ""])
    layout.table(
        [Column(tr("Row"), 0.06, "center"), Column(tr("Name"), 0.21),
         Column(tr("National code"), 0.13, "center"), Column(tr("Shares"), 0.08, "center"),
         Column(tr("Savings (Rials)"), 0.15, "center"),
         Column(tr("Payout (Rials)"), 0.17, "center"),
         Column(tr("Signature on receipt"), 0.2, "center")],
        rows, min_lines=1.6, totals=True)

    if sheet.loans:
        if sheet.paid_on is None:
            section(layout, tr("Loans still owed"))
            layout.paragraph(tr("They are repaid before the share-out, or written off with the "
                                "group's reason."), size=8.5, color=MUTED)
        else:
            section(layout, tr("Loans written off at the share-out"))
        layout.table(
            [Column(tr("Member"), 0.3), Column(tr("Lent on"), 0.15, "center"),
             Column(tr("Amount (Rials)"), 0.18, "center"), Column(tr("Repaid"), 0.18, "center"),
             Column(tr("Owed") if sheet.paid_on is None else tr("Written off"), 0.19,
                    "center")],
            [[loan.member_name, day(loan.disbursed_on), format_amount(loan.principal),
              format_amount(loan.repaid),
              format_amount(loan.outstanding if sheet.paid_on is None
                            else loan.principal - loan.repaid)]
             for loan in sheet.loans])
    officer_signatures(layout, sheet.group)
    return layout
