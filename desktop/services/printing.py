"""Printing a client's forms into one PDF, for the screens, the command line and batch print."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.actor import Actor
from desktop.clock import today
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.errors import ValidationError
from desktop.i18n import N_, tr
from desktop.models.tracking import record_event
from desktop.progress import NullControl, TaskControl
from desktop.reports.document import FormDocument, Letterhead
from desktop.reports.forms.assessment import assessment_form
from desktop.reports.forms.case_summary import case_summary_form
from desktop.reports.forms.registration import registration_form
from desktop.reports.forms.visit import visit_form
from desktop.reports.page import FormLayout
from desktop.services.case_records import CaseRecord
from desktop.services.cases import cases_of_client
from desktop.services.clients import ClientRecord, get_client
from desktop.services.form_seal import SealMaker
from desktop.services.office import get_office


@dataclasses.dataclass(frozen=True)
class PrintResult:
    path: Path
    forms: int          # forms written
    pages: int
    # Clients left out, with the Persian reason (e.g. a visit form for a client with no job).
    skipped: tuple[tuple[int, str], ...] = ()


def _current_case(cases: list[CaseRecord]) -> CaseRecord | None:
    """The open case, or else the latest one."""
    for case in cases:
        if case.is_open:
            return case
    return max(cases, key=lambda c: (c.opened_on, c.id)) if cases else None


def _visit_case(cases: list[CaseRecord]) -> CaseRecord | None:
    case = _current_case(cases)
    return case if case is not None and case.is_open and case.job_start_date else None


NO_JOB = N_("{name} has no open case with a job to visit.")
NO_CASE = N_("{name} has no case to summarise.")


def _layout(kind: FormKind, client: ClientRecord,
            cases: list[CaseRecord]) -> FormLayout | str:
    """The form, or why it cannot be printed for this client (a catalogue text taking the
    client's ``name``)."""
    if kind == FormKind.REGISTRATION:
        return registration_form(client)
    if kind == FormKind.ASSESSMENT:
        return assessment_form(client, _current_case(cases))
    if kind == FormKind.VISIT:
        case = _visit_case(cases)
        if case is None:
            return NO_JOB
        return visit_form(client, case)
    case = _current_case(cases)
    if case is None:
        return NO_CASE
    return case_summary_form(client, case)


def printable_forms(db: Database, actor: Actor, client_id: int) -> list[FormKind]:
    """The forms that can be printed for this client now: registration and assessment always;
    visit when the open case has a job; summary when the client has a case."""
    get_client(db, actor, client_id)   # refuses a client the actor may not see
    cases = cases_of_client(db, actor, client_id)
    kinds = [FormKind.REGISTRATION, FormKind.ASSESSMENT]
    if _visit_case(cases) is not None:
        kinds.append(FormKind.VISIT)
    if cases:
        kinds.append(FormKind.SUMMARY)
    return kinds


def print_forms(db: Database, actor: Actor, client_ids: Sequence[int], kind: FormKind | str,
                path: Path, control: TaskControl | None = None, *,
                on: dt.date | None = None) -> PrintResult:
    """Writes the ``kind`` form of every client in ``client_ids`` (in that order) into one PDF at
    ``path`` (written to a temporary file beside it and renamed: never half-written).
    Reports progress per client through ``control`` and stops with ``Cancelled`` when asked
    (the file is then not created). Raises NotFound for a client the actor may not see,
    ValidationError when no client's form can be printed. Audits the printing."""
    kind = FormKind(kind)
    control = control or NullControl()
    on = on or today()
    path = Path(path)
    office = get_office(db)
    letterhead = Letterhead(office.province_name, office.county_name, office.name, on,
                            actor.full_name or actor.username)
    seals = SealMaker(db)
    total = len(client_ids)
    handle, temporary = tempfile.mkstemp(prefix=".karsaz-", suffix=".pdf",
                                         dir=path.parent if str(path.parent) else None)
    os.close(handle)
    printed: list[ClientRecord] = []
    skipped: list[tuple[int, str]] = []
    why_not: list[tuple[str, str]] = []
    try:
        document = FormDocument(Path(temporary), kind.label, letterhead)
        for done, client_id in enumerate(client_ids):
            control.check_cancelled()
            client = get_client(db, actor, client_id)
            control.report(done, total, client.full_name)
            layout = _layout(kind, client, cases_of_client(db, actor, client_id))
            if isinstance(layout, str):
                skipped.append((client_id, tr(layout, name=client.full_name)))
                why_not.append((layout, client.full_name))
                continue
            document.add(layout, seals.seal(kind.value, client.uuid, on))
            printed.append(client)
        control.check_cancelled()
        if not printed:
            if len(why_not) == 1:
                template, name = why_not[0]
                raise ValidationError(template, field="kind", name=name)
            raise ValidationError(N_("None of the chosen clients has this form to print."),
                                  field="kind")
        control.report(total, total, tr("Writing the file…"))
        document.close()
        with db.transaction(actor) as session:
            for client in printed:
                record_event(session, "print", entity="client", entity_id=client.id,
                             entity_uuid=client.uuid, detail={"form": kind.value})
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return PrintResult(path, document.forms, document.pages, tuple(skipped))
