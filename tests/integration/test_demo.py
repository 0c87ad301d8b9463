"""The demo office obeys every rule the services enforce, holds every stage of the pathway and
the worklists' cases, and keeps the proportions of the source articles (DOMAIN.md)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from desktop import clock
from desktop.database import Database, open_database
from desktop.domain.pathway import PATHWAY, CaseStatus, Stage
from desktop.domain.people import TargetGroup
from desktop.fa.postal import validate_postal_code
from desktop.fa.sheba import validate_sheba
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit
from desktop.models.people import Client, ClientTargetGroup, client_search_key
from desktop.models.users import User
from desktop.services import cases, clients
from desktop.services.auth import sign_in
from desktop.services.case_records import final_visit
from desktop.services.demo import DEMO_PASSWORD, DEMO_STAFF, make_demo_office
from desktop.services.integrity import run_checks
from desktop.services.worklists import Worklist, worklist_items, worklist_summary
from tests.conftest import postgres_admin_url

CLIENTS = 5000
TODAY = dt.date(2024, 10, 6)   # the fixed clock's day


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Database]:
    """One demo office per database for the whole module (building it is the slow part), as
    of the fixed clock's day."""
    previous = clock.set_clock(clock.FixedClock(dt.datetime(2024, 10, 6, 8, 30, tzinfo=dt.UTC)))
    with contextlib.ExitStack() as stack:
        stack.callback(clock.set_clock, previous)
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'karsaz.sqlite3'}"
        else:
            url = stack.enter_context(_postgres_database())
        db = open_database(url)
        stack.callback(db.dispose)
        made = make_demo_office(db, clients=CLIENTS, seed=11)
        assert made.clients == CLIENTS and made.cases > 0
        yield db


@contextlib.contextmanager
def _postgres_database() -> Iterator[str]:
    admin_url = postgres_admin_url()
    if not admin_url:
        pytest.skip("KARSAZ_TEST_PG_URL not set (tools/test.sh starts a server and sets it)")
    name = f"karsaz_demo_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _all(db: Database, model) -> list:
    with db.reading() as session:
        return list(session.scalars(select(model)))


def test_the_office_passes_karsaz_check(demo: Database) -> None:
    failed = [(r.name, r.detail) for r in run_checks(demo) if not r.ok]
    assert failed == []


def test_every_stage_and_every_ending_is_there(demo: Database) -> None:
    found = Counter((c.status, c.stage) for c in _all(demo, EmploymentCase))
    for stage in PATHWAY[:-1]:
        assert found[(CaseStatus.OPEN, stage)] > 0, stage
    assert found[(CaseStatus.STABILISED, Stage.STABILISED)] > 0
    closed_at = {stage for status, stage in found if status == CaseStatus.CLOSED}
    assert {Stage.REFERRAL, Stage.ASSESSMENT, Stage.JOB, Stage.FOLLOW_UP} <= closed_at


def test_dates_follow_the_rules_of_the_services(demo: Database) -> None:
    all_cases = {c.id: c for c in _all(demo, EmploymentCase)}
    events: dict[int, list[CaseEvent]] = defaultdict(list)
    for event in sorted(_all(demo, CaseEvent), key=lambda e: e.id):
        assert event.on_date <= TODAY
        events[event.case_id].append(event)
    for case in all_cases.values():
        history = events[case.id]
        assert history[0].kind == "opened" and history[0].on_date == case.opened_on
        dates = [e.on_date for e in history]
        assert dates == sorted(dates), case.id
        moves = [e for e in history if e.kind != "closed"]
        reached = [Stage(e.stage).order for e in moves]
        assert reached == sorted(set(reached))
        assert (moves[-1].stage, moves[-1].on_date) == (case.stage, case.stage_on)
        if case.job_start_date:
            assert case.opened_on <= case.job_start_date <= TODAY
            assert case.horizon_on > case.job_start_date
        if case.status != CaseStatus.OPEN:
            assert case.closed_on == history[-1].on_date
    for benefit in _all(demo, Benefit):
        case = all_cases[benefit.case_id]
        assert case.opened_on <= benefit.given_on <= (case.closed_on or TODAY)
        assert benefit.amount > 0 or benefit.kind == "training_course"
    for visit in _all(demo, MonitoringVisit):
        case = all_cases[visit.case_id]
        assert visit.due_on >= case.job_start_date
        if visit.done_on:
            assert case.job_start_date <= visit.done_on <= (case.closed_on or TODAY)
            assert visit.mode and visit.visited_by_id


def test_one_open_case_a_client_and_earlier_ones_closed_first(demo: Database) -> None:
    by_client: dict[int, list[EmploymentCase]] = defaultdict(list)
    for case in _all(demo, EmploymentCase):
        by_client[case.client_id].append(case)
    for history in by_client.values():
        history.sort(key=lambda c: c.opened_on)
        assert sum(c.status == CaseStatus.OPEN for c in history) <= 1
        for earlier, later in itertools.pairwise(history):
            assert earlier.status == CaseStatus.CLOSED and earlier.closed_on <= later.opened_on
    assert any(len(h) == 2 for h in by_client.values())


def test_follow_up_starts_with_a_visit_and_stabilisation_ends_monitoring(demo: Database) -> None:
    visits = defaultdict(list)
    for visit in _all(demo, MonitoringVisit):
        visits[visit.case_id].append(visit)
    for case in _all(demo, EmploymentCase):
        made = [v for v in visits[case.id] if v.done_on]
        if case.stage == Stage.JOB:
            assert not made
        if case.stage in (Stage.FOLLOW_UP, Stage.STABILISED):
            assert made and min(v.done_on for v in made) == _follow_up_day(demo, case.id)
        if case.status == CaseStatus.STABILISED:
            last = final_visit(visits[case.id])
            assert last.done_on and last.job_active and case.closed_on >= case.horizon_on


def _follow_up_day(db: Database, case_id: int) -> dt.date:
    with db.reading() as session:
        return session.scalar(select(CaseEvent.on_date).where(
            CaseEvent.case_id == case_id, CaseEvent.stage == Stage.FOLLOW_UP))


def test_the_worklists_all_have_work(demo: Database) -> None:
    expert = sign_in(demo, "expert", DEMO_PASSWORD)
    totals = worklist_summary(demo, expert).totals
    assert all(count > 0 for count in totals.values()), totals
    ready = worklist_items(demo, expert, Worklist.READY_TO_STABILISE)[0]
    case = cases.get_case(demo, expert, ready.case_id)
    assert case.ready_to_stabilise()
    # The service accepts the demo's history: the expert stabilises the job today.
    stabilised = cases.advance_case(demo, expert, case.id, version=case.version, on_date=TODAY)
    assert stabilised.status == CaseStatus.STABILISED


def test_events_and_visits_are_by_the_demo_staff(demo: Database) -> None:
    staff = {u.id: u.username for u in _all(demo, User)}
    assert set(staff.values()) == {"admin", *(name for name, _, _ in DEMO_STAFF)}
    events = _all(demo, CaseEvent)
    assert all(staff[e.user_id] == e.username for e in events)
    assert {e.username for e in events} >= {"expert", "facilitator1", "facilitator3"}
    assert {e.username for e in events if e.kind == "skipped"} == {"admin"}
    open_cases = [c for c in _all(demo, EmploymentCase) if c.status == CaseStatus.OPEN]
    assert any(c.facilitator_id is None for c in open_cases)


def test_proportions_are_those_of_the_source_articles(demo: Database) -> None:
    people = {c.id: c for c in _all(demo, Client)}
    jobs = [c for c in _all(demo, EmploymentCase) if c.job_start_date]
    share = lambda found: 100 * sum(found) / len(jobs)  # noqa: E731
    assert abs(share(c.job_urban for c in jobs) - 67) <= 5
    assert abs(share(c.job_sector == "services" for c in jobs) - 63) <= 5
    assert abs(share(c.job_sector == "agriculture" for c in jobs) - 25) <= 5
    assert abs(share(c.job_sector == "industry" for c in jobs) - 12) <= 4
    assert abs(share(people[c.client_id].gender == "female" for c in jobs) - 54) <= 5
    with_case = {c.client_id for c in _all(demo, EmploymentCase)}
    assert 34 <= 100 * len(with_case) / CLIENTS <= 41


def test_client_records_pass_the_client_form_rules(demo: Database) -> None:
    expert = sign_in(demo, "expert", DEMO_PASSWORD)
    stored = _all(demo, Client)
    for client in stored:
        assert client.search_key == client_search_key(
            client.first_name, client.last_name, client.father_name, client.national_code,
            client.mobile, client.file_number)
        if client.sheba:
            assert validate_sheba(client.sheba) == client.sheba
        if client.postal_code:
            assert validate_postal_code(client.postal_code) == client.postal_code
    groups = Counter(g.target_group for g in _all(demo, ClientTargetGroup))
    assert groups.most_common(1)[0][0] == "female_head"
    assert set(groups) == {g.value for g in TargetGroup}
    assert sum(c.hard_to_employ for c in stored) > 0
    assert any(c.sheba for c in stored) and any(c.postal_code for c in stored)
    # Saving each of a sample unchanged through the service finds nothing to correct.
    for client in stored[::97]:
        record = clients.get_client(demo, expert, client.id)
        clients.update_client(demo, expert, record.id, record.as_input(), version=record.version,
                              confirm_similar=True)


def _fingerprint(db: Database) -> str:
    with db.reading() as session:
        rows = session.execute(select(
            Client.national_code, Client.first_name, Client.file_number, EmploymentCase.stage,
            EmploymentCase.stage_on).outerjoin(EmploymentCase, EmploymentCase.client_id ==
                                               Client.id).order_by(Client.id, EmploymentCase.id))
        return hashlib.sha256(repr(rows.all()).encode()).hexdigest()


def test_the_same_seed_makes_the_same_office(tmp_path, fixed_clock) -> None:
    prints = []
    for name in ("one", "two"):
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        make_demo_office(db, clients=400, seed=5)
        prints.append(_fingerprint(db))
        db.dispose()
    assert prints[0] == prints[1]
