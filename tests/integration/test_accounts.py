"""Office set-up, signing in and user management, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.clock import FixedClock
from desktop.database import Database
from desktop.errors import AuthenticationError, ConflictError, PermissionDenied, ValidationError
from desktop.models import AuditEntry
from desktop.models.tracking import Actor
from desktop.services import auth, office, users

PASSWORD = "a-good-pass"


@pytest.fixture
def office_db(db: Database) -> Database:
    office.initialize_office(
        db, province_code="07", county_code="0707", office_name="اداره بهزیستی شیراز",
        admin_username="Admin", admin_full_name="مدیر  سامانه", admin_password=PASSWORD,
    )
    return db


def _admin(db: Database) -> Actor:
    return auth.sign_in(db, "admin", PASSWORD)


def test_office_is_set_up_once(office_db: Database) -> None:
    info = office.get_office(office_db)
    assert (info.province_name, info.county_name) == ("فارس", "شیراز")
    assert office.office_exists(office_db)
    with pytest.raises(ValidationError):
        office.initialize_office(
            office_db, province_code="07", county_code="0707", office_name="دوم",
            admin_username="other", admin_full_name="دیگری", admin_password=PASSWORD)


def test_setup_reports_every_bad_field_at_once(sqlite_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        office.initialize_office(
            sqlite_db, province_code="07", county_code="2301", office_name=" ",
            admin_username="1x", admin_full_name="", admin_password="short")
    assert set(caught.value.errors) == {
        "county_code", "office_name", "admin_username", "admin_full_name", "admin_password"}
    assert "استان" in caught.value.errors["county_code"]
    assert not office.office_exists(sqlite_db)


def test_sign_in_returns_the_actor_and_is_audited(office_db: Database) -> None:
    actor = _admin(office_db)
    assert (actor.username, actor.role, actor.full_name) == ("admin", "admin", "مدیر سامانه")
    with office_db.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "sign_in" in actions


def test_five_wrong_passwords_lock_for_five_minutes(office_db: Database,
                                                    fixed_clock: FixedClock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.sign_in(office_db, "admin", "wrong-password")
    with pytest.raises(AuthenticationError) as locked:
        auth.sign_in(office_db, "admin", "wrong-password")
    assert "۵" in locked.value.message and "قفل" in locked.value.message
    with pytest.raises(AuthenticationError) as still:  # even the right password is refused
        auth.sign_in(office_db, "admin", PASSWORD)
    assert "قفل" in still.value.message
    fixed_clock.advance(dt.timedelta(minutes=4, seconds=59))
    with pytest.raises(AuthenticationError):
        auth.sign_in(office_db, "admin", PASSWORD)
    fixed_clock.advance(dt.timedelta(seconds=2))
    assert auth.sign_in(office_db, "admin", PASSWORD).username == "admin"
    with office_db.reading() as session:
        failures = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "sign_in_failed")).all()
    assert len(failures) == 5


def test_unknown_user_is_refused_like_a_wrong_password(office_db: Database) -> None:
    with pytest.raises(AuthenticationError) as unknown:
        auth.sign_in(office_db, "nobody", PASSWORD)
    with pytest.raises(AuthenticationError) as wrong:
        auth.sign_in(office_db, "admin", "nope-nope")
    assert unknown.value.message == wrong.value.message


def test_admin_manages_users_and_others_cannot(office_db: Database) -> None:
    admin = _admin(office_db)
    made = users.create_user(office_db, admin, username="Zahra.A", full_name="زهرا احمدی",
                             role="facilitator", password="facil-pass")
    assert made.username == "zahra.a"
    facilitator = auth.sign_in(office_db, "zahra.a", "facil-pass")
    with pytest.raises(PermissionDenied):
        users.list_users(office_db, facilitator)
    with pytest.raises(PermissionDenied):
        users.create_user(office_db, facilitator, username="x1x", full_name="ایکس",
                          role="admin", password="whatever1")
    with pytest.raises(ValidationError) as taken:
        users.create_user(office_db, admin, username="zahra.a", full_name="دیگری",
                          role="viewer", password="another-pass")
    assert taken.value.field == "username"
    names = [u.username for u in users.list_users(office_db, admin)]
    assert names == ["admin", "zahra.a"]


def test_the_last_admin_cannot_be_demoted(office_db: Database) -> None:
    admin = _admin(office_db)
    me = users.list_users(office_db, admin)[0]
    with pytest.raises(ValidationError):
        users.update_user(office_db, admin, me.id, full_name=me.full_name, role="viewer",
                          active=True, version=me.version)


def test_stale_user_edit_is_a_conflict(office_db: Database) -> None:
    admin = _admin(office_db)
    user = users.create_user(office_db, admin, username="viewer1", full_name="ناظر",
                             role="viewer", password="viewer-pass")
    users.update_user(office_db, admin, user.id, full_name="ناظر یک", role="viewer",
                      active=True, version=user.version)
    with pytest.raises(ConflictError):
        users.update_user(office_db, admin, user.id, full_name="ناظر دو", role="viewer",
                          active=True, version=user.version)


def test_reset_and_unlock(office_db: Database, fixed_clock: FixedClock) -> None:
    admin = _admin(office_db)
    user = users.create_user(office_db, admin, username="expert1", full_name="کارشناس",
                             role="expert", password="expert-pass")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.sign_in(office_db, "expert1", "bad-password")
    users.unlock_user(office_db, admin, user.id)
    assert auth.sign_in(office_db, "expert1", "expert-pass").role == "expert"
    users.reset_password(office_db, admin, user.id, "brand-new-pass")
    with pytest.raises(AuthenticationError):
        auth.sign_in(office_db, "expert1", "expert-pass")
    expert = auth.sign_in(office_db, "expert1", "brand-new-pass")
    with pytest.raises(ValidationError) as wrong_old:
        users.change_own_password(office_db, expert, "not-it-at-all", "another-pass")
    assert wrong_old.value.field == "old_password"
    users.change_own_password(office_db, expert, "brand-new-pass", "another-pass")
    assert auth.sign_in(office_db, "expert1", "another-pass").username == "expert1"


def test_password_hash_is_argon2id(office_db: Database) -> None:
    from desktop.models import User

    with office_db.reading() as session:
        stored = session.scalars(select(User.password_hash)).first()
    assert stored.startswith("$argon2id$")
