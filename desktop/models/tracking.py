"""The audit trail and the export change log, and the one listener that fills both.

Every flush of an ORM session writes, on the same connection and so in the same transaction:
- one ``audit_entry`` per inserted, updated or deleted ``Record`` (who, when, what, before/after);
- one ``change_log`` row per change to an exported record (entity, uuid, version, operation).
New entities are covered by being ``Record`` subclasses; nothing else is needed. Bulk writes that
bypass the ORM go through :func:`record_bulk_insert` so the rule still holds.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Integer, String, event, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session
from sqlalchemy.orm.attributes import NO_VALUE

from desktop.actor import SYSTEM, Actor
from desktop.clock import utcnow
from desktop.models.base import Base, Record


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(Integer, default=None)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer, default=None)
    entity_uuid: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class ChangeOp(enum.StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class ChangeLogEntry(Base):
    """One change headquarters must receive; ``id`` is the export sequence number."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column()
    entity: Mapped[str] = mapped_column(String(64), index=True)
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(6))


ACTOR_KEY = "karsaz.actor"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return value.hex()
    return value


def _snapshot(obj: Record, *, previous: bool) -> dict[str, Any]:
    """Column values of ``obj``; with ``previous`` the values as loaded, before this flush."""
    state = inspect(obj)
    redacted = set(type(obj).__audit_redacted__)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in redacted:
            values[key] = "***"
            continue
        if previous:
            hist = state.attrs[key].history
            if hist.deleted:
                value = hist.deleted[0]
            elif hist.unchanged:
                value = hist.unchanged[0]
            elif hist.added:  # never loaded before: unchanged by this flush
                value = hist.added[0]
            else:
                value = state.attrs[key].loaded_value
                if value is NO_VALUE:
                    continue
        else:
            value = getattr(obj, key)
        values[key] = _plain(value)
    return values


def _changed_columns(obj: Record) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    redacted = set(type(obj).__audit_redacted__)
    changed: dict[str, tuple[Any, Any]] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.added or hist.deleted:
            before = hist.deleted[0] if hist.deleted else None
            after = hist.added[0] if hist.added else None
            if attr.key in redacted:
                before, after = ("***" if before is not None else None), "***"
            changed[attr.key] = (_plain(before), _plain(after))
    return changed


def actor_of(session: Session) -> Actor:
    return session.info.get(ACTOR_KEY, SYSTEM)


class _Pending:
    """What ``before_flush`` saw, completed in ``after_flush`` once ids and versions exist."""

    def __init__(self) -> None:
        self.inserted: list[Record] = []
        self.updated: list[tuple[Record, dict[str, Any], dict[str, Any]]] = []
        # by id(): an orphan's DELETE found inside the flush is looked up here, not scanned for
        self.deleted: dict[int, tuple[Record, dict[str, Any]]] = {}


_PENDING_KEY = "karsaz.pending_tracking"


@event.listens_for(Session, "before_flush")
def _collect(session: Session, flush_context: Any, instances: Any) -> None:
    pending = _Pending()
    for obj in session.new:
        if isinstance(obj, Record):
            pending.inserted.append(obj)
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            changes = _changed_columns(obj)
            changes.pop("updated_at", None)
            changes.pop("version", None)
            if changes:
                before = {k: v[0] for k, v in changes.items()}
                after = {k: v[1] for k, v in changes.items()}
                pending.updated.append((obj, before, after))
    for obj in session.deleted:
        if isinstance(obj, Record):
            pending.deleted[id(obj)] = (obj, _snapshot(obj, previous=True))
    session.info[_PENDING_KEY] = pending


@event.listens_for(Record, "before_delete", propagate=True)
def _collect_orphan(mapper: Any, connection: Any, obj: Record) -> None:
    # An object removed from a delete-orphan collection (a client's target group taken off
    # the list) is found to be an orphan only inside the flush, after before_flush has looked
    # at session.deleted: it is caught here, as its DELETE is about to run.
    session = object_session(obj)
    pending: _Pending | None = session.info.get(_PENDING_KEY) if session else None
    if pending is None or id(obj) in pending.deleted:
        return
    pending.deleted[id(obj)] = (obj, _snapshot(obj, previous=True))


@event.listens_for(Session, "after_flush")
def _write(session: Session, flush_context: Any) -> None:
    pending: _Pending | None = session.info.pop(_PENDING_KEY, None)
    if pending is None:
        return
    actor = actor_of(session)
    at = utcnow()
    audit_rows: list[dict[str, Any]] = []
    change_rows: list[dict[str, Any]] = []

    def add(obj: Record, action: ChangeOp, before: Any, after: Any, version: int) -> None:
        entity = type(obj).__tablename__
        audit_rows.append(
            dict(at=at, user_id=actor.user_id, username=actor.username, action=action.value,
                 entity=entity, entity_id=obj.id, entity_uuid=obj.uuid, before=before,
                 after=after)
        )
        if type(obj).__exported__:
            change_rows.append(
                dict(at=at, entity=entity, entity_uuid=obj.uuid, version=version,
                     op=action.value)
            )

    for obj in pending.inserted:
        add(obj, ChangeOp.INSERT, None, _snapshot(obj, previous=False), obj.version)
    for obj, before, after in pending.updated:
        add(obj, ChangeOp.UPDATE, before, after, obj.version)
    for obj, before in pending.deleted.values():
        add(obj, ChangeOp.DELETE, before, None, int(before.get("version") or 0) + 1)
    connection = session.connection()
    if audit_rows:
        connection.execute(insert(AuditEntry), audit_rows)
    if change_rows:
        connection.execute(insert(ChangeLogEntry), change_rows)


def record_event(session: Session, action: str, *, entity: str = "", entity_id: int | None = None,
                 entity_uuid: str | None = None, detail: Mapping[str, Any] | None = None) -> None:
    """Audit something that is not a row change (sign-in, failed sign-in, export, backup)."""
    actor = actor_of(session)
    session.connection().execute(
        insert(AuditEntry),
        [dict(at=utcnow(), user_id=actor.user_id, username=actor.username, action=action,
              entity=entity, entity_id=entity_id, entity_uuid=entity_uuid, before=None,
              after=dict(detail) if detail else None)],
    )


def record_bulk_insert(session: Session, model: type[Record], rows: Sequence[dict[str, Any]],
                       *, audit_detail: Mapping[str, Any] | None = None) -> int:
    """Insert many rows of ``model`` without the ORM, with their change-log entries and one audit
    entry for the whole batch, in the caller's transaction. Rows are completed with uuid,
    timestamps and version 1 (unless they give their own). Returns how many rows were written."""
    from desktop.ids import new_uuids
    from desktop.models.bulk import insert_many

    if not rows:
        return 0
    at = utcnow()
    given = rows[0]
    uuids = [row["uuid"] for row in rows] if "uuid" in given else new_uuids(len(rows))
    stamps = {key: value for key, value in
              (("created_at", at), ("updated_at", at), ("version", 1)) if key not in given}
    connection = session.connection()
    insert_many(connection, model.__table__, rows, stamps,
                columns=None if "uuid" in given else {"uuid": uuids})
    entity = model.__tablename__
    if model.__exported__:
        changes = {"entity_uuid": uuids}
        constants: dict[str, Any] = {"at": at, "entity": entity, "op": ChangeOp.INSERT.value}
        if "version" in given:
            changes["version"] = [row["version"] for row in rows]
        else:
            constants["version"] = 1
        insert_many(connection, ChangeLogEntry.__table__, [{}] * len(rows), constants,
                    columns=changes)
    record_event(session, "bulk_insert", entity=entity,
                 detail={"count": len(rows), **dict(audit_detail or {})})
    return len(rows)


def exported_entities() -> Iterable[type[Record]]:
    """Every mapped ``Record`` class whose changes go to headquarters."""
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Record) and cls.__exported__:
            yield cls


def record_bulk_delete(session: Session, model: type[Record], *where: Any,
                       audit_detail: Mapping[str, Any] | None = None) -> int:
    """Delete the rows of ``model`` matching ``where`` without the ORM, with a change-log entry
    per row (for an exported model) and one audit entry for the batch, in the caller's
    transaction. Returns how many rows went."""
    from sqlalchemy import delete, select

    table = model.__table__
    connection = session.connection()
    gone = connection.execute(select(table.c.uuid, table.c.version).where(*where)).all()
    if not gone:
        return 0
    connection.execute(delete(table).where(*where))
    entity = model.__tablename__
    if model.__exported__:
        at = utcnow()
        connection.execute(insert(ChangeLogEntry), [
            dict(at=at, entity=entity, entity_uuid=uuid, version=version + 1,
                 op=ChangeOp.DELETE.value) for uuid, version in gone])
    record_event(session, "bulk_delete", entity=entity,
                 detail={"count": len(gone), **dict(audit_detail or {})})
    return len(gone)
