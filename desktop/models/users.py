"""People who sign in to Karsaz and what they may do."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Record
from desktop.roles import Role

__all__ = ["Role", "User"]


class User(Base, Record):
    __tablename__ = "app_user"
    __exported__ = False
    __audit_redacted__ = ("password_hash",)
    __table_args__ = (
        CheckConstraint(
            "role in ('admin', 'expert', 'facilitator', 'viewer')", name="role_known"
        ),
        CheckConstraint("failed_logins >= 0", name="failed_logins_nonnegative"),
    )

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(default=None)
