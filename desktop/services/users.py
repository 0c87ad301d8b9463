"""User management for the administrator."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.database import Database
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models.tracking import Actor
from desktop.models.users import Role, User
from desktop.services.office import check_full_name, check_username
from desktop.services.passwords import check_password_rule, hash_password, verify_password
from desktop.services.permissions import ROLE_LABELS, Permission, require

__all__ = [
    "ROLE_LABELS", "UserInfo", "change_own_password", "create_user", "list_users",
    "reset_password", "unlock_user", "update_user",
]


@dataclasses.dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    version: int


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, user.role, user.active,
                    user.locked_until, user.last_login_at, user.version)


def _check_role(role: str) -> str:
    if role not in set(Role):
        raise ValidationError("Choose a role from the list.", field="role")
    return role


def list_users(db: Database, actor: Actor) -> list[UserInfo]:
    require(actor, Permission.MANAGE_USERS)
    with db.reading() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def create_user(db: Database, actor: Actor, *, username: str, full_name: str, role: str,
                password: str) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    name = check_username(username)
    full = check_full_name(full_name)
    _check_role(role)
    check_password_rule(password)
    with db.transaction(actor) as session:
        if session.scalar(select(func.count()).where(User.username == name)):
            raise ValidationError("This user name is taken.", field="username")
        user = User(username=name, full_name=full, role=role,
                    password_hash=hash_password(password))
        session.add(user)
        session.flush()
        return _info(user)


def _load(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("This user no longer exists.")
    return user


def _remaining_admins(session: Session, excluding: int) -> int:
    return session.scalar(
        select(func.count()).where(User.role == Role.ADMIN, User.active.is_(True),
                                   User.id != excluding)
    )


def update_user(db: Database, actor: Actor, user_id: int, *, full_name: str, role: str,
                active: bool, version: int) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    full = check_full_name(full_name)
    _check_role(role)
    with db.transaction(actor) as session:
        user = _load(session, user_id)
        if user.version != version:
            raise ConflictError(
                "Someone else saved this record after you opened it. Nothing was overwritten; "
                "reopen it to see their changes."
            )
        losing_admin = user.role == Role.ADMIN and (role != Role.ADMIN or not active)
        if losing_admin and _remaining_admins(session, user.id) == 0:
            raise ValidationError("The office must keep at least one active administrator.",
                                  field="role")
        user.full_name, user.role, user.active = full, role, active
        session.flush()
        return _info(user)


def reset_password(db: Database, actor: Actor, user_id: int, new_password: str) -> None:
    require(actor, Permission.MANAGE_USERS)
    check_password_rule(new_password)
    with db.transaction(actor) as session:
        user = _load(session, user_id)
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None


def unlock_user(db: Database, actor: Actor, user_id: int) -> None:
    require(actor, Permission.MANAGE_USERS)
    with db.transaction(actor) as session:
        user = _load(session, user_id)
        user.failed_logins = 0
        user.locked_until = None


def change_own_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    check_password_rule(new_password, field="new_password")
    with db.transaction(actor) as session:
        user = _load(session, actor.user_id or 0)
        if not verify_password(user.password_hash, old_password):
            raise ValidationError("The current password is wrong.", field="old_password")
        user.password_hash = hash_password(new_password)
