"""Community groups: the group and its members, shared by every kind of group; the micro-finance
groups' cycles, meetings and what each meeting moved, internal loans and bank-linkage loans.
What the women's groups record beyond this is in women_groups.py. Money is in Rials
(BigInteger)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.groups import (
    CycleStatus,
    GroupKind,
    GroupStatus,
    MeetingFrequency,
    MemberRole,
)
from desktop.domain.ledger import EntryKind
from desktop.domain.women_groups import role_sql_in
from desktop.models.base import Base, Record


class CommunityGroup(Base, Record):
    __tablename__ = "community_group"
    __table_args__ = (
        CheckConstraint(f"kind in ({GroupKind.sql_in()})", name="kind_known"),
        CheckConstraint(f"status in ({GroupStatus.sql_in()})", name="status_known"),
        CheckConstraint(f"meeting_frequency in ({MeetingFrequency.sql_in()})",
                        name="frequency_known"),
        CheckConstraint("capital is null or capital >= 0", name="capital_nonnegative"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(4))
    locality: Mapped[str] = mapped_column(String(200), default="")   # village or neighbourhood
    urban: Mapped[bool] = mapped_column(Boolean, default=False)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    formed_on: Mapped[dt.date]
    meeting_frequency: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default=GroupStatus.ACTIVE.value)
    bank_name: Mapped[str] = mapped_column(String(100), default="")
    bank_branch: Mapped[str] = mapped_column(String(100), default="")
    bank_sheba: Mapped[str] = mapped_column(String(26), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # A cooperative's registration (ثبت) and its registered capital; empty for other groups.
    registration_number: Mapped[str] = mapped_column(String(30), default="", server_default="")
    registered_on: Mapped[dt.date | None] = mapped_column(default=None)
    capital: Mapped[int | None] = mapped_column(BigInteger, default=None)


class GroupCycle(Base, Record):
    """A savings cycle: from its start to the share-out. The group's rules for the cycle live
    here, since a group may change them at the next cycle."""

    __tablename__ = "group_cycle"
    __table_args__ = (
        UniqueConstraint("group_id", "number"),
        CheckConstraint(f"status in ({CycleStatus.sql_in()})", name="status_known"),
        CheckConstraint("share_price > 0", name="share_price_positive"),
        CheckConstraint("max_shares between 1 and 5", name="max_shares_range"),
        CheckConstraint("ends_on > starts_on", name="ends_after_start"),
        CheckConstraint("service_charge_bp between 0 and 1000", name="service_charge_range"),
        CheckConstraint("loan_multiple between 1 and 10", name="loan_multiple_range"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    share_price: Mapped[int] = mapped_column(BigInteger)
    # Service charge of internal loans, per month, in hundredths of a percent (200 = 2%).
    service_charge_bp: Mapped[int] = mapped_column(Integer)
    max_shares: Mapped[int] = mapped_column(Integer)             # per member per meeting
    loan_multiple: Mapped[int] = mapped_column(Integer, default=3)  # × the member's savings
    social_contribution: Mapped[int] = mapped_column(BigInteger, default=0)  # per meeting
    opening_loan_fund: Mapped[int] = mapped_column(BigInteger, default=0)
    opening_social_fund: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(12), default=CycleStatus.OPEN.value)
    shared_out_on: Mapped[dt.date | None] = mapped_column(default=None)
    distributable: Mapped[int | None] = mapped_column(BigInteger, default=None)
    total_shares: Mapped[int | None] = mapped_column(Integer, default=None)


class GroupMember(Base, Record):
    """A member; a client of the office where there is one, else named here."""

    __tablename__ = "group_member"
    __table_args__ = (
        # A cooperative's members hold its board's offices as well (CooperativeRole).
        CheckConstraint(f"role in ({role_sql_in()})", name="role_known"),
        CheckConstraint("left_on is null or left_on >= joined_on", name="leaves_after_joining"),
        CheckConstraint("capital_contribution >= 0", name="capital_nonnegative"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), default=None,
                                                  index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    national_code: Mapped[str] = mapped_column(String(10), default="")
    mobile: Mapped[str] = mapped_column(String(11), default="")
    role: Mapped[str] = mapped_column(String(12), default=MemberRole.MEMBER.value)
    joined_on: Mapped[dt.date]
    left_on: Mapped[dt.date | None] = mapped_column(default=None)
    # What the member put into a cooperative's or mutual-help group's capital, Rials.
    capital_contribution: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class GroupMeeting(Base, Record):
    """A meeting and the cash counted at its close, which must be what its entries leave."""

    __tablename__ = "group_meeting"
    __table_args__ = (
        UniqueConstraint("cycle_id", "held_on"),
        CheckConstraint("closing_loan_fund >= 0 and closing_social_fund >= 0",
                        name="cash_nonnegative"),
    )

    cycle_id: Mapped[int] = mapped_column(ForeignKey("group_cycle.id"), index=True)
    held_on: Mapped[dt.date]
    recorded_on: Mapped[dt.date]
    opening_loan_fund: Mapped[int] = mapped_column(BigInteger)
    opening_social_fund: Mapped[int] = mapped_column(BigInteger)
    closing_loan_fund: Mapped[int] = mapped_column(BigInteger)
    closing_social_fund: Mapped[int] = mapped_column(BigInteger)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendance(Base, Record):
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("group_meeting.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_member.id"))
    present: Mapped[bool] = mapped_column(Boolean)


class InternalLoan(Base, Record):
    """A loan from the group's loan fund to a member, repaid in equal monthly instalments."""

    __tablename__ = "internal_loan"
    __table_args__ = (
        CheckConstraint("principal > 0", name="principal_positive"),
        CheckConstraint("term_months between 1 and 24", name="term_range"),
        CheckConstraint("service_charge >= 0", name="service_charge_nonnegative"),
    )

    cycle_id: Mapped[int] = mapped_column(ForeignKey("group_cycle.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_member.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("group_meeting.id"))
    disbursed_on: Mapped[dt.date]
    principal: Mapped[int] = mapped_column(BigInteger)
    service_charge: Mapped[int] = mapped_column(BigInteger)      # the whole term's
    term_months: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(200), default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    written_off_on: Mapped[dt.date | None] = mapped_column(default=None)


class BankLoan(Base, Record):
    """A bank-linkage loan to the group, repaid from its loan fund in monthly instalments."""

    __tablename__ = "bank_loan"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("term_months between 1 and 60", name="term_range"),
        CheckConstraint("total_repayable >= amount", name="repayable_covers_amount"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id"), index=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("group_cycle.id"))
    bank_name: Mapped[str] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(BigInteger)
    disbursed_on: Mapped[dt.date]
    term_months: Mapped[int] = mapped_column(Integer)
    annual_rate_bp: Mapped[int] = mapped_column(Integer)        # 400 = 4% a year
    total_repayable: Mapped[int] = mapped_column(BigInteger)    # principal and interest


class MeetingEntry(Base, Record):
    """One movement of cash (or a write-off) recorded at a meeting."""

    __tablename__ = "meeting_entry"
    __table_args__ = (
        CheckConstraint(f"kind in ({EntryKind.sql_in()})", name="kind_known"),
        CheckConstraint("amount >= 0", name="amount_nonnegative"),
        CheckConstraint("shares is null or shares between 1 and 5", name="shares_range"),
        Index("ix_meeting_entry_loan", "loan_id"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("group_meeting.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("group_member.id"), default=None,
                                                  index=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    shares: Mapped[int | None] = mapped_column(Integer, default=None)
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("internal_loan.id"), default=None)
    bank_loan_id: Mapped[int | None] = mapped_column(ForeignKey("bank_loan.id"), default=None)
    note: Mapped[str] = mapped_column(String(200), default="")
