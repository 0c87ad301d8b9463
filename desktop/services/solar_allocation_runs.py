"""Computing a plant's month: what it received and spent, the beneficiaries' weights, and each
one's allocation, adjustments, deductions and payout (docs/solar.md). Reads only: the runs
service stores what this computes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.solar import AdjustmentKind, RunStatus, month_last_day, month_of
from desktop.domain.solar_allocation import (
    Holding,
    allocate,
    allocate_signed,
    settle,
    weights,
)
from desktop.models.people import Client
from desktop.models.solar import (
    SolarCorrection,
    SolarCost,
    SolarDeduction,
    SolarReceipt,
    SolarRun,
    SolarRunLine,
    SolarShare,
)


@dataclasses.dataclass(frozen=True)
class Adjustment:
    """Money for an earlier month, allocated with that month's weights."""

    for_month: dt.date
    kind: str
    amount: int
    correction_id: int | None
    lines: Mapping[int, int]          # client id → Rials (signed for a correction)


@dataclasses.dataclass(frozen=True)
class Computation:
    month: dt.date
    received: int
    costs: int
    net: int
    total_weight: int
    adjustments: tuple[Adjustment, ...]
    lines: tuple[tuple[int, int, int, int, int, int, int, int], ...]
    # (client id, weight, amount, adjustments, deductions, debt before, payable, debt after),
    # by client id
    people: Mapping[int, tuple[str, str, str, str | None]]
    # client id → (first name, last name, national code, Sheba)

    @property
    def allocated(self) -> int:
        return sum(line[2] + line[3] for line in self.lines)

    @property
    def adjustments_total(self) -> int:
        return sum(a.amount for a in self.adjustments)

    @property
    def due(self) -> int:
        """What the lines should hold: the net when positive, and every adjustment."""
        return max(self.net, 0) + self.adjustments_total


def month_weights(session: Session, plant_id: int, month: dt.date) -> dict[Hashable, int]:
    """Each client's watt-days of the plant in ``month``: as the approved run stored them, else
    from the shares."""
    stored = session.execute(
        select(SolarRunLine.client_id, SolarRunLine.weight).join(
            SolarRun, SolarRun.id == SolarRunLine.run_id)
        .where(SolarRun.plant_id == plant_id, SolarRun.month == month,
               SolarRun.status == RunStatus.APPROVED.value, SolarRunLine.weight > 0)).all()
    if stored:
        return {client: weight for client, weight in stored}
    last = month_last_day(month)
    rows = session.execute(
        select(SolarShare.client_id, SolarShare.watts, SolarShare.starts_on,
               SolarShare.ends_on)
        .where(SolarShare.plant_id == plant_id, SolarShare.starts_on <= last,
               SolarShare.ends_on.is_(None) | (SolarShare.ends_on >= month))).all()
    return weights((Holding(*row) for row in rows), month, last)


def _people(session: Session, plant_id: int,
            client_ids: set[int]) -> dict[int, tuple[str, str, str, str | None]]:
    """(first name, last name, national code, Sheba) of ``client_ids``: the plant's holders in
    one query (no list of thousands of ids to bind), any others by id."""
    found: dict[int, tuple[str, str, str, str | None]] = {}
    person = (Client.id, Client.first_name, Client.last_name, Client.national_code,
              Client.sheba)
    holders = select(SolarShare.client_id).where(SolarShare.plant_id == plant_id)
    for client_id, *rest in session.execute(select(*person).where(Client.id.in_(holders))):
        if client_id in client_ids:
            found[client_id] = tuple(rest)
    others = sorted(client_ids - found.keys())
    for start in range(0, len(others), 5000):        # the bound-parameter limits of SQLite
        for client_id, *rest in session.execute(
                select(*person).where(Client.id.in_(others[start:start + 5000]))):
            found[client_id] = tuple(rest)
    return found


def compute(session: Session, plant_id: int, month: dt.date) -> Computation:
    month = month_of(month)
    last = month_last_day(month)
    arrivals = session.execute(
        select(SolarReceipt.for_month, func.sum(SolarReceipt.amount))
        .where(SolarReceipt.plant_id == plant_id,
               SolarReceipt.received_on.between(month, last))
        .group_by(SolarReceipt.for_month).order_by(SolarReceipt.for_month)).all()
    received = sum(int(amount) for for_month, amount in arrivals if for_month == month)
    costs = int(session.scalar(select(func.coalesce(func.sum(SolarCost.amount), 0)).where(
        SolarCost.plant_id == plant_id, SolarCost.month == month)) or 0)
    net = received - costs
    own = month_weights(session, plant_id, month)
    sources: list[tuple[dt.date, str, int, int | None]] = [
        (for_month, AdjustmentKind.ARREAR.value, int(amount), None)
        for for_month, amount in arrivals if for_month < month]
    sources += [(c.for_month, AdjustmentKind.CORRECTION.value, c.amount, c.id)
                for c in session.scalars(select(SolarCorrection).where(
                    SolarCorrection.plant_id == plant_id, SolarCorrection.month == month)
                    .order_by(SolarCorrection.id))]
    earlier = {for_month: month_weights(session, plant_id, for_month)
               for for_month, _, _, _ in sources}
    deductions = dict(session.execute(
        select(SolarDeduction.client_id, func.sum(SolarDeduction.amount))
        .where(SolarDeduction.plant_id == plant_id, SolarDeduction.month == month)
        .group_by(SolarDeduction.client_id)).all())
    debts = _debts_before(session, plant_id, month)
    everyone = set(own) | set(deductions) | set(debts)
    for held in earlier.values():
        everyone |= set(held)
    people = _people(session, plant_id, everyone)
    codes = {client: person[2] for client, person in people.items()}
    amounts = allocate(max(net, 0), own, codes)
    adjustments = tuple(
        Adjustment(for_month, kind, amount, correction_id,
                   allocate_signed(amount, earlier[for_month], codes))
        for for_month, kind, amount, correction_id in sources)
    lines = []
    for client in sorted(everyone):
        amount = amounts.get(client, 0)
        adjusted = sum(a.lines.get(client, 0) for a in adjustments)
        deducted = int(deductions.get(client, 0))
        debt = debts.get(client, 0)
        settled = settle(amount + adjusted, deducted, debt)
        lines.append((client, own.get(client, 0), amount, adjusted, deducted, debt,
                      settled.payable, settled.debt_after))
    return Computation(month, received, costs, net, sum(own.values()), adjustments,
                       tuple(lines), people)


def _debts_before(session: Session, plant_id: int, month: dt.date) -> dict[int, int]:
    """What each client still owed after the plant's latest approved run before ``month``."""
    previous = session.scalar(select(SolarRun.id).where(
        SolarRun.plant_id == plant_id, SolarRun.month < month,
        SolarRun.status == RunStatus.APPROVED.value).order_by(SolarRun.month.desc()).limit(1))
    if previous is None:
        return {}
    return dict(session.execute(select(SolarRunLine.client_id, SolarRunLine.debt_after).where(
        SolarRunLine.run_id == previous, SolarRunLine.debt_after > 0)).all())
