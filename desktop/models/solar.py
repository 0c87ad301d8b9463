"""Solar plants (docs/solar.md): the plant and its sale tariff, beneficiaries' shares, each
month's production, receipts, costs and deductions, and the allocation runs with their lines.

Capacity and shares are whole watts (shown as kW); energy whole kWh; money Rials (BigInteger).
A month is the Gregorian date of its Jalali first day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.solar import (
    AdjustmentKind,
    CostKind,
    PlantKind,
    PlantStatus,
    RunStatus,
    TariffKind,
)
from desktop.models.base import Base, Record


class SolarPlant(Base, Record):
    __tablename__ = "solar_plant"
    __table_args__ = (
        CheckConstraint(f"kind in ({PlantKind.sql_in()})", name="kind_known"),
        CheckConstraint(f"status in ({PlantStatus.sql_in()})", name="status_known"),
        CheckConstraint("capacity_watts > 0", name="capacity_positive"),
        CheckConstraint("contract_years between 1 and 30", name="contract_years_range"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(4))
    site: Mapped[str] = mapped_column(String(300), default="")
    capacity_watts: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(12))
    commissioned_on: Mapped[dt.date]
    buyer: Mapped[str] = mapped_column(String(200), default="")
    contract_starts_on: Mapped[dt.date]
    contract_years: Mapped[int] = mapped_column(Integer, default=20)
    meter_id: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(16), default=PlantStatus.ACTIVE.value)
    notes: Mapped[str] = mapped_column(Text, default="")


class SolarTariff(Base, Record):
    """An entry of the sale contract's tariff: in force from ``effective_on`` until the next."""

    __tablename__ = "solar_tariff"
    __table_args__ = (
        UniqueConstraint("plant_id", "effective_on"),
        CheckConstraint(f"kind in ({TariffKind.sql_in()})", name="kind_known"),
        CheckConstraint("rials_per_kwh > 0", name="rate_positive"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    effective_on: Mapped[dt.date]
    rials_per_kwh: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(300), default="")


class SolarShare(Base, Record):
    """A beneficiary's share of a plant from ``starts_on`` to ``ends_on`` (inclusive)."""

    __tablename__ = "solar_share"
    __table_args__ = (
        CheckConstraint("watts > 0", name="watts_positive"),
        CheckConstraint("ends_on is null or ends_on >= starts_on", name="ends_after_start"),
        Index("ix_solar_share_plant", "plant_id", "starts_on"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    watts: Mapped[int] = mapped_column(BigInteger)
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None] = mapped_column(default=None)
    # Why a client outside «سخت‌اشتغال / غیرقابل‌بازتوان» holds a share (the warning's answer).
    reason: Mapped[str] = mapped_column(Text, default="")
    transferred_from_id: Mapped[int | None] = mapped_column(ForeignKey("solar_share.id"),
                                                            default=None)


class SolarMonth(Base, Record):
    """A plant's metered production in a month; the invoice is computed from the tariff."""

    __tablename__ = "solar_month"
    __table_args__ = (
        UniqueConstraint("plant_id", "month"),
        CheckConstraint("production_kwh >= 0", name="production_nonnegative"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    month: Mapped[dt.date]
    production_kwh: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(300), default="")


class SolarReceipt(Base, Record):
    """A payment from the buyer, received on a date, for one month's invoice."""

    __tablename__ = "solar_receipt"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("for_month <= received_on", name="not_in_advance"),
        Index("ix_solar_receipt_plant", "plant_id", "received_on"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    received_on: Mapped[dt.date]
    for_month: Mapped[dt.date]
    amount: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(300), default="")


class SolarCost(Base, Record):
    __tablename__ = "solar_cost"
    __table_args__ = (
        CheckConstraint(f"kind in ({CostKind.sql_in()})", name="kind_known"),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_solar_cost_plant", "plant_id", "month"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    month: Mapped[dt.date]
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(300), default="")


class SolarDeduction(Base, Record):
    """Taken from a beneficiary's payout of a month (e.g. a loan instalment)."""

    __tablename__ = "solar_deduction"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_solar_deduction_plant", "plant_id", "month"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    month: Mapped[dt.date]
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(300))


class SolarCorrection(Base, Record):
    """An amount (signed) for an approved month, allocated with that month's weights in the run
    of a later month, with its reason: how an approved run is corrected without rewriting it."""

    __tablename__ = "solar_correction"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount_nonzero"),
        CheckConstraint("for_month < month", name="for_an_earlier_month"),
        Index("ix_solar_correction_plant", "plant_id", "month"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    month: Mapped[dt.date]          # the run it is allocated in
    for_month: Mapped[dt.date]      # the month whose weights it follows
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)


class SolarRun(Base, Record):
    """The allocation of a plant's month. ``net`` = received in the month for the month − the
    month's costs; ``adjustments`` = later arrears and corrections allocated in this run;
    ``allocated`` = what the lines hold in all. Approved runs are never changed."""

    __tablename__ = "solar_run"
    __table_args__ = (
        UniqueConstraint("plant_id", "month"),
        CheckConstraint(f"status in ({RunStatus.sql_in()})", name="status_known"),
        CheckConstraint("allocated >= 0 or adjustments < 0", name="allocated_sign"),
    )

    plant_id: Mapped[int] = mapped_column(ForeignKey("solar_plant.id"))
    month: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(10), default=RunStatus.DRAFT.value)
    received: Mapped[int] = mapped_column(BigInteger)
    costs: Mapped[int] = mapped_column(BigInteger)
    net: Mapped[int] = mapped_column(BigInteger)
    adjustments: Mapped[int] = mapped_column(BigInteger, default=0)
    allocated: Mapped[int] = mapped_column(BigInteger)
    total_weight: Mapped[int] = mapped_column(BigInteger, default=0)
    computed_at: Mapped[dt.datetime]
    approved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), default=None)


class SolarRunLine(Base, Record):
    """A beneficiary's part of a run: the month's allocation by their watt-days, the later
    arrears and corrections, what was deducted and carried, and what is paid."""

    __tablename__ = "solar_run_line"
    __table_args__ = (
        UniqueConstraint("run_id", "client_id"),
        CheckConstraint("weight >= 0 and amount >= 0", name="amount_nonnegative"),
        CheckConstraint("payable >= 0 and debt_after >= 0 and debt_before >= 0 "
                        "and deductions >= 0", name="settlement_nonnegative"),
    )

    run_id: Mapped[int] = mapped_column(ForeignKey("solar_run.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    weight: Mapped[int] = mapped_column(BigInteger)          # watt-days in the run's month
    amount: Mapped[int] = mapped_column(BigInteger)          # of the month's net
    adjustments: Mapped[int] = mapped_column(BigInteger)     # Σ adjustment lines
    deductions: Mapped[int] = mapped_column(BigInteger)
    debt_before: Mapped[int] = mapped_column(BigInteger)
    payable: Mapped[int] = mapped_column(BigInteger)
    debt_after: Mapped[int] = mapped_column(BigInteger)


class SolarAdjustmentLine(Base, Record):
    """A beneficiary's part of an arrear or correction for an earlier month, in a later run."""

    __tablename__ = "solar_adjustment_line"
    __table_args__ = (
        CheckConstraint(f"kind in ({AdjustmentKind.sql_in()})", name="kind_known"),
        Index("ix_solar_adjustment_line_run", "run_id", "client_id"),
    )

    run_id: Mapped[int] = mapped_column(ForeignKey("solar_run.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    for_month: Mapped[dt.date]
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(BigInteger)
    correction_id: Mapped[int | None] = mapped_column(ForeignKey("solar_correction.id"),
                                                      default=None)
