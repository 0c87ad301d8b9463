"""برگه ارزیابی اولیه: the interview sheet, the client's data filled in, room for the assessor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.forms import FormKind
from desktop.domain.pathway import EmploymentModel, ReferralSource
from desktop.domain.people import DisabilitySeverity, DisabilityType, TargetGroup
from desktop.i18n import tr
from desktop.reports.forms.common import DASH, day, education, identity, label, number
from desktop.reports.page import Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.case_records import CaseRecord
    from desktop.services.clients import ClientRecord


def assessment_form(client: ClientRecord, case: CaseRecord | None) -> FormLayout:
    layout = FormLayout(FormKind.ASSESSMENT.label)
    layout.heading(tr("Client"))
    identity(layout, client)
    groups = "، ".join(TargetGroup(code).label for code in client.target_groups) or DASH
    layout.fields([
        Field(tr("Education"), education(client)),
        Field(tr("County"), client.county_name),
        Field(tr("Target groups"), groups, span=2),
        Field(tr("Disability"), f"{label(DisabilityType, client.disability_type)} / "
                                 f"{label(DisabilitySeverity, client.disability_severity)}"),
        Field(tr("Household size / dependants"),
              f"{number(client.household_size)} / {number(client.dependants)}"),
    ])
    if case is not None:
        layout.heading(tr("Referral"))
        layout.fields([
            Field(tr("Case opened on"), day(case.opened_on)),
            Field(tr("Referred by"), case.referred_by or DASH),
            Field(tr("Referral source"), label(ReferralSource, case.referral_source)),
            Field(tr("Job facilitator"), case.facilitator_name or DASH),
        ])

    layout.heading(tr("Interview"))
    for question in (
        tr("Work experience and skills the client already has"),
        tr("Jobs the client wants and why"),
        tr("Health, physical abilities and limits that matter for work"),
        tr("Resources the client has: land, livestock, a place of business, tools, savings"),
        tr("Family support and obstacles (care of children or the sick, transport)"),
        tr("Training the client needs before a job"),
    ):
        layout.writing_lines(question, 2)

    # The conclusion is filled in and signed together: never split from its signatures.
    layout.keep(250)
    layout.heading(tr("Assessor's conclusion"))
    layout.choices(tr("Result"), [tr("Eligible, ready for a job"),
                                  tr("Eligible after skill training"), tr("Not eligible now")])
    layout.choices(tr("Suggested employment model"), [m.label for m in EmploymentModel])
    layout.writing_lines(tr("Suggested job and reasons"), 3)
    layout.writing_lines(tr("Training or services the assessor suggests"), 2)
    layout.writing_lines(tr("Other observations"), 4)
    layout.signature_boxes([tr("Client's signature"), tr("Assessor's name and signature"),
                            tr("Office stamp")])
    return layout
