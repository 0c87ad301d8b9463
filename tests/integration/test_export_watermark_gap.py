"""On PostgreSQL a change can take its change-log id and commit after a later one: the highest
id a batch takes must never pass a change still being saved, or that change would fall below
the watermark and never be sent."""

from __future__ import annotations

import threading
import time

from sqlalchemy import insert, select

from desktop.clock import utcnow
from desktop.database import open_database
from desktop.models.tracking import ChangeLogEntry
from desktop.services.export_changes import settled_change_id


def _change(connection, uuid: str) -> int:
    connection.execute(insert(ChangeLogEntry).values(at=utcnow(), entity="client",
                                                     entity_uuid=uuid, version=1, op="insert"))
    return connection.scalar(select(ChangeLogEntry.id).where(
        ChangeLogEntry.entity_uuid == uuid))


def test_the_settled_id_waits_for_an_earlier_change_still_being_saved(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        slow = db.engine.connect()
        slow_transaction = slow.begin()
        earlier = _change(slow, "00000000-0000-4000-8000-000000000001")     # not committed
        with db.engine.begin() as fast:
            later = _change(fast, "00000000-0000-4000-8000-000000000002")   # committed
        assert earlier < later
        committed = threading.Event()
        seen: dict[str, object] = {}

        def read() -> None:
            seen["id"] = settled_change_id(db)
            seen["earlier committed"] = committed.is_set()

        reader = threading.Thread(target=read)
        reader.start()
        time.sleep(0.3)           # room for a reader that does not wait to answer too early
        committed.set()
        slow_transaction.commit()
        slow.close()
        reader.join(timeout=30)
        assert seen == {"id": later, "earlier committed": True}
    finally:
        db.dispose()
