"""How a women's group reaches its market: links to larger firms and supply chains, outsourcing
contracts, shops on digital sales platforms, and the self-employment bazaars (بازارچه‌های
خوداشتغالی) it sold at, with their dates and what it sold there.

A bazaar's sales are part of its month's sales in the business's books; they are kept here as
well to show what each bazaar brought.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import LinkKind
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.digits import to_latin_digits
from desktop.fa.normalize import clean_text
from desktop.fa.web_address import WebAddressError, normalize_web_address
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup
from desktop.models.tracking import Actor
from desktop.models.women_groups import BazaarAttendance, MarketLink
from desktop.services.women_groups import (
    MAX_AMOUNT,
    require_women_group,
    require_women_recordable,
)

BAZAAR_DAYS = 60        # a bazaar lasts days or weeks; longer is a typing mistake


@dataclasses.dataclass(frozen=True)
class MarketLinkInput:
    kind: str                           # LinkKind
    partner: str                        # the firm, chain, contractor or platform (e.g. باسلام)
    starts_on: dt.date | None
    ends_on: dt.date | None = None      # None: still running
    contract_number: str = ""
    contract_value: int | None = None   # Rials
    shop_url: str = ""                  # the group's shop; required on a digital platform
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class MarketLinkRecord:
    id: int
    version: int
    kind: str
    partner: str
    starts_on: dt.date
    ends_on: dt.date | None
    contract_number: str
    contract_value: int | None
    shop_url: str
    notes: str

    def active_on(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    def as_input(self) -> MarketLinkInput:
        return MarketLinkInput(self.kind, self.partner, self.starts_on, self.ends_on,
                               self.contract_number, self.contract_value, self.shop_url,
                               self.notes)


@dataclasses.dataclass(frozen=True)
class BazaarInput:
    name: str                           # e.g. «بازارچه خوداشتغالی نوروزی»
    starts_on: dt.date | None
    sales: int                          # Rials sold there
    ends_on: dt.date | None = None      # None: one day
    place: str = ""
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class BazaarRecord:
    id: int
    version: int
    name: str
    place: str
    starts_on: dt.date
    ends_on: dt.date
    sales: int
    notes: str

    def as_input(self) -> BazaarInput:
        return BazaarInput(self.name, self.starts_on, self.sales, self.ends_on, self.place,
                           self.notes)


def _dates(errors: dict[str, str], group: CommunityGroup, starts_on: dt.date | None,
           ends_on: dt.date | None, missing: str) -> None:
    if starts_on is None:
        errors["starts_on"] = missing
    elif starts_on < group.formed_on:
        errors["starts_on"] = tr("The date is before the group was formed.")
    if ends_on is not None and starts_on is not None and ends_on < starts_on:
        errors["ends_on"] = tr("It ends after it starts.")


def _link_values(group: CommunityGroup, data: MarketLinkInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.kind not in set(LinkKind):
        errors["kind"] = tr("Choose the kind of link.")
    partner = clean_text(data.partner)
    if len(partner) < 2:
        errors["partner"] = tr("Enter the name of the firm, chain or platform.")
    _dates(errors, group, data.starts_on, data.ends_on, tr("Enter the date the link began."))
    url = ""
    if data.shop_url.strip():
        try:
            url = normalize_web_address(data.shop_url)
        except WebAddressError as exc:
            errors["shop_url"] = exc.message
        else:
            if len(url) > 300:
                errors["shop_url"] = tr("The web address is too long.")
    elif data.kind == LinkKind.DIGITAL:
        errors["shop_url"] = tr("Enter the link to the group's shop on the platform.")
    number = clean_text(to_latin_digits(data.contract_number))
    if len(number) > 50:
        errors["contract_number"] = tr("A contract number has at most 50 characters.")
    if data.contract_value is not None and not 0 <= data.contract_value <= MAX_AMOUNT:
        errors["contract_value"] = tr("Amounts are never negative.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(kind=data.kind, partner=partner, starts_on=data.starts_on,
                ends_on=data.ends_on, contract_number=number,
                contract_value=data.contract_value, shop_url=url,
                notes=clean_text(data.notes))


def _link_record(link: MarketLink) -> MarketLinkRecord:
    return MarketLinkRecord(link.id, link.version, link.kind, link.partner, link.starts_on,
                            link.ends_on, link.contract_number, link.contract_value,
                            link.shop_url, link.notes)


def add_market_link(db: Database, actor: Actor, group_id: int,
                    data: MarketLinkInput) -> MarketLinkRecord:
    with db.transaction(actor) as session:
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id))
        link = MarketLink(group_id=group.id, **_link_values(group, data))
        session.add(link)
        session.flush()
        return _link_record(link)


def update_market_link(db: Database, actor: Actor, link_id: int, data: MarketLinkInput, *,
                       version: int) -> MarketLinkRecord:
    """Changes a link; a link that ended is given its end date (and stays on record)."""
    with db.transaction(actor) as session:
        link = session.get(MarketLink, link_id)
        if link is None:
            raise NotFound("This market link is not recorded.")
        group = require_women_recordable(actor, session.get(CommunityGroup, link.group_id))
        if link.version != version:
            raise ConflictError("Someone else changed this record meanwhile; open it again.")
        for key, value in _link_values(group, data).items():
            setattr(link, key, value)
        session.flush()
        return _link_record(link)


def delete_market_link(db: Database, actor: Actor, link_id: int) -> None:
    """Removes a link recorded by mistake."""
    with db.transaction(actor) as session:
        link = session.get(MarketLink, link_id)
        if link is None:
            raise NotFound("This market link is not recorded.")
        require_women_recordable(actor, session.get(CommunityGroup, link.group_id))
        session.delete(link)


def read_links(session: Session, group_id: int) -> list[MarketLinkRecord]:
    """The group's links, running ones first, then by start, latest first."""
    links = [_link_record(link) for link in session.scalars(
        select(MarketLink).where(MarketLink.group_id == group_id))]
    now = today()
    return sorted(links, key=lambda link: (not link.active_on(now), -link.starts_on.toordinal(),
                                           -link.id))


def market_links(db: Database, actor: Actor, group_id: int) -> list[MarketLinkRecord]:
    """The group's links, running ones first, then by start, latest first."""
    with db.reading() as session:
        require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_links(session, group_id)


def _bazaar_values(group: CommunityGroup, data: BazaarInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if len(name) < 3:
        errors["name"] = tr("Enter the bazaar's name (at least three letters).")
    _dates(errors, group, data.starts_on, data.ends_on, tr("Enter the date the bazaar began."))
    ends_on = data.ends_on or data.starts_on
    if data.starts_on is not None and "starts_on" not in errors:
        if data.starts_on > today():
            errors["starts_on"] = tr("A bazaar is recorded once the group has sold there.")
        elif "ends_on" not in errors and (ends_on - data.starts_on).days > BAZAAR_DAYS:
            errors["ends_on"] = tr("A bazaar lasts at most {days} days.", days=BAZAAR_DAYS)
    if not 0 <= data.sales <= MAX_AMOUNT:
        errors["sales"] = tr("Amounts are never negative.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(name=name, place=clean_text(data.place), starts_on=data.starts_on,
                ends_on=ends_on, sales=data.sales, notes=clean_text(data.notes))


def _bazaar_record(b: BazaarAttendance) -> BazaarRecord:
    return BazaarRecord(b.id, b.version, b.name, b.place, b.starts_on, b.ends_on, b.sales,
                        b.notes)


def add_bazaar(db: Database, actor: Actor, group_id: int, data: BazaarInput) -> BazaarRecord:
    with db.transaction(actor) as session:
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id))
        bazaar = BazaarAttendance(group_id=group.id, **_bazaar_values(group, data))
        session.add(bazaar)
        session.flush()
        return _bazaar_record(bazaar)


def update_bazaar(db: Database, actor: Actor, bazaar_id: int, data: BazaarInput, *,
                  version: int) -> BazaarRecord:
    with db.transaction(actor) as session:
        bazaar = session.get(BazaarAttendance, bazaar_id)
        if bazaar is None:
            raise NotFound("This bazaar is not recorded.")
        group = require_women_recordable(actor, session.get(CommunityGroup, bazaar.group_id))
        if bazaar.version != version:
            raise ConflictError("Someone else changed this record meanwhile; open it again.")
        for key, value in _bazaar_values(group, data).items():
            setattr(bazaar, key, value)
        session.flush()
        return _bazaar_record(bazaar)


def delete_bazaar(db: Database, actor: Actor, bazaar_id: int) -> None:
    with db.transaction(actor) as session:
        bazaar = session.get(BazaarAttendance, bazaar_id)
        if bazaar is None:
            raise NotFound("This bazaar is not recorded.")
        require_women_recordable(actor, session.get(CommunityGroup, bazaar.group_id))
        session.delete(bazaar)


def read_bazaars(session: Session, group_id: int) -> list[BazaarRecord]:
    return [_bazaar_record(b) for b in session.scalars(
        select(BazaarAttendance).where(BazaarAttendance.group_id == group_id)
        .order_by(BazaarAttendance.starts_on.desc(), BazaarAttendance.id.desc()))]


def bazaars(db: Database, actor: Actor, group_id: int) -> list[BazaarRecord]:
    """The bazaars the group sold at, latest first."""
    with db.reading() as session:
        require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_bazaars(session, group_id)
