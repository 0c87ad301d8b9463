"""The balance of every group meeting checked in SQL, for ``karsaz check``: what the entries
moved in each fund must be the difference between the meeting's closing and opening cash."""

from __future__ import annotations

from sqlalchemy import Select, case, func, literal, or_, select

from desktop.domain.ledger import EntryKind, Fund
from desktop.models.groups import GroupMeeting, MeetingEntry


def _signed(fund: Fund):
    whens = [(MeetingEntry.kind == kind.value, MeetingEntry.amount * kind.sign)
             for kind in EntryKind if kind.fund is fund and kind.sign]
    return func.coalesce(func.sum(case(*whens, else_=literal(0))), 0)


def unbalanced_meetings() -> Select:
    """Ids of the meetings whose entries do not explain their cash."""
    moved = (select(MeetingEntry.meeting_id, _signed(Fund.LOAN).label("loan"),
                    _signed(Fund.SOCIAL).label("social"))
             .group_by(MeetingEntry.meeting_id).subquery())
    loan = func.coalesce(moved.c.loan, 0)
    social = func.coalesce(moved.c.social, 0)
    return (select(GroupMeeting.id)
            .outerjoin(moved, moved.c.meeting_id == GroupMeeting.id)
            .where(or_(GroupMeeting.closing_loan_fund - GroupMeeting.opening_loan_fund != loan,
                       GroupMeeting.closing_social_fund - GroupMeeting.opening_social_fund
                       != social)))
