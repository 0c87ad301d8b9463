"""The members of a women's group or cooperative: clients of the office (women heads of household
above all; other clients and people not registered here may join, and are marked), their
offices, joining and leaving, and what each put into the group's capital.

Whether a member is a female head of household is read from her client file each time, never
copied: a member who is not (a man in a client cooperative, a woman with no such target group,
someone not registered here) is shown marked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.business_books import next_month
from desktop.domain.groups import GroupKind
from desktop.domain.people import TargetGroup
from desktop.domain.women_groups import MIN_COOPERATIVE_MEMBERS, SHARED_ROLES, roles_of
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.collate import sort_key
from desktop.fa.jalali import format_jalali_month
from desktop.fa.mobile import MobileError, normalize_mobile
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor
from desktop.models.women_groups import BusinessMonth, MemberIncome
from desktop.services.case_access import visible_clients
from desktop.services.women_groups import (
    MAX_AMOUNT,
    require_women_group,
    require_women_recordable,
)


@dataclasses.dataclass(frozen=True)
class WomenMemberInput:
    joined_on: dt.date | None
    client_id: int | None = None        # a client of the office: names come from her file
    first_name: str = ""                # otherwise the person is named here
    last_name: str = ""
    national_code: str = ""
    mobile: str = ""
    role: str = "member"                # MemberRole, or CooperativeRole in a cooperative
    left_on: dt.date | None = None
    capital_contribution: int = 0       # Rials


@dataclasses.dataclass(frozen=True)
class WomenMemberRecord:
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
    capital_contribution: int
    female_head: bool       # a client in the target group «بانوی سرپرست خانوار»
    gender: str | None      # from the client's file; None for someone not registered here

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def marked(self) -> bool:
        """Shown with a mark: not a female head of household (the groups are for them)."""
        return not self.female_head

    def active_on(self, day: dt.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)

    def as_input(self) -> WomenMemberInput:
        return WomenMemberInput(
            joined_on=self.joined_on, client_id=self.client_id, first_name=self.first_name,
            last_name=self.last_name, national_code=self.national_code, mobile=self.mobile,
            role=self.role, left_on=self.left_on,
            capital_contribution=self.capital_contribution)


def female_head_clause():
    """True for a member whose client file has the target group female head of household."""
    return exists().where(ClientTargetGroup.client_id == GroupMember.client_id,
                          ClientTargetGroup.target_group == TargetGroup.FEMALE_HEAD.value)


def read_members(session: Session, group_id: int) -> list[WomenMemberRecord]:
    """Every member the group has had, present ones first, in name order."""
    rows = session.execute(
        select(GroupMember, female_head_clause().label("female_head"), Client.gender)
        .outerjoin(Client, Client.id == GroupMember.client_id)
        .where(GroupMember.group_id == group_id)).all()
    members = [WomenMemberRecord(
        m.id, m.version, m.client_id, m.first_name, m.last_name, m.national_code, m.mobile,
        m.role, m.joined_on, m.left_on, m.capital_contribution, bool(head), gender)
        for m, head, gender in rows]
    return sorted(members, key=lambda m: (m.left_on is not None, sort_key(m.last_name),
                                          sort_key(m.first_name)))


def member_in_month(joined_on: dt.date, left_on: dt.date | None, month: dt.date) -> bool:
    """A member during some of the month that starts on ``month``."""
    return joined_on < next_month(month) and (left_on is None or left_on > month)


def size_warning(kind: str, active: int) -> str | None:
    """Persian advice when a cooperative has fewer members than the law asks."""
    if GroupKind(kind).is_cooperative and active < MIN_COOPERATIVE_MEMBERS:
        return tr("The cooperative has {count} members; a cooperative needs at least {least}.",
                  count=active, least=MIN_COOPERATIVE_MEMBERS)
    return None


def _person(session: Session, actor: Actor, data: WomenMemberInput, errors: dict[str, str],
            member: GroupMember | None) -> dict[str, object]:
    if data.client_id is not None:
        query = select(Client).where(Client.id == data.client_id)
        # A new member is a client the actor may see; a member already in the group stays
        # hers to record, whoever registered the client.
        if member is None or member.client_id != data.client_id:
            query = query.where(visible_clients(actor))
        client = session.scalar(query)
        if client is None:
            raise NotFound("This client does not exist.")
        return dict(client_id=client.id, first_name=client.first_name,
                    last_name=client.last_name, national_code=client.national_code,
                    mobile=client.mobile or "")
    values: dict[str, object] = {"client_id": None}
    for field in ("first_name", "last_name"):
        text = clean_text(getattr(data, field))
        if len(text) < 2:
            errors[field] = tr("Enter the name (at least two letters).")
        values[field] = text
    values["national_code"] = values["mobile"] = ""
    if data.national_code.strip():
        try:
            values["national_code"] = validate_national_code(data.national_code)
        except NationalCodeError as exc:
            errors["national_code"] = exc.message
    if data.mobile.strip():
        try:
            values["mobile"] = normalize_mobile(data.mobile)
        except MobileError as exc:
            errors["mobile"] = exc.message
    return values


def _values(session: Session, actor: Actor, group: CommunityGroup, data: WomenMemberInput,
            member: GroupMember | None) -> dict[str, object]:
    errors: dict[str, str] = {}
    values = _person(session, actor, data, errors, member)
    roles = roles_of(group.kind)
    if data.role not in {r.value for r in roles}:
        errors["role"] = tr("Choose the member's role.")
    if data.joined_on is None:
        errors["joined_on"] = tr("Enter the date the member joined.")
    elif data.joined_on < group.formed_on:
        errors["joined_on"] = tr("A member joins after the group is formed.")
    elif data.joined_on > today():
        errors["joined_on"] = tr("The date cannot be in the future.")
    if data.left_on is not None:
        if data.joined_on is not None and data.left_on < data.joined_on:
            errors["left_on"] = tr("A member leaves after joining.")
        elif data.left_on > today():
            errors["left_on"] = tr("The date cannot be in the future.")
    if not 0 <= data.capital_contribution <= MAX_AMOUNT:
        errors["capital_contribution"] = tr("Enter what the member put in, in Rials (zero if "
                                            "nothing).")
    same = [GroupMember.group_id == group.id, GroupMember.left_on.is_(None)]
    if member is not None:
        same.append(GroupMember.id != member.id)
    person = []
    if values.get("client_id") is not None:
        person.append(GroupMember.client_id == values["client_id"])
    if values.get("national_code"):
        person.append(GroupMember.national_code == values["national_code"])
    if data.left_on is None and person and session.scalar(
            select(GroupMember.id).where(*same, or_(*person))) is not None:
        errors["client_id" if data.client_id is not None else "national_code"] = tr(
            "This person is already a member of the group.")
    if data.role not in SHARED_ROLES and data.left_on is None and "role" not in errors \
            and session.scalar(select(GroupMember.id).where(
                *same, GroupMember.role == data.role)) is not None:
        errors["role"] = tr("The group already has its {role}; change theirs first.",
                            role=roles(data.role).label)
    if member is not None and data.joined_on is not None and "left_on" not in errors:
        unpaid = _months_paid_outside(session, member.id, data.joined_on, data.left_on)
        if unpaid:
            errors["left_on" if data.left_on else "joined_on"] = tr(
                "The member was paid income in {month}, outside these dates.",
                month=format_jalali_month(unpaid))
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    values.update(role=data.role, joined_on=data.joined_on, left_on=data.left_on,
                  capital_contribution=data.capital_contribution)
    return values


def _months_paid_outside(session: Session, member_id: int, joined_on: dt.date,
                         left_on: dt.date | None) -> dt.date | None:
    """The first month the member was paid in that these dates would leave her out of."""
    months = session.scalars(
        select(BusinessMonth.month_start).join(MemberIncome,
                                               MemberIncome.month_id == BusinessMonth.id)
        .where(MemberIncome.member_id == member_id).order_by(BusinessMonth.month_start))
    return next((m for m in months if not member_in_month(joined_on, left_on, m)), None)


def add_women_member(db: Database, actor: Actor, group_id: int,
                     data: WomenMemberInput) -> WomenMemberRecord:
    with db.transaction(actor) as session:
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id))
        member = GroupMember(group_id=group.id, **_values(session, actor, group, data, None))
        session.add(member)
        session.flush()
        return _one(session, member.id)


def update_women_member(db: Database, actor: Actor, member_id: int, data: WomenMemberInput, *,
                        version: int) -> WomenMemberRecord:
    """Changes a member: her office, her dates (leaving is a date, never a deletion), her
    capital. A member taken from a client keeps her name from the client's file."""
    with db.transaction(actor) as session:
        member = session.get(GroupMember, member_id)
        if member is None:
            raise NotFound("This member does not exist.")
        group = require_women_recordable(actor, session.get(CommunityGroup, member.group_id))
        if member.version != version:
            raise ConflictError("Someone else changed this member meanwhile; open it again.")
        for key, value in _values(session, actor, group, data, member).items():
            setattr(member, key, value)
        session.flush()
        return _one(session, member.id)


def _one(session: Session, member_id: int) -> WomenMemberRecord:
    group_id = session.scalar(select(GroupMember.group_id).where(GroupMember.id == member_id))
    return next(m for m in read_members(session, group_id) if m.id == member_id)


def women_members(db: Database, actor: Actor, group_id: int) -> list[WomenMemberRecord]:
    """Every member the group has had, present ones first, in name order."""
    with db.reading() as session:
        require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_members(session, group_id)


def active_members_clause(on: dt.date):
    return and_(GroupMember.joined_on <= on,
                or_(GroupMember.left_on.is_(None), GroupMember.left_on > on))
