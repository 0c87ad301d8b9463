"""The codes offices read and type for their groups and plants: a prefix naming the kind and the
county, then a number (MF-0707-0001, SP-0707-001)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session


def next_code(session: Session, column: InstrumentedAttribute[str], prefix: str,
              digits: int) -> str:
    """The next free ``prefix`` + number of ``digits``: one past how many codes have the
    prefix, stepping on past any taken (a code left by a deletion in the middle)."""
    number = (session.scalar(select(func.count()).where(column.like(prefix + "%"))) or 0) + 1
    while session.scalar(select(column).where(column == f"{prefix}{number:0{digits}d}")) \
            is not None:
        number += 1
    return f"{prefix}{number:0{digits}d}"
