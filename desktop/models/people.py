"""Clients (مددجو): the people the office serves, and the target groups each belongs to."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop.domain.people import DisabilitySeverity, DisabilityType, Education, TargetGroup
from desktop.models.base import Base, Record

# Sort keys are compared byte for byte (see desktop.fa.collate); PostgreSQL needs to be told,
# or a server created with a Persian or English locale would reorder them.
SEARCH_INSERT_TRIGGER = "client_search_insert"  # keeps SQLite's FTS5 index (migration 0002)
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


class Client(Base, Record):
    """A client's identity. Text is stored as typed (lightly cleaned); ``search_key`` holds the
    normalised names, codes, phone and file number that all searching compares against, and
    ``sort_name`` the name in Persian alphabetical order."""

    __tablename__ = "client"
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
        Index("ix_client_last_first", "last_name", "first_name"),
        # The name order carries the search key, so a search can walk it in order and test each
        # entry without reading a client; by id it gives a match's place in that order.
        Index("ix_client_sort_name", "sort_name", "id", "search_key"),
        Index("ix_client_id_sort", "id", "sort_name").ddl_if(dialect="sqlite"),
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

    target_groups: Mapped[list[ClientTargetGroup]] = relationship(
        back_populates="client", cascade="all, delete-orphan", lazy="selectin",
        order_by="ClientTargetGroup.target_group")


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
def _refresh_keys(_mapper: object, _connection: object, client: Client) -> None:
    # Column defaults are applied after this hook: an attribute never set is still None here.
    father, file_number = client.father_name or "", client.file_number or ""
    client.search_key = client_search_key(
        client.first_name, client.last_name, father, client.national_code, client.mobile,
        file_number)
    client.sort_name = client_sort_name(client.first_name, client.last_name, father)


@contextlib.contextmanager
def client_search_index_deferred(session: Session) -> Iterator[None]:
    """Inside: clients inserted in bulk skip SQLite's full-text search index, which is rebuilt
    once on the way out — a tenth of the cost of keeping it row by row. Elsewhere, nothing.

    Only the insert trigger is set aside, and only in the caller's transaction (SQLite's schema
    changes are transactional): other connections never see it missing, and a failure rolls it
    back with the rows. Updates and deletes keep the index in step throughout.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    trigger_sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (SEARCH_INSERT_TRIGGER,)).scalar()
    if trigger_sql is None:
        yield
        return
    # Python's sqlite3 opens a transaction only before a data change, never before a schema
    # change: without one open, DROP TRIGGER would commit on its own at once.
    if not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("DELETE FROM client WHERE 0")
    connection.exec_driver_sql(f"DROP TRIGGER {SEARCH_INSERT_TRIGGER}")
    yield
    connection.exec_driver_sql(trigger_sql)
    connection.exec_driver_sql("INSERT INTO client_search(client_search) VALUES ('rebuild')")
