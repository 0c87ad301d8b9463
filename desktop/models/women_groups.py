"""Women's mutual-help groups and cooperatives: what they record beyond the community group and
its members (desktop/models/groups.py) — the shared business and its monthly books, income paid
to each member, trainings with attendance, minuted meetings with their decisions, market links
and the bazaars attended. Money is in Rials (BigInteger)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.pathway import Sector
from desktop.domain.women_groups import BusinessKind, LinkKind, TrainingKind
from desktop.models.base import Base, Record


class GroupBusiness(Base, Record):
    """The business the members run together: what it makes or does, its sector, and the cash
    its books opened with."""

    __tablename__ = "group_business"
    __table_args__ = (
        CheckConstraint(f"kind in ({BusinessKind.sql_in()})", name="kind_known"),
        CheckConstraint(f"sector in ({Sector.sql_in()})", name="sector_known"),
        CheckConstraint("opening_cash >= 0", name="opening_cash_nonnegative"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    sector: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[dt.date | None] = mapped_column(default=None)
    opening_cash: Mapped[int] = mapped_column(BigInteger, default=0)


class BusinessMonth(Base, Record):
    """One Jalali month of the business: sales, costs and what the members were paid."""

    __tablename__ = "business_month"
    __table_args__ = (
        UniqueConstraint("group_id", "month_start"),
        CheckConstraint("sales >= 0 and costs >= 0 and paid_out >= 0",
                        name="amounts_nonnegative"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"))
    month_start: Mapped[dt.date] = mapped_column(index=True)   # first day of the Jalali month
    sales: Mapped[int] = mapped_column(BigInteger)
    costs: Mapped[int] = mapped_column(BigInteger)
    paid_out: Mapped[int] = mapped_column(BigInteger)
    notes: Mapped[str] = mapped_column(Text, default="")


class MemberIncome(Base, Record):
    """What one member was paid from one month of the business."""

    __tablename__ = "member_income"
    __table_args__ = (
        UniqueConstraint("month_id", "member_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    month_id: Mapped[int] = mapped_column(ForeignKey("business_month.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_member.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)


class GroupTraining(Base, Record):
    """A training or course the group's members took."""

    __tablename__ = "group_training"
    __table_args__ = (
        CheckConstraint(f"kind in ({TrainingKind.sql_in()})", name="kind_known"),
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("hours between 1 and 2000", name="hours_range"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))
    provider: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    hours: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class TrainingAttendance(Base, Record):
    """A member who attended a training, and whether she earned its certificate."""

    __tablename__ = "training_attendance"
    __table_args__ = (UniqueConstraint("training_id", "member_id"),)

    training_id: Mapped[int] = mapped_column(ForeignKey("group_training.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_member.id"), index=True)
    certified: Mapped[bool] = mapped_column(Boolean, default=False)


class WomenMeeting(Base, Record):
    """A meeting of the group, with its minutes."""

    __tablename__ = "women_meeting"
    __table_args__ = (UniqueConstraint("group_id", "held_on"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"))
    held_on: Mapped[dt.date]
    minutes: Mapped[str] = mapped_column(Text, default="")


class WomenMeetingAttendance(Base, Record):
    """A member present at a meeting."""

    __tablename__ = "women_meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("women_meeting.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_member.id"), index=True)


class MeetingDecision(Base, Record):
    """A decision of a meeting, numbered in it, with who follows it up and by when."""

    __tablename__ = "meeting_decision"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("women_meeting.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("group_member.id"),
                                                       default=None)
    due_on: Mapped[dt.date | None] = mapped_column(default=None)


class MarketLink(Base, Record):
    """A link to a market: a larger firm, a supply chain, an outsourcing contract or a digital
    sales platform (with the group's shop link)."""

    __tablename__ = "market_link"
    __table_args__ = (
        CheckConstraint(f"kind in ({LinkKind.sql_in()})", name="kind_known"),
        CheckConstraint("ends_on is null or ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("contract_value is null or contract_value >= 0",
                        name="contract_value_nonnegative"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    partner: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None] = mapped_column(default=None)
    contract_number: Mapped[str] = mapped_column(String(50), default="")
    contract_value: Mapped[int | None] = mapped_column(BigInteger, default=None)
    shop_url: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class BazaarAttendance(Base, Record):
    """A self-employment bazaar (بازارچه خوداشتغالی) the group sold at, and what it sold."""

    __tablename__ = "bazaar_attendance"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("sales >= 0", name="sales_nonnegative"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    sales: Mapped[int] = mapped_column(BigInteger)
    notes: Mapped[str] = mapped_column(Text, default="")
