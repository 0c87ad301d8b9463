"""فرم بازدید پایش: the case, its job and the visit now due, with room for what the visit finds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.forms import FormKind
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, identity, job_fields, label, number, rials
from desktop.reports.forms.common import yes_no as yes_no_text
from desktop.reports.page import Column, Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.case_records import CaseRecord, VisitRecord
    from desktop.services.clients import ClientRecord


def visit_form(client: ClientRecord, case: CaseRecord) -> FormLayout:
    layout = FormLayout(FormKind.VISIT.label)
    layout.heading(tr("Client"))
    identity(layout, client)
    layout.fields([Field(tr("Address"), client.address or DASH, span=2)])
    layout.heading(tr("Job"))
    layout.fields(job_fields(case), columns=2)

    due = case.next_visit
    layout.heading(tr("This visit"))
    if due is not None:
        layout.fields([
            Field(tr("Visit"), _visit_name(due)),
            Field(tr("Due on"), day(due.due_on)),
            Field(tr("Monitoring ends on"), day(case.horizon_on)),
        ], columns=3)
    else:
        layout.paragraph(tr("No visit is due on this case; record this one as an extra visit."))
    layout.fields([Field(tr("Visit date"), ""), Field(tr("Visitor"), "")])
    layout.choices(tr("How"), [m.label for m in VisitMode])
    layout.choices(tr("Is the job active?"), [tr("Yes"), tr("No")])
    layout.fields([Field(tr("Monthly income (Rials)"), "")], columns=1)
    layout.writing_lines(tr("Problems"), 2)
    layout.writing_lines(tr("Next action"), 2)

    done = [v for v in case.visits if v.done]
    if done:
        layout.heading(tr("Earlier visits"))
        layout.table(
            [Column(tr("Visit"), 0.22), Column(tr("Date"), 0.14, "center"),
             Column(tr("How"), 0.12, "center"), Column(tr("Job active"), 0.1, "center"),
             Column(tr("Monthly income (Rials)"), 0.18, "center"),
             Column(tr("Problems"), 0.24)],
            [[_visit_name(v), day(v.done_on), label(VisitMode, v.mode),
              yes_no_text(v.job_active), rials(v.monthly_income), v.problems or DASH]
             for v in done])
    layout.signature_boxes([tr("Client's signature"), tr("Visitor's signature")], height=60)
    return layout


def _visit_name(visit: VisitRecord) -> str:
    if visit.month is None:
        return tr("Extra visit")
    name = tr("Month {month} visit").format(month=number(visit.month))
    if visit.kind == VisitKind.REPORT:
        name += " " + tr("(with report)")
    return name
