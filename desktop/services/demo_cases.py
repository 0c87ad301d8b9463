"""Demo employment cases: a history for every stage of the pathway, told the way the services
would have recorded it.

Each case is built backwards from the day it reached its present stage, so every date is on or
before today and after the one before it: referral, assessment, training (skipped for some, by
the administrator with a reason), employment model, job, the first monitoring visit (which
starts «پایش و پشتیبانی») and «تثبیت» once the program's monitoring period is over. Visits follow
the program's schedule; most are made near their due date, some are overdue, a few fall due this
week. New work lies in the last 12 months; stabilised cases and long follow-ups started earlier.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from functools import lru_cache

from desktop.domain.monitoring import MonitoringPlan, ScheduledVisit, week_bounds
from desktop.domain.pathway import Stage
from desktop.fa.jalali import add_jalali_months
from desktop.i18n import tr
from desktop.services import demo_texts as texts
from desktop.services.demo_clients import ClientProfile, pick, weighted

DAY = dt.timedelta(days=1)

# The present state of a client's latest case, with its weight.
_SCENARIOS = (("referral", 7), ("assessment", 7), ("training", 9), ("model", 7), ("job", 5),
              ("follow_up", 25), ("stabilised", 25), ("closed", 15))
_CLOSED_AT = (("referral", 30), ("assessment", 30), ("training", 12), ("model", 10), ("job", 6),
              ("follow_up", 12))
_CLOSE_REASONS = {
    "referral": (("withdrew", 40), ("unreachable", 35), ("moved", 15), ("other", 10)),
    "assessment": (("not_eligible", 60), ("withdrew", 25), ("moved", 10), ("other", 5)),
    "training": (("withdrew", 50), ("moved", 20), ("unreachable", 20), ("other", 10)),
    "model": (("withdrew", 50), ("moved", 20), ("unreachable", 20), ("other", 10)),
    "job": (("withdrew", 45), ("moved", 25), ("unreachable", 20), ("deceased", 2),
            ("other", 8)),
}
_CLOSE_REASONS["follow_up"] = _CLOSE_REASONS["job"]
# Days it takes to reach a stage from the one before (uniformly between the two).
_STEP_DAYS = {Stage.ASSESSMENT: (5, 45), Stage.TRAINING: (7, 40), Stage.MODEL: (30, 120),
              Stage.JOB: (15, 90)}
_SKIPPED_TRAINING_DAYS = (10, 40)
# How long an open case has been waiting at its stage.
_WAITING_DAYS = {Stage.REFERRAL: 75, Stage.ASSESSMENT: 40, Stage.TRAINING: 100,
                 Stage.MODEL: 80}
_SOURCES = (("social_worker", 45), ("facilitator", 30), ("self", 15), ("other_body", 10))
# Jobs: two thirds urban; services, agriculture and industry in 63/25/12 overall, agriculture
# mostly in villages (DOMAIN.md, figures of the source articles).
_URBAN_SECTORS = (("services", 75), ("agriculture", 10), ("industry", 15))
_RURAL_SECTORS = (("services", 38.6), ("agriculture", 55.5), ("industry", 5.9))
_MODELS = (("self_employment", 55), ("employer_based", 25), ("community_based", 10),
           ("licensed_centre", 10))
_HARD_TO_EMPLOY_MODELS = (("supported", 45), ("licensed_centre", 20), ("self_employment", 20),
                          ("employer_based", 15))
_INCOME = {"services": (60, 200), "agriculture": (40, 180), "industry": (50, 220)}  # M Rials
MILLION = 1_000_000


_SCENARIO_W = weighted(_SCENARIOS)
_CLOSED_AT_W = weighted(_CLOSED_AT)
_REASON_W = {stage: weighted(pairs) for stage, pairs in _CLOSE_REASONS.items()}
_SOURCE_W = weighted(_SOURCES)
_URBAN_W, _RURAL_W = weighted(_URBAN_SECTORS), weighted(_RURAL_SECTORS)
_MODEL_W, _HARD_MODEL_W = weighted(_MODELS), weighted(_HARD_TO_EMPLOY_MODELS)
_PROGRAM_W = weighted((("NAT-LOAN", 45), ("PROV-LOAN", 35), ("", 20)))


@dataclasses.dataclass(frozen=True)
class Person:
    id: int
    username: str


@dataclasses.dataclass(frozen=True)
class DemoStaffIds:
    admin: Person
    expert: Person
    facilitators: tuple[Person, ...]


@dataclasses.dataclass(frozen=True)
class DemoProgram:
    id: int
    code: str
    plan: MonitoringPlan


@dataclasses.dataclass
class CaseRows:
    cases: list[dict] = dataclasses.field(default_factory=list)
    events: list[dict] = dataclasses.field(default_factory=list)
    benefits: list[dict] = dataclasses.field(default_factory=list)
    visits: list[dict] = dataclasses.field(default_factory=list)


@lru_cache(maxsize=8192)
def _schedule(plan: MonitoringPlan, job_start: dt.date) -> tuple[tuple[ScheduledVisit, ...],
                                                                   dt.date]:
    return tuple(plan.schedule(job_start)), plan.horizon(job_start)


def _round(amount: float, unit: int = 10 * MILLION) -> int:
    return max(unit, int(amount) // unit * unit)


class _Case:
    """One case being written: its row, and the events, services and visits that go with it."""

    def __init__(self, maker: CaseMaker, case_id: int, client: ClientProfile) -> None:
        self.maker, self.id, self.client = maker, case_id, client
        self.row: dict = {"id": case_id, "client_id": client.id, "status": "open",
                          "closed_on": None, "close_reason": None, "program_id": None,
                          "employment_model": None, "employment_kind": None, "job_title": "",
                          "job_sector": None, "job_urban": None, "job_start_date": None,
                          "employer_name": "", "horizon_on": None, "notes": ""}
        self.facilitator: Person | None = None
        self.dates: dict[Stage, dt.date] = {}
        self.skipped_training = False

    def event(self, on: dt.date, kind: str, stage: str, from_stage: str | None, by: Person,
              note: str = "") -> None:
        self.maker.rows.events.append({
            "case_id": self.id, "on_date": on, "kind": kind, "stage": stage,
            "from_stage": from_stage, "note": note, "user_id": by.id, "username": by.username})

    def worker(self) -> Person:
        return self.facilitator or self.maker.staff.expert


class CaseMaker:
    """Makes the cases of a chunk of clients; ``today`` bounds every date."""

    def __init__(self, rng: random.Random, today: dt.date, staff: DemoStaffIds,
                 programs: dict[str, DemoProgram]) -> None:
        self.rng, self.today, self.staff, self.programs = rng, today, staff, programs
        self.week_end = week_bounds(today)[1]
        self.rows = CaseRows()
        self.follow_up_note = tr("The first monitoring visit was recorded.")

    def days(self, low: int, high: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(low, high))

    def make(self, clients: list[ClientProfile], case_ids: list[int]) -> CaseRows:
        """Cases of ``clients`` (``client.cases`` each), numbered from ``case_ids``."""
        self.rows = CaseRows()
        ids = iter(case_ids)
        for client in clients:
            if not client.cases:
                continue
            latest = self._latest(next(ids), client)
            if client.cases == 2:
                self._earlier(next(ids), client, latest.row["opened_on"])
        return self.rows

    # -- the pathway, backwards from the stage reached ---------------------------------------

    def _walk_back(self, case: _Case, reached: Stage, on: dt.date) -> None:
        """Dates of every stage up to ``reached`` (reached on ``on``), earliest first."""
        rng = self.rng
        case.skipped_training = reached.order >= Stage.MODEL.order and rng.random() < 0.12
        day = on
        case.dates[reached] = on
        stage = reached
        while stage is not Stage.REFERRAL:
            previous = Stage.ASSESSMENT if (stage is Stage.MODEL and case.skipped_training) \
                else _previous(stage)
            if stage in _STEP_DAYS:
                low, high = _SKIPPED_TRAINING_DAYS if previous is Stage.ASSESSMENT and \
                    stage is Stage.MODEL else _STEP_DAYS[stage]
                day = day - self.days(low, high)
            case.dates[previous] = day
            stage = previous
        case.row["opened_on"] = case.dates[Stage.REFERRAL]

    def _open_events(self, case: _Case, upto: Stage) -> None:
        """The opening and every move up to ``upto`` (not the follow-up or «تثبیت»)."""
        rng, staff = self.rng, self.staff
        source = pick(rng, _SOURCE_W)
        case.row["referral_source"] = source
        case.row["referred_by"] = rng.choice(texts.REFERRERS[source]) \
            if source in texts.REFERRERS and rng.random() < 0.7 else ""
        opener = case.facilitator if source == "facilitator" and case.facilitator \
            else staff.expert
        case.event(case.dates[Stage.REFERRAL], "opened", Stage.REFERRAL, None, opener)
        previous = Stage.REFERRAL
        for stage in (Stage.ASSESSMENT, Stage.TRAINING, Stage.MODEL, Stage.JOB):
            if stage.order > upto.order:
                break
            if stage is Stage.TRAINING and case.skipped_training:
                continue
            if stage is Stage.MODEL and case.skipped_training:
                case.event(case.dates[stage], "skipped", stage, previous, staff.admin,
                           texts.SKIP_REASON)
            else:
                by = staff.expert if stage is Stage.ASSESSMENT and rng.random() < 0.7 \
                    else case.worker()
                case.event(case.dates[stage], "advanced", stage, previous, by)
            previous = stage

    def _assign(self, case: _Case, stage: Stage, open_case: bool) -> None:
        rng = self.rng
        unassigned = {Stage.REFERRAL: 0.35, Stage.ASSESSMENT: 0.1}.get(stage, 0.03)
        if open_case and rng.random() < unassigned:
            case.facilitator = None
        elif rng.random() < 0.16:
            case.facilitator = self.staff.expert
        else:
            case.facilitator = rng.choice(self.staff.facilitators)
        case.row["facilitator_id"] = case.facilitator.id if case.facilitator else None

    def _set_stage(self, case: _Case, stage: Stage, on: dt.date) -> None:
        case.row["stage"], case.row["stage_on"] = stage.value, on

    # -- the latest case of a client ---------------------------------------------------------

    def _latest(self, case_id: int, client: ClientProfile) -> _Case:
        rng, today = self.rng, self.today
        case = _Case(self, case_id, client)
        scenario = pick(rng, _SCENARIO_W)
        if scenario == "closed":
            self._closed(case, Stage(pick(rng, _CLOSED_AT_W)),
                         today - self.days(0, 330))
        elif scenario in ("referral", "assessment", "training", "model"):
            stage = Stage(scenario)
            self._assign(case, stage, open_case=True)
            self._walk_back(case, stage, today - self.days(0, _WAITING_DAYS[stage]))
            self._before_job(case, stage, until=today, finished=False)
            self._set_stage(case, stage, case.dates[stage])
        else:
            self._assign(case, Stage(scenario), open_case=scenario != "stabilised")
            self._with_job(case, scenario)
        self.rows.cases.append(case.row)
        return case

    def _earlier(self, case_id: int, client: ClientProfile, next_opened: dt.date) -> None:
        """A case closed before the client's latest one was opened."""
        case = _Case(self, case_id, client)
        closed_on = next_opened - self.days(30, 400)
        self._closed(case, Stage(self.rng.choice(("referral", "assessment"))), closed_on)
        self.rows.cases.append(case.row)

    def _closed(self, case: _Case, stage: Stage, closed_on: dt.date) -> None:
        rng = self.rng
        self._assign(case, stage, open_case=False)
        if stage.order >= Stage.JOB.order:
            self._with_job(case, "closed_" + stage.value, closed_on=closed_on)
        else:
            reached = closed_on - self.days(0, _WAITING_DAYS[stage] // 2)
            self._walk_back(case, stage, reached)
            self._before_job(case, stage, until=closed_on, finished=False)
            self._set_stage(case, stage, reached)
        reason = pick(rng, _REASON_W[case.row["stage"]])
        note = texts.CLOSE_NOTES[reason] if reason == "other" or rng.random() < 0.5 else ""
        case.row.update(status="closed", closed_on=closed_on, close_reason=reason)
        stage_now = case.row["stage"]
        case.event(closed_on, "closed", stage_now, stage_now, case.worker(), note)

    # -- what a case holds before its job starts ---------------------------------------------

    def _plan_job(self, case: _Case) -> None:
        """Program, employment model, sector and title: decided at «اتصال به الگوی اشتغال»."""
        rng, client, row = self.rng, case.client, case.row
        sector = pick(rng, _URBAN_W if client.urban else _RURAL_W)
        jobs = [title for title, who in texts.JOBS_BY_SECTOR[sector]
                if who in ("", "f" if client.female else "m")]
        model = pick(rng, _HARD_MODEL_W if client.hard_to_employ else _MODEL_W)
        if "female_head" in client.groups and rng.random() < 0.35:
            program = "FOUNDATION"
        elif "disability" in client.groups and rng.random() < 0.5:
            program = "JOB-FUND"
        else:
            program = pick(rng, _PROGRAM_W)
        chosen = self.programs.get(program)
        row.update(program_id=chosen.id if chosen else None,
                   employment_model=model, job_sector=sector, job_title=rng.choice(jobs))
        if model == "employer_based":
            row["employer_name"] = rng.choice(texts.EMPLOYERS)
        elif model == "supported":
            row["employer_name"] = rng.choice(texts.SUPPORTED_CENTRES)
        elif model == "licensed_centre":
            row["employer_name"] = rng.choice(texts.LICENSED_CENTRES)

    def _before_job(self, case: _Case, stage: Stage, *, until: dt.date, finished: bool) -> None:
        """Events, a training course and the model's plan of a case that reached ``stage``;
        ``finished``: the case went on past it."""
        if stage.order >= Stage.MODEL.order:
            self._plan_job(case)
        self._open_events(case, stage)
        if stage.order >= Stage.TRAINING.order and not case.skipped_training:
            self._course(case, completed=finished or stage.order > Stage.TRAINING.order)
        if stage is Stage.MODEL and self.rng.random() < 0.3:
            self._funding(case, case.dates[Stage.MODEL], until)

    def _course(self, case: _Case, *, completed: bool) -> None:
        rng = self.rng
        sector = case.row["job_sector"] or pick(rng, _URBAN_W)
        title, hours = rng.choice(texts.COURSES_BY_SECTOR[sector])
        self.rows.benefits.append(self._benefit(
            case, "training_course", case.dates[Stage.TRAINING],
            0 if rng.random() < 0.7 else _round(rng.uniform(5, 40) * MILLION, MILLION),
            training_title=title, training_hours=hours,
            training_provider=rng.choice(texts.TRAINING_PROVIDERS),
            training_completed=completed))

    def _benefit(self, case: _Case, kind: str, on: dt.date, amount: int, *,
                 program: bool = False, months: int | None = None, training_title: str = "",
                 training_hours: int | None = None, training_provider: str = "",
                 training_completed: bool | None = None) -> dict:
        return {"case_id": case.id, "kind": kind, "given_on": on, "amount": amount,
                "program_id": case.row["program_id"] if program else None, "months": months,
                "training_title": training_title, "training_hours": training_hours,
                "training_provider": training_provider,
                "training_completed": training_completed, "notes": ""}

    def _between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def _funding(self, case: _Case, start: dt.date, end: dt.date) -> None:
        """The loan or grant that pays for the job, given between ``start`` and ``end``."""
        rng, row = self.rng, case.row
        model, on = row["employment_model"], self._between(start, end)
        add = self.rows.benefits.append
        if model == "self_employment":
            if self.programs.get("FOUNDATION") and row["program_id"] == \
                    self.programs["FOUNDATION"].id:
                add(self._benefit(case, "work_capital_grant", on,
                                  _round(rng.uniform(150, 600) * MILLION), program=True))
            elif rng.random() < 0.85:
                add(self._benefit(case, "self_employment_loan", on,
                                  _round(rng.uniform(300, 3000) * MILLION), program=True))
        elif model == "employer_based" and rng.random() < 0.4:
            add(self._benefit(case, "employer_loan", on,
                              _round(rng.uniform(1000, 5000) * MILLION), program=True))
        elif model == "community_based":
            add(self._benefit(case, "work_capital_grant", on,
                              _round(rng.uniform(100, 400) * MILLION), program=True))

    def _support(self, case: _Case, start: dt.date, end: dt.date) -> None:
        """Insurance shares and subsidies that follow the job's start."""
        rng, model = self.rng, case.row["employment_model"]
        disabled = "disability" in case.client.groups
        add = self.rows.benefits.append

        def monthly(kind: str, months: int, low: float, high: float) -> None:
            add(self._benefit(case, kind, self._between(start, end),
                              _round(months * rng.uniform(low, high) * MILLION, 100_000),
                              months=months))

        if model == "self_employment" and rng.random() < 0.5:
            monthly("self_insurance", 12, 2.2, 3.5)
        if model in ("employer_based", "licensed_centre", "supported") and rng.random() < 0.7:
            monthly("employer_insurance", rng.choice((12, 18, 24)), 6, 9)
        if model == "employer_based" and rng.random() < 0.25:
            add(self._benefit(case, "efficiency_subsidy", self._between(start, end),
                              _round(rng.uniform(50, 250) * MILLION)))
        if disabled and model in ("employer_based", "supported", "licensed_centre") \
                and rng.random() < 0.8:
            monthly("wage_subsidy", rng.choice((6, 9, 12)), 10, 18)

    # -- jobs and their monitoring -----------------------------------------------------------

    def _job_start(self, scenario: str, plan: MonitoringPlan, closed_on: dt.date | None
                   ) -> tuple[dt.date, int | None, bool]:
        """The job's start for ``scenario``; the index of a visit that must fall due this week
        (None when none must); whether every visit due has been made."""
        rng, today = self.rng, self.today
        if scenario == "closed_job":
            return closed_on - self.days(5, 60), None, False
        if scenario == "closed_follow_up":
            return closed_on - self.days(45, 300), None, False
        if scenario == "stabilised":
            start = add_jalali_months(today, -plan.horizon_months) - self.days(30, 600)
            return start, None, True
        months = sorted(set(plan.visit_months) | set(plan.report_months))
        if rng.random() < 0.1:  # a visit due between today and Friday
            index = 0 if scenario == "job" else rng.randrange(1, len(months))
            due = today + dt.timedelta(days=rng.randint(0, (self.week_end - today).days))
            return add_jalali_months(due, -months[index]), index, False
        if scenario == "job":
            return today - self.days(0, 50), None, False
        if rng.random() < 0.12:  # monitoring over, final visit made: ready for «تثبیت»
            start = add_jalali_months(today, -plan.horizon_months) - self.days(1, 45)
            return start, None, True
        return today - self.days(35, plan.horizon_months * 30 + 60), None, False

    def _with_job(self, case: _Case, scenario: str, closed_on: dt.date | None = None) -> None:
        rng, today = self.rng, self.today
        end = closed_on or today
        self._plan_job(case)
        program = next((p for p in self.programs.values() if p.id == case.row["program_id"]),
                       None)
        plan = program.plan if program else MonitoringPlan()
        job_start, due_this_week, all_made = self._job_start(scenario, plan, closed_on)
        schedule, horizon = _schedule(plan, job_start)
        self._walk_back(case, Stage.JOB, job_start)
        case.row.update(job_start_date=job_start, horizon_on=horizon,
                        job_urban=case.client.urban,
                        employment_kind="created" if rng.random() < 0.75 else "stabilising")
        self._open_events(case, Stage.JOB)
        if not case.skipped_training:
            self._course(case, completed=True)
        self._funding(case, case.dates[Stage.MODEL], job_start)
        done = self._visits(case, scenario, schedule, due_this_week, all_made, end)
        if not done:
            self._set_stage(case, Stage.JOB, job_start)
        else:
            first = min(done)
            case.event(first, "advanced", Stage.FOLLOW_UP, Stage.JOB, case.worker(),
                       self.follow_up_note)
            self._set_stage(case, Stage.FOLLOW_UP, first)
        if scenario == "stabilised":
            stabilised = min(today, max(horizon, max(done)) + self.days(0, 40))
            case.event(stabilised, "advanced", Stage.STABILISED, Stage.FOLLOW_UP,
                       self.staff.expert)
            self._set_stage(case, Stage.STABILISED, stabilised)
            case.row.update(status="stabilised", closed_on=stabilised)
            end = stabilised  # a finished case takes no more services
        self._support(case, job_start, end)

    def _visits(self, case: _Case, scenario: str, schedule: tuple[ScheduledVisit, ...],
                due_this_week: int | None, all_made: bool, end: dt.date) -> list[dt.date]:
        """The case's scheduled visits, made or not; returns the dates of those made.
        ``all_made``: every visit due was made and the final one found the job active."""
        rng, today = self.rng, self.today
        job_start = case.row["job_start_date"]
        no_visit_yet = scenario in ("job", "closed_job")
        # A case behind on its visits: the last one due has not been made (never the first,
        # whose making is what starts the follow-up).
        due = [v for v in schedule if v.due_on < today]
        behind = scenario == "follow_up" and len(due) > 1 and rng.random() < 0.18
        made: list[dt.date] = []
        rows: list[dict] = []
        visitor = case.worker()
        for number, planned in enumerate(schedule):
            when: dt.date | None = None
            pending = no_visit_yet or (due_this_week is not None and number >= due_this_week) \
                or (behind and planned is due[-1])
            if not pending and planned.due_on <= end:
                when = max(job_start, planned.due_on + self.days(-5, 10))
                when = min(when, today) if all_made else when
                if when > end:
                    when = None
            if scenario == "closed_follow_up" and number == 0 and when is None:
                when = min(end, max(job_start, planned.due_on))
            row = {"case_id": case.id, "sequence": planned.sequence, "month": planned.month,
                   "kind": planned.kind.value, "due_on": planned.due_on, "done_on": when,
                   "mode": None, "job_active": None, "monthly_income": None, "problems": "",
                   "next_action": "", "visited_by_id": None}
            if when is not None:
                self._findings(case, row, visitor, len(made))
                made.append(when)
            rows.append(row)
        self.rows.visits.extend(rows)
        if all_made and rows[-1]["done_on"] is not None and not rows[-1]["job_active"]:
            self._findings(case, rows[-1], visitor, len(made))
            rows[-1].update(job_active=True, problems="", next_action="",
                            monthly_income=_round(_INCOME[case.row["job_sector"]][1]
                                                  * MILLION, MILLION))
        if made and scenario == "closed_follow_up":
            last = max((r for r in rows if r["done_on"]), key=lambda r: r["done_on"])
            last.update(job_active=False, monthly_income=None,
                        problems=rng.choice(texts.VISIT_PROBLEMS))
        if made and scenario in ("follow_up", "stabilised") and rng.random() < 0.04:
            self._extra_visit(case, visitor, len(schedule) + 1, made)
        return made

    def _findings(self, case: _Case, row: dict, visitor: Person, previous: int) -> None:
        rng = self.rng
        active = rng.random() < 0.95
        low, high = _INCOME[case.row["job_sector"]]
        income = _round(rng.uniform(low, high) * (1 + 0.04 * previous) * MILLION, MILLION)
        problem = rng.choice(texts.VISIT_PROBLEMS) if (not active or rng.random() < 0.12) \
            else ""
        row.update(mode="in_person" if row["kind"] == "report" or rng.random() < 0.6
                   else "remote", job_active=active,
                   monthly_income=income if active else None, problems=problem,
                   next_action=rng.choice(texts.NEXT_ACTIONS) if problem or
                   rng.random() < 0.2 else "",
                   visited_by_id=visitor.id)

    def _extra_visit(self, case: _Case, visitor: Person, sequence: int,
                     made: list[dt.date]) -> None:
        """A visit outside the schedule, after a problem was reported."""
        on = self._between(min(made), max(made))
        row = {"case_id": case.id, "sequence": sequence, "month": None, "kind": "visit",
               "due_on": on, "done_on": on}
        self._findings(case, row, visitor, 0)
        row["problems"] = row["problems"] or self.rng.choice(texts.VISIT_PROBLEMS)
        self.rows.visits.append(row)


def _previous(stage: Stage) -> Stage:
    from desktop.domain.pathway import PATHWAY

    return PATHWAY[stage.order - 1]
