"""فرم ثبت‌نام مددجو: everything the registry holds about a client, for them to check and sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.forms import FormKind
from desktop.domain.people import DisabilitySeverity, DisabilityType, TargetGroup
from desktop.i18n import tr
from desktop.reports.forms.common import (
    DASH,
    education,
    identity,
    label,
    number,
    urban_rural,
    yes_no,
)
from desktop.reports.page import Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.clients import ClientRecord


def registration_form(client: ClientRecord) -> FormLayout:
    layout = FormLayout(FormKind.REGISTRATION.label)
    layout.heading(tr("Identity"))
    identity(layout, client)
    layout.fields([Field(tr("Education"), education(client)),
                   Field(tr("Registered by"), client.registered_by or DASH)])

    layout.heading(tr("Address and contact"))
    layout.fields([
        Field(tr("County"), client.county_name),
        Field(tr("Urban or rural"), urban_rural(client.urban)),
        Field(tr("Postal code"), client.postal_code or DASH, span=2),
        Field(tr("Address"), client.address or DASH, span=2),
        Field(tr("Sheba (bank account)"), client.sheba or DASH, span=2),
    ])

    layout.heading(tr("Target groups"))
    layout.choices(tr("Target groups"), [g.label for g in TargetGroup],
                   [TargetGroup(code).label for code in client.target_groups])
    layout.fields([
        Field(tr("Disability type"), label(DisabilityType, client.disability_type)),
        Field(tr("Severity"), label(DisabilitySeverity, client.disability_severity)),
        Field(tr("Hard to employ"), yes_no(client.hard_to_employ)),
    ], columns=3)

    layout.heading(tr("Household"))
    layout.fields([Field(tr("Household size"), number(client.household_size)),
                   Field(tr("Dependants"), number(client.dependants))])
    if client.notes:
        layout.heading(tr("Notes"))
        layout.paragraph(client.notes)

    layout.space(6)
    layout.paragraph(tr(
        "I, {name}, child of {father}, national code {code}, confirm that the information above "
        "is true and complete, and I agree that the Welfare Organization keeps it in my file "
        "and uses it to follow my employment; I will report any change to the county office."
    ).format(name=client.full_name, father=client.father_name or DASH,
             code=client.national_code))
    layout.space(4)
    layout.signature_boxes([tr("Client's signature"), tr("Employment expert's signature"),
                            tr("Office stamp")])
    return layout
