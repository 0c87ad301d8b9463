"""The members of a group: clients of the office or people named here, their roles and dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.database import Database
from desktop.domain.groups import MAX_MEMBERS, MIN_MEMBERS, MemberRole
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.collate import sort_key
from desktop.fa.mobile import MobileError, normalize_mobile
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.people import Client
from desktop.models.tracking import Actor
from desktop.services.group_access import require_group_visible, require_recordable


@dataclasses.dataclass(frozen=True)
class MemberInput:
    joined_on: dt.date | None
    role: str = MemberRole.MEMBER.value
    client_id: int | None = None       # a client of the office: names come from the registry
    first_name: str = ""
    last_name: str = ""
    national_code: str = ""
    mobile: str = ""
    left_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class MemberRecord:
    id: int
    version: int
    client_id: int | None
    first_name: str
    last_name: str
    national_code: str
    mobile: str
    role: str
    joined_on: dt.date
    left_on: dt.date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def active_on(self, day: dt.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)


def member_record(m: GroupMember) -> MemberRecord:
    return MemberRecord(m.id, m.version, m.client_id, m.first_name, m.last_name,
                        m.national_code, m.mobile, m.role, m.joined_on, m.left_on)


def size_warning(active: int) -> str | None:
    """Persian advice when a group is outside the 15 to 25 members the method asks."""
    if active < MIN_MEMBERS:
        return tr("The group has {count} members; a group works best with 15 to 25.",
                  count=active)
    if active > MAX_MEMBERS:
        return tr("The group has {count} members; more than 25 is hard to run in one meeting.",
                  count=active)
    return None


def _values(session: Session, group: CommunityGroup, data: MemberInput,
            member: GroupMember | None) -> dict[str, object]:
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    if data.client_id is not None:
        client = session.get(Client, data.client_id)
        if client is None:
            raise NotFound("This client does not exist.")
        values.update(first_name=client.first_name, last_name=client.last_name,
                      national_code=client.national_code, mobile=client.mobile or "",
                      client_id=client.id)
    else:
        for field in ("first_name", "last_name"):
            text = clean_text(getattr(data, field))
            if len(text) < 2:
                errors[field] = tr("Enter the name (at least two letters).")
            values[field] = text
        values["national_code"] = ""
        if data.national_code.strip():
            try:
                values["national_code"] = validate_national_code(data.national_code)
            except NationalCodeError as exc:
                errors["national_code"] = exc.message
        values["mobile"] = ""
        if data.mobile.strip():
            try:
                values["mobile"] = normalize_mobile(data.mobile)
            except MobileError as exc:
                errors["mobile"] = exc.message
        values["client_id"] = None
    if data.role not in set(MemberRole):
        errors["role"] = tr("Choose the member's role.")
    if data.joined_on is None:
        errors["joined_on"] = tr("Enter the date the member joined.")
    elif data.joined_on < group.formed_on:
        errors["joined_on"] = tr("A member joins after the group is formed.")
    if data.left_on is not None and data.joined_on is not None and data.left_on < data.joined_on:
        errors["left_on"] = tr("A member leaves after joining.")
    code = values.get("national_code")
    if code:
        same = session.scalar(select(GroupMember.id).where(
            GroupMember.group_id == group.id, GroupMember.national_code == code,
            GroupMember.left_on.is_(None)))
        if same is not None and (member is None or same != member.id):
            errors["national_code"] = tr("This person is already a member of the group.")
    if data.role != MemberRole.MEMBER and data.left_on is None:
        holder = session.scalar(select(GroupMember.id).where(
            GroupMember.group_id == group.id, GroupMember.role == data.role,
            GroupMember.left_on.is_(None)))
        if holder is not None and (member is None or holder != member.id):
            errors["role"] = tr("The group already has its {role}; change theirs first.",
                                role=MemberRole(data.role).label)
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    values.update(role=data.role, joined_on=data.joined_on, left_on=data.left_on)
    return values


def add_member(db: Database, actor: Actor, group_id: int, data: MemberInput) -> MemberRecord:
    with db.transaction(actor) as session:
        group = require_recordable(actor, session.get(CommunityGroup, group_id))
        member = GroupMember(group_id=group.id, **_values(session, group, data, None))
        session.add(member)
        session.flush()
        return member_record(member)


def update_member(db: Database, actor: Actor, member_id: int, data: MemberInput, *,
                  version: int) -> MemberRecord:
    with db.transaction(actor) as session:
        member = session.get(GroupMember, member_id)
        if member is None:
            raise NotFound("This member does not exist.")
        group = require_recordable(actor, session.get(CommunityGroup, member.group_id))
        if member.version != version:
            raise ConflictError("Someone else changed this member meanwhile; open it again.")
        for key, value in _values(session, group, data, member).items():
            setattr(member, key, value)
        session.flush()
        return member_record(member)


def group_members(db: Database, actor: Actor, group_id: int) -> list[MemberRecord]:
    """Every member the group has had, present ones first, in name order."""
    with db.reading() as session:
        require_group_visible(actor, session.get(CommunityGroup, group_id))
        members = session.scalars(select(GroupMember).where(GroupMember.group_id == group_id)
                                  .order_by(GroupMember.id)).all()
    return sorted((member_record(m) for m in members),
                  key=lambda m: (m.left_on is not None, sort_key(m.last_name),
                                 sort_key(m.first_name)))
