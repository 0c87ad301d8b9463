"""Women's mutual-help groups and cooperatives: setting one up, its registration and its shared
business, reading it.

They live in the community group table beside the micro-finance groups, with the same access
rules (desktop/services/group_access.py): whoever manages groups creates and changes them, the
group's facilitator records what it does. Codes are numbered per county: MH-0707-0001 for a
mutual-help group, CO-0707-0001 for either kind of cooperative.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.business_books import MonthFigures, month_of, overdrawn, run_books
from desktop.domain.groups import GroupKind, GroupStatus, MeetingFrequency
from desktop.domain.pathway import Sector
from desktop.domain.women_groups import WOMENS_KINDS, BusinessKind
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.digits import to_latin_digits
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_rials
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.base import Record
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.models.women_groups import (
    BazaarAttendance,
    BusinessMonth,
    GroupBusiness,
    GroupTraining,
    MarketLink,
    WomenMeeting,
)
from desktop.roles import Permission, require
from desktop.services.group_access import can_record, require_group_visible, require_recordable
from desktop.services.groups import checked_group_details, group_code

MAX_AMOUNT = 10**15     # Rials: far beyond any group's money, short of any column's limit


@dataclasses.dataclass(frozen=True)
class WomenGroupInput:
    kind: str
    name: str
    county_code: str
    formed_on: dt.date | None
    meeting_frequency: str = MeetingFrequency.MONTHLY.value
    locality: str = ""
    urban: bool = False
    facilitator_id: int | None = None
    status: str = GroupStatus.ACTIVE.value
    registration_number: str = ""       # a cooperative's, once registered
    registered_on: dt.date | None = None
    capital: int | None = None          # a cooperative's registered capital, Rials
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class BusinessInput:
    title: str                          # what it makes or does, e.g. «تولید رب انار»
    kind: str                           # BusinessKind
    sector: str                         # desktop.domain.pathway.Sector
    description: str = ""
    started_on: dt.date | None = None
    opening_cash: int = 0               # the cash its books start with, Rials


@dataclasses.dataclass(frozen=True)
class BusinessRecord:
    id: int
    version: int
    title: str
    kind: str
    sector: str
    description: str
    started_on: dt.date | None
    opening_cash: int

    def as_input(self) -> BusinessInput:
        return BusinessInput(self.title, self.kind, self.sector, self.description,
                             self.started_on, self.opening_cash)


@dataclasses.dataclass(frozen=True)
class WomenGroupRecord:
    id: int
    uuid: str
    version: int
    code: str
    kind: str
    name: str
    county_code: str
    county_name: str
    locality: str
    urban: bool
    facilitator_id: int | None
    facilitator_name: str
    formed_on: dt.date
    meeting_frequency: str
    status: str
    registration_number: str
    registered_on: dt.date | None
    capital: int | None
    notes: str
    business: BusinessRecord | None
    editable: bool              # the actor may record its members, activity and money

    @property
    def is_cooperative(self) -> bool:
        return GroupKind(self.kind).is_cooperative

    def as_input(self) -> WomenGroupInput:
        return WomenGroupInput(
            kind=self.kind, name=self.name, county_code=self.county_code,
            formed_on=self.formed_on, meeting_frequency=self.meeting_frequency,
            locality=self.locality, urban=self.urban, facilitator_id=self.facilitator_id,
            status=self.status, registration_number=self.registration_number,
            registered_on=self.registered_on, capital=self.capital, notes=self.notes)


def touch(record: Record) -> None:
    """Makes the next flush write ``record`` (and so raise its row version) although none of
    its own columns changed: a training whose attendance alone changed is still a newer
    training, and whoever holds the older one must be told."""
    flag_modified(record, "updated_at")


def is_womens(group: CommunityGroup) -> bool:
    return group.kind in {k.value for k in WOMENS_KINDS}


def require_women_group(actor: Actor, group: CommunityGroup | None) -> CommunityGroup:
    """The group, if the actor may see it and it is a women's group or cooperative."""
    group = require_group_visible(actor, group)
    if not is_womens(group):
        raise NotFound("This group is not a women's group or cooperative.")
    return group


def require_women_recordable(actor: Actor, group: CommunityGroup | None) -> CommunityGroup:
    """As ``require_women_group``, for recording: the group's facilitator or a county expert."""
    return require_recordable(actor, require_women_group(actor, group))


def _validated(session: Session, data: WomenGroupInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.kind not in {k.value for k in WOMENS_KINDS}:
        errors["kind"] = tr("Choose the kind of group.")
    values = checked_group_details(session, data, errors)
    number = clean_text(to_latin_digits(data.registration_number))
    if "kind" in errors:
        pass        # whether it is registered depends on its kind
    elif not GroupKind(data.kind).is_cooperative:
        if number or data.registered_on is not None:
            errors["registration_number"] = tr("Only a cooperative is registered.")
        if data.capital is not None:
            errors["capital"] = tr("Only a cooperative has a registered capital; a group's "
                                   "capital is what its members put in.")
    else:
        errors.update(_registration_errors(data, number))
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(values, kind=data.kind, registration_number=number,
                registered_on=data.registered_on, capital=data.capital)


def _registration_errors(data: WomenGroupInput, number: str) -> dict[str, str]:
    """A cooperative may still be on its way to the registry; once registered it has its
    number, its date and its registered capital."""
    errors: dict[str, str] = {}
    if len(number) > 30:
        errors["registration_number"] = tr("A registration number has at most 30 characters.")
    if number and data.registered_on is None:
        errors["registered_on"] = tr("Enter the date the cooperative was registered.")
    if data.registered_on is not None:
        if not number:
            errors["registration_number"] = tr("Enter the cooperative's registration number.")
        if data.registered_on > today():
            errors["registered_on"] = tr("The date cannot be in the future.")
        elif data.formed_on is not None and data.registered_on < data.formed_on:
            errors["registered_on"] = tr("A cooperative is registered after it is formed.")
        if data.capital is None or data.capital <= 0:
            errors["capital"] = tr("Enter the registered capital in Rials.")
    if data.capital is not None and not 0 <= data.capital <= MAX_AMOUNT:
        errors["capital"] = tr("Enter the registered capital in Rials.")
    return errors


def create_women_group(db: Database, actor: Actor, data: WomenGroupInput,
                       business: BusinessInput | None = None) -> WomenGroupRecord:
    """A new group, and its business if already known; its code is made from its kind and
    county (MH-0707-0001, CO-0707-0001)."""
    require(actor, Permission.MANAGE_GROUPS)
    with db.transaction(actor) as session:
        values = _validated(session, data)
        group = CommunityGroup(code=group_code(session, GroupKind(data.kind), data.county_code),
                               **values)
        session.add(group)
        session.flush()
        if business is not None:
            session.add(GroupBusiness(group_id=group.id, **_business_values(business)))
            session.flush()
        return women_group_record(session, actor, group)


def update_women_group(db: Database, actor: Actor, group_id: int, data: WomenGroupInput, *,
                       version: int) -> WomenGroupRecord:
    """Changes the group's details; its kind may change between the two cooperatives (a client
    cooperative that becomes a women entrepreneurs' one), never to or from a mutual-help
    group, whose members hold other offices."""
    require(actor, Permission.MANAGE_GROUPS)
    with db.transaction(actor) as session:
        group = require_women_group(actor, session.get(CommunityGroup, group_id))
        if group.version != version:
            raise ConflictError("Someone else changed this group meanwhile; open it again.")
        values = _validated(session, data)
        if GroupKind(group.kind).is_cooperative != GroupKind(data.kind).is_cooperative:
            raise ValidationError("A mutual-help group and a cooperative keep their kind; "
                                  "register the cooperative as a new group.", field="kind")
        if month_of(values["formed_on"]) > _earliest_record(session, group.id):
            raise ValidationError("The group has members or records before this date.",
                                  field="formed_on")
        if values["formed_on"] > _earliest_record(session, group.id, months=False):
            raise ValidationError("The group has members or records before this date.",
                                  field="formed_on")
        for key, value in values.items():
            setattr(group, key, value)
        session.flush()
        return women_group_record(session, actor, group)


def _earliest_record(session: Session, group_id: int, *, months: bool = True) -> dt.date:
    """The first day the group's records name: a member joining, a meeting, a training, a
    market link, a bazaar — or, with ``months``, the first month of its books (a month
    starts on its first day, so it is compared with the month the group was formed in)."""
    dated = [(GroupMember.joined_on, GroupMember.group_id),
             (WomenMeeting.held_on, WomenMeeting.group_id),
             (GroupTraining.starts_on, GroupTraining.group_id),
             (MarketLink.starts_on, MarketLink.group_id),
             (BazaarAttendance.starts_on, BazaarAttendance.group_id)]
    if months:
        dated = [(BusinessMonth.month_start, BusinessMonth.group_id)]
    days = [session.scalar(select(func.min(column)).where(owner == group_id))
            for column, owner in dated]
    return min((d for d in days if d is not None), default=dt.date.max)


def month_figures(session: Session, group_id: int) -> list[MonthFigures]:
    """The months of the group's books, in order."""
    return [MonthFigures(m.month_start, m.sales, m.costs, m.paid_out)
            for m in session.execute(
                select(BusinessMonth.month_start, BusinessMonth.sales, BusinessMonth.costs,
                       BusinessMonth.paid_out)
                .where(BusinessMonth.group_id == group_id).order_by(BusinessMonth.month_start))]


def _business_values(data: BusinessInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if len(title) < 3:
        errors["title"] = tr("Enter what the business makes or does (at least three letters).")
    if data.kind not in set(BusinessKind):
        errors["kind"] = tr("Choose whether it makes a product or provides a service.")
    if data.sector not in set(Sector):
        errors["sector"] = tr("Choose the sector.")
    if data.started_on is not None and data.started_on > today():
        errors["started_on"] = tr("The date cannot be in the future.")
    if not 0 <= data.opening_cash <= MAX_AMOUNT:
        errors["opening_cash"] = tr("Enter the cash the business started with, in Rials "
                                    "(zero if none).")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(title=title, kind=data.kind, sector=data.sector,
                description=clean_text(data.description), started_on=data.started_on,
                opening_cash=data.opening_cash)


def save_business(db: Database, actor: Actor, group_id: int, data: BusinessInput, *,
                  version: int | None = None) -> BusinessRecord:
    """Describes the group's business (``version`` None) or changes it. A different opening
    cash re-runs the months already recorded, which must still keep the rule."""
    with db.transaction(actor) as session:
        # Locked as the months are (women_money.py): the books are re-run on one state.
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id,
                                                            with_for_update=True))
        business = session.scalar(select(GroupBusiness).where(
            GroupBusiness.group_id == group.id))
        if (business is None) != (version is None) or (
                business is not None and business.version != version):
            raise ConflictError("Someone else changed this group meanwhile; open it again.")
        values = _business_values(data)
        books = run_books(data.opening_cash, month_figures(session, group.id))
        wrong = overdrawn(books)
        if wrong is not None:
            raise ValidationError(
                "With this opening cash {month} would pay its members {paid}, more than the "
                "{cash} it had.", field="opening_cash", month=format_jalali_month(wrong.month),
                paid=format_rials(wrong.paid_out), cash=format_rials(wrong.payable))
        if business is None:
            business = GroupBusiness(group_id=group.id, **values)
            session.add(business)
        else:
            for key, value in values.items():
                setattr(business, key, value)
        session.flush()
        return business_record(business)


def business_record(b: GroupBusiness) -> BusinessRecord:
    return BusinessRecord(b.id, b.version, b.title, b.kind, b.sector, b.description,
                          b.started_on, b.opening_cash)


def women_group_record(session: Session, actor: Actor,
                       group: CommunityGroup) -> WomenGroupRecord:
    facilitator = session.get(User, group.facilitator_id) if group.facilitator_id else None
    business = session.scalar(select(GroupBusiness).where(GroupBusiness.group_id == group.id))
    return WomenGroupRecord(
        group.id, group.uuid, group.version, group.code, group.kind, group.name,
        group.county_code, reference.county(group.county_code).name_fa, group.locality,
        group.urban, group.facilitator_id, facilitator.full_name if facilitator else "",
        group.formed_on, group.meeting_frequency, group.status, group.registration_number,
        group.registered_on, group.capital, group.notes,
        business_record(business) if business else None, can_record(actor, group))


def get_women_group(db: Database, actor: Actor, group_id: int) -> WomenGroupRecord:
    with db.reading() as session:
        group = require_women_group(actor, session.get(CommunityGroup, group_id))
        return women_group_record(session, actor, group)


def find_women_group(db: Database, actor: Actor, code: str) -> WomenGroupRecord:
    """By code (MH-0707-0001), as typed: case and digits do not matter."""
    with db.reading() as session:
        group = session.scalar(select(CommunityGroup).where(
            CommunityGroup.code == to_latin_digits(code).strip().upper()))
        return women_group_record(session, actor, require_women_group(actor, group))
