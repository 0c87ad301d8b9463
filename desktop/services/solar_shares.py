"""Beneficiaries' shares of a plant: giving one, ending one, and transferring one (or part of
it) to another client in one action. The shares held on any day never exceed the plant's
capacity; a client outside «سخت‌اشتغال / غیرقابل‌بازتوان» holds one only with a reason."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import PlantStatus, kw_text
from desktop.domain.solar_allocation import Holding, over_capacity
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.jalali import format_jalali
from desktop.fa.normalize import clean_text
from desktop.i18n import N_, tr
from desktop.models.people import Client
from desktop.models.solar import SolarPlant, SolarShare
from desktop.models.tracking import Actor
from desktop.roles import Permission, require
from desktop.services.solar_locks import require_open
from desktop.services.solar_plants import require_plant


class ShareNeedsReason(ValidationError):
    """The client is not marked hard to employ: saving again with a ``reason`` gives the share
    all the same, and the reason is kept with it."""

    def __init__(self, name: str) -> None:
        super().__init__(N_("{name} is not marked «hard to employ / cannot be rehabilitated»; "
                            "solar shares are for them. Give the reason to go on."),
                         field="reason", name=name)


@dataclasses.dataclass(frozen=True)
class ShareInput:
    client_id: int
    watts: int
    starts_on: dt.date | None
    ends_on: dt.date | None = None
    reason: str = ""


@dataclasses.dataclass(frozen=True)
class ShareRecord:
    id: int
    version: int
    plant_id: int
    client_id: int
    full_name: str
    national_code: str
    hard_to_employ: bool
    watts: int
    starts_on: dt.date
    ends_on: dt.date | None
    reason: str
    transferred_from_id: int | None

    def held_on(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


@dataclasses.dataclass(frozen=True)
class TransferResult:
    ended: ShareRecord            # the share given away, ended the day before
    given: ShareRecord            # the new holder's share
    kept: ShareRecord | None      # the rest the first holder keeps, when only part is given


def capacity_excess(session: Session, plant_id: int, capacity: int,
                    extra: list[Holding] | None = None,
                    leaving_out: set[int] | None = None) -> str | None:
    """The Persian refusal when the plant's shares (with ``extra``, without ``leaving_out``)
    exceed ``capacity`` on some day; None when they fit."""
    holdings = [Holding(row.id, row.watts, row.starts_on, row.ends_on)
                for row in session.execute(select(SolarShare.id, SolarShare.watts,
                                                  SolarShare.starts_on, SolarShare.ends_on)
                                           .where(SolarShare.plant_id == plant_id))
                if row.id not in (leaving_out or set())]
    found = over_capacity(capacity, holdings + list(extra or []))
    if found is None:
        return None
    day, excess = found
    return tr("On {date} the shares would exceed the plant's capacity ({capacity} kW) by "
              "{excess} kW.", date=format_jalali(day), capacity=kw_text(capacity),
              excess=kw_text(excess))


def _check(session: Session, plant: SolarPlant, data: ShareInput) -> Client:
    if plant.status == PlantStatus.DECOMMISSIONED:
        raise ValidationError("A decommissioned plant takes no new shares.", field="client_id")
    errors: dict[str, str] = {}
    client = session.get(Client, data.client_id)
    if client is None:
        errors["client_id"] = tr("Choose the client.")
    if not 0 < data.watts <= plant.capacity_watts:
        errors["watts"] = tr("Enter the share in kW (more than zero, at most the plant's "
                             "capacity).")
    if data.starts_on is None:
        errors["starts_on"] = tr("Enter the date the share starts.")
    elif data.starts_on < plant.commissioned_on:
        errors["starts_on"] = tr("A share cannot start before the plant was commissioned "
                                 "({date}).", date=format_jalali(plant.commissioned_on))
    if data.ends_on is not None and data.starts_on is not None \
            and data.ends_on < data.starts_on:
        errors["ends_on"] = tr("A share ends on or after the day it starts.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    assert client is not None
    if not client.hard_to_employ and len(clean_text(data.reason)) < 5:
        raise ShareNeedsReason(f"{client.first_name} {client.last_name}")
    return client


def _add(session: Session, plant: SolarPlant, data: ShareInput,
         transferred_from: int | None = None) -> SolarShare:
    client = _check(session, plant, data)
    require_open(session, plant.id, data.starts_on, field="starts_on")
    share = SolarShare(plant_id=plant.id, client_id=client.id, watts=data.watts,
                       starts_on=data.starts_on, ends_on=data.ends_on,
                       reason="" if client.hard_to_employ else clean_text(data.reason),
                       transferred_from_id=transferred_from)
    session.add(share)
    session.flush()
    return share


def _check_capacity(session: Session, plant: SolarPlant) -> None:
    refusal = capacity_excess(session, plant.id, plant.capacity_watts)
    if refusal is not None:
        raise ValidationError(refusal, field="watts")


def add_share(db: Database, actor: Actor, plant_id: int, data: ShareInput) -> ShareRecord:
    """Gives a client a share of the plant; refused when the plant would be over-subscribed on
    any day, ShareNeedsReason for a client not marked hard to employ."""
    require(actor, Permission.MANAGE_SOLAR)
    with db.transaction(actor) as session:
        plant = require_plant(session, plant_id)
        share = _add(session, plant, data)
        _check_capacity(session, plant)
        return share_record(session, share)


def _require_share(session: Session, share_id: int, version: int) -> SolarShare:
    share = session.get(SolarShare, share_id)
    if share is None:
        raise NotFound("The share was not found.")
    if share.version != version:
        raise ConflictError("Someone else changed this share meanwhile; open it again.")
    return share


def end_share(db: Database, actor: Actor, share_id: int, ends_on: dt.date, *,
              version: int) -> ShareRecord:
    """The share is held up to and including ``ends_on``."""
    require(actor, Permission.MANAGE_SOLAR)
    with db.transaction(actor) as session:
        share = _require_share(session, share_id, version)
        _end(session, share, ends_on)
        return share_record(session, share)


def _end(session: Session, share: SolarShare, ends_on: dt.date) -> None:
    if ends_on < share.starts_on:
        raise ValidationError("A share ends on or after the day it starts.", field="ends_on")
    if share.ends_on is not None and ends_on > share.ends_on:
        raise ValidationError("The share already ends on {date}.", field="ends_on",
                              date=format_jalali(share.ends_on))
    require_open(session, share.plant_id, ends_on, field="ends_on")
    share.ends_on = ends_on
    session.flush()


def transfer_share(db: Database, actor: Actor, share_id: int, to: ShareInput, *,
                   version: int) -> TransferResult:
    """From ``to.starts_on`` the share (or ``to.watts`` of it) is ``to.client_id``'s: the old
    share ends the day before, the rest stays with its holder as a new share."""
    require(actor, Permission.MANAGE_SOLAR)
    with db.transaction(actor) as session:
        share = _require_share(session, share_id, version)
        plant = require_plant(session, share.plant_id)
        if to.starts_on is None or not share.starts_on < to.starts_on:
            raise ValidationError("A share is transferred from a day after it started.",
                                  field="starts_on")
        if share.ends_on is not None and to.starts_on > share.ends_on:
            raise ValidationError("The share already ends on {date}.", field="starts_on",
                                  date=format_jalali(share.ends_on))
        if to.client_id == share.client_id:
            raise ValidationError("Choose another client to receive the share.",
                                  field="client_id")
        if not 0 < to.watts <= share.watts:
            raise ValidationError("Enter the part transferred: at most the share ({kw} kW).",
                                  field="watts", kw=kw_text(share.watts))
        old_end = share.ends_on
        _end(session, share, to.starts_on - dt.timedelta(days=1))
        given = _add(session, plant, dataclasses.replace(to, ends_on=old_end), share.id)
        kept = None
        if to.watts < share.watts:
            kept = SolarShare(plant_id=plant.id, client_id=share.client_id,
                              watts=share.watts - to.watts, starts_on=to.starts_on,
                              ends_on=old_end, reason=share.reason,
                              transferred_from_id=share.id)
            session.add(kept)
            session.flush()
        _check_capacity(session, plant)
        return TransferResult(share_record(session, share), share_record(session, given),
                              share_record(session, kept) if kept else None)


def share_record(session: Session, share: SolarShare) -> ShareRecord:
    client = session.get(Client, share.client_id)
    assert client is not None
    return ShareRecord(share.id, share.version, share.plant_id, share.client_id,
                       f"{client.first_name} {client.last_name}", client.national_code,
                       client.hard_to_employ, share.watts, share.starts_on, share.ends_on,
                       share.reason, share.transferred_from_id)


def _records(session: Session, *where) -> list[ShareRecord]:
    rows = session.execute(
        select(SolarShare, Client.first_name, Client.last_name, Client.national_code,
               Client.hard_to_employ).join(Client, Client.id == SolarShare.client_id)
        .where(*where).order_by(SolarShare.starts_on, Client.national_code, SolarShare.id))
    return [ShareRecord(s.id, s.version, s.plant_id, s.client_id, f"{first} {last}", code,
                        hard, s.watts, s.starts_on, s.ends_on, s.reason, s.transferred_from_id)
            for s, first, last, code, hard in rows]


def shares_of_plant(db: Database, actor: Actor, plant_id: int,
                    on: dt.date | None = None) -> list[ShareRecord]:
    """The plant's shares, every one or those held on ``on``."""
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        require_plant(session, plant_id)
        where = [SolarShare.plant_id == plant_id]
        if on is not None:
            where += [SolarShare.starts_on <= on,
                      SolarShare.ends_on.is_(None) | (SolarShare.ends_on >= on)]
        return _records(session, *where)


def shares_of_client(db: Database, actor: Actor, client_id: int) -> list[ShareRecord]:
    require(actor, Permission.VIEW_CASES)
    with db.reading() as session:
        return _records(session, SolarShare.client_id == client_id)


def current_shares(db: Database, actor: Actor, plant_id: int) -> list[ShareRecord]:
    return shares_of_plant(db, actor, plant_id, today())
