"""Pieces several forms share: a client's identity block, labels of stored codes, dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.domain.labels import Labelled
from desktop.domain.pathway import EmploymentKind, EmploymentModel, Sector
from desktop.domain.people import Education, Gender
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.reports.page import Field, FormLayout

if TYPE_CHECKING:
    from desktop.services.case_records import CaseRecord
    from desktop.services.clients import ClientRecord

DASH = "—"


def label(kind: type[Labelled], code: str | None) -> str:
    return kind(code).label if code else DASH


def day(value: dt.date | None) -> str:
    return format_jalali(value) if value else DASH


def number(value: int | None) -> str:
    return to_persian_digits(value) if value is not None else DASH


def rials(value: int | None) -> str:
    return format_rials(value) if value is not None else DASH


def yes_no(value: bool | None) -> str:
    if value is None:
        return DASH
    return tr("Yes") if value else tr("No")


def urban_rural(urban: bool | None) -> str:
    if urban is None:
        return DASH
    return tr("Urban") if urban else tr("Rural")


def education(client: ClientRecord) -> str:
    text = label(Education, client.education)
    return f"{text} ({tr('student')})" if client.student else text


def identity(layout: FormLayout, client: ClientRecord) -> None:
    """Who the form is about, as every form opens. Identifiers are printed as stored (Latin
    digits) so they can be searched for and copied out of the PDF exactly."""
    layout.fields([
        Field(tr("First name"), client.first_name),
        Field(tr("Last name"), client.last_name),
        Field(tr("Father's name"), client.father_name),
        Field(tr("National code"), client.national_code),
        Field(tr("Birth date"), day(client.birth_date)),
        Field(tr("Gender"), label(Gender, client.gender)),
        Field(tr("Mobile"), client.mobile or DASH),
        Field(tr("File number"), client.file_number or DASH),
    ], columns=3)


def job_fields(case: CaseRecord) -> list[Field]:
    fields = [
        Field(tr("Job title"), case.job_title or DASH),
        Field(tr("Sector"), label(Sector, case.job_sector)),
        Field(tr("Employment model"), label(EmploymentModel, case.employment_model)),
        Field(tr("Kind of job"), label(EmploymentKind, case.employment_kind)),
        Field(tr("Job start date"), day(case.job_start_date)),
        Field(tr("Urban or rural"), urban_rural(case.job_urban)),
        Field(tr("Program"), case.program_name or DASH),
        Field(tr("Job facilitator"), case.facilitator_name or DASH),
    ]
    if case.employer_name:
        fields.insert(4, Field(tr("Employer"), case.employer_name, span=2))
    return fields
