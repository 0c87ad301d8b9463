"""The payouts of approved allocations: one bank transfer per beneficiary, of one plant's run
or of every plant's run of a month (a person paid by two plants gets one transfer)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from desktop.database import Database
from desktop.domain.solar import RunStatus, format_period, month_of
from desktop.errors import ValidationError
from desktop.models.people import Client
from desktop.models.solar import SolarPlant, SolarRun, SolarRunLine
from desktop.models.tracking import Actor, record_event
from desktop.reports.solar_payouts import PayoutRow, write_payouts
from desktop.roles import Permission, require


def payout_rows(db: Database, actor: Actor, month: dt.date, *,
                plant_code: str | None = None) -> list[PayoutRow]:
    """Who is paid what for the month's approved runs (or the one plant's), by national code;
    refused when there is none."""
    require(actor, Permission.MANAGE_SOLAR)
    month = month_of(month)
    with db.reading() as session:
        runs = select(SolarRun.id).join(SolarPlant).where(
            SolarRun.month == month, SolarRun.status == RunStatus.APPROVED.value)
        if plant_code:
            runs = runs.where(SolarPlant.code == plant_code.strip().upper())
        if session.scalar(select(func.count()).select_from(runs.subquery())) == 0:
            raise ValidationError("No allocation of {period} is approved yet.", field="month",
                                  period=format_period(month))
        rows = session.execute(
            select(Client.first_name, Client.last_name, Client.national_code, Client.sheba,
                   func.sum(SolarRunLine.payable))
            .join(Client, Client.id == SolarRunLine.client_id)
            .where(SolarRunLine.run_id.in_(runs), SolarRunLine.payable > 0)
            .group_by(Client.id, Client.first_name, Client.last_name, Client.national_code,
                      Client.sheba)
            .order_by(Client.national_code))
        return [PayoutRow(f"{first} {last}", code, sheba or "", int(amount))
                for first, last, code, sheba, amount in rows]


def export_payouts(db: Database, actor: Actor, month: dt.date, path, *,
                   plant_code: str | None = None) -> list[PayoutRow]:
    """Writes the month's transfer list (.csv or .xlsx) and records who wrote it."""
    rows = payout_rows(db, actor, month, plant_code=plant_code)
    write_payouts(rows, path, sheet=format_period(month, persian_digits=False).replace("/", "-"))
    with db.transaction(actor) as session:
        record_event(session, "solar_payouts_exported", entity="solar_run",
                     detail={"period": format_period(month, persian_digits=False),
                             "plant": plant_code or "", "payees": len(rows),
                             "total": sum(r.amount for r in rows)})
    return rows
