"""Demo services and benefits: courses, loans and grants, insurance shares and subsidies, in
Rials as offices pay them (loans of a few hundred million to a few billion Rials)."""

from __future__ import annotations

import datetime as dt

from desktop.domain.pathway import Stage
from desktop.services import demo_texts as texts
from desktop.services.demo_clients import pick, weighted
from desktop.services.demo_records import MILLION, DemoCase, DemoProgram, Drawing, rials

_SECTORS = weighted((("services", 63), ("agriculture", 25), ("industry", 12)))


class BenefitMaker(Drawing):
    programs: dict[str, DemoProgram]

    def course(self, case: DemoCase, *, completed: bool) -> None:
        """The skill-training course of «مهارت‌آموزی», fitting the job's sector."""
        rng = self.rng
        sector = case.row["job_sector"] or pick(rng, _SECTORS)
        title, hours = rng.choice(texts.COURSES_BY_SECTOR[sector])
        self.rows.benefits.append(self._benefit(
            case, "training_course", case.dates[Stage.TRAINING],
            0 if rng.random() < 0.7 else rials(rng.uniform(5, 40) * MILLION, MILLION),
            training_title=title, training_hours=hours,
            training_provider=rng.choice(texts.TRAINING_PROVIDERS),
            training_completed=completed))

    def _benefit(self, case: DemoCase, kind: str, on: dt.date, amount: int, *,
                 program: bool = False, months: int | None = None, training_title: str = "",
                 training_hours: int | None = None, training_provider: str = "",
                 training_completed: bool | None = None) -> dict:
        return {"case_id": case.id, "kind": kind, "given_on": on, "amount": amount,
                "program_id": case.row["program_id"] if program else None, "months": months,
                "training_title": training_title, "training_hours": training_hours,
                "training_provider": training_provider,
                "training_completed": training_completed, "notes": ""}

    def funding(self, case: DemoCase, start: dt.date, end: dt.date) -> None:
        """The loan or grant that pays for the job, given between ``start`` and ``end``."""
        rng, row = self.rng, case.row
        model, on = row["employment_model"], self.between(start, end)
        foundation = self.programs.get("FOUNDATION")
        add = self.rows.benefits.append
        if model == "self_employment":
            if foundation and row["program_id"] == foundation.id:  # grants, not loans
                add(self._benefit(case, "work_capital_grant", on,
                                  rials(rng.uniform(150, 600) * MILLION), program=True))
            elif rng.random() < 0.85:
                add(self._benefit(case, "self_employment_loan", on,
                                  rials(rng.uniform(300, 3000) * MILLION), program=True))
        elif model == "employer_based" and rng.random() < 0.4:
            add(self._benefit(case, "employer_loan", on,
                              rials(rng.uniform(1000, 5000) * MILLION), program=True))
        elif model == "community_based":
            add(self._benefit(case, "work_capital_grant", on,
                              rials(rng.uniform(100, 400) * MILLION), program=True))

    def support(self, case: DemoCase, start: dt.date, end: dt.date) -> None:
        """Insurance shares and subsidies that follow the job's start, until ``end``."""
        rng, model = self.rng, case.row["employment_model"]
        disabled = "disability" in case.client.groups
        add = self.rows.benefits.append

        def monthly(kind: str, months: int, low: float, high: float) -> None:
            add(self._benefit(case, kind, self.between(start, end),
                              rials(months * rng.uniform(low, high) * MILLION, 100_000),
                              months=months))

        if model == "self_employment" and rng.random() < 0.5:
            monthly("self_insurance", 12, 2.2, 3.5)
        if model in ("employer_based", "licensed_centre", "supported") and rng.random() < 0.7:
            monthly("employer_insurance", rng.choice((12, 18, 24)), 6, 9)
        if model == "employer_based" and rng.random() < 0.25:
            add(self._benefit(case, "efficiency_subsidy", self.between(start, end),
                              rials(rng.uniform(50, 250) * MILLION)))
        if disabled and model in ("employer_based", "supported", "licensed_centre") \
                and rng.random() < 0.8:
            monthly("wage_subsidy", rng.choice((6, 9, 12)), 10, 18)
