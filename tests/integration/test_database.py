"""The data layer on SQLite and on a real PostgreSQL: audit, change log, locking, constraints."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop.database import Database, current_revision, head_revision
from desktop.errors import ConflictError
from desktop.models import AuditEntry, ChangeLogEntry, Client, Setting, User
from desktop.models.tracking import Actor, record_bulk_insert

EXPERT = Actor(user_id=7, username="expert", role="expert")


def _client(**overrides: object) -> Client:
    values = dict(national_code="0013542419", first_name="علی", last_name="رضایی",
                  father_name="حسن", gender="male", county_code="0707")
    values.update(overrides)
    return Client(**values)


def test_schema_is_at_head(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()


def test_every_write_is_audited_and_logged_in_its_transaction(db: Database) -> None:
    with db.transaction(EXPERT) as session:
        client = _client()
        session.add(client)
    with db.transaction(EXPERT) as session:
        session.get(Client, client.id).first_name = "علیرضا"
    with db.transaction(EXPERT) as session:
        session.delete(session.get(Client, client.id))
    with db.reading() as session:
        audit = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        log = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)).all()
    assert [(a.action, a.entity, a.username) for a in audit] == [
        ("insert", "client", "expert"), ("update", "client", "expert"),
        ("delete", "client", "expert"),
    ]
    assert audit[0].after["national_code"] == "0013542419"
    assert audit[1].before == {"first_name": "علی"}
    assert audit[1].after == {"first_name": "علیرضا"}
    assert audit[2].before["first_name"] == "علیرضا"
    assert [(c.op, c.version, c.entity_uuid) for c in log] == [
        ("insert", 1, client.uuid), ("update", 2, client.uuid), ("delete", 3, client.uuid),
    ]


def test_a_failed_action_leaves_no_audit_and_no_change_log(db: Database) -> None:
    with db.transaction(EXPERT) as session:
        session.add(_client())
    with pytest.raises(IntegrityError), db.transaction(EXPERT) as session:
        session.add(_client(national_code="0013542419", first_name="دیگری"))
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 1


def test_local_records_are_audited_but_not_exported(db: Database) -> None:
    with db.transaction(EXPERT) as session:
        session.add(Setting(key="export.schedule", value="daily"))
        session.add(User(username="u1", full_name="کاربر", role="viewer", password_hash="x"))
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 2
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0
        user_audit = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "app_user")).one()
    assert user_audit.after["password_hash"] == "***"


def test_second_writer_of_the_same_version_gets_a_conflict(db: Database) -> None:
    with db.transaction(EXPERT) as session:
        client = _client()
        session.add(client)
    first, second = db._sessions(), db._sessions()
    try:
        mine = first.get(Client, client.id)
        theirs = second.get(Client, client.id)
        mine.first_name = "اول"
        first.commit()
        theirs.first_name = "دوم"
        with pytest.raises(Exception) as caught:
            second.commit()
        assert "StaleDataError" in type(caught.value).__name__
    finally:
        first.close()
        second.close()
    with db.reading() as session:
        assert session.get(Client, client.id).first_name == "اول"


def test_conflict_inside_a_transaction_is_a_persian_conflict_error(db: Database) -> None:
    with db.transaction(EXPERT) as session:
        client = _client()
        session.add(client)
    with pytest.raises(ConflictError) as caught, db.transaction(EXPERT) as session:
        stale = session.get(Client, client.id)
        with db.transaction(EXPERT) as other:
            other.get(Client, client.id).last_name = "زودتر"
        stale.last_name = "دیرتر"
        session.flush()
    assert "ذخیره" in caught.value.message


def test_constraints_live_in_the_schema(db: Database) -> None:
    with pytest.raises(IntegrityError), db.transaction(EXPERT) as session:
        session.add(_client(national_code="123"))
    with pytest.raises(IntegrityError), db.transaction(EXPERT) as session:
        session.add(_client(gender="other"))


def test_bulk_insert_logs_every_row_and_audits_the_batch(db: Database) -> None:
    rows = [dict(national_code=f"{i:010d}", first_name="نام", last_name="خانوادگی",
                 father_name="", gender="female", county_code="0707", search_key="")
            for i in range(1, 251)]
    with db.transaction(EXPERT) as session:
        assert record_bulk_insert(session, Client, rows) == 250
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 250
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 250
        batch = session.scalars(select(AuditEntry)).one()
        uuids = set(session.scalars(select(Client.uuid)))
    assert batch.action == "bulk_insert" and batch.after == {"count": 250}
    assert len(uuids) == 250


def test_timestamps_are_utc_and_versions_count_up(db: Database, fixed_clock) -> None:
    with db.transaction(EXPERT) as session:
        client = _client()
        session.add(client)
    with db.transaction(EXPERT) as session:
        session.get(Client, client.id).mobile = "09121234567"
    with db.reading() as session:
        stored = session.get(Client, client.id)
    assert stored.created_at == fixed_clock.now()
    assert stored.version == 2
    assert len(stored.uuid) == 36
