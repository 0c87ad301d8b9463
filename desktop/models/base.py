"""Declarative base and the columns every record that leaves the office carries."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from desktop.clock import utcnow
from desktop.ids import new_uuid

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An instant, always UTC: SQLite keeps no zone, so it is stripped going in and restored."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


class Record:
    """Mixin for an entity with a stable UUID, timestamps and a row version.

    The row version is SQLAlchemy's ``version_id_col``: an UPDATE names the version it read, so a
    second writer who read the same version updates nothing and gets a conflict instead of
    silently overwriting the first (optimistic locking).

    Class attributes read by the audit and change-log listener:
    ``__exported__`` — changes go into the export change log (headquarters receives them);
    ``__audit_redacted__`` — columns whose values never go into the audit trail (nor into an
    export package);
    ``__export_excluded__`` — columns kept out of export packages (derived, machine-local).
    """

    __exported__: ClassVar[bool] = True
    __audit_redacted__: ClassVar[tuple[str, ...]] = ()
    __export_excluded__: ClassVar[tuple[str, ...]] = ()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr receives the class
        return {"version_id_col": cls.__table__.c.version}
