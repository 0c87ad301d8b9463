"""One export run: take the lock, send the pending batch (or make one), until nothing is left.

This is what ``karsaz export run``, the Windows Task Scheduler and the in-app timer call.
"""

from __future__ import annotations

import dataclasses
import enum

from desktop.clock import utcnow
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import SYSTEM, Actor
from desktop.roles import Permission, require
from desktop.services import export_batches as batches
from desktop.services.export_batches import record_success
from desktop.services.export_keys import office_folder
from desktop.services.export_lock import export_lock
from desktop.services.export_schedule import export_due, get_schedule, record_attempt
from desktop.services.export_transport import DeliveryError, Transport, transport_for

MAX_BATCHES_PER_RUN = 50


class RunStatus(enum.StrEnum):
    SENT = "sent"              # every batch made so far is acknowledged
    NOTHING = "nothing"        # nothing changed since the last acknowledged batch
    NOT_DUE = "not_due"        # --if-due, and no scheduled run has been missed
    FAILED = "failed"          # a delivery failed; the batch waits for the next run


@dataclasses.dataclass(frozen=True)
class RunOutcome:
    status: RunStatus
    batches: tuple[batches.BatchInfo, ...]     # the batches this run dealt with, in order
    message: str                               # Persian, for the user or the log


def run_export(db: Database, *, target: str | None = None, full: bool = False,
               if_due: bool = False, actor: Actor = SYSTEM,
               transport: Transport | None = None) -> RunOutcome:
    """Deliver every change since the watermark to ``target`` (a folder or a URL; by default
    the schedule's). Raises ``ExportBusyError`` while another run holds the office's lock."""
    require(actor, Permission.EXPORT)
    with export_lock(office_folder(db)):
        if if_due and not full and not export_due(db):
            return RunOutcome(RunStatus.NOT_DUE, (), tr("No export is due."))
        if transport is None:
            transport = transport_for(_target(db, target))
        return _deliver_all(db, transport, full=full, actor=actor)


def _target(db: Database, target: str | None) -> str:
    if target:
        return target
    schedule = get_schedule(db)
    if schedule is None or not schedule.target:
        raise KarsazError("Give --to FOLDER or URL, or set where exports go in the schedule.")
    return schedule.target


def _deliver_all(db: Database, transport: Transport, *, full: bool,
                 actor: Actor) -> RunOutcome:
    handled: list[batches.BatchInfo] = []
    with db.transaction(actor) as session:
        record_attempt(session)
    for _ in range(MAX_BATCHES_PER_RUN):
        batch = batches.next_batch(db, full=full and not handled, actor=actor)
        if batch is None:
            break
        try:
            batches.mark_sent(db, batch.id, transport.target)
            acknowledgement = transport.deliver(batch)
        except DeliveryError as exc:
            batches.mark_failed(db, batch.id, transport.target, exc.message)
            handled.append(batches.get_batch(db, batch.id))
            return RunOutcome(RunStatus.FAILED, tuple(handled), exc.message)
        if (acknowledgement.batch_uuid, acknowledgement.sha256) != (batch.uuid, batch.sha256):
            message = tr("The receiver acknowledged another package.")
            batches.mark_failed(db, batch.id, transport.target, message)
            handled.append(batches.get_batch(db, batch.id))
            return RunOutcome(RunStatus.FAILED, tuple(handled), message)
        batches.mark_acknowledged(db, batch.id, transport.target, actor=actor)
        handled.append(batches.get_batch(db, batch.id))
    with db.transaction(actor) as session:
        record_success(session, utcnow())
    if not handled:
        return RunOutcome(RunStatus.NOTHING, (), tr("Nothing has changed since the last export."))
    return RunOutcome(RunStatus.SENT, tuple(handled),
                      tr("{count} batches delivered and acknowledged.", count=len(handled)))
