"""Printing a women's group's documents — its profile and its member list — as a PDF, for the
group's screen and the command line. The file is written beside its target and renamed, never
left half-written; the printing is audited."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from pathlib import Path

from desktop.actor import Actor
from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import WomenGroupForm
from desktop.models.tracking import record_event
from desktop.reports.document import FormDocument, Letterhead
from desktop.reports.forms.women_members import women_members_form
from desktop.reports.forms.women_profile import women_profile_form
from desktop.services.form_seal import SealMaker
from desktop.services.office import get_office
from desktop.services.printing import PrintResult
from desktop.services.women_overview import women_group_summary


def print_women_group(db: Database, actor: Actor, group_id: int, kind: WomenGroupForm | str,
                      path: Path, *, on: dt.date | None = None) -> PrintResult:
    """Writes the group's ``kind`` document, as of ``on`` (today), into the PDF at ``path``.
    Raises NotFound for a group the actor may not see or that is not a women's group."""
    kind = WomenGroupForm(kind)
    on = on or today()
    path = Path(path)
    summary = women_group_summary(db, actor, group_id, on)
    layout = (women_profile_form if kind == WomenGroupForm.PROFILE
              else women_members_form)(summary)
    office = get_office(db)
    letterhead = Letterhead(office.province_name, office.county_name, office.name, on,
                            actor.full_name or actor.username)
    seal = SealMaker(db).seal(kind.value, summary.group.uuid, on)
    handle, temporary = tempfile.mkstemp(prefix=".karsaz-", suffix=".pdf",
                                         dir=path.parent if str(path.parent) else None)
    os.close(handle)
    try:
        document = FormDocument(Path(temporary),
                                f"{kind.label} — {summary.group.name}", letterhead)
        document.add(layout, seal)
        document.close()
        with db.transaction(actor) as session:
            record_event(session, "print", entity="community_group",
                         entity_id=summary.group.id, entity_uuid=summary.group.uuid,
                         detail={"form": kind.value})
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return PrintResult(path, document.forms, document.pages)
