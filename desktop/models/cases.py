"""Employment cases along the pathway, their dated events, services given, and monitoring."""

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
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.benefits import BenefitKind, ProgramKind
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.domain.pathway import (
    CaseStatus,
    CloseReason,
    EmploymentKind,
    EmploymentModel,
    EventKind,
    ReferralSource,
    Sector,
    Stage,
)
from desktop.models.base import Base, Record
from desktop.models.people import Client


class Program(Base, Record):
    """A funding program (national or provincial mandated loans, the job opportunities fund, a
    partner foundation's agreement) and the monitoring it asks of the cases it funds."""

    __tablename__ = "program"
    __table_args__ = (
        CheckConstraint(f"kind in ({ProgramKind.sql_in()})", name="kind_known"),
        CheckConstraint("horizon_months between 1 and 60", name="horizon_range"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    visit_months: Mapped[str] = mapped_column(String(100))      # "1,3,6,9,12"
    report_months: Mapped[str] = mapped_column(String(100), default="")
    horizon_months: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EmploymentCase(Base, Record):
    """One client's path from referral to a stabilised job. A client may have several over the
    years, but only one open at a time (a partial unique index enforces it)."""

    __tablename__ = "employment_case"
    __table_args__ = (
        CheckConstraint(f"stage in ({Stage.sql_in()})", name="stage_known"),
        CheckConstraint(f"status in ({CaseStatus.sql_in()})", name="status_known"),
        CheckConstraint(f"close_reason is null or close_reason in ({CloseReason.sql_in()})",
                        name="close_reason_known"),
        CheckConstraint(f"referral_source in ({ReferralSource.sql_in()})",
                        name="referral_source_known"),
        CheckConstraint(
            f"employment_model is null or employment_model in ({EmploymentModel.sql_in()})",
            name="employment_model_known"),
        CheckConstraint(f"job_sector is null or job_sector in ({Sector.sql_in()})",
                        name="job_sector_known"),
        CheckConstraint(
            f"employment_kind is null or employment_kind in ({EmploymentKind.sql_in()})",
            name="employment_kind_known"),
        CheckConstraint("job_start_date is null or job_start_date >= opened_on",
                        name="job_after_referral"),
        CheckConstraint("(status = 'closed') = (close_reason is not null)",
                        name="closed_has_reason"),
        Index("uq_employment_case_one_open", "client_id", unique=True,
              sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'")),
        # «Ready for تثبیت» is a range of the end of monitoring among follow-up cases whose
        # final visit found the job active; the index answers it without reading a case.
        Index("ix_employment_case_stage", "status", "stage", "final_visit_active", "horizon_on",
              "facilitator_id"),
        # Overdue and due-this-week are ranges of the next visit (set only while open).
        Index("ix_employment_case_next_visit", "next_visit_on", "facilitator_id",
              sqlite_where=text("next_visit_on is not null"),
              postgresql_where=text("next_visit_on is not null")),
        Index("ix_employment_case_facilitator", "facilitator_id", "status"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"),
                                           index=True)
    opened_on: Mapped[dt.date] = mapped_column()
    referral_source: Mapped[str] = mapped_column(String(20))
    referred_by: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[str] = mapped_column(String(20), default=Stage.REFERRAL.value)
    stage_on: Mapped[dt.date] = mapped_column()
    status: Mapped[str] = mapped_column(String(12), default=CaseStatus.OPEN.value)
    closed_on: Mapped[dt.date | None] = mapped_column(default=None)
    close_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), default=None)
    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("program.id", ondelete="RESTRICT"), default=None, index=True)
    employment_model: Mapped[str | None] = mapped_column(String(20), default=None)
    employment_kind: Mapped[str | None] = mapped_column(String(12), default=None)
    job_title: Mapped[str] = mapped_column(String(200), default="")
    job_sector: Mapped[str | None] = mapped_column(String(12), default=None)
    job_urban: Mapped[bool | None] = mapped_column(Boolean, default=None)
    job_start_date: Mapped[dt.date | None] = mapped_column(default=None)
    employer_name: Mapped[str] = mapped_column(String(200), default="")
    horizon_on: Mapped[dt.date | None] = mapped_column(default=None)
    # Kept from the case's visits in the same transaction as every change to them
    # (services/monitoring_summary.py), so the home screen's worklists are index ranges:
    # the earliest visit not yet made while the case is open, and what the final scheduled
    # visit found (None until it is made).
    next_visit_on: Mapped[dt.date | None] = mapped_column(default=None)
    final_visit_active: Mapped[bool | None] = mapped_column(Boolean, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship()
    program: Mapped[Program | None] = relationship()


class CaseEvent(Base, Record):
    """A dated step of a case, with who recorded it. Events are only ever added: the history of
    a case is never rewritten (the mapper refuses updates and deletes)."""

    __tablename__ = "case_event"
    __table_args__ = (
        CheckConstraint(f"kind in ({EventKind.sql_in()})", name="kind_known"),
        CheckConstraint(f"stage in ({Stage.sql_in()})", name="stage_known"),
        Index("ix_case_event_case", "case_id", "on_date", "id"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("employment_case.id", ondelete="RESTRICT"))
    on_date: Mapped[dt.date] = mapped_column()
    kind: Mapped[str] = mapped_column(String(10))
    stage: Mapped[str] = mapped_column(String(20))                     # the stage reached
    from_stage: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str] = mapped_column(Text, default="")   # the reason, for a skip or a close
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), default=None)
    username: Mapped[str] = mapped_column(String(64), default="")


@event.listens_for(CaseEvent, "before_update")
@event.listens_for(CaseEvent, "before_delete")
def _history_is_never_rewritten(_mapper: object, _connection: object, _event: CaseEvent) -> None:
    raise RuntimeError("case events are only ever added")


class Benefit(Base, Record):
    """A service or benefit given along a case: a loan, grant, insurance share, subsidy or a
    skill-training course, with its amount in Rials and its date."""

    __tablename__ = "benefit"
    __table_args__ = (
        CheckConstraint(f"kind in ({BenefitKind.sql_in()})", name="kind_known"),
        CheckConstraint("amount >= 0", name="amount_nonnegative"),
        CheckConstraint("training_hours is null or training_hours between 1 and 2000",
                        name="training_hours_range"),
        Index("ix_benefit_case", "case_id", "given_on"),
        Index("ix_benefit_kind_date", "kind", "given_on"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("employment_case.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    given_on: Mapped[dt.date] = mapped_column()
    amount: Mapped[int] = mapped_column(BigInteger, default=0)   # Rials
    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("program.id", ondelete="RESTRICT"), default=None)
    months: Mapped[int | None] = mapped_column(Integer, default=None)  # insurance, subsidies
    training_title: Mapped[str] = mapped_column(String(200), default="")
    training_hours: Mapped[int | None] = mapped_column(Integer, default=None)
    training_provider: Mapped[str] = mapped_column(String(200), default="")
    training_completed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class MonitoringVisit(Base, Record):
    """A scheduled monitoring visit, and what was found when it was made."""

    __tablename__ = "monitoring_visit"
    __table_args__ = (
        CheckConstraint(f"kind in ({VisitKind.sql_in()})", name="kind_known"),
        CheckConstraint(f"mode is null or mode in ({VisitMode.sql_in()})", name="mode_known"),
        CheckConstraint("monthly_income is null or monthly_income >= 0",
                        name="income_nonnegative"),
        CheckConstraint("(done_on is null) = (mode is null)", name="done_has_mode"),
        # A case's visits in date order, with what the worklists ask of its final one.
        Index("ix_monitoring_visit_case", "case_id", "due_on", "sequence", "month", "done_on",
              "job_active"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("employment_case.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer, default=None)  # None: an extra visit
    kind: Mapped[str] = mapped_column(String(10), default=VisitKind.VISIT.value)
    due_on: Mapped[dt.date] = mapped_column()
    done_on: Mapped[dt.date | None] = mapped_column(default=None)
    mode: Mapped[str | None] = mapped_column(String(10), default=None)
    job_active: Mapped[bool | None] = mapped_column(Boolean, default=None)
    monthly_income: Mapped[int | None] = mapped_column(BigInteger, default=None)  # Rials
    problems: Mapped[str] = mapped_column(Text, default="")
    next_action: Mapped[str] = mapped_column(Text, default="")
    visited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), default=None)
