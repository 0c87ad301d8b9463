"""Demo monitoring: the visits of each job's schedule, made near their due dates by the case's
facilitator, with the income and the occasional problem found; some late, one now and then
outside the schedule."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from desktop.domain.monitoring import MonitoringPlan, ScheduledVisit
from desktop.services import demo_texts as texts
from desktop.services.demo_records import MILLION, DemoCase, Drawing, Person, rials

# Monthly income found on a visit, millions of Rials, by sector.
_INCOME = {"services": (60, 200), "agriculture": (40, 180), "industry": (50, 220)}
BEHIND = 0.18   # share of cases in follow-up whose latest visit due has not been made


@lru_cache(maxsize=8192)
def schedule(plan: MonitoringPlan, job_start: dt.date) -> tuple[tuple[ScheduledVisit, ...],
                                                                  dt.date]:
    """The visits of a job and the end of its monitoring (jobs share start days: cached)."""
    return tuple(plan.schedule(job_start)), plan.horizon(job_start)


class VisitMaker(Drawing):
    def visits(self, case: DemoCase, scenario: str, planned: tuple[ScheduledVisit, ...],
               due_this_week: int | None, all_made: bool, end: dt.date) -> list[dt.date]:
        """The case's scheduled visits, made or not; returns the dates of those made.
        ``due_this_week``: the visit from which none is made yet; ``all_made``: every visit due
        was made and the final one found the job active."""
        rng, today = self.rng, self.today
        job_start = case.row["job_start_date"]
        no_visit_yet = scenario in ("job", "closed_job")
        # Behind on visits: the latest one due is not made (never the first, whose making is
        # what starts the follow-up).
        due = [v for v in planned if v.due_on < today]
        behind = scenario == "follow_up" and len(due) > 1 and rng.random() < BEHIND
        made: list[dt.date] = []
        rows: list[dict] = []
        visitor = case.worker()
        for number, visit in enumerate(planned):
            when: dt.date | None = None
            pending = no_visit_yet or (due_this_week is not None and number >= due_this_week) \
                or (behind and visit is due[-1])
            if not pending and visit.due_on <= end:
                when = max(job_start, visit.due_on + self.days(-5, 10))
                when = min(when, today) if all_made else when
                if when > end:
                    when = None
            if scenario == "closed_follow_up" and number == 0 and when is None:
                when = min(end, max(job_start, visit.due_on))
            row = {"case_id": case.id, "sequence": visit.sequence, "month": visit.month,
                   "kind": visit.kind.value, "due_on": visit.due_on, "done_on": when,
                   "mode": None, "job_active": None, "monthly_income": None, "problems": "",
                   "next_action": "", "visited_by_id": None}
            if when is not None:
                self._findings(case, row, visitor, len(made))
                made.append(when)
            rows.append(row)
        self.rows.visits.extend(rows)
        if all_made and rows[-1]["done_on"] is not None and not rows[-1]["job_active"]:
            rows[-1].update(job_active=True, problems="", next_action="", monthly_income=rials(
                _INCOME[case.row["job_sector"]][1] * MILLION, MILLION))
        if made and scenario == "closed_follow_up":  # the job had stopped
            last = max((r for r in rows if r["done_on"]), key=lambda r: r["done_on"])
            last.update(job_active=False, monthly_income=None,
                        problems=rng.choice(texts.VISIT_PROBLEMS))
        if made and scenario in ("follow_up", "stabilised") and rng.random() < 0.04:
            self._extra_visit(case, visitor, len(planned) + 1, made)
        return made

    def _findings(self, case: DemoCase, row: dict, visitor: Person, previous: int) -> None:
        rng = self.rng
        active = rng.random() < 0.95
        low, high = _INCOME[case.row["job_sector"]]
        income = rials(rng.uniform(low, high) * (1 + 0.04 * previous) * MILLION, MILLION)
        problem = rng.choice(texts.VISIT_PROBLEMS) if not active or rng.random() < 0.12 else ""
        row.update(mode="in_person" if row["kind"] == "report" or rng.random() < 0.6
                   else "remote", job_active=active,
                   monthly_income=income if active else None, problems=problem,
                   next_action=rng.choice(texts.NEXT_ACTIONS)
                   if problem or rng.random() < 0.2 else "",
                   visited_by_id=visitor.id)

    def _extra_visit(self, case: DemoCase, visitor: Person, sequence: int,
                     made: list[dt.date]) -> None:
        """A visit outside the schedule, after a problem was reported."""
        on = self.between(min(made), max(made))
        row = {"case_id": case.id, "sequence": sequence, "month": None, "kind": "visit",
               "due_on": on, "done_on": on}
        self._findings(case, row, visitor, 0)
        row["problems"] = row["problems"] or self.rng.choice(texts.VISIT_PROBLEMS)
        self.rows.visits.append(row)
