"""دفترچه عضو: one member's savings and loans meeting by meeting in the current cycle, which the
member keeps and the treasurer signs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.domain.group_documents import GroupDocument
from desktop.domain.groups import MemberRole
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, label, number, rials
from desktop.reports.forms.group_common import amount, group_heading, loan_state, section
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.group_documents import Passbook, PassbookLine


Cell = Callable[["PassbookLine"], str]


def _columns(book: Passbook) -> list[tuple[Column, Cell]]:
    """(column, cell of a line); a fine or social-fund column only when the member has one."""
    columns: list[tuple[Column, Cell]] = [
        (Column(tr("Meeting date"), 0.11, "center"), lambda ln: day(ln.held_on)),
        (Column(tr("Attendance"), 0.07, "center"),
         lambda ln: tr("Present") if ln.present else tr("Absent")),
        (Column(tr("Shares bought"), 0.07, "center"),
         lambda ln: number(ln.shares) if ln.shares else ""),
        (Column(tr("Savings to date"), 0.12, "center"), lambda ln: format_amount(ln.savings)),
        (Column(tr("Social fund"), 0.09, "center"), lambda ln: amount(ln.social)),
    ]
    if any(ln.fine for ln in book.lines):
        columns.append((Column(tr("Fine"), 0.08, "center"), lambda ln: amount(ln.fine)))
    columns += [
        (Column(tr("Loan taken"), 0.12, "center"), lambda ln: amount(ln.loan_taken)),
        (Column(tr("Repayment"), 0.11, "center"), lambda ln: amount(ln.repayment)),
        (Column(tr("Service charge"), 0.09, "center"), lambda ln: amount(ln.service_charge)),
    ]
    if any(ln.social_payout for ln in book.lines):
        columns.append((Column(tr("From the social fund"), 0.1, "center"),
                        lambda ln: amount(ln.social_payout)))
    columns.append((Column(tr("Loan balance"), 0.12, "center"),
                    lambda ln: format_amount(ln.loan_balance)))
    total = sum(column.share for column, _ in columns)
    return [(Column(c.title, c.share / total, c.align), cell) for c, cell in columns]


def _totals(book: Passbook, columns: list[tuple[Column, Cell]]) -> list[str]:
    lines = book.lines
    last = lines[-1] if lines else None
    sums = {
        tr("Meeting date"): tr("Total"),
        tr("Attendance"): tr("{present} of {held}", present=number(sum(ln.present for ln in lines)),
                          held=number(len(lines))),
        tr("Shares bought"): number(sum(ln.shares for ln in lines)),
        tr("Savings to date"): format_amount(last.savings if last else 0),
        tr("Social fund"): format_amount(sum(ln.social for ln in lines)),
        tr("Fine"): format_amount(sum(ln.fine for ln in lines)),
        tr("Loan taken"): format_amount(sum(ln.loan_taken for ln in lines)),
        tr("Repayment"): format_amount(sum(ln.repayment for ln in lines)),
        tr("Service charge"): format_amount(sum(ln.service_charge for ln in lines)),
        tr("From the social fund"): format_amount(sum(ln.social_payout for ln in lines)),
        tr("Loan balance"): format_amount(last.loan_balance if last else 0),
    }
    return [sums[column.title] for column, _ in columns]


def passbook_form(book: Passbook) -> FormLayout:
    layout = FormLayout(GroupDocument.PASSBOOK.label)
    group_heading(layout, book.group)

    section(layout, tr("Member"))
    left = tr("Left on {date}", date=day(book.left_on)) if book.left_on else ""
    layout.fields([
        Field(tr("Name"), book.name, span=2),
        Field(tr("National code"), book.national_code or DASH),
        Field(tr("Role"), label(MemberRole, book.role)),
        Field(tr("Joined on"), day(book.joined_on) + (f" ({left})" if left else "")),
        Field(tr("Mobile"), book.mobile or DASH),
    ], columns=3)

    section(layout, tr("Meetings"))
    layout.paragraph(tr("Amounts are in Rials; savings and the loan balance are after the "
                        "meeting."), size=8.5)
    columns = _columns(book)
    rows: list[list[str]] = [[cell(line) for _, cell in columns] for line in book.lines]
    if rows:
        rows.append(_totals(book, columns))
    layout.table([column for column, _ in columns], rows, totals=bool(book.lines),
                 empty=tr("No meetings since the member joined."))

    layout.heading(tr("As of {date}", date=day(book.on)))
    layout.fields([
        Field(tr("Shares"), number(book.shares)),
        Field(tr("Savings"), rials(book.savings)),
        Field(tr("Loans owed"), rials(book.outstanding)),
        Field(tr("In arrears"), rials(book.arrears) if book.arrears else tr("None")),
    ], columns=2)

    section(layout, tr("Loans"))
    layout.table(
        [Column(tr("Lent on"), 0.11, "center"), Column(tr("Amount (Rials)"), 0.12, "center"),
         Column(tr("Months"), 0.06, "center"), Column(tr("Service charge"), 0.1, "center"),
         Column(tr("Repaid"), 0.12, "center"), Column(tr("Owed"), 0.12, "center"),
         Column(tr("State"), 0.23), Column(tr("Purpose"), 0.14)],
        [[day(loan.disbursed_on), format_amount(loan.principal), number(loan.term_months),
          format_amount(loan.service_charge), format_amount(loan.repaid),
          format_amount(loan.outstanding), loan_state(loan), loan.purpose or DASH]
         for loan in book.loans],
        empty=tr("No loans in this cycle."))
    for loan in book.loans:
        if loan.override_reason:
            layout.paragraph(tr("The loan of {date} was lent past the group's rule, for this "
                                "reason: {reason}", date=day(loan.disbursed_on),
                                reason=loan.override_reason), size=8.5)

    layout.keep(90)
    layout.signature_boxes([tr("Member's signature"), tr("Treasurer's signature")], height=66,
                           names=[book.name, dict(book.group.officers).get(
                               MemberRole.TREASURER.value, "")])
    return layout

