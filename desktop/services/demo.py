"""A realistic demo office: the staff of a county desk, its clients and their employment cases.

Everything is written in bulk (``record_bulk_insert``: change-log entries for every row, one
audit entry per batch) in one transaction, chunk by chunk so a million clients never sit in
memory at once; a 100,000-client office builds in seconds. The same seed gives the same office.
Clients are in demo_clients.py, their cases, services and visits in demo_cases.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.clock import today as clock_today
from desktop.database import Database
from desktop.domain.groups import GroupKind
from desktop.domain.people import TargetGroup
from desktop.models.bulk import reserve_ids
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.groups import CommunityGroup, GroupMember
from desktop.models.people import Client, ClientTargetGroup, client_search_index_deferred
from desktop.models.tracking import SYSTEM, Actor, record_bulk_insert
from desktop.models.users import Role, User
from desktop.services.demo_cases import CaseMaker
from desktop.services.demo_clients import ClientMaker, national_codes
from desktop.services.demo_groups import DemoMember, GroupMaker
from desktop.services.demo_records import DemoProgram, DemoStaffIds, Person
from desktop.services.demo_solar import SolarMaker
from desktop.services.demo_women_groups import WomenGroupMaker
from desktop.services.office import OfficeInfo, get_office, initialize_office
from desktop.services.passwords import hash_password
from desktop.services.programs import plan_of

__all__ = ["DEMO_PASSWORD", "DEMO_STAFF", "DemoOffice", "add_demo_groups", "make_demo_office",
           "national_codes"]

DEMO_PROVINCE = "07"      # فارس
DEMO_COUNTY = "0707"      # شیراز
DEMO_PASSWORD = "karsaz-demo"
CHUNK = 20_000
SQLITE_CACHE_KIB = 256 * 1024  # while building: a million clients' indexes fit in memory

# (username, full name, role): the people of a small county desk.
DEMO_STAFF = (
    ("expert", "مریم کشاورز", Role.EXPERT),
    ("facilitator1", "زهرا احمدی", Role.FACILITATOR),
    ("facilitator2", "علی رضایی", Role.FACILITATOR),
    ("facilitator3", "سمیه قاسمی", Role.FACILITATOR),
    ("viewer", "حسین موسوی", Role.VIEWER),
)


@dataclasses.dataclass(frozen=True)
class DemoOffice:
    office: OfficeInfo
    admin_username: str
    password: str
    clients: int
    cases: int = 0
    groups: int = 0
    women_groups: int = 0
    solar_plants: int = 0


def _staff(db: Database, actor: Actor) -> DemoStaffIds:
    hashed = hash_password(DEMO_PASSWORD)
    with db.transaction(actor) as session:
        for username, full_name, role in DEMO_STAFF:
            session.add(User(username=username, full_name=full_name, role=role,
                             password_hash=hashed))
        session.flush()
        people = {u.username: Person(u.id, u.username) for u in session.scalars(select(User))}
    return DemoStaffIds(admin=people["admin"], expert=people["expert"],
                        facilitators=tuple(people[f"facilitator{i}"] for i in (1, 2, 3)))


def _programs(db: Database) -> dict[str, DemoProgram]:
    with db.reading() as session:
        return {p.code: DemoProgram(p.id, p.code, plan_of(p))
                for p in session.scalars(select(Program).where(Program.active.is_(True)))}


@contextlib.contextmanager
def _bulk_loading(session: Session) -> Iterator[None]:
    """A larger page cache for this connection while it loads (SQLite), set back afterwards."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")


def make_demo_office(db: Database, *, clients: int = 1000, seed: int = 1403,
                     today: dt.date | None = None, actor: Actor = SYSTEM, cases: bool = True,
                     groups: int | None = None, women_groups: int | None = None,
                     solar: int | None = None,
                     progress: Callable[[int, int], None] | None = None) -> DemoOffice:
    """A new office with its staff, ``clients`` clients and their cases, as of ``today``.
    Without ``cases`` the clients have none (tests that make the cases they count).
    ``groups`` micro-finance groups (by default one per 80 clients, at most 12: a county
    has about a dozen) with their meetings since they were formed; ``women_groups`` women's
    mutual-help groups and cooperatives (by default one per 100 clients, at most 9, every kind
    from three on) with their business's months, trainings, meetings and market links;
    ``solar`` solar plants (by default 3 from 100 clients, 4 from 800; the GUI tests'
    50-client office has none unless asked) with their
    shares and the last twelve Jalali months' records and allocations (demo_solar.py)."""
    rng = random.Random(seed)
    today = today or clock_today()
    office = initialize_office(
        db, province_code=DEMO_PROVINCE, county_code=DEMO_COUNTY,
        office_name="اداره بهزیستی شهرستان شیراز — واحد اشتغال",
        admin_username="admin", admin_full_name="مدیر سامانه", admin_password=DEMO_PASSWORD,
        actor=actor,
    )
    staff = _staff(db, actor)
    client_maker = ClientMaker(rng, office.county_code, today)
    case_maker = CaseMaker(rng, today, staff, _programs(db))
    registrars = [staff.expert.id, staff.expert.id, *(f.id for f in staff.facilitators)]
    detail = {"source": "demo"}
    made_cases = 0
    with db.transaction(actor) as session, _bulk_loading(session), \
            client_search_index_deferred(session):
        for start in range(0, clients, CHUNK):
            count = min(CHUNK, clients - start)
            client_rows, group_rows, profiles = client_maker.make(
                reserve_ids(session, Client, count), registrars)
            record_bulk_insert(session, Client, client_rows, audit_detail=detail)
            record_bulk_insert(session, ClientTargetGroup, group_rows, audit_detail=detail)
            if not cases:
                profiles = []
            case_ids = reserve_ids(session, EmploymentCase, sum(p.cases for p in profiles))
            rows = case_maker.make(profiles, case_ids)
            for model, batch in ((EmploymentCase, rows.cases), (CaseEvent, rows.events),
                                 (Benefit, rows.benefits), (MonitoringVisit, rows.visits)):
                record_bulk_insert(session, model, batch, audit_detail=detail)
            made_cases += len(rows.cases)
            if progress:
                progress(start + count, clients)
        groups = min(clients // 80, 12) if groups is None else groups
        if groups:
            _make_groups(session, groups, random.Random(seed + 1), today, office.county_code,
                         [f.id for f in staff.facilitators])
        women_groups = min(clients // 100, 9) if women_groups is None else women_groups
        if women_groups:
            _women_groups(session, random.Random(seed + 2), today, office.county_code,
                          [f.id for f in staff.facilitators], women_groups, detail)
        if solar is None:
            solar = 4 if clients >= 800 else 3 if clients >= 100 else 0
        if solar:
            approver = Actor(staff.expert.id, staff.expert.username, Role.EXPERT,
                             DEMO_STAFF[0][1])
            solar = SolarMaker(session, random.Random(seed + 3), today, office.county_code,
                               approver).make(solar)
    return DemoOffice(office, "admin", DEMO_PASSWORD, clients, made_cases, groups,
                      women_groups, solar)


def _make_groups(session: Session, groups: int, rng: random.Random, today: dt.date,
                 county_code: str, facilitators: list[int]) -> None:
    # Members are the office's women clients not yet in a group, then people named here;
    # the codes go on from the micro-finance groups the office has.
    taken = select(GroupMember.client_id).where(GroupMember.client_id.is_not(None))
    women = [DemoMember(*row) for row in session.execute(
        select(Client.id, Client.first_name, Client.last_name, Client.national_code,
               Client.mobile).where(Client.gender == "female", Client.id.not_in(taken))
        .order_by(Client.id).limit(groups * 20))]
    first = 1 + (session.scalar(select(func.count()).select_from(CommunityGroup).where(
        CommunityGroup.kind == GroupKind.MICROFINANCE.value)) or 0)
    GroupMaker(rng, today, county_code, facilitators, women).make(groups, first=first).insert(
        session, {"source": "demo"})


def _women_groups(session: Session, rng: random.Random, today: dt.date, county: str,
                  facilitators: list[int], count: int, detail: dict) -> None:
    """Women heads of household not yet in a group, from the end of the registry, and for the
    client cooperatives some other clients."""
    person = (Client.id, Client.first_name, Client.last_name, Client.national_code,
              Client.mobile)
    taken = select(GroupMember.client_id).where(GroupMember.client_id.is_not(None))
    heads = select(ClientTargetGroup.client_id).where(
        ClientTargetGroup.target_group == TargetGroup.FEMALE_HEAD.value)
    women = [DemoMember(*row) for row in session.execute(
        select(*person).where(Client.id.in_(heads), Client.id.not_in(taken))
        .order_by(Client.id.desc()).limit(count * 18))]
    others = [DemoMember(*row) for row in session.execute(
        select(*person).where(Client.id.not_in(heads), Client.id.not_in(taken),
                              Client.gender == "male")
        .order_by(Client.id.desc()).limit(count * 4))]
    WomenGroupMaker(rng, today, county, facilitators, women, others).make(count).insert(
        session, detail)


def add_demo_women_groups(db: Database, groups: int, *, seed: int = 1405,
                          actor: Actor = SYSTEM) -> None:
    """``groups`` more demo women's groups of every kind, as of today, on an office with the
    demo staff (a demo office made with few clients has none; its screenshots need some)."""
    office = get_office(db)
    with db.transaction(actor) as session, _bulk_loading(session):
        facilitators = list(session.scalars(select(User.id).where(
            User.role == Role.FACILITATOR, User.active.is_(True)).order_by(User.id)))
        _women_groups(session, random.Random(seed), clock_today(), office.county_code,
                      facilitators, groups, {"source": "demo"})


def add_demo_groups(db: Database, groups: int, *, seed: int = 1404,
                    actor: Actor = SYSTEM) -> None:
    """``groups`` more demo micro-finance groups, as of today, on an office with the demo
    staff (a demo office made with few clients has none; its screenshots need some)."""
    office = get_office(db)
    with db.transaction(actor) as session, _bulk_loading(session):
        facilitators = list(session.scalars(select(User.id).where(
            User.role == Role.FACILITATOR, User.active.is_(True)).order_by(User.id)))
        _make_groups(session, groups, random.Random(seed), clock_today(), office.county_code,
                     facilitators)


def add_demo_solar(db: Database, plants: int, *, seed: int = 1405,
                   actor: Actor = SYSTEM) -> int:
    """Up to ``plants`` demo solar plants with their shares and a year of records, as of today,
    on an office with the demo staff (a demo office made with few clients has none; its
    screenshots and GUI tests need some); the demo's expert approves. Returns how many."""
    office = get_office(db)
    with db.transaction(actor) as session:
        expert = session.scalar(select(User).where(User.username == DEMO_STAFF[0][0]))
        assert expert is not None, "the demo staff are missing"
        approver = Actor(expert.id, expert.username, Role.EXPERT, expert.full_name)
        return SolarMaker(session, random.Random(seed), clock_today(), office.county_code,
                          approver).make(plants)
