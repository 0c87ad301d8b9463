"""The office this installation belongs to, and its settings."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Record


class Office(Base, Record):
    """The county office (one row): its place in the reference list and its name."""

    __tablename__ = "office"
    __table_args__ = (
        CheckConstraint("length(province_code) = 2", name="province_code_len"),
        CheckConstraint("length(county_code) = 4", name="county_code_len"),
    )

    name: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(2))
    county_code: Mapped[str] = mapped_column(String(4))


class Setting(Base, Record):
    """A named office setting (schedule, last export, preferences); audited, not exported."""

    __tablename__ = "setting"
    __exported__ = False

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")
