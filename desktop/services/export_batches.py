"""Export batches: what to send next, and what became of each batch.

A batch takes every change after the watermark (the highest change-log id headquarters has
acknowledged). Its package is made once and kept: until it is acknowledged, the same file —
same batch id, same bytes — is what goes out again. Only an acknowledgement moves the watermark.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.clock import utcnow
from desktop.database import Database
from desktop.errors import KarsazError, NotFound
from desktop.i18n import tr
from desktop.ids import new_uuid
from desktop.models.export import ExportBatch
from desktop.models.office import Setting
from desktop.models.tracking import SYSTEM, Actor, record_event
from desktop.services.export_changes import sections, settled_change_id
from desktop.services.export_keys import (
    headquarters_key,
    load_or_make_signing_key,
    office_folder,
    private_key_path,
)
from desktop.services.export_package import BatchHeader, OfficeCodes, write_package
from desktop.services.export_schedule import LAST_EXPORT_KEY
from desktop.services.export_seal import seal
from desktop.services.office import get_office

PENDING = ("made", "sent", "failed")
EXPORTS_FOLDER = "exports"


class ExportError(KarsazError):
    """A batch cannot be made or delivered; the message says why, in Persian."""


@dataclasses.dataclass(frozen=True)
class BatchInfo:
    id: int                     # the sequence number
    uuid: str
    full: bool
    change_after: int
    change_through: int
    status: str
    reason: str
    records: int
    tombstones: int
    size: int
    sha256: str
    path: Path
    target: str
    attempts: int
    created_at: dt.datetime
    sent_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    failed_at: dt.datetime | None


def _info(row: ExportBatch) -> BatchInfo:
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(BatchInfo)}
    values["path"] = Path(row.path)
    return BatchInfo(**values)


def exports_folder(db: Database) -> Path:
    return office_folder(db) / EXPORTS_FOLDER


def watermark(db: Database) -> int:
    """The highest change-log id headquarters has acknowledged (0 before the first batch)."""
    with db.reading() as session:
        return session.scalar(select(func.coalesce(func.max(ExportBatch.change_through), 0))
                              .where(ExportBatch.status == "acknowledged")) or 0


def batch_history(db: Database, *, limit: int = 200) -> list[BatchInfo]:
    """The newest batches first."""
    with db.reading() as session:
        rows = session.scalars(select(ExportBatch).order_by(ExportBatch.id.desc()).limit(limit))
        return [_info(row) for row in rows]


def get_batch(db: Database, batch_id: int) -> BatchInfo:
    with db.reading() as session:
        row = session.get(ExportBatch, batch_id)
        if row is None:
            raise NotFound("There is no export batch {number}.", number=batch_id)
        return _info(row)


def pending_batch(db: Database) -> BatchInfo | None:
    """The oldest batch not yet acknowledged (made, sent or failed): the one to send next."""
    with db.reading() as session:
        row = session.scalars(select(ExportBatch).where(ExportBatch.status.in_(PENDING))
                              .order_by(ExportBatch.id)).first()
        return _info(row) if row is not None else None


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def package_intact(batch: BatchInfo) -> bool:
    """The kept file is still the one made (same size and SHA-256)."""
    try:
        return batch.path.stat().st_size == batch.size and _digest(batch.path) == batch.sha256
    except OSError:
        return False


def next_batch(db: Database, *, full: bool = False, actor: Actor = SYSTEM) -> BatchInfo | None:
    """The batch to send now: the pending one if there is one, else a new batch of every change
    since the watermark (``None`` when there is none). ``full`` makes a full snapshot instead,
    which replaces any batch still pending."""
    pending = pending_batch(db)
    while pending is not None and not full:
        if package_intact(pending):
            return pending
        # Deleted or damaged on disk: headquarters may never have had it, so its range is made
        # again in a new batch (records carry versions, a second copy changes nothing there).
        _supersede(db, pending.id, tr("The kept package file is missing or damaged."))
        pending = pending_batch(db)
    if full:
        for batch in _all_pending(db):
            _supersede(db, batch.id, tr("Replaced by a full snapshot."))
    return make_batch(db, full=full, actor=actor)


def _all_pending(db: Database) -> list[BatchInfo]:
    with db.reading() as session:
        rows = session.scalars(select(ExportBatch).where(ExportBatch.status.in_(PENDING)))
        return [_info(row) for row in rows]


def _supersede(db: Database, batch_id: int, reason: str) -> None:
    with db.transaction() as session:
        session.execute(update(ExportBatch).where(ExportBatch.id == batch_id)
                        .values(status="superseded", reason=reason))


def make_batch(db: Database, *, full: bool = False, actor: Actor = SYSTEM) -> BatchInfo | None:
    """Make and keep the package of every change since the watermark (or of everything)."""
    after = 0 if full else watermark(db)
    through = settled_change_id(db)
    if not full and through <= after:
        return None
    office = get_office(db)
    with db.reading() as session:
        sequence = (session.scalar(select(func.max(ExportBatch.id))) or 0) + 1
    key = load_or_make_signing_key(private_key_path(db))
    header = BatchHeader(
        uuid=new_uuid(), sequence=sequence, full=full, change_after=after,
        change_through=through, created_at=utcnow(),
        office=OfficeCodes(office.uuid, office.province_code, office.county_code, office.name))
    folder = exports_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(db, folder)
    recipient = headquarters_key(db)
    stem = f"karsaz-{office.county_code}-{sequence:06d}-{header.uuid[:8]}"
    final = folder / (f"{stem}.zip.sealed" if recipient else f"{stem}.zip")
    plain = folder / f"{stem}.zip.part"
    sealed = folder / f"{stem}.zip.sealed.part"
    try:
        with db.engine.connect() as connection:
            info = write_package(plain, header,
                                 sections(connection, after=after, through=through, full=full),
                                 key)
        if recipient is not None:
            seal(plain, sealed, recipient)
            plain.unlink()
            info = dataclasses.replace(info, sha256=_digest(sealed), size=sealed.stat().st_size)
            os.replace(sealed, final)
        else:
            _sync(plain)
            os.replace(plain, final)
    except OSError as exc:
        plain.unlink(missing_ok=True)
        sealed.unlink(missing_ok=True)
        raise ExportError("The export package could not be written: {reason}",
                          reason=exc.strerror or str(exc)) from exc
    with db.transaction(actor) as session:
        session.add(ExportBatch(
            id=sequence, uuid=header.uuid, full=full, change_after=after,
            change_through=through, status="made", records=info.records,
            tombstones=info.tombstones, size=info.size, sha256=info.sha256, path=str(final),
            created_at=header.created_at))
        record_event(session, "export_batch_made", entity="export_batch", entity_id=sequence,
                     entity_uuid=header.uuid,
                     detail={"full": full, "after": after, "through": through,
                             "records": info.records, "tombstones": info.tombstones})
    return get_batch(db, sequence)


def record_success(session: Session, at: dt.datetime) -> None:
    """Headquarters has everything up to now: the status bar's «last sent» and the schedule's
    reference point (desktop/services/export_schedule.py)."""
    setting = session.scalars(select(Setting).where(Setting.key == LAST_EXPORT_KEY)).first()
    if setting is None:
        session.add(Setting(key=LAST_EXPORT_KEY, value=at.isoformat()))
    else:
        setting.value = at.isoformat()


def _clear_leftovers(db: Database, folder: Path) -> None:
    """Remove what a run killed half-way left: a package being written, or one written but
    never recorded (its batch number is used again by the next batch)."""
    with db.reading() as session:
        kept = {Path(p).name for p in session.scalars(select(ExportBatch.path))}
    for path in folder.iterdir():
        package = path.name.endswith((".zip", ".zip.sealed"))
        if path.name.endswith(".part") or (package and path.name not in kept):
            path.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def mark_sent(db: Database, batch_id: int, target: str) -> None:
    with db.transaction() as session:
        session.execute(update(ExportBatch).where(ExportBatch.id == batch_id).values(
            status="sent", target=target, sent_at=utcnow(), reason="",
            attempts=ExportBatch.attempts + 1))


def mark_failed(db: Database, batch_id: int, target: str, reason: str) -> None:
    """A delivery failed; the batch stays the one to send next."""
    with db.transaction() as session:
        session.execute(update(ExportBatch).where(ExportBatch.id == batch_id).values(
            status="failed", target=target, failed_at=utcnow(), reason=reason))


def mark_acknowledged(db: Database, batch_id: int, target: str, *,
                      actor: Actor = SYSTEM) -> None:
    """The receiver has the batch: the watermark moves to its ``change_through``."""
    with db.transaction(actor) as session:
        row = session.get(ExportBatch, batch_id)
        if row is None:
            raise NotFound("There is no export batch {number}.", number=batch_id)
        row.status, row.target, row.reason = "acknowledged", target, ""
        row.acknowledged_at = utcnow()
        record_success(session, row.acknowledged_at)
        record_event(session, "export_batch_acknowledged", entity="export_batch",
                     entity_id=batch_id, entity_uuid=row.uuid,
                     detail={"through": row.change_through, "target": target})
