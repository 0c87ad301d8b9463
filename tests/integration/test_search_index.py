"""`karsaz check` watches the client search index: present, and in step with the clients."""

from __future__ import annotations

from sqlalchemy import text

from desktop.services.integrity import run_checks
from tests.integration.conftest import Office


def _search_check(office: Office):
    return next(r for r in run_checks(office.db) if r.name == "نمایهٔ جست‌وجوی مددجویان")


def test_the_index_is_in_step_on_both_databases(office: Office) -> None:
    office.client()
    result = _search_check(office)
    assert result.ok, result.detail


def test_a_client_changed_behind_the_triggers_is_caught(sqlite_db, fixed_clock) -> None:
    from tests.integration.conftest import make_office

    office = make_office(sqlite_db)
    office.client()
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER client_search_update"))
        connection.execute(text("UPDATE client SET search_key = 'changed|by|hand'"))
    result = _search_check(office)
    assert not result.ok
    assert "client_search_update" in result.detail


def test_an_index_out_of_step_is_caught_even_with_its_triggers(sqlite_db, fixed_clock) -> None:
    from tests.integration.conftest import make_office

    office = make_office(sqlite_db)
    office.client()
    with sqlite_db.engine.begin() as connection:
        trigger = connection.execute(text(
            "SELECT sql FROM sqlite_master WHERE name = 'client_search_update'")).scalar()
        connection.execute(text("DROP TRIGGER client_search_update"))
        connection.execute(text("UPDATE client SET search_key = 'changed|by|hand'"))
        connection.execute(text(trigger))
    result = _search_check(office)
    assert not result.ok and result.detail == "نمایه با مددجویان هم‌خوان نیست"
