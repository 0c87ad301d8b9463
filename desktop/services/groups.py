"""Micro-finance groups: setting one up with its first cycle, changing its details, reading it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.groups import (
    MAX_SHARES_PER_MEETING,
    CycleStatus,
    GroupKind,
    GroupStatus,
    MeetingFrequency,
)
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.fa.sheba import ShebaError, validate_sheba
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup, GroupCycle
from desktop.models.office import Office
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.roles import Permission, require
from desktop.services.codes import next_code
from desktop.services.group_access import can_record, require_group_visible


@dataclasses.dataclass(frozen=True)
class GroupInput:
    name: str
    county_code: str
    formed_on: dt.date | None
    meeting_frequency: str
    locality: str = ""
    urban: bool = False
    facilitator_id: int | None = None
    status: str = GroupStatus.ACTIVE.value
    bank_name: str = ""
    bank_branch: str = ""
    bank_sheba: str = ""
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class CycleRules:
    starts_on: dt.date | None
    ends_on: dt.date | None
    share_price: int
    service_charge_bp: int         # per month, 200 = 2%
    max_shares: int = 5
    loan_multiple: int = 3
    social_contribution: int = 0


@dataclasses.dataclass(frozen=True)
class CycleRecord:
    id: int
    version: int
    number: int
    starts_on: dt.date
    ends_on: dt.date
    share_price: int
    service_charge_bp: int
    max_shares: int
    loan_multiple: int
    social_contribution: int
    opening_loan_fund: int
    opening_social_fund: int
    status: str
    shared_out_on: dt.date | None
    distributable: int | None
    total_shares: int | None

    @property
    def is_open(self) -> bool:
        return self.status == CycleStatus.OPEN


@dataclasses.dataclass(frozen=True)
class GroupRecord:
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
    bank_name: str
    bank_branch: str
    bank_sheba: str
    notes: str
    cycle: CycleRecord            # the current one: open, else the latest
    cycles: tuple[CycleRecord, ...]
    editable: bool

    def as_input(self) -> GroupInput:
        return GroupInput(
            name=self.name, county_code=self.county_code, formed_on=self.formed_on,
            meeting_frequency=self.meeting_frequency, locality=self.locality, urban=self.urban,
            facilitator_id=self.facilitator_id, status=self.status, bank_name=self.bank_name,
            bank_branch=self.bank_branch, bank_sheba=self.bank_sheba, notes=self.notes)


def cycle_record(cycle: GroupCycle) -> CycleRecord:
    return CycleRecord(
        cycle.id, cycle.version, cycle.number, cycle.starts_on, cycle.ends_on,
        cycle.share_price, cycle.service_charge_bp, cycle.max_shares, cycle.loan_multiple,
        cycle.social_contribution, cycle.opening_loan_fund, cycle.opening_social_fund,
        cycle.status, cycle.shared_out_on, cycle.distributable, cycle.total_shares)


class GroupDetails(Protocol):
    """What every community group is given as typed: a micro-finance group's GroupInput, a
    women's group's WomenGroupInput."""

    name: str
    county_code: str
    formed_on: dt.date | None
    meeting_frequency: str
    locality: str
    urban: bool
    facilitator_id: int | None
    status: str
    notes: str


def checked_group_details(session: Session, data: GroupDetails,
                          errors: dict[str, str]) -> dict[str, object]:
    """The details every kind of group has, cleaned, each wrong one's message put in
    ``errors`` (the caller raises, with its own kind's messages beside them)."""
    name = clean_text(data.name)
    if len(name) < 3:
        errors["name"] = tr("Enter the group's name (at least three letters).")
    province = session.scalar(select(Office.province_code).order_by(Office.id).limit(1))
    try:
        county = reference.county(data.county_code)
    except NotFound:
        errors["county_code"] = tr("Choose the county from the list.")
    else:
        if county.province_code != province:
            errors["county_code"] = tr("The county must be in this office's province.")
    if data.formed_on is None:
        errors["formed_on"] = tr("Enter the date the group was formed.")
    elif data.formed_on > today():
        errors["formed_on"] = tr("The date cannot be in the future.")
    if data.meeting_frequency not in set(MeetingFrequency):
        errors["meeting_frequency"] = tr("Choose how often the group meets.")
    if data.status not in set(GroupStatus):
        errors["status"] = tr("Choose the group's status.")
    if data.facilitator_id is not None and session.scalar(select(User.id).where(
            User.id == data.facilitator_id, User.active.is_(True))) is None:
        errors["facilitator_id"] = tr("Choose a facilitator from the list.")
    return dict(name=name, county_code=data.county_code, formed_on=data.formed_on,
                meeting_frequency=data.meeting_frequency, locality=clean_text(data.locality),
                urban=bool(data.urban), facilitator_id=data.facilitator_id, status=data.status,
                notes=clean_text(data.notes))


def _validated(session: Session, data: GroupInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    values = checked_group_details(session, data, errors)
    sheba = ""
    if data.bank_sheba.strip():
        try:
            sheba = validate_sheba(data.bank_sheba)
        except ShebaError as exc:
            errors["bank_sheba"] = exc.message
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(values, bank_name=clean_text(data.bank_name),
                bank_branch=clean_text(data.bank_branch), bank_sheba=sheba)


def check_rules(rules: CycleRules, *, not_before: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if rules.starts_on is None:
        errors["starts_on"] = tr("Enter the date the cycle starts.")
    elif not_before is not None and rules.starts_on < not_before:
        errors["starts_on"] = tr("A cycle starts after the one before it.")
    if rules.ends_on is None:
        errors["ends_on"] = tr("Enter the date the cycle ends.")
    elif rules.starts_on is not None and rules.ends_on <= rules.starts_on:
        errors["ends_on"] = tr("A cycle ends after it starts.")
    elif rules.starts_on is not None and (rules.ends_on - rules.starts_on).days > 731:
        errors["ends_on"] = tr("A cycle lasts at most two years.")
    if not 1_000 <= rules.share_price <= 100_000_000:
        errors["share_price"] = tr("A share costs 1,000 to 100,000,000 Rials.")
    if not 0 <= rules.service_charge_bp <= 1000:
        errors["service_charge_bp"] = tr("The service charge is 0% to 10% a month.")
    if not 1 <= rules.max_shares <= MAX_SHARES_PER_MEETING:
        errors["max_shares"] = tr("A member may buy 1 to 5 shares a meeting.")
    if not 1 <= rules.loan_multiple <= 10:
        errors["loan_multiple"] = tr("A member may borrow 1 to 10 times their savings.")
    if not 0 <= rules.social_contribution <= 100_000_000:
        errors["social_contribution"] = tr("The social fund contribution is 0 to 100,000,000 "
                                           "Rials.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)


def group_code(session: Session, kind: GroupKind, county_code: str) -> str:
    """The next code of a group of ``kind`` in the county: MF-0707-0001, MH-…, CO-…."""
    return next_code(session, CommunityGroup.code, f"{kind.code_prefix}-{county_code}-", 4)


def create_group(db: Database, actor: Actor, data: GroupInput, rules: CycleRules) -> GroupRecord:
    """A new group with its first cycle; its code is made from the county (MF-0707-0001)."""
    require(actor, Permission.MANAGE_GROUPS)
    # Every wrong field of the group and of its cycle is told at once, not one half first.
    errors: dict[str, str] = {}
    try:
        check_rules(rules)
    except ValidationError as wrong:
        errors.update(wrong.errors)
    with db.transaction(actor) as session:
        try:
            values = _validated(session, data)
        except ValidationError as wrong:
            errors = {**wrong.errors, **errors}
        if errors:
            raise ValidationError("Some fields need correcting.", errors=errors)
        if rules.starts_on is not None and data.formed_on is not None \
                and rules.starts_on < data.formed_on:
            raise ValidationError("A cycle starts after the group is formed.", field="starts_on")
        group = CommunityGroup(code=group_code(session, GroupKind.MICROFINANCE, data.county_code),
                               kind=GroupKind.MICROFINANCE.value, **values)
        session.add(group)
        session.flush()
        session.add(GroupCycle(group_id=group.id, number=1, starts_on=rules.starts_on,
                               ends_on=rules.ends_on, share_price=rules.share_price,
                               service_charge_bp=rules.service_charge_bp,
                               max_shares=rules.max_shares, loan_multiple=rules.loan_multiple,
                               social_contribution=rules.social_contribution))
        session.flush()
        return group_record(session, actor, group)


def update_group(db: Database, actor: Actor, group_id: int, data: GroupInput, *,
                 version: int) -> GroupRecord:
    require(actor, Permission.MANAGE_GROUPS)
    with db.transaction(actor) as session:
        group = require_microfinance(actor, session.get(CommunityGroup, group_id))
        if group.version != version:
            raise ConflictError("Someone else changed this group meanwhile; open it again.")
        for key, value in _validated(session, data).items():
            setattr(group, key, value)
        session.flush()
        return group_record(session, actor, group)


def require_microfinance(actor: Actor, group: CommunityGroup | None) -> CommunityGroup:
    """The group, if the actor may see it and it is a micro-finance group (the women's groups
    have no cycles: desktop/services/women_groups.py)."""
    group = require_group_visible(actor, group)
    if group.kind != GroupKind.MICROFINANCE:
        raise NotFound("This group is not a micro-finance group.")
    return group


def current_cycle(session: Session, group_id: int) -> GroupCycle:
    return session.scalars(select(GroupCycle).where(GroupCycle.group_id == group_id)
                           .order_by(GroupCycle.number.desc()).limit(1)).one()


def group_record(session: Session, actor: Actor, group: CommunityGroup) -> GroupRecord:
    cycles = session.scalars(select(GroupCycle).where(GroupCycle.group_id == group.id)
                             .order_by(GroupCycle.number)).all()
    facilitator = session.get(User, group.facilitator_id) if group.facilitator_id else None
    records = tuple(cycle_record(c) for c in cycles)
    return GroupRecord(
        group.id, group.uuid, group.version, group.code, group.kind, group.name,
        group.county_code, reference.county(group.county_code).name_fa, group.locality,
        group.urban, group.facilitator_id, facilitator.full_name if facilitator else "",
        group.formed_on, group.meeting_frequency, group.status, group.bank_name,
        group.bank_branch, group.bank_sheba, group.notes, records[-1], records,
        can_record(actor, group))


def get_group(db: Database, actor: Actor, group_id: int) -> GroupRecord:
    with db.reading() as session:
        group = require_microfinance(actor, session.get(CommunityGroup, group_id))
        return group_record(session, actor, group)


def find_group(db: Database, actor: Actor, code: str) -> GroupRecord:
    with db.reading() as session:
        group = session.scalar(select(CommunityGroup).where(
            CommunityGroup.code == code.strip().upper()))
        return group_record(session, actor, require_microfinance(actor, group))
