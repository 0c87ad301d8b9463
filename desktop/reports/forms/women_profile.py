"""شناسنامه گروه: a women's group or cooperative on paper — who it is, its registration, its
business and the last twelve months of its books, its trainings, meetings and market links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.business_books import year_window
from desktop.domain.groups import GroupKind, GroupStatus, MeetingFrequency
from desktop.domain.pathway import Sector
from desktop.domain.women_groups import BusinessKind, LinkKind, TrainingKind, WomenGroupForm
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, label, number, rials, urban_rural
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.women_market import MarketLinkRecord
    from desktop.services.women_overview import WomenGroupSummary


def _percent(share: float | None) -> str:
    return f"{to_persian_digits(round(share * 100))}٪" if share is not None else DASH


def women_profile_form(summary: WomenGroupSummary) -> FormLayout:
    group = summary.group
    layout = FormLayout(WomenGroupForm.PROFILE.label)
    layout.heading(tr("Group"))
    fields = [
        Field(tr("Group name"), group.name, span=2),
        Field(tr("Code"), group.code),
        Field(tr("Kind"), label(GroupKind, group.kind), span=2),
        Field(tr("Status"), label(GroupStatus, group.status)),
        Field(tr("County"), group.county_name),
        Field(tr("Village or neighbourhood"), group.locality or DASH),
        Field(tr("Urban or rural"), urban_rural(group.urban)),
        Field(tr("Formed on"), day(group.formed_on)),
        Field(tr("Meets"), label(MeetingFrequency, group.meeting_frequency)),
        Field(tr("Job facilitator"), group.facilitator_name or DASH),
    ]
    if group.is_cooperative:
        fields += [Field(tr("Registration number"), group.registration_number or DASH),
                   Field(tr("Registered on"), day(group.registered_on)),
                   Field(tr("Registered capital"), rials(group.capital))]
    layout.fields(fields, columns=3)

    layout.heading(tr("Members"))
    layout.fields([
        Field(tr("Present members"), number(len(summary.active_members))),
        Field(tr("Female heads of household"), number(summary.female_heads)),
        Field(tr("Members' capital"), format_rials(summary.members_capital)),
    ], columns=3)
    if summary.size_warning:
        layout.paragraph(summary.size_warning)

    layout.heading(tr("Shared business"))
    business = group.business
    if business is None:
        layout.paragraph(tr("The group's business is not recorded yet."))
    else:
        layout.fields([
            Field(tr("Business"), business.title, span=2),
            Field(tr("Product or service"), label(BusinessKind, business.kind)),
            Field(tr("Sector"), label(Sector, business.sector)),
            Field(tr("Started on"), day(business.started_on)),
            Field(tr("Cash now"), format_rials(summary.books.cash)),
        ], columns=3)
        if business.description:
            layout.paragraph(business.description)
    _months(layout, summary)
    _trainings(layout, summary)
    _meetings(layout, summary)
    _markets(layout, summary)
    layout.signature_boxes([tr("Job facilitator's signature"),
                            tr("Employment expert's signature"), tr("Office stamp")], height=60,
                           names=[group.facilitator_name])
    return layout


def _months(layout: FormLayout, summary: WomenGroupSummary) -> None:
    first, last = year_window(summary.on)
    months = [m for m in summary.books.months if first <= m.month <= last]
    layout.heading(tr("Sales and income in the last twelve months"))
    rows = [[m.label, rials(m.cash.sales), rials(m.cash.costs), rials(m.cash.paid_out),
             number(len(m.incomes)), rials(m.cash.closing)] for m in months]
    if months:
        rows.append([tr("Total"), rials(summary.sales_12m), rials(summary.costs_12m),
                     rials(summary.paid_out_12m), number(summary.members_paid_12m), ""])
    layout.table(
        [Column(tr("Month"), 0.16), Column(tr("Sales"), 0.18, "center"),
         Column(tr("Costs"), 0.18, "center"), Column(tr("Income paid"), 0.18, "center"),
         Column(tr("Members paid"), 0.11, "center"),
         Column(tr("Cash carried"), 0.19, "center")],
        rows, empty=tr("No month of the business is recorded."), totals=bool(months))


def _trainings(layout: FormLayout, summary: WomenGroupSummary) -> None:
    layout.heading(tr("Trainings"))
    layout.table(
        [Column(tr("Training"), 0.27), Column(tr("Kind"), 0.15),
         Column(tr("Dates"), 0.26, "center"), Column(tr("Hours"), 0.08, "center"),
         Column(tr("Attended"), 0.12, "center"), Column(tr("Certified"), 0.12, "center")],
        [[t.title + (f" ({t.provider})" if t.provider else ""), label(TrainingKind, t.kind),
          day(t.starts_on) if t.ends_on == t.starts_on
          else f"{day(t.starts_on)} – {day(t.ends_on)}",
          number(t.hours), f"{number(len(t.attendees))} / {number(t.members)}",
          number(sum(a.certified for a in t.attendees))] for t in summary.trainings],
        empty=tr("No training is recorded."))


def _meetings(layout: FormLayout, summary: WomenGroupSummary) -> None:
    first, _ = year_window(summary.on)
    meetings = [m for m in summary.meetings if m.held_on >= first]
    layout.heading(tr("Meetings in the last twelve months"))
    layout.fields([
        Field(tr("Meetings held"), number(len(meetings))),
        Field(tr("Attendance"), _percent(summary.meeting_attendance)),
        Field(tr("Members trained"), number(summary.members_trained)),
    ], columns=3)
    layout.table(
        [Column(tr("Date"), 0.14, "center"), Column(tr("Present"), 0.1, "center"),
         Column(tr("Decisions"), 0.76)],
        [[day(m.held_on), f"{number(len(m.present))} / {number(m.members)}",
          "؛ ".join(d.text for d in m.decisions) or DASH] for m in meetings[:6]],
        empty=tr("No meeting is recorded."))


def _markets(layout: FormLayout, summary: WomenGroupSummary) -> None:
    layout.heading(tr("Market links"))
    layout.table(
        [Column(tr("Kind"), 0.17), Column(tr("Partner"), 0.2),
         Column(tr("From"), 0.11, "center"), Column(tr("To"), 0.11, "center"),
         Column(tr("Contract or shop"), 0.41)],
        [[label(LinkKind, link.kind), link.partner, day(link.starts_on),
          day(link.ends_on) if link.ends_on else tr("running"), _contract(link)]
         for link in summary.links],
        empty=tr("No market link is recorded."))
    first, _ = year_window(summary.on)
    bazaars = [b for b in summary.bazaars if b.starts_on >= first]
    layout.heading(tr("Self-employment bazaars in the last twelve months"))
    rows = [[b.name, b.place or DASH, day(b.starts_on), number((b.ends_on - b.starts_on).days
                                                                 + 1), rials(b.sales)]
            for b in bazaars]
    if bazaars:
        rows.append([tr("Total"), "", "", "", rials(summary.bazaar_sales_12m)])
    layout.table(
        [Column(tr("Bazaar"), 0.32), Column(tr("Place"), 0.24), Column(tr("From"), 0.14,
                                                                         "center"),
         Column(tr("Days"), 0.08, "center"), Column(tr("Sales"), 0.22, "center")],
        rows, empty=tr("No bazaar is recorded."), totals=bool(bazaars))


def _contract(link: MarketLinkRecord) -> str:
    if link.shop_url:
        return link.shop_url
    parts = []
    if link.contract_number:
        parts.append(tr("No. {number}").format(number=link.contract_number))
    if link.contract_value is not None:
        parts.append(format_rials(link.contract_value))
    return "، ".join(parts) or DASH

