"""A beneficiary's solar income statement, of a Jalali month or year: their shares, and month
by month what each plant's approved allocation gave them, what came off and what was paid;
printed as a PDF on the forms engine, sealed like a client's forms, and audited."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from desktop.actor import Actor
from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import RunStatus, SolarForm, month_from_jalali, next_month
from desktop.errors import NotFound, ValidationError
from desktop.fa.jalali import format_jalali_month
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.models.people import Client
from desktop.models.solar import SolarPlant, SolarRun, SolarRunLine, SolarShare
from desktop.models.tracking import record_event
from desktop.reports.document import FormDocument, Letterhead
from desktop.reports.forms.solar_statement import solar_statement_form
from desktop.roles import Permission, require
from desktop.services.form_seal import SealMaker
from desktop.services.office import get_office
from desktop.services.printing import PrintResult


@dataclasses.dataclass(frozen=True)
class StatementShare:
    plant_code: str
    plant_name: str
    watts: int
    starts_on: dt.date
    ends_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class StatementLine:
    month: dt.date
    plant_code: str
    weight: int                  # watt-days
    amount: int
    adjustments: int
    deductions: int
    debt_before: int
    payable: int
    debt_after: int


@dataclasses.dataclass(frozen=True)
class IncomeStatement:
    client_id: int
    client_uuid: str
    full_name: str
    father_name: str
    national_code: str
    sheba: str
    year: int
    month: int | None            # None: the whole year
    first: dt.date
    last: dt.date
    shares: tuple[StatementShare, ...]
    lines: tuple[StatementLine, ...]     # approved runs only, by month then plant

    @property
    def period_text(self) -> str:
        from desktop.fa.digits import to_persian_digits

        return format_jalali_month(self.first) if self.month else to_persian_digits(self.year)

    def total(self, field: str) -> int:
        return sum(getattr(line, field) for line in self.lines)


def income_statement(db: Database, actor: Actor, national_code: str, year: int,
                     month: int | None = None) -> IncomeStatement:
    """The client's income from solar shares in the Jalali ``year`` (or one ``month`` of it)."""
    require(actor, Permission.VIEW_CASES)
    try:
        code = validate_national_code(national_code)
    except NationalCodeError as exc:
        raise ValidationError(exc.message, field="national_code") from None
    if not 1300 <= year <= 1500 or (month is not None and not 1 <= month <= 12):
        raise ValidationError("Choose the year and month.", field="year")
    first = month_from_jalali(year, month or 1)
    last = next_month(first) if month else month_from_jalali(year + 1, 1)
    with db.reading() as session:
        client = session.scalar(select(Client).where(Client.national_code == code))
        if client is None:
            raise NotFound("No client has this national code.")
        shares = tuple(StatementShare(code_, name, s.watts, s.starts_on, s.ends_on)
                       for s, code_, name in session.execute(
                           select(SolarShare, SolarPlant.code, SolarPlant.name)
                           .join(SolarPlant).where(SolarShare.client_id == client.id)
                           .order_by(SolarShare.starts_on, SolarPlant.code)))
        lines = tuple(StatementLine(month_, plant, line.weight, line.amount, line.adjustments,
                                    line.deductions, line.debt_before, line.payable,
                                    line.debt_after)
                      for line, month_, plant in session.execute(
                          select(SolarRunLine, SolarRun.month, SolarPlant.code)
                          .join(SolarRun, SolarRun.id == SolarRunLine.run_id)
                          .join(SolarPlant, SolarPlant.id == SolarRun.plant_id)
                          .where(SolarRunLine.client_id == client.id,
                                 SolarRun.status == RunStatus.APPROVED.value,
                                 SolarRun.month >= first, SolarRun.month < last)
                          .order_by(SolarRun.month, SolarPlant.code)))
        return IncomeStatement(client.id, client.uuid, f"{client.first_name} {client.last_name}",
                               client.father_name, client.national_code, client.sheba or "",
                               year, month, first, last - dt.timedelta(days=1), shares, lines)


def print_statement(db: Database, actor: Actor, national_code: str, year: int, path: Path, *,
                    month: int | None = None) -> PrintResult:
    """Writes the statement into the PDF at ``path`` (never left half-written)."""
    statement = income_statement(db, actor, national_code, year, month)
    on = today()
    path = Path(path)
    office = get_office(db)
    letterhead = Letterhead(office.province_name, office.county_name, office.name, on,
                            actor.full_name or actor.username)
    seal = SealMaker(db).seal(SolarForm.STATEMENT.value, statement.client_uuid, on)
    handle, temporary = tempfile.mkstemp(prefix=".karsaz-", suffix=".pdf",
                                         dir=path.parent if str(path.parent) else None)
    os.close(handle)
    try:
        document = FormDocument(Path(temporary),
                                f"{SolarForm.STATEMENT.label} — {statement.full_name}",
                                letterhead)
        document.add(solar_statement_form(statement, on), seal)
        document.close()
        with db.transaction(actor) as session:
            record_event(session, "print", entity="client", entity_id=statement.client_id,
                         entity_uuid=statement.client_uuid,
                         detail={"form": SolarForm.STATEMENT.value, "year": year,
                                 "month": month})
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return PrintResult(path, document.forms, document.pages)
