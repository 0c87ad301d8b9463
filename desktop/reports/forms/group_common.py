"""Pieces the documents of a micro-finance group share: the group's heading, amounts with
decimals, a loan's state, the officers' signatures."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from desktop.domain.groups import MemberRole
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import DECIMAL, LRM, MINUS, format_amount
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, number, rials
from desktop.reports.page import Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.group_documents import GroupHeading, LoanLine

def decimal(value: Fraction, places: int = 2) -> str:
    """``value`` rounded half away from zero to ``places`` decimals, grouped, Persian digits:
    «۵۲۳٬۴۵۶٫۷۹»."""
    scale = 10 ** places
    scaled = math.floor(abs(value) * scale + Fraction(1, 2))
    whole, part = divmod(scaled, scale)
    text = format_amount(whole)
    if places:
        text += DECIMAL + to_persian_digits(f"{part:0{places}d}")
    return f"{LRM}{MINUS}{text}" if value < 0 and scaled else text


def percent(value: Fraction, places: int = 2) -> str:
    """A ratio as a percentage, «۴٫۶۹ درصد», as official papers write it (a «٪» beside the
    digits lands left or right of them depending on the words around it)."""
    if value < 0:
        # Said in words: a sign before the digits is placed by the bidi algorithm on one side
        # or the other of them depending on the words around it.
        return tr("minus {number} percent", number=decimal(-value * 100, places))
    return tr("{number} percent", number=decimal(value * 100, places))


def monthly_rate(basis_points: int) -> str:
    places = 0 if basis_points % 100 == 0 else 2
    return tr("{rate} a month", rate=percent(Fraction(basis_points, 10_000), places))


def amount(value: int) -> str:
    """A table's amount, blank when nothing moved (a ledger's empty cell)."""
    return format_amount(value) if value else ""


def heading_fields(group: GroupHeading) -> list[Field]:
    return [
        Field(tr("Group"), group.name, span=2),
        Field(tr("Group code"), group.code),
        Field(tr("County"), group.county_name),
        Field(tr("Village or neighbourhood"), group.locality or DASH),
        Field(tr("Facilitator"), group.facilitator_name or DASH),
        Field(tr("Cycle"), number(group.cycle_number)),
        Field(tr("Cycle starts"), day(group.starts_on)),
        Field(tr("Cycle ends"), day(group.ends_on)),
        Field(tr("Share price"), rials(group.share_price)),
        Field(tr("Service charge on loans"), monthly_rate(group.service_charge_bp)),
        Field(tr("Loan limit"), tr("{multiple} times the member's savings",
                                   multiple=number(group.loan_multiple))),
    ]


def section(layout: FormLayout, title: str, need: float = 130.0) -> None:
    """A heading that starts a new page unless ``need`` points of what follows it (a table's
    header and first rows) fit under it."""
    layout.keep(need)
    layout.heading(title)


def group_heading(layout: FormLayout, group: GroupHeading) -> None:
    layout.heading(tr("Group"))
    layout.fields(heading_fields(group), columns=3)


def loan_state(loan: LoanLine) -> str:
    if loan.written_off_on is not None:
        return tr("Written off on {date}", date=day(loan.written_off_on))
    if loan.outstanding == 0:
        return tr("Paid off")
    if loan.arrears:
        return tr("{days} days late ({amount} due)", days=number(loan.days_late),
                  amount=rials(loan.arrears))
    return tr("On schedule")


def officer_signatures(layout: FormLayout, group: GroupHeading,
                       officers: Sequence[tuple[str, str]] | None = None,
                       first: Sequence[tuple[str, str]] = ()) -> None:
    """Signature boxes of ``first`` (title, name) and of the chair, the treasurer, the
    secretary (as of the document's day, or ``officers``) and the group's facilitator."""
    held = dict(officers if officers is not None else group.officers)
    boxes = list(first)
    boxes += [(MemberRole(role).label, held.get(role, "")) for role in
              (MemberRole.CHAIR, MemberRole.TREASURER, MemberRole.SECRETARY)]
    boxes.append((tr("Facilitator"), group.facilitator_name))
    layout.keep(80)
    layout.signature_boxes([title for title, _ in boxes], height=66,
                           names=[name for _, name in boxes])
