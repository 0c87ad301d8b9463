"""What a women's group does together besides selling: the trainings and courses its members
take, with who attended and who earned the certificate, and its meetings, with the minutes,
who was present and what was decided.

Only members of the group at the time attend; every date lies between the group's forming and
today. Each action is one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import TrainingKind
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.groups import CommunityGroup
from desktop.models.tracking import Actor
from desktop.models.women_groups import (
    GroupTraining,
    MeetingDecision,
    TrainingAttendance,
    WomenMeeting,
    WomenMeetingAttendance,
)
from desktop.services.women_groups import (
    require_women_group,
    require_women_recordable,
    touch,
)
from desktop.services.women_members import WomenMemberRecord, read_members


@dataclasses.dataclass(frozen=True)
class TrainingInput:
    title: str
    kind: str                               # TrainingKind
    starts_on: dt.date | None
    hours: int
    ends_on: dt.date | None = None          # None: a one-day training
    provider: str = ""                      # e.g. «آموزشگاه فنی و حرفه‌ای شیراز»
    attendees: tuple[int, ...] = ()         # member ids
    certified: tuple[int, ...] = ()         # those of the attendees who earned the certificate
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class Attendee:
    member_id: int
    name: str
    certified: bool


@dataclasses.dataclass(frozen=True)
class TrainingRecord:
    id: int
    version: int
    title: str
    kind: str
    provider: str
    starts_on: dt.date
    ends_on: dt.date
    hours: int
    notes: str
    attendees: tuple[Attendee, ...]
    members: int            # members of the group during the training: attendance's base

    @property
    def attendance(self) -> float | None:
        return len(self.attendees) / self.members if self.members else None

    def as_input(self) -> TrainingInput:
        return TrainingInput(self.title, self.kind, self.starts_on, self.hours, self.ends_on,
                             self.provider, tuple(a.member_id for a in self.attendees),
                             tuple(a.member_id for a in self.attendees if a.certified),
                             self.notes)


@dataclasses.dataclass(frozen=True)
class DecisionInput:
    text: str
    responsible_id: int | None = None       # the member who follows it up
    due_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class WomenMeetingInput:
    held_on: dt.date | None
    minutes: str
    present: tuple[int, ...] = ()           # member ids
    decisions: tuple[DecisionInput, ...] = ()


@dataclasses.dataclass(frozen=True)
class DecisionRecord:
    number: int
    text: str
    responsible_id: int | None
    responsible_name: str
    due_on: dt.date | None


@dataclasses.dataclass(frozen=True)
class WomenMeetingRecord:
    id: int
    version: int
    held_on: dt.date
    minutes: str
    present: tuple[int, ...]
    members: int            # members of the group that day
    decisions: tuple[DecisionRecord, ...]

    def as_input(self) -> WomenMeetingInput:
        return WomenMeetingInput(self.held_on, self.minutes, self.present, tuple(
            DecisionInput(d.text, d.responsible_id, d.due_on) for d in self.decisions))


def _during(members: list[WomenMemberRecord], start: dt.date,
            end: dt.date) -> dict[int, WomenMemberRecord]:
    """Members of the group at some time from ``start`` to ``end``."""
    return {m.id: m for m in members
            if m.joined_on <= end and (m.left_on is None or m.left_on > start)}


def _check_day(errors: dict[str, str], field: str, day: dt.date | None,
               group: CommunityGroup, missing: str) -> None:
    if day is None:
        errors[field] = missing
    elif day > today():
        errors[field] = tr("The date cannot be in the future.")
    elif day < group.formed_on:
        errors[field] = tr("The date is before the group was formed.")


def _check_people(errors: dict[str, str], field: str, ids: tuple[int, ...],
                  allowed: dict[int, WomenMemberRecord]) -> None:
    if len(ids) != len(set(ids)):
        errors[field] = tr("Each member is marked once.")
    elif any(i not in allowed for i in ids):
        errors[field] = tr("Only members of the group at the time can be marked.")


# -- trainings ---------------------------------------------------------------------------------

def _training_values(session: Session, group: CommunityGroup,
                     data: TrainingInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if len(title) < 3:
        errors["title"] = tr("Enter the training's title (at least three letters).")
    if data.kind not in set(TrainingKind):
        errors["kind"] = tr("Choose the kind of training.")
    _check_day(errors, "starts_on", data.starts_on, group,
               tr("Enter the date the training started."))
    ends_on = data.ends_on or data.starts_on
    if data.ends_on is not None and data.starts_on is not None and data.ends_on < data.starts_on:
        errors["ends_on"] = tr("A training ends after it starts.")
    if not 1 <= data.hours <= 2000:
        errors["hours"] = tr("A training lasts 1 to 2,000 hours.")
    if "starts_on" not in errors and "ends_on" not in errors:
        allowed = _during(read_members(session, group.id), data.starts_on, ends_on)
        _check_people(errors, "attendees", data.attendees, allowed)
        if not set(data.certified) <= set(data.attendees):
            errors["certified"] = tr("Only a member who attended earns the certificate.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(title=title, kind=data.kind, provider=clean_text(data.provider),
                starts_on=data.starts_on, ends_on=ends_on, hours=data.hours,
                notes=clean_text(data.notes))


def _write_attendees(session: Session, training_id: int, data: TrainingInput) -> None:
    session.add_all(TrainingAttendance(training_id=training_id, member_id=member_id,
                                       certified=member_id in data.certified)
                    for member_id in data.attendees)


def add_training(db: Database, actor: Actor, group_id: int,
                 data: TrainingInput) -> TrainingRecord:
    with db.transaction(actor) as session:
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id))
        training = GroupTraining(group_id=group.id, **_training_values(session, group, data))
        session.add(training)
        session.flush()
        _write_attendees(session, training.id, data)
        session.flush()
        return read_trainings(session, group.id, only=training.id)[0]


def update_training(db: Database, actor: Actor, training_id: int, data: TrainingInput, *,
                    version: int) -> TrainingRecord:
    with db.transaction(actor) as session:
        training = session.get(GroupTraining, training_id)
        if training is None:
            raise NotFound("This training is not recorded.")
        group = require_women_recordable(actor, session.get(CommunityGroup, training.group_id))
        if training.version != version:
            raise ConflictError("Someone else changed this training meanwhile; open it again.")
        for key, value in _training_values(session, group, data).items():
            setattr(training, key, value)
        touch(training)
        for row in session.scalars(select(TrainingAttendance).where(
                TrainingAttendance.training_id == training.id)):
            session.delete(row)
        session.flush()
        _write_attendees(session, training.id, data)
        session.flush()
        return read_trainings(session, group.id, only=training.id)[0]


def delete_training(db: Database, actor: Actor, training_id: int) -> None:
    with db.transaction(actor) as session:
        training = session.get(GroupTraining, training_id)
        if training is None:
            raise NotFound("This training is not recorded.")
        require_women_recordable(actor, session.get(CommunityGroup, training.group_id))
        for row in session.scalars(select(TrainingAttendance).where(
                TrainingAttendance.training_id == training.id)):
            session.delete(row)
        session.flush()
        session.delete(training)


def read_trainings(session: Session, group_id: int,
                   only: int | None = None) -> list[TrainingRecord]:
    query = select(GroupTraining).where(GroupTraining.group_id == group_id)
    if only is not None:
        query = query.where(GroupTraining.id == only)
    trainings = session.scalars(query.order_by(GroupTraining.starts_on.desc(),
                                               GroupTraining.id.desc())).all()
    members = read_members(session, group_id)
    names = {m.id: m.full_name for m in members}
    attended: dict[int, list[Attendee]] = defaultdict(list)
    for training_id, member_id, certified in session.execute(
            select(TrainingAttendance.training_id, TrainingAttendance.member_id,
                   TrainingAttendance.certified)
            .where(TrainingAttendance.training_id.in_([t.id for t in trainings]))):
        attended[training_id].append(Attendee(member_id, names[member_id], certified))
    return [TrainingRecord(t.id, t.version, t.title, t.kind, t.provider, t.starts_on, t.ends_on,
                           t.hours, t.notes,
                           tuple(sorted(attended[t.id], key=lambda a: a.name)),
                           len(_during(members, t.starts_on, t.ends_on)))
            for t in trainings]


def group_trainings(db: Database, actor: Actor, group_id: int) -> list[TrainingRecord]:
    """The group's trainings, latest first."""
    with db.reading() as session:
        require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_trainings(session, group_id)


# -- meetings ----------------------------------------------------------------------------------

def _meeting_values(session: Session, group: CommunityGroup, data: WomenMeetingInput,
                    meeting: WomenMeeting | None) -> dict[str, object]:
    errors: dict[str, str] = {}
    _check_day(errors, "held_on", data.held_on, group, tr("Enter the meeting's date."))
    minutes = clean_text(data.minutes)
    if len(minutes) < 10:
        errors["minutes"] = tr("Write the minutes: what was discussed (a sentence at least).")
    if "held_on" not in errors:
        same_day = select(WomenMeeting.id).where(WomenMeeting.group_id == group.id,
                                                 WomenMeeting.held_on == data.held_on)
        if meeting is not None:
            same_day = same_day.where(WomenMeeting.id != meeting.id)
        if session.scalar(same_day) is not None:
            errors["held_on"] = tr("The group already has a meeting on this day.")
        allowed = _during(read_members(session, group.id), data.held_on, data.held_on)
        _check_people(errors, "present", data.present, allowed)
        for index, decision in enumerate(data.decisions):
            key = f"decision.{index}"
            if len(clean_text(decision.text)) < 3:
                errors[key] = tr("Write the decision.")
            elif decision.responsible_id is not None and decision.responsible_id not in allowed:
                errors[key] = tr("The one who follows a decision up is a member of the group.")
            elif decision.due_on is not None and decision.due_on < data.held_on:
                errors[key] = tr("A decision is due after the meeting that made it.")
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return dict(held_on=data.held_on, minutes=minutes)


def _write_meeting_rows(session: Session, meeting_id: int, data: WomenMeetingInput) -> None:
    session.add_all(WomenMeetingAttendance(meeting_id=meeting_id, member_id=member_id)
                    for member_id in data.present)
    session.add_all(MeetingDecision(meeting_id=meeting_id, number=number,
                                    text=clean_text(decision.text),
                                    responsible_id=decision.responsible_id,
                                    due_on=decision.due_on)
                    for number, decision in enumerate(data.decisions, start=1))


def _clear_meeting_rows(session: Session, meeting_id: int) -> None:
    for model in (WomenMeetingAttendance, MeetingDecision):
        for row in session.scalars(select(model).where(model.meeting_id == meeting_id)):
            session.delete(row)
    session.flush()


def record_women_meeting(db: Database, actor: Actor, group_id: int,
                         data: WomenMeetingInput) -> WomenMeetingRecord:
    with db.transaction(actor) as session:
        group = require_women_recordable(actor, session.get(CommunityGroup, group_id))
        meeting = WomenMeeting(group_id=group.id,
                               **_meeting_values(session, group, data, None))
        session.add(meeting)
        session.flush()
        _write_meeting_rows(session, meeting.id, data)
        session.flush()
        return read_meetings(session, group.id, only=meeting.id)[0]


def update_women_meeting(db: Database, actor: Actor, meeting_id: int, data: WomenMeetingInput, *,
                         version: int) -> WomenMeetingRecord:
    with db.transaction(actor) as session:
        meeting = session.get(WomenMeeting, meeting_id)
        if meeting is None:
            raise NotFound("This meeting does not exist.")
        group = require_women_recordable(actor, session.get(CommunityGroup, meeting.group_id))
        if meeting.version != version:
            raise ConflictError("Someone else changed this meeting meanwhile; open it again.")
        for key, value in _meeting_values(session, group, data, meeting).items():
            setattr(meeting, key, value)
        touch(meeting)
        _clear_meeting_rows(session, meeting.id)
        _write_meeting_rows(session, meeting.id, data)
        session.flush()
        return read_meetings(session, group.id, only=meeting.id)[0]


def delete_women_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    with db.transaction(actor) as session:
        meeting = session.get(WomenMeeting, meeting_id)
        if meeting is None:
            raise NotFound("This meeting does not exist.")
        require_women_recordable(actor, session.get(CommunityGroup, meeting.group_id))
        _clear_meeting_rows(session, meeting.id)
        session.delete(meeting)


def read_meetings(session: Session, group_id: int,
                  only: int | None = None) -> list[WomenMeetingRecord]:
    query = select(WomenMeeting).where(WomenMeeting.group_id == group_id)
    if only is not None:
        query = query.where(WomenMeeting.id == only)
    meetings = session.scalars(query.order_by(WomenMeeting.held_on.desc())).all()
    ids = [m.id for m in meetings]
    members = read_members(session, group_id)
    names = {m.id: m.full_name for m in members}
    present: dict[int, list[int]] = defaultdict(list)
    for meeting_id, member_id in session.execute(
            select(WomenMeetingAttendance.meeting_id, WomenMeetingAttendance.member_id)
            .where(WomenMeetingAttendance.meeting_id.in_(ids))):
        present[meeting_id].append(member_id)
    decisions: dict[int, list[DecisionRecord]] = defaultdict(list)
    for d in session.scalars(select(MeetingDecision).where(MeetingDecision.meeting_id.in_(ids))
                             .order_by(MeetingDecision.number)):
        decisions[d.meeting_id].append(DecisionRecord(
            d.number, d.text, d.responsible_id, names.get(d.responsible_id, ""), d.due_on))
    return [WomenMeetingRecord(m.id, m.version, m.held_on, m.minutes, tuple(sorted(present[m.id])),
                          len(_during(members, m.held_on, m.held_on)),
                          tuple(decisions[m.id]))
            for m in meetings]


def women_meetings(db: Database, actor: Actor, group_id: int) -> list[WomenMeetingRecord]:
    """The group's meetings, latest first, with their minutes and decisions."""
    with db.reading() as session:
        require_women_group(actor, session.get(CommunityGroup, group_id))
        return read_meetings(session, group_id)
