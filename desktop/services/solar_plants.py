"""Solar plants: registering one with its sale contract and first tariff, changing its details,
the tariff's later entries (yearly indexation, step-downs), reading plants."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import (
    CONTRACT_YEARS,
    PlantKind,
    PlantStatus,
    Tariff,
    TariffKind,
    tariff_on,
)
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.office import Office
from desktop.models.solar import SolarPlant, SolarShare, SolarTariff
from desktop.models.tracking import Actor
from desktop.roles import Permission, require
from desktop.services.codes import next_code

MAX_CAPACITY_WATTS = 100_000_000        # 100 MW: larger is a typing mistake for a county


@dataclasses.dataclass(frozen=True)
class PlantInput:
    name: str
    county_code: str
    capacity_watts: int
    kind: str
    commissioned_on: dt.date | None
    contract_starts_on: dt.date | None
    buyer: str = ""
    contract_years: int = CONTRACT_YEARS
    site: str = ""
    meter_id: str = ""
    status: str = PlantStatus.ACTIVE.value
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class TariffInput:
    effective_on: dt.date | None
    rials_per_kwh: int
    kind: str = TariffKind.INITIAL.value
    note: str = ""


@dataclasses.dataclass(frozen=True)
class TariffRecord:
    id: int
    effective_on: dt.date
    rials_per_kwh: int
    kind: str
    note: str


@dataclasses.dataclass(frozen=True)
class PlantRecord:
    id: int
    version: int
    code: str
    name: str
    county_code: str
    county_name: str
    site: str
    capacity_watts: int
    kind: str
    commissioned_on: dt.date
    buyer: str
    contract_starts_on: dt.date
    contract_years: int
    meter_id: str
    status: str
    notes: str
    tariffs: tuple[TariffRecord, ...]      # by effective date
    shared_watts: int                      # held today
    beneficiaries: int                     # holding a share today

    @property
    def contract_ends_on(self) -> dt.date:
        start = self.contract_starts_on
        try:
            return start.replace(year=start.year + self.contract_years) - dt.timedelta(days=1)
        except ValueError:                 # 29 February
            return start.replace(year=start.year + self.contract_years, day=28)

    def tariff_on(self, day: dt.date) -> int | None:
        return tariff_on((Tariff(t.effective_on, t.rials_per_kwh) for t in self.tariffs), day)

    def as_input(self) -> PlantInput:
        return PlantInput(
            name=self.name, county_code=self.county_code, capacity_watts=self.capacity_watts,
            kind=self.kind, commissioned_on=self.commissioned_on,
            contract_starts_on=self.contract_starts_on, buyer=self.buyer,
            contract_years=self.contract_years, site=self.site, meter_id=self.meter_id,
            status=self.status, notes=self.notes)


def _validated(session: Session, data: PlantInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if len(name) < 3:
        errors["name"] = tr("Enter the plant's name (at least three letters).")
    province = session.scalar(select(Office.province_code).order_by(Office.id).limit(1))
    try:
        county = reference.county(data.county_code)
    except NotFound:
        errors["county_code"] = tr("Choose the county from the list.")
    else:
        if county.province_code != province:
            errors["county_code"] = tr("The county must be in this office's province.")
    if not 0 < data.capacity_watts <= MAX_CAPACITY_WATTS:
        errors["capacity_watts"] = tr("Enter the plant's capacity (up to 100,000 kW).")
    if data.kind not in set(PlantKind):
        errors["kind"] = tr("Choose the kind of plant.")
    if data.status not in set(PlantStatus):
        errors["status"] = tr("Choose the plant's status.")
    if data.commissioned_on is None:
        errors["commissioned_on"] = tr("Enter the date the plant was commissioned.")
    elif data.commissioned_on > today():
        errors["commissioned_on"] = tr("The date cannot be in the future.")
    if data.contract_starts_on is None:
        errors["contract_starts_on"] = tr("Enter the date the sale contract starts.")
    if not 1 <= data.contract_years <= 30:
        errors["contract_years"] = tr("A sale contract runs 1 to 30 years.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(name=name, county_code=data.county_code, capacity_watts=data.capacity_watts,
                kind=data.kind, commissioned_on=data.commissioned_on,
                contract_starts_on=data.contract_starts_on, buyer=clean_text(data.buyer),
                contract_years=data.contract_years, site=clean_text(data.site),
                meter_id=clean_text(data.meter_id), status=data.status,
                notes=clean_text(data.notes))


def _check_tariff(entry: TariffInput) -> None:
    errors: dict[str, str] = {}
    if entry.effective_on is None:
        errors["effective_on"] = tr("Enter the date the tariff takes effect.")
    if not 0 < entry.rials_per_kwh <= 100_000_000:
        errors["rials_per_kwh"] = tr("Enter the tariff in Rials per kWh.")
    if entry.kind not in set(TariffKind):
        errors["tariff_kind"] = tr("Choose the kind of tariff entry.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)


def create_plant(db: Database, actor: Actor, data: PlantInput,
                 tariff: TariffInput) -> PlantRecord:
    """A new plant with its contract's first tariff; its code is made from the county
    (SP-0707-001)."""
    require(actor, Permission.MANAGE_SOLAR)
    errors: dict[str, str] = {}
    try:
        _check_tariff(tariff)
    except ValidationError as wrong:
        errors.update(wrong.errors)
    with db.transaction(actor) as session:
        try:
            values = _validated(session, data)
        except ValidationError as wrong:
            errors = {**wrong.errors, **errors}
        if errors:
            raise ValidationError("Some fields need correcting.", errors=errors)
        code = next_code(session, SolarPlant.code, f"SP-{data.county_code}-", 3)
        plant = SolarPlant(code=code, **values)
        session.add(plant)
        session.flush()
        session.add(SolarTariff(plant_id=plant.id, effective_on=tariff.effective_on,
                                rials_per_kwh=tariff.rials_per_kwh, kind=tariff.kind,
                                note=clean_text(tariff.note)))
        session.flush()
        return plant_record(session, plant)


def update_plant(db: Database, actor: Actor, plant_id: int, data: PlantInput, *,
                 version: int) -> PlantRecord:
    require(actor, Permission.MANAGE_SOLAR)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        if plant.version != version:
            raise ConflictError("Someone else changed this plant meanwhile; open it again.")
        values = _validated(session, data)
        if values["capacity_watts"] != plant.capacity_watts:
            _check_capacity_lowered(session, plant, int(values["capacity_watts"]))
        first_share = session.scalar(select(func.min(SolarShare.starts_on))
                                     .where(SolarShare.plant_id == plant.id))
        if first_share is not None and data.commissioned_on is not None \
                and data.commissioned_on > first_share:
            raise ValidationError("A share of this plant starts before that date.",
                                  field="commissioned_on")
        for key, value in values.items():
            setattr(plant, key, value)
        session.flush()
        return plant_record(session, plant)


def _check_capacity_lowered(session: Session, plant: SolarPlant, capacity: int) -> None:
    from desktop.services.solar_shares import capacity_excess  # shares need plants first

    excess = capacity_excess(session, plant.id, capacity)
    if excess is not None:
        raise ValidationError(excess, field="capacity_watts")


def add_tariff(db: Database, actor: Actor, plant_id: int, entry: TariffInput) -> PlantRecord:
    """A later entry of the contract's tariff, in force from its date until the next."""
    require(actor, Permission.MANAGE_SOLAR)
    _check_tariff(entry)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        if session.scalar(select(SolarTariff.id).where(
                SolarTariff.plant_id == plant.id,
                SolarTariff.effective_on == entry.effective_on)) is not None:
            raise ValidationError("The tariff already has an entry on this date.",
                                  field="effective_on")
        session.add(SolarTariff(plant_id=plant.id, effective_on=entry.effective_on,
                                rials_per_kwh=entry.rials_per_kwh, kind=entry.kind,
                                note=clean_text(entry.note)))
        session.flush()
        return plant_record(session, plant)


def require_plant(session: Session, plant_id: int) -> SolarPlant:
    plant = session.get(SolarPlant, plant_id)
    if plant is None:
        raise NotFound("The solar plant was not found.")
    return plant


def tariffs_of(session: Session, plant_id: int) -> list[Tariff]:
    return [Tariff(row.effective_on, row.rials_per_kwh) for row in session.execute(
        select(SolarTariff.effective_on, SolarTariff.rials_per_kwh)
        .where(SolarTariff.plant_id == plant_id))]


def plant_record(session: Session, plant: SolarPlant) -> PlantRecord:
    tariffs = tuple(TariffRecord(t.id, t.effective_on, t.rials_per_kwh, t.kind, t.note)
                    for t in session.scalars(select(SolarTariff)
                                             .where(SolarTariff.plant_id == plant.id)
                                             .order_by(SolarTariff.effective_on)))
    day = today()
    held = session.execute(
        select(func.coalesce(func.sum(SolarShare.watts), 0),
               func.count(func.distinct(SolarShare.client_id)))
        .where(SolarShare.plant_id == plant.id, SolarShare.starts_on <= day,
               (SolarShare.ends_on.is_(None)) | (SolarShare.ends_on >= day))).one()
    return PlantRecord(
        plant.id, plant.version, plant.code, plant.name, plant.county_code,
        reference.county(plant.county_code).name_fa, plant.site, plant.capacity_watts,
        plant.kind, plant.commissioned_on, plant.buyer, plant.contract_starts_on,
        plant.contract_years, plant.meter_id, plant.status, plant.notes, tariffs,
        int(held[0]), int(held[1]))


def get_plant(db: Database, actor: Actor, plant_id: int) -> PlantRecord:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        return plant_record(session, require_plant(session, plant_id))


def find_plant(db: Database, actor: Actor, code: str) -> PlantRecord:
    """The plant with this code (SP-0707-001), or NotFound."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        plant = session.scalar(select(SolarPlant).where(
            SolarPlant.code == code.strip().upper()))
        if plant is None:
            raise NotFound("No solar plant has the code {code}.", code=code)
        return plant_record(session, plant)


def list_plants(db: Database, actor: Actor) -> list[PlantRecord]:
    """Every plant of the office, by code."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        return [plant_record(session, plant)
                for plant in session.scalars(select(SolarPlant).order_by(SolarPlant.code))]
