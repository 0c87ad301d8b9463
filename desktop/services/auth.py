"""Signing in: argon2id passwords; five failed attempts lock the account for five minutes."""

from __future__ import annotations

import datetime as dt
import functools
import math

from sqlalchemy import select

from desktop.clock import utcnow
from desktop.database import Database
from desktop.errors import AuthenticationError
from desktop.models.tracking import SYSTEM, Actor, record_event
from desktop.models.users import User
from desktop.services.office import normalize_username
from desktop.services.passwords import hash_password, needs_rehash, verify_password

MAX_FAILED_LOGINS = 5
LOCK_DURATION = dt.timedelta(minutes=5)


@functools.cache
def _dummy_hash() -> str:
    # A name that does not exist still costs one hash, so timing does not tell which names
    # exist. Made on first need: hashing at import would slow every start of the program.
    return hash_password("karsaz-timing-equaliser")


def actor_for(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=user.role,
                 full_name=user.full_name)


def sign_in(db: Database, username: str, password: str) -> Actor:
    """The signed-in actor, or AuthenticationError with a Persian reason.

    The failed attempt is committed before the error is raised: a lockout must survive the
    refusal that caused it.
    """
    name = normalize_username(username)
    now = utcnow()
    failure: AuthenticationError | None = None
    with db.transaction(SYSTEM) as session:
        user = session.scalars(select(User).where(User.username == name)).one_or_none()
        if user is None or not user.active:
            verify_password(_dummy_hash(), password)
            record_event(session, "sign_in_failed", entity="app_user",
                         detail={"username": name[:64]})
            failure = AuthenticationError("The user name or password is wrong.")
        elif user.locked_until is not None and user.locked_until > now:
            minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
            failure = AuthenticationError(
                "This account is locked after too many wrong passwords. "
                "Try again in {minutes} minutes.", minutes=minutes,
            )
        elif verify_password(user.password_hash, password):
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            session.flush()
            actor = actor_for(user)
            session.info["karsaz.actor"] = actor
            record_event(session, "sign_in", entity="app_user", entity_id=user.id,
                         entity_uuid=user.uuid)
            return actor
        else:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.failed_logins = 0
                user.locked_until = now + LOCK_DURATION
                failure = AuthenticationError(
                    "Too many wrong passwords: this account is locked for {minutes} minutes.",
                    minutes=int(LOCK_DURATION.total_seconds() // 60),
                )
            else:
                failure = AuthenticationError("The user name or password is wrong.")
            record_event(session, "sign_in_failed", entity="app_user", entity_id=user.id,
                         entity_uuid=user.uuid)
    raise failure
