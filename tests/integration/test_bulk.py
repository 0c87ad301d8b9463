"""Bulk writes below the ORM: values stored as the ORM would store them, ids reserved safely,
and the client search index set aside and rebuilt without ever being lost."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.models.bulk import reserve_ids
from desktop.models.cases import CaseEvent, EmploymentCase
from desktop.models.people import Client, client_search_index_deferred, client_search_key
from desktop.models.tracking import ChangeLogEntry, record_bulk_insert
from desktop.services.client_search import ClientFilter, count_clients
from desktop.services.integrity import run_checks
from tests.integration.conftest import Office

COUNT = 1500  # above the size from which PostgreSQL is fed through COPY


def _rows(office: Office, ids: list[int]) -> list[dict]:
    rows = []
    for number, client_id in enumerate(ids):
        code = office.national_code()
        first, last = ("فاطمه", "کاظمی") if number % 2 else ("رضا", "بهرامی")
        rows.append({
            "id": client_id, "national_code": code, "first_name": first, "last_name": last,
            "father_name": "علی", "birth_date": dt.date(1980, 1, 1) + dt.timedelta(days=number),
            "gender": "female" if number % 2 else "male", "county_code": "0707",
            "urban": number % 3 == 0, "mobile": None if number % 5 else "09171234567",
            "search_key": client_search_key(first, last, "علی", code, None),
        })
    return rows


def test_rows_read_back_as_the_orm_writes_them(office: Office) -> None:
    with office.db.transaction(office.expert) as session:
        ids = reserve_ids(session, Client, COUNT)
        assert record_bulk_insert(session, Client, _rows(office, ids)) == COUNT
    with office.db.reading() as session:
        stored = session.scalars(select(Client).where(Client.id.in_(ids)).order_by(Client.id))
        stored = list(stored)
        logged = session.scalar(select(func.count()).select_from(ChangeLogEntry).where(
            ChangeLogEntry.entity == "client", ChangeLogEntry.op == "insert"))
    assert [c.id for c in stored] == ids
    third = stored[3]
    assert third.birth_date == dt.date(1980, 1, 4) and third.gender == "female"
    assert third.urban is True and stored[1].urban is False
    assert third.mobile is None and stored[5].mobile == "09171234567"
    # Columns the rows leave out get their defaults; the record columns are filled in.
    assert third.address == "" and third.hard_to_employ is False and third.version == 1
    assert third.created_at.tzinfo is not None and len(third.uuid) == 36
    assert len({c.uuid for c in stored}) == COUNT
    assert logged >= COUNT


def test_reserved_ids_leave_the_next_ordinary_insert_free(office: Office) -> None:
    before = office.client()
    with office.db.transaction(office.expert) as session:
        ids = reserve_ids(session, Client, COUNT)
        record_bulk_insert(session, Client, _rows(office, ids))
    assert min(ids) > before.id
    after = office.client()  # through the ORM: the sequence (PostgreSQL) moved past the ids
    assert after.id > max(ids)


def test_bulk_clients_are_found_and_the_index_stays_whole(office: Office) -> None:
    with office.db.transaction(office.expert) as session, client_search_index_deferred(session):
        record_bulk_insert(session, Client, _rows(office, reserve_ids(session, Client, COUNT)))
    office.client(first_name="سمانه", last_name="کاظمی")  # the trigger is back
    assert count_clients(office.db, office.expert, ClientFilter(text="کاظمی")) == COUNT // 2 + 1
    assert count_clients(office.db, office.expert, ClientFilter(text="سمانه")) == 1
    assert all(result.ok for result in run_checks(office.db)), run_checks(office.db)


def test_a_failed_bulk_load_leaves_the_index_and_its_trigger(sqlite_db: Database,
                                                              fixed_clock) -> None:
    from tests.integration.conftest import make_office

    office = make_office(sqlite_db)
    office.client(first_name="نرگس", last_name="صالحی")
    with pytest.raises(RuntimeError), office.db.transaction(office.expert) as session, \
            client_search_index_deferred(session):
        record_bulk_insert(session, Client, _rows(office, reserve_ids(session, Client, 10)))
        raise RuntimeError("the load failed half way")
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 1
    office.client(first_name="سمانه", last_name="صالحی")
    assert count_clients(office.db, office.expert, ClientFilter(text="صالحی")) == 2
    assert all(result.ok for result in run_checks(office.db))


def test_the_index_set_aside_first_in_a_transaction_comes_back_on_failure(
        sqlite_db: Database, fixed_clock) -> None:
    # Python's sqlite3 opens a transaction only before a data change: the trigger must not be
    # dropped outside one, where it would be gone for good.
    from tests.integration.conftest import make_office

    office = make_office(sqlite_db)
    with pytest.raises(RuntimeError), office.db.transaction(office.expert) as session, \
            client_search_index_deferred(session):
        raise RuntimeError("nothing written")
    assert all(result.ok for result in run_checks(office.db))


def test_events_keep_their_history_rule_in_bulk(office: Office) -> None:
    client = office.client()
    with office.db.transaction(office.expert) as session:
        [case_id] = reserve_ids(session, EmploymentCase, 1)
        record_bulk_insert(session, EmploymentCase, [{
            "id": case_id, "client_id": client.id, "opened_on": dt.date(2024, 5, 1),
            "referral_source": "self", "stage": "referral", "stage_on": dt.date(2024, 5, 1),
            "status": "open"}])
        record_bulk_insert(session, CaseEvent, [{
            "case_id": case_id, "on_date": dt.date(2024, 5, 1), "kind": "opened",
            "stage": "referral", "from_stage": None, "note": "", "user_id": None,
            "username": "system"}])
    with office.db.reading() as session:
        event = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).one()
    assert event.on_date == dt.date(2024, 5, 1) and event.version == 1
