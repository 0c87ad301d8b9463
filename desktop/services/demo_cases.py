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

import datetime as dt
import random

from desktop.domain.monitoring import MonitoringPlan, week_bounds
from desktop.domain.pathway import PATHWAY, Stage
from desktop.fa.jalali import add_jalali_months
from desktop.i18n import tr
from desktop.services import demo_texts as texts
from desktop.services.demo_benefits import BenefitMaker
from desktop.services.demo_clients import ClientProfile, pick, weighted
from desktop.services.demo_records import CaseRows, DemoCase, DemoProgram, DemoStaffIds
from desktop.services.demo_visits import VisitMaker, schedule

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


_SCENARIO_W = weighted(_SCENARIOS)
_CLOSED_AT_W = weighted(_CLOSED_AT)
_REASON_W = {stage: weighted(pairs) for stage, pairs in _CLOSE_REASONS.items()}
_SOURCE_W = weighted(_SOURCES)
_URBAN_W, _RURAL_W = weighted(_URBAN_SECTORS), weighted(_RURAL_SECTORS)
_MODEL_W, _HARD_MODEL_W = weighted(_MODELS), weighted(_HARD_TO_EMPLOY_MODELS)
_PROGRAM_W = weighted((("NAT-LOAN", 45), ("PROV-LOAN", 35), ("", 20)))


class CaseMaker(BenefitMaker, VisitMaker):
    """Makes the cases of a chunk of clients; ``today`` bounds every date."""

    def __init__(self, rng: random.Random, today: dt.date, staff: DemoStaffIds,
                 programs: dict[str, DemoProgram]) -> None:
        super().__init__(rng, today, staff)
        self.programs = programs
        self.week_end = week_bounds(today)[1]
        self.follow_up_note = tr("The first monitoring visit was recorded.")

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
        self.rows.summarise_monitoring()
        return self.rows

    # -- the pathway, backwards from the stage reached ---------------------------------------

    def _walk_back(self, case: DemoCase, reached: Stage, on: dt.date) -> None:
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

    def _open_events(self, case: DemoCase, upto: Stage) -> None:
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

    def _assign(self, case: DemoCase, stage: Stage, open_case: bool) -> None:
        rng = self.rng
        unassigned = {Stage.REFERRAL: 0.35, Stage.ASSESSMENT: 0.1}.get(stage, 0.03)
        if open_case and rng.random() < unassigned:
            case.facilitator = None
        elif rng.random() < 0.16:
            case.facilitator = self.staff.expert
        else:
            case.facilitator = rng.choice(self.staff.facilitators)
        case.row["facilitator_id"] = case.facilitator.id if case.facilitator else None

    def _set_stage(self, case: DemoCase, stage: Stage, on: dt.date) -> None:
        case.row["stage"], case.row["stage_on"] = stage.value, on

    # -- the latest case of a client ---------------------------------------------------------

    def _latest(self, case_id: int, client: ClientProfile) -> DemoCase:
        rng, today = self.rng, self.today
        case = DemoCase(self, case_id, client)
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
        case = DemoCase(self, case_id, client)
        closed_on = next_opened - self.days(30, 400)
        self._closed(case, Stage(self.rng.choice(("referral", "assessment"))), closed_on)
        self.rows.cases.append(case.row)

    def _closed(self, case: DemoCase, stage: Stage, closed_on: dt.date) -> None:
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

    def _plan_job(self, case: DemoCase) -> None:
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

    def _before_job(self, case: DemoCase, stage: Stage, *, until: dt.date, finished: bool) -> None:
        """Events, a training course and the model's plan of a case that reached ``stage``;
        ``finished``: the case went on past it."""
        if stage.order >= Stage.MODEL.order:
            self._plan_job(case)
        self._open_events(case, stage)
        if stage.order >= Stage.TRAINING.order and not case.skipped_training:
            self.course(case, completed=finished or stage.order > Stage.TRAINING.order)
        if stage is Stage.MODEL and self.rng.random() < 0.3:
            self.funding(case, case.dates[Stage.MODEL], until)

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

    def _with_job(self, case: DemoCase, scenario: str, closed_on: dt.date | None = None) -> None:
        rng, today = self.rng, self.today
        end = closed_on or today
        self._plan_job(case)
        program = next((p for p in self.programs.values() if p.id == case.row["program_id"]),
                       None)
        plan = program.plan if program else MonitoringPlan()
        job_start, due_this_week, all_made = self._job_start(scenario, plan, closed_on)
        planned, horizon = schedule(plan, job_start)
        self._walk_back(case, Stage.JOB, job_start)
        case.row.update(job_start_date=job_start, horizon_on=horizon,
                        job_urban=case.client.urban,
                        employment_kind="created" if rng.random() < 0.75 else "stabilising")
        self._open_events(case, Stage.JOB)
        if not case.skipped_training:
            self.course(case, completed=True)
        self.funding(case, case.dates[Stage.MODEL], job_start)
        done = self.visits(case, scenario, planned, due_this_week, all_made, end)
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
        self.support(case, job_start, end)

def _previous(stage: Stage) -> Stage:
    return PATHWAY[stage.order - 1]
