"""The expert's worklists on the home screen: what needs doing, per facilitator, at a glance.

- overdue visits: open cases whose next visit (the earliest not made) is past its due date;
- visits due this week: open cases whose next visit is due from today to Friday;
- awaiting assessment: open cases still at «شناسایی و معرفی»;
- without facilitator: open cases nobody has been given;
- ready for «تثبیت»: the monitoring period is over and its final visit found the job active.
Counts are per case: a case with two overdue visits is one case to visit, and it is in the
overdue list, not also in this week's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import Select, func, select

from desktop.clock import today
from desktop.database import Database
from desktop.domain.labels import Labelled
from desktop.domain.monitoring import week_bounds
from desktop.domain.pathway import CaseStatus, Stage
from desktop.i18n import N_
from desktop.models.cases import EmploymentCase
from desktop.models.people import Client
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.services.case_access import visible_cases

ITEM_LIMIT = 1000
FAR_PAST = dt.date(1900, 1, 1)


class Worklist(Labelled):
    OVERDUE = "overdue", N_("Overdue visits")
    DUE_THIS_WEEK = "due_this_week", N_("Visits due this week")
    AWAITING_ASSESSMENT = "awaiting_assessment", N_("Awaiting assessment")
    WITHOUT_FACILITATOR = "without_facilitator", N_("Cases without facilitator")
    READY_TO_STABILISE = "ready_to_stabilise", N_("Ready for stabilisation")


@dataclasses.dataclass(frozen=True)
class FacilitatorLoad:
    facilitator_id: int | None      # None: cases nobody has been given
    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclasses.dataclass(frozen=True)
class WorklistSummary:
    on: dt.date
    totals: dict[str, int]
    by_facilitator: list[FacilitatorLoad]


@dataclasses.dataclass(frozen=True)
class WorklistItem:
    case_id: int
    client_id: int
    client_name: str
    national_code: str
    mobile: str
    facilitator_id: int | None
    facilitator_name: str
    stage: str
    since: dt.date        # the due date, the referral, or the end of monitoring
    days: int             # days overdue, waiting, or since the end of monitoring


def _cases(actor: Actor, worklist: Worklist, on: dt.date) -> Select:
    """(case id, facilitator id, since) of the open cases in ``worklist``; each is a range of
    one index (the next visit and the final visit's finding are kept on the case)."""
    base = [visible_cases(actor)]
    if worklist in (Worklist.OVERDUE, Worklist.DUE_THIS_WEEK):
        # Both windows are closed ranges: given an open-ended one, SQLite (without statistics)
        # guesses it holds most cases and groups them by walking every case instead.
        first, last = (FAR_PAST, on - dt.timedelta(days=1)) if worklist is Worklist.OVERDUE \
            else (on, week_bounds(on)[1])
        window = EmploymentCase.next_visit_on.between(first, last)
        return select(EmploymentCase.id, EmploymentCase.facilitator_id,
                      EmploymentCase.next_visit_on.label("since")).where(*base, window)
    base.append(EmploymentCase.status == CaseStatus.OPEN)
    if worklist is Worklist.AWAITING_ASSESSMENT:
        return select(EmploymentCase.id, EmploymentCase.facilitator_id,
                      EmploymentCase.opened_on.label("since")).where(
            *base, EmploymentCase.stage == Stage.REFERRAL)
    if worklist is Worklist.WITHOUT_FACILITATOR:
        return select(EmploymentCase.id, EmploymentCase.facilitator_id,
                      EmploymentCase.opened_on.label("since")).where(
            *base, EmploymentCase.facilitator_id.is_(None))
    return select(EmploymentCase.id, EmploymentCase.facilitator_id,
                  EmploymentCase.horizon_on.label("since")).where(
        *base, EmploymentCase.stage == Stage.FOLLOW_UP,
        EmploymentCase.final_visit_active.is_(True), EmploymentCase.horizon_on <= on)


def worklist_summary(db: Database, actor: Actor, on: dt.date | None = None) -> WorklistSummary:
    on = on or today()
    counts: dict[int | None, dict[str, int]] = defaultdict(lambda: {w.value: 0 for w in Worklist})
    totals = {w.value: 0 for w in Worklist}
    with db.reading() as session:
        for worklist in Worklist:
            cases = _cases(actor, worklist, on).subquery()
            rows = session.execute(select(cases.c.facilitator_id, func.count())
                                   .group_by(cases.c.facilitator_id))
            for facilitator_id, count in rows:
                counts[facilitator_id][worklist.value] = count
                totals[worklist.value] += count
        names = dict(session.execute(select(User.id, User.full_name).where(
            User.id.in_([i for i in counts if i is not None]))).all())
    loads = [FacilitatorLoad(fid, names.get(fid, "") if fid is not None else "", c)
             for fid, c in counts.items()]
    loads.sort(key=lambda load: (load.facilitator_id is None, -load.total, load.name))
    return WorklistSummary(on, totals, loads)


def worklist_items(db: Database, actor: Actor, worklist: str, *,
                   facilitator_id: int | None = None, unassigned_only: bool = False,
                   on: dt.date | None = None, limit: int = ITEM_LIMIT) -> list[WorklistItem]:
    """The cases of one worklist, the longest waiting first; optionally of one facilitator."""
    on = on or today()
    cases = _cases(actor, Worklist(worklist), on).subquery()
    query = (select(cases.c.id, cases.c.since, EmploymentCase.stage, EmploymentCase.client_id,
                    Client.first_name, Client.last_name, Client.national_code, Client.mobile,
                    cases.c.facilitator_id, User.full_name)
             .join(EmploymentCase, EmploymentCase.id == cases.c.id)
             .join(Client, Client.id == EmploymentCase.client_id)
             .outerjoin(User, User.id == cases.c.facilitator_id)
             .order_by(cases.c.since, cases.c.id).limit(limit))
    if unassigned_only:
        query = query.where(cases.c.facilitator_id.is_(None))
    elif facilitator_id is not None:
        query = query.where(cases.c.facilitator_id == facilitator_id)
    with db.reading() as session:
        return [WorklistItem(r.id, r.client_id, f"{r.first_name} {r.last_name}", r.national_code,
                             r.mobile or "", r.facilitator_id, r.full_name or "", r.stage,
                             r.since, abs((on - r.since).days))
                for r in session.execute(query)]
