"""Clients (مددجو): the people the office serves."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Record


class Client(Base, Record):
    """A client's identity. Text is stored as typed (lightly cleaned); ``search_key`` holds the
    normalised form of names, codes and phone that all searching compares against."""

    __tablename__ = "client"
    __table_args__ = (
        CheckConstraint("length(national_code) = 10", name="national_code_len"),
        CheckConstraint("gender in ('female', 'male')", name="gender_known"),
        Index("ix_client_last_first", "last_name", "first_name"),
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
    search_key: Mapped[str] = mapped_column(String(400), default="", index=True)


def client_search_key(first_name: str, last_name: str, father_name: str, national_code: str,
                      mobile: str | None) -> str:
    """The one string every client search compares against (see desktop.fa.normalize)."""
    from desktop.fa.normalize import search_key

    return search_key(" ".join(
        part for part in (first_name, last_name, father_name, national_code, mobile or "") if part
    ))


@event.listens_for(Client, "before_insert")
@event.listens_for(Client, "before_update")
def _refresh_search_key(_mapper: object, _connection: object, client: Client) -> None:
    client.search_key = client_search_key(
        client.first_name, client.last_name, client.father_name, client.national_code,
        client.mobile,
    )
