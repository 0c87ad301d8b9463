"""Allocation runs: computing a plant's month as a draft (again and again, each time replacing
the draft's lines), approving it (after which it never changes), and corrections of an
approved month allocated in a later run. Reading runs is in solar_run_records.py."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import today, utcnow
from desktop.database import Database
from desktop.domain.solar import (
    CostKind,
    PlantStatus,
    RunStatus,
    format_period,
    month_last_day,
    month_of,
    next_month,
)
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_rials
from desktop.fa.normalize import clean_text
from desktop.fa.sheba import is_stored_sheba_valid
from desktop.i18n import tr
from desktop.models.solar import (
    SolarAdjustmentLine,
    SolarCorrection,
    SolarCost,
    SolarDeduction,
    SolarPlant,
    SolarReceipt,
    SolarRun,
    SolarRunLine,
)
from desktop.models.tracking import Actor, record_bulk_delete, record_bulk_insert
from desktop.roles import Permission, require
from desktop.services.solar_allocation_runs import Computation, compute
from desktop.services.solar_locks import last_approved_month
from desktop.services.solar_months import shortfall_note
from desktop.services.solar_plants import require_plant
from desktop.services.solar_run_records import RunRecord, require_run, run_at, run_record

MAX_LISTED = 20                        # payees named in a refusal; the rest are counted


@dataclasses.dataclass(frozen=True)
class CorrectionInput:
    month: dt.date | None            # the open month whose run carries it
    for_month: dt.date | None        # the approved month it corrects
    amount: int                      # Rials; negative takes money back
    reason: str


class MissingSheba(ValidationError):
    """Approval refused: ``payees`` (name, national code) have no valid Sheba."""

    def __init__(self, payees: list[tuple[str, str]]) -> None:
        named = "، ".join(f"{name} ({to_persian_digits(code)})"
                         for name, code in payees[:MAX_LISTED])
        if len(payees) > MAX_LISTED:
            named += " " + tr("and {count} more", count=to_persian_digits(
                len(payees) - MAX_LISTED))
        super().__init__("These payees have no valid Sheba number, so the allocation cannot be "
                         "approved: {names}", field="sheba", names=named)
        self.payees = payees


def _store(session: Session, run: SolarRun | None, plant: SolarPlant,
           done: Computation) -> SolarRun:
    if run is None:
        run = SolarRun(plant_id=plant.id, month=done.month, status=RunStatus.DRAFT.value,
                       received=0, costs=0, net=0, allocated=0, computed_at=utcnow())
        session.add(run)
        session.flush()
    else:
        record_bulk_delete(session, SolarAdjustmentLine, SolarAdjustmentLine.run_id == run.id,
                           audit_detail={"run": run.id, "recomputed": True})
        record_bulk_delete(session, SolarRunLine, SolarRunLine.run_id == run.id,
                           audit_detail={"run": run.id, "recomputed": True})
    run.received, run.costs, run.net = done.received, done.costs, done.net
    run.adjustments, run.allocated = done.adjustments_total, done.allocated
    run.total_weight, run.computed_at = done.total_weight, utcnow()
    session.flush()
    record_bulk_insert(session, SolarRunLine, [
        dict(run_id=run.id, client_id=client, weight=weight, amount=amount,
             adjustments=adjusted, deductions=deducted, debt_before=debt, payable=payable,
             debt_after=debt_after)
        for client, weight, amount, adjusted, deducted, debt, payable, debt_after
        in done.lines], audit_detail={"run": run.id})
    record_bulk_insert(session, SolarAdjustmentLine, [
        dict(run_id=run.id, client_id=client, for_month=adjustment.for_month,
             kind=adjustment.kind, amount=amount, correction_id=adjustment.correction_id)
        for adjustment in done.adjustments for client, amount in adjustment.lines.items()
        if amount], audit_detail={"run": run.id})
    return run


def compute_in(session: Session, plant: SolarPlant, month: dt.date) -> SolarRun:
    """The plant's month computed into its draft run (made, or its lines replaced)."""
    return _compute_into(session, plant, month)[0]


def _compute_into(session: Session, plant: SolarPlant,
                  month: dt.date) -> tuple[SolarRun, Computation]:
    month = month_of(month)
    if month_last_day(month) < plant.commissioned_on:
        raise ValidationError("The plant was not yet commissioned in that month.",
                              field="month")
    run = run_at(session, plant.id, month)
    if run is not None and run.status == RunStatus.APPROVED:
        raise ValidationError("The allocation of {period} is approved and cannot be computed "
                              "again; record a correction in a later month.", field="month",
                              period=format_period(month))
    locked = last_approved_month(session, plant.id)
    if locked is not None and month < locked:
        raise ValidationError("The allocation of {period} is approved: this month and those "
                              "before it are locked. Record a correction in a later month "
                              "instead.", field="month", period=format_period(locked))
    done = compute(session, plant.id, month)
    return _store(session, run, plant, done), done


def compute_run(db: Database, actor: Actor, plant_id: int, month: dt.date) -> RunRecord:
    """The draft allocation of the plant's month, computed afresh from its records."""
    require(actor, Permission.MANAGE_SOLAR)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        return run_record(session, compute_in(session, plant, month))


def _stored_lines(session: Session, run_id: int) -> list[tuple[int, ...]]:
    return [tuple(row) for row in session.execute(
        select(SolarRunLine.client_id, SolarRunLine.weight, SolarRunLine.amount,
               SolarRunLine.adjustments, SolarRunLine.deductions, SolarRunLine.debt_before,
               SolarRunLine.payable, SolarRunLine.debt_after)
        .where(SolarRunLine.run_id == run_id).order_by(SolarRunLine.client_id))]


def _unallocated_months(session: Session, plant_id: int, before: dt.date) -> list[dt.date]:
    """Earlier months with money or costs whose run is not approved: they must go first.
    Months are approved in order, so only those after the last approved one are looked at."""
    after = last_approved_month(session, plant_id)
    since = dt.date.min if after is None else next_month(after)
    months = {month_of(day) for day in session.scalars(
        select(SolarReceipt.received_on).where(SolarReceipt.plant_id == plant_id,
                                               SolarReceipt.received_on >= since,
                                               SolarReceipt.received_on < before).distinct())}
    for model in (SolarCost, SolarDeduction, SolarCorrection):
        months |= set(session.scalars(select(model.month).where(
            model.plant_id == plant_id, model.month >= since, model.month < before)
            .distinct()))
    months |= set(session.scalars(select(SolarRun.month).where(
        SolarRun.plant_id == plant_id, SolarRun.month >= since, SolarRun.month < before)))
    return sorted(months)


def approve_in(session: Session, actor: Actor, run: SolarRun,
               computed: Computation | None = None) -> None:
    """Locks the run, if it is what its records give now and every payee has a Sheba.
    ``computed`` is the computation the run was just stored from, in this transaction."""
    if run.status == RunStatus.APPROVED:
        raise ValidationError("The allocation of {period} is approved already.", field="month",
                              period=format_period(run.month))
    if month_last_day(run.month) >= today():
        # Approval locks the month: money still to come in it could no longer be recorded.
        raise ValidationError("{period} has not ended yet; its allocation is approved after "
                              "the month ends.", field="month", period=format_period(run.month))
    waiting = _unallocated_months(session, run.plant_id, run.month)
    if waiting:
        raise ValidationError("Approve the allocation of {period} first: months are approved "
                              "in order.", field="month", period=format_period(waiting[0]))
    fresh = computed or compute(session, run.plant_id, run.month)
    if computed is None and (list(fresh.lines) != _stored_lines(session, run.id)
                             or fresh.net != run.net
                             or fresh.adjustments_total != run.adjustments):
        raise ConflictError("The month's records changed after the allocation was computed; "
                            "compute it again and review it before approving.")
    if fresh.allocated != fresh.due:
        raise ValidationError("No one held a share of the plant in a month whose money is to "
                              "be allocated ({amount}); check the shares.", field="month",
                              amount=format_rials(fresh.due - fresh.allocated))
    missing = [(f"{first} {last}", code) for first, last, code, sheba
               in (fresh.people[line[0]] for line in fresh.lines if line[6] > 0)
               if not is_stored_sheba_valid(sheba)]
    if missing:
        raise MissingSheba(sorted(missing, key=lambda item: item[1]))
    run.status, run.approved_at, run.approved_by_id = (RunStatus.APPROVED.value, utcnow(),
                                                       actor.user_id)
    if run.net < 0:
        session.add(SolarCost(plant_id=run.plant_id, month=next_month(run.month),
                              kind=CostKind.SHORTFALL.value, amount=-run.net,
                              note=shortfall_note(format_period(run.month))))
    session.flush()


def approve_run(db: Database, actor: Actor, run_id: int, *, version: int) -> RunRecord:
    """Approves the draft as computed; refused while a payee lacks a valid Sheba (naming them),
    while an earlier month waits, or when the records changed since it was computed."""
    require(actor, Permission.APPROVE_ALLOCATION)
    with db.transaction(actor) as session:
        run = require_run(session, run_id)
        if run.version != version:
            raise ConflictError("Someone else changed this allocation meanwhile; open it "
                                "again.")
        approve_in(session, actor, run)
        return run_record(session, run)


def add_correction(db: Database, actor: Actor, plant_id: int,
                   data: CorrectionInput) -> RunRecord:
    """An amount for an approved month, allocated with its weights in an open month's run
    (computed afresh here), with its reason."""
    require(actor, Permission.APPROVE_ALLOCATION)
    reason = clean_text(data.reason)
    if len(reason) < 5:
        raise ValidationError("Give the reason for the correction.", field="reason")
    if data.amount == 0 or abs(data.amount) > 10**15:
        raise ValidationError("Enter the amount in Rials.", field="amount")
    if data.month is None or data.for_month is None:
        raise ValidationError("Choose the month.", field="month")
    month, for_month = month_of(data.month), month_of(data.for_month)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        locked = last_approved_month(session, plant.id)
        if locked is None or for_month > locked or run_at(session, plant.id, for_month) is None:
            raise ValidationError("Only an approved month is corrected; a month still in "
                                  "draft is computed again.", field="for_month")
        if month <= locked:
            raise ValidationError("The correction goes in a month not yet approved.",
                                  field="month")
        session.add(SolarCorrection(plant_id=plant.id, month=month, for_month=for_month,
                                    amount=data.amount, reason=reason))
        session.flush()
        return run_record(session, compute_in(session, plant, month))


def allocate_period(db: Database, actor: Actor, month: dt.date, *,
                    plant_code: str | None = None, approve: bool = False) -> list[RunRecord]:
    """Computes (and with ``approve`` approves) the month of every plant in operation, or of
    the one plant, in one transaction: all are done or none."""
    require(actor, Permission.MANAGE_SOLAR)
    if approve:
        require(actor, Permission.APPROVE_ALLOCATION)
    month = month_of(month)
    with db.transaction(actor) as session:
        query = select(SolarPlant).order_by(SolarPlant.code)
        if plant_code:
            query = query.where(SolarPlant.code == plant_code.strip().upper())
        else:
            query = query.where(SolarPlant.status != PlantStatus.DECOMMISSIONED.value,
                                SolarPlant.commissioned_on <= month_last_day(month))
        plants = session.scalars(query).all()
        if plant_code and not plants:
            raise NotFound("No solar plant has the code {code}.", code=plant_code)
        records = []
        for plant in plants:
            run, done = _compute_into(session, plant, month)
            if approve:
                approve_in(session, actor, run, done)
            records.append(run_record(session, run))
        return records
