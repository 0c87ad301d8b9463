"""A plant's month: its metered production and invoice, the buyer's payments (partial ones and
late ones for an earlier month), the plant's costs and the beneficiaries' deductions."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import (
    CostKind,
    invoiced,
    is_low_month,
    month_last_day,
    month_of,
    months_between,
    performance_per_kw,
    tariff_on,
)
from desktop.errors import NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.people import Client
from desktop.models.solar import (
    SolarCost,
    SolarDeduction,
    SolarMonth,
    SolarReceipt,
    SolarRun,
    SolarShare,
)
from desktop.models.tracking import Actor
from desktop.roles import Permission, require
from desktop.services.solar_locks import last_approved_month, require_open
from desktop.services.solar_plants import require_plant, tariffs_of

MAX_AMOUNT = 10**15                  # Rials: far beyond any plant's month, short of overflow


@dataclasses.dataclass(frozen=True)
class ReceiptInput:
    received_on: dt.date | None
    for_month: dt.date | None
    amount: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class CostInput:
    month: dt.date | None
    kind: str
    amount: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class DeductionInput:
    month: dt.date | None
    client_id: int
    amount: int
    reason: str


@dataclasses.dataclass(frozen=True)
class ReceiptRecord:
    id: int
    received_on: dt.date
    for_month: dt.date
    amount: int
    note: str


@dataclasses.dataclass(frozen=True)
class CostRecord:
    id: int
    kind: str
    amount: int
    note: str


@dataclasses.dataclass(frozen=True)
class DeductionRecord:
    id: int
    client_id: int
    full_name: str
    national_code: str
    amount: int
    reason: str


@dataclasses.dataclass(frozen=True)
class MonthSheet:
    """Everything recorded for a plant's month. ``payments`` pay this month's invoice, whenever
    they came; ``arrivals`` came in this month, for whichever month."""

    plant_id: int
    month: dt.date
    production_kwh: int | None
    tariff: int | None               # Rials per kWh on the month's first day
    invoiced: int
    payments: tuple[ReceiptRecord, ...]
    arrivals: tuple[ReceiptRecord, ...]
    costs: tuple[CostRecord, ...]
    deductions: tuple[DeductionRecord, ...]
    run_status: str | None
    locked: bool

    @property
    def paid(self) -> int:
        return sum(r.amount for r in self.payments)

    @property
    def arrear(self) -> int:
        return self.invoiced - self.paid

    @property
    def total_costs(self) -> int:
        return sum(c.amount for c in self.costs)


@dataclasses.dataclass(frozen=True)
class MonthSummary:
    """One line of a plant's months: production and its performance, invoice, payments."""

    month: dt.date
    production_kwh: int | None
    kwh_per_kw: tuple[int, int]      # whole and tenths
    low: bool
    invoiced: int
    paid: int
    costs: int
    run_status: str | None

    @property
    def arrear(self) -> int:
        return self.invoiced - self.paid


def _check_month(month: dt.date | None, field: str) -> dt.date:
    if month is None:
        raise ValidationError("Choose the month.", field=field)
    if month > today():
        raise ValidationError("The month cannot be in the future.", field=field)
    return month_of(month)


def _check_amount(amount: int, field: str = "amount") -> None:
    if not 0 < amount <= MAX_AMOUNT:
        raise ValidationError("Enter the amount in Rials.", field=field)


def record_production(db: Database, actor: Actor, plant_id: int, month: dt.date | None,
                      kwh: int, note: str = "") -> MonthSheet:
    """The month's metered production (replacing what was recorded)."""
    require(actor, Permission.MANAGE_SOLAR)
    month = _check_month(month, "month")
    if not 0 <= kwh <= 10**10:
        raise ValidationError("Enter the production in kWh.", field="production_kwh")
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        if month < month_of(plant.commissioned_on):
            raise ValidationError("The plant was not yet commissioned in that month.",
                                  field="month")
        require_open(session, plant.id, month, field="month")
        row = session.scalar(select(SolarMonth).where(SolarMonth.plant_id == plant.id,
                                                      SolarMonth.month == month))
        if row is None:
            session.add(SolarMonth(plant_id=plant.id, month=month, production_kwh=kwh,
                                   note=clean_text(note)))
        else:
            row.production_kwh, row.note = kwh, clean_text(note)
        session.flush()
        return month_sheet_in(session, plant.id, month)


def add_receipt(db: Database, actor: Actor, plant_id: int, data: ReceiptInput) -> MonthSheet:
    """A payment from the buyer for ``for_month``, received on ``received_on``: it is allocated
    in the run of the month it arrives (with its own month's weights when that is earlier)."""
    require(actor, Permission.MANAGE_SOLAR)
    if data.received_on is None:
        raise ValidationError("Enter the date the payment was received.", field="received_on")
    if data.received_on > today():
        raise ValidationError("The date cannot be in the future.", field="received_on")
    for_month = _check_month(data.for_month, "for_month")
    if for_month > data.received_on:
        raise ValidationError("A payment cannot be for a month that has not begun.",
                              field="for_month")
    _check_amount(data.amount)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        if for_month < month_of(plant.commissioned_on):
            raise ValidationError("The plant was not yet commissioned in that month.",
                                  field="for_month")
        require_open(session, plant.id, data.received_on, field="received_on")
        session.add(SolarReceipt(plant_id=plant.id, received_on=data.received_on,
                                 for_month=for_month, amount=data.amount,
                                 note=clean_text(data.note)))
        session.flush()
        return month_sheet_in(session, plant.id, for_month)


def add_cost(db: Database, actor: Actor, plant_id: int, data: CostInput) -> MonthSheet:
    require(actor, Permission.MANAGE_SOLAR)
    month = _check_month(data.month, "month")
    if data.kind not in set(CostKind) or data.kind == CostKind.SHORTFALL:
        raise ValidationError("Choose the kind of cost.", field="kind")
    _check_amount(data.amount)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        require_open(session, plant.id, month, field="month")
        session.add(SolarCost(plant_id=plant.id, month=month, kind=data.kind,
                              amount=data.amount, note=clean_text(data.note)))
        session.flush()
        return month_sheet_in(session, plant.id, month)


def add_deduction(db: Database, actor: Actor, plant_id: int,
                  data: DeductionInput) -> MonthSheet:
    """Taken from the client's payout of the month; what the payout cannot cover is carried as
    the client's debt to the plant's next run."""
    require(actor, Permission.MANAGE_SOLAR)
    month = _check_month(data.month, "month")
    _check_amount(data.amount)
    reason = clean_text(data.reason)
    if len(reason) < 3:
        raise ValidationError("Give the reason for the deduction.", field="reason")
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        if session.get(Client, data.client_id) is None:
            raise ValidationError("Choose the client.", field="client_id")
        if session.scalar(select(SolarShare.id).where(
                SolarShare.plant_id == plant.id, SolarShare.client_id == data.client_id,
                SolarShare.starts_on <= month_last_day(month)).limit(1)) is None:
            raise ValidationError("Only a beneficiary of the plant has deductions from its "
                                  "income.", field="client_id")
        require_open(session, plant.id, month, field="month")
        session.add(SolarDeduction(plant_id=plant.id, month=month, client_id=data.client_id,
                                   amount=data.amount, reason=reason))
        session.flush()
        return month_sheet_in(session, plant.id, month)


_REMOVABLE = {"receipt": SolarReceipt, "cost": SolarCost, "deduction": SolarDeduction}


def remove_entry(db: Database, actor: Actor, kind: str, entry_id: int) -> MonthSheet:
    """Removes a receipt, cost or deduction typed by mistake, while its month is open."""
    require(actor, Permission.MANAGE_SOLAR)
    model = _REMOVABLE[kind]
    with db.transaction(actor) as session:
        entry = session.get(model, entry_id)
        if entry is None:
            raise NotFound("The entry was not found.")
        if isinstance(entry, SolarCost) and entry.kind == CostKind.SHORTFALL:
            raise ValidationError("A shortfall carried from an approved month stays.",
                                  field="kind")
        day = entry.received_on if isinstance(entry, SolarReceipt) else entry.month
        require_open(session, entry.plant_id, day, field="month")
        month = entry.for_month if isinstance(entry, SolarReceipt) else entry.month
        session.delete(entry)
        session.flush()
        return month_sheet_in(session, entry.plant_id, month)


def month_sheet(db: Database, actor: Actor, plant_id: int, month: dt.date) -> MonthSheet:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        require_plant(session, plant_id)
        return month_sheet_in(session, plant_id, month_of(month))


def _receipts(session: Session, *where) -> tuple[ReceiptRecord, ...]:
    return tuple(ReceiptRecord(r.id, r.received_on, r.for_month, r.amount, r.note)
                 for r in session.scalars(select(SolarReceipt).where(*where)
                                          .order_by(SolarReceipt.received_on,
                                                    SolarReceipt.id)))


def month_sheet_in(session: Session, plant_id: int, month: dt.date) -> MonthSheet:
    production = session.scalar(select(SolarMonth.production_kwh).where(
        SolarMonth.plant_id == plant_id, SolarMonth.month == month))
    tariff = tariff_on(tariffs_of(session, plant_id), month)
    payments = _receipts(session, SolarReceipt.plant_id == plant_id,
                         SolarReceipt.for_month == month)
    arrivals = _receipts(session, SolarReceipt.plant_id == plant_id,
                         SolarReceipt.received_on.between(month, month_last_day(month)))
    costs = tuple(CostRecord(c.id, c.kind, c.amount, c.note) for c in session.scalars(
        select(SolarCost).where(SolarCost.plant_id == plant_id, SolarCost.month == month)
        .order_by(SolarCost.id)))
    deductions = tuple(
        DeductionRecord(d.id, d.client_id, f"{first} {last}", code, d.amount, d.reason)
        for d, first, last, code in session.execute(
            select(SolarDeduction, Client.first_name, Client.last_name, Client.national_code)
            .join(Client, Client.id == SolarDeduction.client_id)
            .where(SolarDeduction.plant_id == plant_id, SolarDeduction.month == month)
            .order_by(SolarDeduction.id)))
    status = session.scalar(select(SolarRun.status).where(SolarRun.plant_id == plant_id,
                                                           SolarRun.month == month))
    locked = last_approved_month(session, plant_id)
    return MonthSheet(plant_id, month, production, tariff,
                      invoiced(production or 0, tariff), payments, arrivals, costs, deductions,
                      status, locked is not None and month <= locked)


def plant_months(db: Database, actor: Actor, plant_id: int, first: dt.date,
                 last: dt.date) -> list[MonthSummary]:
    """The plant's months from ``first``'s to ``last``'s: production against the expected kWh
    per kW (low months flagged), invoice, payments, costs and the run's state."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        plant = require_plant(session, plant_id)
        start, end = month_of(first), month_last_day(month_of(last))
        tariffs = tariffs_of(session, plant_id)
        production = dict(session.execute(select(SolarMonth.month, SolarMonth.production_kwh)
                                          .where(SolarMonth.plant_id == plant_id,
                                                 SolarMonth.month.between(start, end))).all())
        paid = dict(session.execute(
            select(SolarReceipt.for_month, func.sum(SolarReceipt.amount))
            .where(SolarReceipt.plant_id == plant_id,
                   SolarReceipt.for_month.between(start, end))
            .group_by(SolarReceipt.for_month)).all())
        costs = dict(session.execute(
            select(SolarCost.month, func.sum(SolarCost.amount))
            .where(SolarCost.plant_id == plant_id, SolarCost.month.between(start, end))
            .group_by(SolarCost.month)).all())
        runs = dict(session.execute(select(SolarRun.month, SolarRun.status).where(
            SolarRun.plant_id == plant_id, SolarRun.month.between(start, end))).all())
        result = []
        for month in months_between(start, end):
            kwh = production.get(month)
            result.append(MonthSummary(
                month, kwh, performance_per_kw(kwh or 0, plant.capacity_watts),
                kwh is not None and is_low_month(kwh, plant.capacity_watts),
                invoiced(kwh or 0, tariff_on(tariffs, month)), int(paid.get(month) or 0),
                int(costs.get(month) or 0), runs.get(month)))
        return result


def shortfall_note(period: str) -> str:
    return tr("Shortfall of the previous month ({period})", period=period)

