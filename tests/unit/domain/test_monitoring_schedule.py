"""The monitoring schedule, for any job start and any program a county may define."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.monitoring import (
    DEFAULT_VISIT_MONTHS,
    MonitoringPlan,
    VisitKind,
    format_months,
    parse_months,
    week_bounds,
)
from desktop.fa.jalali import gregorian_to_jalali, month_length

job_starts = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def plans(draw) -> MonitoringPlan:
    horizon = draw(st.integers(1, 60))
    visits = draw(st.sets(st.integers(1, horizon - 1), max_size=10)) if horizon > 1 else set()
    reports = draw(st.sets(st.integers(1, horizon), max_size=5))
    return MonitoringPlan(tuple(sorted(visits | {horizon})), tuple(sorted(reports)), horizon)


def _months_between(start: dt.date, later: dt.date) -> int:
    a, b = gregorian_to_jalali(start), gregorian_to_jalali(later)
    return (b.year - a.year) * 12 + (b.month - a.month)


@given(job_starts, plans())
def test_schedule_follows_the_plan(start: dt.date, plan: MonitoringPlan) -> None:
    assert plan.problems() == []
    visits = plan.schedule(start)
    months = sorted(set(plan.visit_months) | set(plan.report_months))
    assert [v.month for v in visits] == months
    assert [v.sequence for v in visits] == list(range(1, len(months) + 1))
    dues = [v.due_on for v in visits]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)   # strictly in date order
    assert all(due > start for due in dues)
    assert visits[-1].due_on == plan.horizon(start)               # the last visit ends it
    for visit in visits:
        # Each visit falls in the Jalali month `month` months after the start, on the same
        # day or the month's last day when it is shorter.
        assert _months_between(start, visit.due_on) == visit.month
        day, due = gregorian_to_jalali(start).day, gregorian_to_jalali(visit.due_on)
        assert due.day == min(day, month_length(due.year, due.month))
        assert (visit.kind is VisitKind.REPORT) == (visit.month in plan.report_months)


@given(job_starts)
def test_default_plan_is_five_visits_over_a_year(start: dt.date) -> None:
    visits = MonitoringPlan().schedule(start)
    assert tuple(v.month for v in visits) == DEFAULT_VISIT_MONTHS == (1, 3, 6, 9, 12)
    assert all(v.kind is VisitKind.VISIT for v in visits)
    assert 360 <= (visits[-1].due_on - start).days <= 368


def test_partner_agreement_of_twenty_months_with_six_monthly_reports() -> None:
    plan = MonitoringPlan((1, 3, 6, 9, 12, 15, 18, 20), (6, 12, 18), 20)
    visits = plan.schedule(dt.date(2024, 9, 21))  # ۳۱ شهریور ۱۴۰۳
    assert [(v.month, v.kind.value) for v in visits if v.kind is VisitKind.REPORT] == [
        (6, "report"), (12, "report"), (18, "report")]
    # 31 Shahrivar + 1 month: Mehr has 30 days, so the visit is on its last day.
    assert visits[0].due_on == dt.date(2024, 10, 21)               # ۳۰ مهر ۱۴۰۳
    assert plan.horizon(dt.date(2024, 9, 21)) == visits[-1].due_on


def test_plans_that_cannot_work_are_refused() -> None:
    assert MonitoringPlan((), (), 12).problems()
    assert MonitoringPlan((1, 6), (), 12).problems()           # nothing at the end
    assert MonitoringPlan((1, 14), (), 12).problems()          # a visit past the end
    assert MonitoringPlan((0, 12), (), 12).problems()
    assert MonitoringPlan((1, 61), (), 61).problems()
    assert MonitoringPlan((1, 12), (13,), 12).problems()


@given(st.lists(st.integers(1, 60), min_size=1, max_size=10))
def test_months_round_trip_through_text(months: list[int]) -> None:
    assert parse_months(format_months(tuple(months))) == tuple(sorted(set(months)))


def test_months_typed_in_persian() -> None:
    assert parse_months("۱، ۳، ۶") == (1, 3, 6)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)))
def test_the_week_runs_saturday_to_friday(day: dt.date) -> None:
    start, end = week_bounds(day)
    assert start <= day <= end and (end - start).days == 6
    assert start.weekday() == 5 and end.weekday() == 4   # Saturday, Friday
