"""خلاصه پرونده: the case's pathway from referral on, its services with amounts, its visits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.benefits import BenefitKind
from desktop.domain.forms import FormKind
from desktop.domain.monitoring import VisitMode
from desktop.domain.pathway import CaseStatus, CloseReason, EventKind, Stage
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.reports.forms.common import (
    day,
    identity,
    job_fields,
    label,
    number,
    rials,
    yes_no,
)
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.case_records import BenefitRecord, CaseRecord
    from desktop.services.clients import ClientRecord


def case_summary_form(client: ClientRecord, case: CaseRecord) -> FormLayout:
    layout = FormLayout(FormKind.SUMMARY.label)
    layout.heading(tr("Client"))
    identity(layout, client)

    layout.heading(tr("Case"))
    status = label(CaseStatus, case.status)
    if case.close_reason:
        status += f" ({label(CloseReason, case.close_reason)})"
    layout.fields([
        Field(tr("Stage"), label(Stage, case.stage)),
        Field(tr("Status"), status),
        Field(tr("Case opened on"), day(case.opened_on)),
        Field(tr("Closed on"), day(case.closed_on)),
    ])
    if case.job_title or case.job_start_date:
        layout.fields(job_fields(case))

    layout.heading(tr("Pathway"))
    layout.table(
        [Column(tr("Date"), 0.14, "center"), Column(tr("Event"), 0.2),
         Column(tr("Stage"), 0.24), Column(tr("By"), 0.16), Column(tr("Note"), 0.26)],
        [[day(e.on_date), label(EventKind, e.kind), label(Stage, e.stage),
          e.user_full_name or e.username, e.note or ""] for e in case.events],
        empty=tr("No events."))

    layout.heading(tr("Services and benefits"))
    rows = [[label(BenefitKind, b.kind), day(b.given_on), rials(b.amount), _detail(b)]
            for b in case.benefits]
    if case.benefits:
        rows.append([tr("Total"), "", format_rials(case.benefits_total), ""])
    layout.table(
        [Column(tr("Service"), 0.3), Column(tr("Date"), 0.14, "center"),
         Column(tr("Amount (Rials)"), 0.2, "center"), Column(tr("Details"), 0.36)],
        rows, empty=tr("No services recorded."))

    layout.heading(tr("Monitoring visits"))
    layout.table(
        [Column(tr("Month"), 0.08, "center"), Column(tr("Due on"), 0.14, "center"),
         Column(tr("Done on"), 0.14, "center"), Column(tr("How"), 0.12, "center"),
         Column(tr("Job active"), 0.1, "center"),
         Column(tr("Monthly income (Rials)"), 0.18, "center"), Column(tr("Problems"), 0.24)],
        [[number(v.month), day(v.due_on), day(v.done_on), label(VisitMode, v.mode),
          yes_no(v.job_active), rials(v.monthly_income), v.problems or ""]
         for v in case.visits],
        empty=tr("No visits scheduled."))
    if case.notes:
        layout.heading(tr("Notes"))
        layout.paragraph(case.notes)
    layout.signature_boxes([tr("Employment expert's signature"), tr("Office stamp")], height=60)
    return layout


def _detail(benefit: BenefitRecord) -> str:
    if benefit.kind == BenefitKind.TRAINING_COURSE:
        parts = [benefit.training_title]
        if benefit.training_hours:
            parts.append(tr("{hours} hours").format(hours=number(benefit.training_hours)))
        if benefit.training_provider:
            parts.append(benefit.training_provider)
        if benefit.training_completed is not None:
            parts.append(tr("completed") if benefit.training_completed else tr("not completed"))
        return "، ".join(p for p in parts if p)
    if benefit.months:
        return tr("{months} months").format(months=number(benefit.months))
    return benefit.notes
