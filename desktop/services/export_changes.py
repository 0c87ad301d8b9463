"""Reading what a batch carries out of the database: the current state of every record changed in
a change-log range (many changes of one record collapse into its state now), tombstones for the
deleted, or everything for a full snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, and_, exists, func, select, text

from desktop.database import Database
from desktop.models.tracking import ChangeLogEntry, ChangeOp
from desktop.services.export_format import Entity, entities, tombstone
from desktop.services.export_package import Section

ROWS_AT_A_TIME = 5000


def settled_change_id(db: Database) -> int:
    """The highest change-log id below which no change can still appear.

    On PostgreSQL a writer takes its change-log id when it inserts, but commits later: a reader
    could see id 101 while 100 is still uncommitted, and a watermark at 101 would skip 100 for
    ever. SHARE mode waits for every open insert into the change log to finish and lets no new
    one start while the highest id is read, so every id up to it is committed (or never will
    be). SQLite has one writer at a time and gives a new row an id above every committed one."""
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE change_log IN SHARE MODE"))
        return connection.scalar(select(func.coalesce(func.max(ChangeLogEntry.id), 0))) or 0


def _rows(connection: Connection, entity: Entity, where: Any) -> Iterator[dict[str, Any]]:
    table = entity.model.__table__
    query = select(*entity.columns).where(where).order_by(table.c.id)
    result = connection.execution_options(yield_per=ROWS_AT_A_TIME).execute(query)
    to_json = entity.to_json
    for partition in result.partitions():
        for row in partition:
            yield to_json(row)


def _in_range(entity: str, after: int, through: int) -> Any:
    log = ChangeLogEntry.__table__
    return and_(log.c.entity == entity, log.c.id > after, log.c.id <= through)


def _changed(connection: Connection, entity: Entity, after: int,
             through: int) -> Iterator[dict[str, Any]]:
    log = ChangeLogEntry.__table__
    table = entity.model.__table__
    changed = select(log.c.entity_uuid).where(_in_range(entity.name, after, through))
    yield from _rows(connection, entity, table.c.uuid.in_(changed))
    # Deleted in the range and not here now (a uuid never comes back once deleted).
    gone = (select(log.c.entity_uuid, func.max(log.c.version))
            .where(_in_range(entity.name, after, through), log.c.op == ChangeOp.DELETE.value,
                   _gone_now(table))
            .group_by(log.c.entity_uuid).order_by(log.c.entity_uuid))
    for uuid, version in connection.execute(gone):
        yield tombstone(uuid, version)


def _gone_now(table: Any) -> Any:
    # NOT EXISTS, not NOT IN: both databases answer it from the unique index on uuid, where
    # PostgreSQL may scan the whole table per row for a NOT IN it cannot hash in memory.
    log = ChangeLogEntry.__table__
    return ~exists().where(table.c.uuid == log.c.entity_uuid)


def _everything(connection: Connection, entity: Entity,
                through: int) -> Iterator[dict[str, Any]]:
    log = ChangeLogEntry.__table__
    table = entity.model.__table__
    yield from _rows(connection, entity, table.c.id.is_not(None))
    gone = (select(log.c.entity_uuid, func.max(log.c.version))
            .where(log.c.entity == entity.name, log.c.id <= through,
                   log.c.op == ChangeOp.DELETE.value, _gone_now(table))
            .group_by(log.c.entity_uuid).order_by(log.c.entity_uuid))
    for uuid, version in connection.execute(gone):
        yield tombstone(uuid, version)


def changed_entities(connection: Connection, after: int, through: int) -> list[str]:
    log = ChangeLogEntry.__table__
    query = (select(log.c.entity).where(log.c.id > after, log.c.id <= through)
             .group_by(log.c.entity))
    return sorted(connection.scalars(query))


def sections(connection: Connection, *, after: int, through: int,
             full: bool) -> list[Section]:
    """The sections of a batch, read lazily on ``connection`` while the package is written.

    A record changed again after ``through`` goes out in its newer state, and again (same
    version) in the next batch: the receiver keeps a record only if its version is newer."""
    known = entities()
    if full:
        return [Section(name, _everything(connection, entity, through))
                for name, entity in known.items()]
    names = [name for name in changed_entities(connection, after, through) if name in known]
    return [Section(name, _changed(connection, known[name], after, through)) for name in names]
