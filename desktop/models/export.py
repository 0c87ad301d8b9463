"""The batches sent to headquarters: local bookkeeping, never exported itself."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

STATUSES = ("made", "sent", "acknowledged", "failed", "superseded")


class ExportBatch(Base):
    """One package: the change-log range (``change_after``, ``change_through``] it carries, its
    file and what became of it. ``id`` is the batch's sequence number; the highest
    ``change_through`` of an acknowledged batch is the watermark."""

    __tablename__ = "export_batch"
    __table_args__ = (
        CheckConstraint("status in ('made', 'sent', 'acknowledged', 'failed', 'superseded')",
                        name="status_known"),
        Index("ix_export_batch_status", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    change_after: Mapped[int] = mapped_column(Integer)
    change_through: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="made")
    reason: Mapped[str] = mapped_column(Text, default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    tombstones: Mapped[int] = mapped_column(Integer, default=0)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column()
    sent_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    failed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
