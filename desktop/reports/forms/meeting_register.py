"""دفتر صورت‌جلسات and صورت‌جلسه: the cycle's meetings, and one meeting's minutes.

The register opens with a table of every meeting (attendance, shares, what came into and went
out of each fund, the cash at the close) and then gives each meeting its block: who was absent,
each fund's cash from the opening through every kind of entry to the close, the loans the
meeting decided and why it lent past its rule. The minutes of one meeting add each member's
line, with a column to sign, for the officers and the facilitator to sign below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.group_documents import GroupDocument
from desktop.domain.ledger import EntryKind, Fund
from desktop.fa.jalali import format_jalali_long
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, number
from desktop.reports.forms.group_common import amount, group_heading, officer_signatures, section
from desktop.reports.page import LEADING, SIZE, Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.group_documents import MeetingRegister, MeetingSheet


def _present(sheet: MeetingSheet) -> str:
    return tr("{present} of {members}", present=number(sheet.present),
              members=number(sheet.members))


def _flow(sheet: MeetingSheet, fund: Fund) -> tuple[int, int]:
    came_in = sum(total for kind, total in sheet.moves if kind.fund is fund and kind.sign > 0)
    went_out = sum(total for kind, total in sheet.moves if kind.fund is fund and kind.sign < 0)
    return came_in, went_out


def _summary(layout: FormLayout, register: MeetingRegister) -> None:
    columns = [Column(tr("Meeting"), 0.055, "center"), Column(tr("Date"), 0.1, "center"),
               Column(tr("Members present"), 0.07, "center"),
               Column(tr("Shares"), 0.055, "center")]
    # The loan fund's figures run to billions of Rials, the social fund's to millions: each
    # column as wide as its figures, in a smaller type, so that none is cut over two lines.
    for fund, share in ((Fund.LOAN, 0.125), (Fund.SOCIAL, 0.115)):
        columns += [Column(tr("{fund}: in", fund=fund.label), share, "center"),
                    Column(tr("{fund}: out", fund=fund.label), share, "center"),
                    Column(tr("{fund}: cash at the close", fund=fund.label), share, "center")]
    rows = []
    totals = {fund: [0, 0] for fund in Fund}
    for sheet in register.meetings:
        row = [number(sheet.number), day(sheet.held_on), _present(sheet), number(sheet.shares)]
        for fund in Fund:
            came_in, went_out = _flow(sheet, fund)
            totals[fund][0] += came_in
            totals[fund][1] += went_out
            row += [amount(came_in), amount(went_out), format_amount(sheet.closing.of(fund))]
        rows.append(row)
    last = register.meetings[-1]
    total = [tr("Total"), "", "", number(sum(s.shares for s in register.meetings))]
    for fund in Fund:
        total += [format_amount(totals[fund][0]), format_amount(totals[fund][1]),
                  format_amount(last.closing.of(fund))]
    rows.append(total)
    layout.table(columns, rows, totals=True, size=SIZE - 1)


def _cash_rows(sheet: MeetingSheet) -> list[list[str]]:
    """The cash of both funds from the opening, through each kind of entry, to the close."""

    def row(text: str, fund: Fund, value: int) -> list[str]:
        cells = {f: "" for f in Fund}
        cells[fund] = format_amount(value)
        return [text, cells[Fund.LOAN], cells[Fund.SOCIAL]]

    rows = [[tr("Cash at the opening"), format_amount(sheet.opening.loan),
             format_amount(sheet.opening.social)]]
    for kind, total in sheet.moves:
        if kind.per_member:
            rows.append(row(kind.label, kind.fund, kind.sign * total))
    for kind, total, note in sheet.group_lines:
        text = f"{kind.label}: {note}" if note else kind.label
        rows.append(row(text, kind.fund, kind.sign * total))
    rows.append([tr("Cash at the close"), format_amount(sheet.closing.loan),
                 format_amount(sheet.closing.social)])
    return rows


def _cash(layout: FormLayout, sheet: MeetingSheet) -> None:
    layout.table([Column(tr("Item"), 0.5), Column(Fund.LOAN.label, 0.25, "center"),
                  Column(Fund.SOCIAL.label, 0.25, "center")], _cash_rows(sheet))


def _loans(layout: FormLayout, sheet: MeetingSheet) -> None:
    if sheet.loans:
        layout.table(
            [Column(tr("Borrower"), 0.2), Column(tr("Amount (Rials)"), 0.14, "center"),
             Column(tr("Months"), 0.07, "center"), Column(tr("Service charge"), 0.12, "center"),
             Column(tr("Purpose"), 0.2), Column(tr("The group's reason to lend past its rule"),
                                                0.27)],
            [[loan.member_name, format_amount(loan.principal), number(loan.term_months),
              format_amount(loan.service_charge), loan.purpose or DASH,
              loan.override_reason or DASH] for loan in sheet.loans])
    if sheet.written_off:
        layout.paragraph(tr("Loans written off: {loans}", loans="، ".join(
            f"{name} ({format_amount(value)} {tr('Rials')})" for name, value in sheet.written_off)))


def _block_height(sheet: MeetingSheet) -> float:
    rows = 3 + len(sheet.moves) + len(sheet.group_lines) + (len(sheet.loans) + 1) * bool(
        sheet.loans)
    return (rows + 4) * (LEADING + 4)


def _meeting_block(layout: FormLayout, sheet: MeetingSheet) -> None:
    layout.keep(min(_block_height(sheet), 400))
    layout.heading(tr("Meeting {number} — {date}", number=number(sheet.number),
                      date=format_jalali_long(sheet.held_on)))
    fields = [Field(tr("Members present"), _present(sheet)),
              Field(tr("Shares bought"), number(sheet.shares)),
              Field(tr("Recorded on"), day(sheet.recorded_on))]
    if sheet.absent:
        fields.append(Field(tr("Absent"), "، ".join(sheet.absent), span=3))
    layout.fields(fields, columns=3)
    _cash(layout, sheet)
    _loans(layout, sheet)
    if sheet.notes:
        layout.paragraph(tr("Notes: {notes}", notes=sheet.notes))


def register_form(register: MeetingRegister) -> FormLayout:
    layout = FormLayout(GroupDocument.REGISTER.label)
    group_heading(layout, register.group)
    section(layout, tr("Meetings of the cycle"))
    layout.paragraph(tr("Amounts are in Rials."), size=8.5)
    _summary(layout, register)
    for sheet in register.meetings:
        _meeting_block(layout, sheet)
    officer_signatures(layout, register.group)
    return layout


def minutes_form(register: MeetingRegister) -> FormLayout:
    """The minutes of the register's one meeting."""
    (sheet,) = register.meetings
    layout = FormLayout(GroupDocument.MINUTES.label)
    group_heading(layout, register.group)
    layout.heading(tr("Meeting {number} — {date}", number=number(sheet.number),
                      date=format_jalali_long(sheet.held_on)))
    fields = [Field(tr("Members present"), _present(sheet)),
              Field(tr("Shares bought"), number(sheet.shares)),
              Field(tr("Recorded on"), day(sheet.recorded_on))]
    if sheet.absent:
        fields.append(Field(tr("Absent"), "، ".join(sheet.absent), span=3))
    layout.fields(fields, columns=3)

    section(layout, tr("Members"))
    layout.paragraph(tr("Amounts are in Rials."), size=8.5)
    _member_table(layout, sheet)
    section(layout, tr("Cash box"))
    _cash(layout, sheet)
    if sheet.loans or sheet.written_off:
        section(layout, tr("Loans decided"))
        _loans(layout, sheet)
    if sheet.notes:
        layout.heading(tr("Notes"))
        layout.paragraph(sheet.notes)
    officer_signatures(layout, register.group, sheet.officers)
    return layout


def _member_table(layout: FormLayout, sheet: MeetingSheet) -> None:
    lines = sheet.lines
    # (title, share, cell, total); a fine or payout column only when the meeting had one.
    spec = [
        (tr("Row"), 0.055, None, ""),
        (tr("Name"), 0.17, lambda ln: ln.name, tr("Total")),
        (tr("National code"), 0.12, lambda ln: ln.national_code or DASH, ""),
        (tr("Attendance"), 0.065, lambda ln: tr("Present") if ln.present else tr("Absent"),
         number(sum(ln.present for ln in lines))),
        (tr("Shares"), 0.055, lambda ln: number(ln.shares) if ln.shares else "",
         number(sum(ln.shares for ln in lines))),
    ]
    optional = [(EntryKind.SOCIAL_IN, tr("Social fund"), "social", 0.09),
                (EntryKind.FINE, tr("Fine"), "fine", 0.08),
                (EntryKind.REPAYMENT, tr("Repayment"), "repayment", 0.11),
                (EntryKind.SERVICE_CHARGE, tr("Service charge"), "service_charge", 0.085),
                (EntryKind.LOAN_OUT, tr("Loan taken"), "loan_taken", 0.11),
                (EntryKind.SOCIAL_OUT, tr("From the social fund"), "social_payout", 0.1)]
    always = (EntryKind.SOCIAL_IN, EntryKind.REPAYMENT, EntryKind.LOAN_OUT)
    for kind, title, attribute, share in optional:
        values = [getattr(ln, attribute) for ln in lines]
        if kind in always or any(values):
            spec.append((title, share, lambda ln, a=attribute: amount(getattr(ln, a)),
                         format_amount(sum(values))))
    spec.append((tr("Signature"), 0.11, lambda ln: "", ""))
    width = sum(share for _, share, _, _ in spec)
    columns = [Column(title, share / width, "right" if title == tr("Name") else "center")
               for title, share, _, _ in spec]
    rows = [[number(index) if cell is None else cell(line)
             for _, _, cell, _ in spec] for index, line in enumerate(lines, start=1)]
    rows.append([total for _, _, _, total in spec])
    # Rows half a line taller than the type: room to sign or press a thumb.
    layout.table(columns, rows, totals=True, size=SIZE - 1, min_lines=1.5)
