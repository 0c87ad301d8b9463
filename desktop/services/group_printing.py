"""Printing a micro-finance group's documents into one PDF, for the screens and the command line:
members' passbooks, the meeting register, one meeting's minutes, the share-out sheet."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.actor import Actor
from desktop.clock import today
from desktop.database import Database
from desktop.domain.group_documents import GroupDocument
from desktop.errors import NotFound, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup, GroupCycle, GroupMember
from desktop.models.tracking import record_event
from desktop.progress import NullControl, TaskControl
from desktop.reports.document import FormDocument, Letterhead
from desktop.reports.forms.meeting_register import minutes_form, register_form
from desktop.reports.forms.passbook import passbook_form
from desktop.reports.forms.shareout_sheet import shareout_form
from desktop.reports.page import FormLayout
from desktop.services.form_seal import SealMaker
from desktop.services.group_access import require_group_visible
from desktop.services.group_documents import (
    cycle_members,
    passbook,
    register,
    shareout_sheet,
)
from desktop.services.group_ledger import read_books
from desktop.services.group_shareout import ShareoutPreview, preview_shareout
from desktop.services.groups import CycleRecord, get_group, group_record
from desktop.services.office import get_office
from desktop.services.printing import PrintResult


@dataclasses.dataclass(frozen=True)
class _Piece:
    """One document to draw, what its seal names, and what the audit says it was about."""

    layout: FormLayout
    record_uuid: str
    entity: str
    entity_id: int
    entity_uuid: str
    meeting: str = ""


def _cycle(cycles: tuple[CycleRecord, ...], current: CycleRecord,
           number: int | None) -> CycleRecord:
    if number is None:
        return current
    for cycle in cycles:
        if cycle.number == number:
            return cycle
    raise ValidationError("The group has no cycle {number}.", field="cycle", number=number)


def _pieces(session: Session, actor: Actor, group_id: int, kind: GroupDocument,
            cycle_id: int, on: dt.date, member_id: int | None, meeting_on: dt.date | None,
            preview: ShareoutPreview | None) -> list[_Piece]:
    group = require_group_visible(actor, session.get(CommunityGroup, group_id))
    record = group_record(session, actor, group)
    books = read_books(session, cycle_id, on)
    cycle = session.get(GroupCycle, cycle_id)
    if kind == GroupDocument.PASSBOOK:
        if member_id is None:
            members = cycle_members(books)
            if not members:
                raise ValidationError("The group has no members in this cycle.",
                                      field="member")
        else:
            member = session.get(GroupMember, member_id)
            if member is None or member.group_id != group.id:
                raise NotFound("This member does not exist.")
            members = [member]
        return [_Piece(passbook_form(passbook(session, record, books, m)), m.uuid,
                       "group_member", m.id, m.uuid) for m in members]
    if kind == GroupDocument.SHAREOUT:
        layout = shareout_form(shareout_sheet(session, record, books, preview))
        return [_Piece(layout, cycle.uuid, "community_group", group.id, group.uuid)]
    if kind == GroupDocument.MINUTES:
        if meeting_on is None:
            raise ValidationError("Choose the meeting whose minutes to print.", field="meeting")
        minutes = register(session, record, books, held_on=meeting_on)
        if not minutes.meetings:
            raise ValidationError("No meeting of this cycle was held on {day}.",
                                  field="meeting", day=format_jalali(meeting_on))
        return [_Piece(minutes_form(minutes), minutes.meetings[0].uuid, "community_group",
                       group.id, group.uuid, meeting_on.isoformat())]
    book = register(session, record, books)
    if not book.meetings:
        raise ValidationError("No meeting is recorded in this cycle yet.", field="kind")
    return [_Piece(register_form(book), cycle.uuid, "community_group", group.id, group.uuid)]


def print_group_document(db: Database, actor: Actor, group_id: int, kind: GroupDocument | str,
                         path: Path, control: TaskControl | None = None, *,
                         member_id: int | None = None, on: dt.date | None = None,
                         meeting_on: dt.date | None = None,
                         cycle_number: int | None = None) -> PrintResult:
    """Writes the group's ``kind`` document of its current cycle (or cycle ``cycle_number``),
    as the books stand on ``on`` (today), into one PDF at ``path``, written beside it and
    renamed: never half-written. A passbook is one member's (``member_id``), else every
    member's of the cycle, one after another; minutes are of the meeting held on
    ``meeting_on``; a share-out sheet of an open cycle is what would be paid, of a shared-out
    one what was. Anyone who sees the group may print it; the printing is audited. Reports
    progress per document and stops with ``Cancelled`` (no file made)."""
    kind = GroupDocument(kind)
    control = control or NullControl()
    on = on or today()
    path = Path(path)
    group = get_group(db, actor, group_id)      # refuses a group the actor may not see
    cycle = _cycle(group.cycles, group.cycle, cycle_number)
    preview = None
    if kind == GroupDocument.SHAREOUT and cycle.is_open:
        preview = preview_shareout(db, actor, group_id, on)
        if not preview.total_shares:
            raise ValidationError("No shares were bought in this cycle; there is nothing to "
                                  "share out.", field="kind")
    control.report(0, 1, tr("Reading the books…"))
    with db.reading() as session:
        pieces = _pieces(session, actor, group_id, kind, cycle.id, on, member_id, meeting_on,
                         preview)
    office = get_office(db)
    letterhead = Letterhead(office.province_name, office.county_name, office.name, on,
                            actor.full_name or actor.username)
    seals = SealMaker(db)
    handle, temporary = tempfile.mkstemp(prefix=".karsaz-", suffix=".pdf",
                                         dir=path.parent if str(path.parent) else None)
    os.close(handle)
    try:
        document = FormDocument(Path(temporary), kind.label, letterhead)
        for done, piece in enumerate(pieces):
            control.check_cancelled()
            control.report(done, len(pieces), kind.label)
            document.add(piece.layout, seals.seal(kind.value, piece.record_uuid, on))
        control.check_cancelled()
        control.report(len(pieces), len(pieces), tr("Writing the file…"))
        document.close()
        with db.transaction(actor) as session:
            for piece in pieces:
                detail = {"document": kind.value, "group": group.code, "cycle": cycle.number}
                if piece.meeting:
                    detail["meeting"] = piece.meeting
                record_event(session, "print", entity=piece.entity, entity_id=piece.entity_id,
                             entity_uuid=piece.entity_uuid, detail=detail)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return PrintResult(path, document.forms, document.pages)

