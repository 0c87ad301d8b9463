"""فهرست اعضای گروه: the members of a women's group or cooperative, with a column for each to
sign — as a general assembly, a bank or the registry asks for it. Members who are not female
heads of household are marked, as on screen; those who left are listed apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.business_books import year_window
from desktop.domain.groups import GroupKind
from desktop.domain.labels import Labelled
from desktop.domain.women_groups import WomenGroupForm, roles_of
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, label
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.women_members import WomenMemberRecord
    from desktop.services.women_overview import WomenGroupSummary

MARK = "*"


def women_members_form(summary: WomenGroupSummary) -> FormLayout:
    group = summary.group
    layout = FormLayout(WomenGroupForm.MEMBERS.label)
    layout.fields([
        Field(tr("Group name"), group.name, span=2),
        Field(tr("Code"), group.code),
        Field(tr("Kind"), label(GroupKind, group.kind), span=2),
        Field(tr("Date"), day(summary.on)),
    ], columns=3)
    first, last = year_window(summary.on)
    income: dict[int, int] = {}
    for month in summary.books.months:
        if first <= month.month <= last:
            for line in month.incomes:
                income[line.member_id] = income.get(line.member_id, 0) + line.amount
    roles = roles_of(group.kind)
    order = {role.value: index for index, role in enumerate(roles)}
    # The group's officers first, in the order of their offices; the members after them.
    present = sorted(summary.active_members, key=lambda m: order.get(m.role, len(order)))
    layout.heading(tr("Present members"))
    rows = [[*_row(i, m, roles, income), ""] for i, m in enumerate(present, start=1)]
    if present:
        rows.append(["", tr("Total"), "", "", "",
                     format_amount(sum(m.capital_contribution for m in present)),
                     format_amount(sum(income.get(m.id, 0) for m in present)), ""])
    layout.table(_columns(Column(tr("Signature"), 0.11, "center")), rows,
                 empty=tr("The group has no members."), min_lines=2, totals=bool(present))
    if any(m.marked for m in present):
        layout.paragraph(tr("{mark} not a female head of household in the client registry "
                            "(or not registered as a client).").format(mark=MARK))
    former = [m for m in summary.members if m.left_on is not None and not m.active_on(
        summary.on)]
    if former:
        layout.heading(tr("Former members"))
        layout.table(
            _columns(Column(tr("Left on"), 0.11, "center")),
            [[*_row(i, m, roles, income), day(m.left_on)] for i, m in enumerate(former, 1)])
    chair = next((m.full_name for m in present if m.role == "chair"), "")
    layout.signature_boxes([tr("Chair's signature"), tr("Job facilitator's signature"),
                            tr("Office stamp")], height=60,
                           names=[chair, group.facilitator_name])
    return layout


def _columns(last: Column) -> list[Column]:
    return [Column(tr("No."), 0.06, "center"), Column(tr("Name"), 0.18),
            Column(tr("National code"), 0.12, "center"), Column(tr("Role"), 0.16),
            Column(tr("Joined on"), 0.11, "center"),
            Column(tr("Capital (Rials)"), 0.12, "center"),
            Column(tr("Income in 12 months (Rials)"), 0.14, "center"), last]


def _row(index: int, member: WomenMemberRecord, roles: type[Labelled],
         income: dict[int, int]) -> list[str]:
    name = member.full_name + (f" {MARK}" if member.marked else "")
    return [to_persian_digits(index), name, member.national_code or DASH,
            roles(member.role).label, day(member.joined_on),
            format_amount(member.capital_contribution),
            format_amount(income.get(member.id, 0))]
