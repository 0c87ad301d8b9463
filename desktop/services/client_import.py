"""Registering an office's old Excel list of clients (ورود مددجویان از اکسل).

Every row goes through the client form's own rules (``validated_client``) and the checks
``create_client`` makes: a national code registered already is refused, and so is a person
with a similar name, the same birth date and the same father's name (most often the same person
under a mistyped code), since an import cannot stop to ask. Within the file the first copy of a
code wins and later copies are refused naming its row.

All rows are checked before anything is written, and the writing is one transaction: a
cancelled, failed or killed import leaves nothing behind. Rows are written in bulk
(``record_bulk_insert``: a change-log entry for each client, an audit entry for each batch) with
the search index rebuilt once at the end.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.actor import Actor
from desktop.database import Database
from desktop.errors import ValidationError
from desktop.fa.normalize import search_key
from desktop.i18n import tr
from desktop.models.bulk import reserve_ids
from desktop.models.office import Office
from desktop.models.people import (
    Client,
    ClientTargetGroup,
    client_search_index_deferred,
    client_search_key,
    client_sort_name,
)
from desktop.models.tracking import record_bulk_insert, record_event
from desktop.progress import NullControl, TaskControl
from desktop.roles import Permission, require
from desktop.services.client_import_headers import FIELD_BY_CODE, missing_fields
from desktop.services.client_import_read import Sheet
from desktop.services.client_import_rows import RowReader
from desktop.services.clients import names_alike, office_province

CHUNK = 5000  # rows between progress reports and cancellation checks


@dataclasses.dataclass(frozen=True)
class RejectedRow:
    excel_row: int                 # as the office sees it in Excel
    reasons: tuple[str, ...]       # in Persian, each naming its column
    cells: tuple[object, ...]      # the row as it was in the file


@dataclasses.dataclass(frozen=True)
class ImportResult:
    total: int
    valid: int                     # rows that pass every rule
    imported: int                  # rows written (0 in a dry run or a refused all-or-nothing)
    rejected: tuple[RejectedRow, ...]
    dry_run: bool
    all_or_nothing: bool

    @property
    def refused(self) -> bool:
        """All-or-nothing asked for, and some row was rejected: nothing was imported."""
        return self.all_or_nothing and bool(self.rejected)


def check_mapping(sheet: Sheet, mapping: Sequence[str | None]) -> None:
    """ValidationError unless ``mapping`` gives every required field once."""
    if len(mapping) != len(sheet.headers):
        raise ValidationError("Choose a field for each column of the file.", field="mapping")
    chosen = [code for code in mapping if code is not None]
    twice = sorted({code for code in chosen if chosen.count(code) > 1})
    if twice:
        raise ValidationError("Two columns are given the same field: {fields}.",
                              field="mapping",
                              fields="، ".join(FIELD_BY_CODE[c].label for c in twice))
    missing = missing_fields(list(mapping))
    if missing:
        raise ValidationError("No column gives {fields}; choose the column for each.",
                              field="mapping",
                              fields="، ".join(FIELD_BY_CODE[c].label for c in missing))


class _Registry:
    """The codes and the (birth date, father) name keys already taken, in the database and by
    the rows accepted so far."""

    def __init__(self, session: Session) -> None:
        self.codes: dict[str, int | None] = {}        # code → file row (None: in the database)
        # (birth date, father's name key, length of the name key) → (name key, code, file row)
        self.people: dict[tuple, list[tuple[str, str, int | None]]] = defaultdict(list)
        for code, first, last, father, born in session.execute(select(
                Client.national_code, Client.first_name, Client.last_name, Client.father_name,
                Client.birth_date)):
            self.codes[code] = None
            if born is not None:
                name = search_key(f"{first} {last}")
                self.people[(born, search_key(father), len(name))].append((name, code, None))

    def clash(self, values: dict, excel_row: int) -> str | None:
        code = str(values["national_code"])
        if code in self.codes:
            row = self.codes[code]
            if row is None:
                return tr("A client with this national code is registered already.")
            return tr("The same national code as row {row} of the file.", row=row)
        name = search_key(f"{values['first_name']} {values['last_name']}")
        born, father = values["birth_date"], search_key(str(values["father_name"]))
        nearby = (self.people.get((born, father, length), ())
                  for length in range(len(name) - 2, len(name) + 3))
        for other_name, other_code, row in itertools.chain.from_iterable(nearby):
            if names_alike(name, other_name):
                if row is None:
                    return tr("A client with a similar name, the same birth date and father's "
                              "name is registered already (national code {code}).",
                              code=other_code)
                return tr("A person with a similar name, the same birth date and father's name "
                          "is in row {row} of the file.", row=row)
        self.codes[code] = excel_row
        self.people[(born, father, len(name))].append((name, code, excel_row))
        return None


def _check(session: Session, sheet: Sheet, mapping: Sequence[str | None], control: TaskControl,
           total_steps: int) -> tuple[list[dict], list[RejectedRow]]:
    province = office_province(session)
    county = session.scalar(select(Office.county_code).order_by(Office.id).limit(1))
    reader = RowReader(mapping, province, str(county))
    registry = _Registry(session)
    valid: list[dict] = []
    rejected: list[RejectedRow] = []
    for index, (row, excel_row) in enumerate(zip(sheet.rows, sheet.excel_rows, strict=True)):
        if index % CHUNK == 0:
            control.check_cancelled()
            control.report(index, total_steps, tr("Checking the rows"))
        values, reasons = reader.read(row)
        if values is not None:
            clash = registry.clash(values, excel_row)
            if clash:
                reasons = [f"{FIELD_BY_CODE['national_code'].label}: {clash}"]
            else:
                valid.append(values)
                continue
        rejected.append(RejectedRow(excel_row, tuple(reasons), tuple(row)))
    return valid, rejected


def _write(session: Session, actor: Actor, valid: list[dict], source: str,
           control: TaskControl, done: int, total_steps: int) -> None:
    detail = {"source": "excel_import", "file": source}
    with client_search_index_deferred(session):
        for start in range(0, len(valid), CHUNK):
            control.check_cancelled()
            control.report(done + start, total_steps, tr("Registering the clients"))
            chunk = valid[start:start + CHUNK]
            ids = reserve_ids(session, Client, len(chunk))
            clients, groups = [], []
            for client_id, values in zip(ids, chunk, strict=True):
                row = dict(values)
                groups.extend({"client_id": client_id, "target_group": g}
                              for g in row.pop("target_groups"))
                row.update(id=client_id, registered_by_id=actor.user_id, name_rank=None,
                           search_key=client_search_key(
                               row["first_name"], row["last_name"], row["father_name"],
                               row["national_code"], row["mobile"], row["file_number"]),
                           sort_name=client_sort_name(row["first_name"], row["last_name"],
                                                      row["father_name"]))
                clients.append(row)
            record_bulk_insert(session, Client, clients, audit_detail=detail)
            record_bulk_insert(session, ClientTargetGroup, groups, audit_detail=detail)
        control.check_cancelled()


def import_clients(db: Database, actor: Actor, sheet: Sheet,
                   mapping: Sequence[str | None] | None = None, *, dry_run: bool = False,
                   all_or_nothing: bool = False, source: str = "",
                   control: TaskControl | None = None) -> ImportResult:
    """Check every row of ``sheet`` and, unless ``dry_run`` (or ``all_or_nothing`` with a row
    rejected), register the valid ones in one transaction. Cancelling writes nothing."""
    require(actor, Permission.EDIT_ANY_CASE)
    control = control or NullControl()
    mapping = list(sheet.mapping if mapping is None else mapping)
    check_mapping(sheet, mapping)
    total = len(sheet.rows)
    steps = total if dry_run else 2 * total
    if dry_run:
        with db.reading() as session:
            valid, rejected = _check(session, sheet, mapping, control, steps)
        return ImportResult(total, len(valid), 0, tuple(rejected), True, all_or_nothing)
    with db.transaction(actor) as session:
        valid, rejected = _check(session, sheet, mapping, control, steps)
        imported = 0
        if valid and not (all_or_nothing and rejected):
            _write(session, actor, valid, source, control, total, steps)
            imported = len(valid)
        record_event(session, "clients_imported", entity="client",
                     detail={"file": source, "rows": total, "imported": imported,
                             "rejected": len(rejected), "all_or_nothing": all_or_nothing})
    control.report(steps, steps, tr("Done"))
    return ImportResult(total, len(valid), imported, tuple(rejected), False, all_or_nothing)


def import_file(db: Database, actor: Actor, path: Path, **options: object) -> ImportResult:
    """Read ``path`` and import it with its headers matched automatically."""
    from desktop.services.client_import_read import read_sheet

    path = Path(path)
    return import_clients(db, actor, read_sheet(path), source=path.name,
                          **options)  # type: ignore[arg-type]
