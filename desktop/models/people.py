"""Clients (مددجو): the people the office serves, and the target groups each belongs to."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, relationship

from desktop.domain.people import DisabilitySeverity, DisabilityType, Education, TargetGroup
from desktop.models import name_order
from desktop.models.base import Base, Record

# The triggers that keep SQLite's FTS5 search index in step with the clients (migration 0006).
SEARCH_TRIGGERS = ("client_search_insert", "client_search_update", "client_search_delete")
# Sort keys are compared byte for byte (see desktop.fa.collate); PostgreSQL needs to be told,
# or a server created with a Persian or English locale would reorder them.
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


class Client(Base, Record):
    """A client's identity. Text is stored as typed (lightly cleaned); ``search_key`` holds the
    normalised names, codes, phone and file number that all searching compares against, and
    ``sort_name`` the name in Persian alphabetical order."""

    __tablename__ = "client"
    # Derived from the names for searching and sorting on this machine; headquarters gets the
    # names themselves.
    __export_excluded__ = ("search_key", "sort_name", "name_rank")
    __table_args__ = (
        CheckConstraint("length(national_code) = 10", name="national_code_len"),
        CheckConstraint("gender in ('female', 'male')", name="gender_known"),
        CheckConstraint(
            f"disability_type is null or disability_type in ({DisabilityType.sql_in()})",
            name="disability_type_known"),
        CheckConstraint(
            f"disability_severity is null or disability_severity in "
            f"({DisabilitySeverity.sql_in()})", name="disability_severity_known"),
        CheckConstraint(f"education is null or education in ({Education.sql_in()})",
                        name="education_known"),
        CheckConstraint("household_size is null or household_size between 1 and 30",
                        name="household_size_range"),
        CheckConstraint("dependants is null or dependants between 0 and 30",
                        name="dependants_range"),
        Index("ix_client_sort_name", "sort_name", "id"),
        Index("uq_client_name_rank", "name_rank", unique=True),
        # PostgreSQL finds a common search's first window by walking the name order and
        # testing each entry's key without reading a client (services/client_search.py).
        Index("ix_client_sort_search", "sort_name", "id", "search_key").ddl_if(
            dialect="postgresql"),
        Index("ix_client_birth_date", "birth_date", "id"),
        Index("ix_client_county_sort", "county_code", "sort_name", "id"),
    )

    national_code: Mapped[str] = mapped_column(String(10), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    father_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(default=None)
    gender: Mapped[str] = mapped_column(String(6))
    mobile: Mapped[str | None] = mapped_column(String(11), default=None)
    county_code: Mapped[str] = mapped_column(String(4), index=True)
    urban: Mapped[bool] = mapped_column(default=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str | None] = mapped_column(String(10), default=None)
    sheba: Mapped[str | None] = mapped_column(String(26), default=None)
    disability_type: Mapped[str | None] = mapped_column(String(20), default=None)
    disability_severity: Mapped[str | None] = mapped_column(String(12), default=None)
    hard_to_employ: Mapped[bool] = mapped_column(Boolean, default=False)   # «سخت‌اشتغال»
    education: Mapped[str | None] = mapped_column(String(20), default=None)
    student: Mapped[bool] = mapped_column(Boolean, default=False)         # «دانشجو»
    household_size: Mapped[int | None] = mapped_column(Integer, default=None)
    dependants: Mapped[int | None] = mapped_column(Integer, default=None)
    file_number: Mapped[str] = mapped_column(String(30), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    registered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), default=None, index=True)
    search_key: Mapped[str] = mapped_column(String(400), default="")
    sort_name: Mapped[str] = mapped_column(SortKey, default="")
    # The place in name order the search index is keyed by (desktop/models/name_order.py);
    # SQLite only, never exported.
    name_rank: Mapped[int | None] = mapped_column(BigInteger, default=None)

    target_groups: Mapped[list[ClientTargetGroup]] = relationship(
        back_populates="client", cascade="all, delete-orphan", lazy="selectin",
        order_by="ClientTargetGroup.target_group")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr receives the class
        # One INSERT at a time, each right after its before_insert hook: a client's name rank
        # is placed among the clients already written, including those of the same flush.
        return {"version_id_col": cls.__table__.c.version, "batch": False}


class ClientTargetGroup(Base, Record):
    """One target group a client belongs to (several may apply)."""

    __tablename__ = "client_target_group"
    __table_args__ = (
        UniqueConstraint("client_id", "target_group", name="uq_client_target_group_pair"),
        CheckConstraint(f"target_group in ({TargetGroup.sql_in()})", name="target_group_known"),
        Index("ix_client_target_group_group", "target_group", "client_id"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    target_group: Mapped[str] = mapped_column(String(30))
    client: Mapped[Client] = relationship(back_populates="target_groups")


def client_search_key(first_name: str, last_name: str, father_name: str, national_code: str,
                      mobile: str | None, file_number: str = "") -> str:
    """The one string every client search compares against (see desktop.fa.normalize)."""
    from desktop.fa.normalize import search_key

    # A separator the key never holds keeps fields apart, so a fragment matches inside one
    # field or across the seam of first and last name only (how people say a name).
    names = search_key(f"{first_name} {last_name}")
    rest = [search_key(part) for part in (father_name, national_code, mobile or "", file_number)]
    return "|".join([names, *rest])


def client_sort_name(first_name: str, last_name: str, father_name: str) -> str:
    from desktop.fa.collate import name_sort_key

    return name_sort_key(last_name, first_name, father_name)


@event.listens_for(Client, "before_insert")
@event.listens_for(Client, "before_update")
def _refresh_keys(_mapper: object, connection: Connection, client: Client) -> None:
    # Column defaults are applied after this hook: an attribute never set is still None here.
    father, file_number = client.father_name or "", client.file_number or ""
    client.search_key = client_search_key(
        client.first_name, client.last_name, father, client.national_code, client.mobile,
        file_number)
    sort_name = client_sort_name(client.first_name, client.last_name, father)
    if sort_name != client.sort_name or client.name_rank is None:
        client.name_rank = name_order.place(connection, sort_name, client.id)
    client.sort_name = sort_name


@contextlib.contextmanager
def client_search_index_deferred(session: Session) -> Iterator[None]:
    """Inside: clients written in bulk skip SQLite's full-text search index and their name
    ranks; on the way out every client is ranked and the index rebuilt once — a tenth of the
    cost of keeping them row by row. Elsewhere, nothing.

    The triggers are set aside only in the caller's transaction (SQLite's schema changes are
    transactional): other connections never see them missing, and a failure rolls them back
    with the rows.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    triggers = [connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).scalar()
        for name in SEARCH_TRIGGERS]
    if None in triggers:
        yield
        return
    # Python's sqlite3 opens a transaction only before a data change, never before a schema
    # change: without one open, DROP TRIGGER would commit on its own at once.
    if not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("DELETE FROM client WHERE 0")
    for name in SEARCH_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    name_order.rank_every_client(connection)
    for sql in triggers:
        connection.exec_driver_sql(sql)
    connection.exec_driver_sql("INSERT INTO client_search(client_search) VALUES ('rebuild')")
