"""An office with its staff, on both databases, for the service tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from desktop.database import Database
from desktop.fa.national_code import national_code_check_digit
from desktop.models.tracking import Actor
from desktop.models.users import User
from desktop.services import clients
from desktop.services.auth import actor_for
from desktop.services.office import initialize_office

PASSWORD = "a-long-password"


@dataclasses.dataclass
class Office:
    db: Database
    admin: Actor
    expert: Actor
    facilitator: Actor
    other_facilitator: Actor
    viewer: Actor
    _codes: itertools.count = dataclasses.field(default_factory=lambda: itertools.count(1001))

    def national_code(self) -> str:
        first9 = f"{next(self._codes) * 7919 % 10**9:09d}"
        return first9 + str(national_code_check_digit(first9))

    def client_input(self, **changes: object) -> clients.ClientInput:
        values: dict[str, object] = dict(
            national_code=self.national_code(), first_name="زهرا", last_name="رضایی",
            father_name="علی", birth_date=dt.date(1990, 3, 21), gender="female",
            county_code="0707", target_groups=frozenset({"female_head"}))
        values.update(changes)
        return clients.ClientInput(**values)  # type: ignore[arg-type]

    def client(self, actor: Actor | None = None, **changes: object) -> clients.ClientRecord:
        return clients.create_client(self.db, actor or self.expert, self.client_input(**changes),
                                     confirm_similar=True)


STAFF = (("admin", "مدیر سامانه", "admin"), ("expert", "مریم کشاورز", "expert"),
         ("fac1", "زهرا احمدی", "facilitator"), ("fac2", "علی رضایی", "facilitator"),
         ("viewer", "حسین موسوی", "viewer"))


@pytest.fixture
def office(db: Database, fixed_clock) -> Office:
    return make_office(db)


def make_office(db: Database) -> Office:
    """The office and its staff; signing in is tested elsewhere, so the staff are made
    directly (one password hash for all) and act through their Actor."""
    initialize_office(db, province_code="07", county_code="0707", office_name="اداره شیراز",
                      admin_username="admin", admin_full_name="مدیر سامانه",
                      admin_password=PASSWORD)
    with db.transaction() as session:
        admin = session.query(User).filter_by(username="admin").one()
        for username, name, role in STAFF[1:]:
            session.add(User(username=username, full_name=name, role=role,
                             password_hash=admin.password_hash))
    with db.reading() as session:
        users = {u.username: actor_for(u) for u in session.query(User)}
    return Office(db, *(users[username] for username, _, _ in STAFF))


JOB = dict(job_title="خیاطی خانگی", job_sector="industry", job_urban=True,
           employment_kind="created")


def walk_case(office: Office, client_id: int, to: str, *, actor: Actor | None = None,
              opened_on: dt.date = dt.date(2023, 5, 1), job_start: dt.date = dt.date(2023, 8, 1),
              program_id: int | None = None, facilitator_id: int | None = None):
    """Open a case and move it, one ordinary step at a time, to stage ``to``."""
    from desktop.domain.pathway import Stage
    from desktop.services import cases

    actor = actor or office.expert
    case = cases.open_case(office.db, actor, client_id, opened_on=opened_on,
                           referral_source="social_worker", facilitator_id=facilitator_id)
    steps = {Stage.ASSESSMENT: (opened_on + dt.timedelta(days=10), None),
             Stage.TRAINING: (opened_on + dt.timedelta(days=30), None),
             Stage.MODEL: (opened_on + dt.timedelta(days=60),
                           cases.CaseDetails(employment_model="self_employment",
                                             program_id=program_id)),
             Stage.JOB: (job_start, cases.CaseDetails(job_start_date=job_start, **JOB))}
    target = Stage(to)
    for stage, (on, details) in steps.items():
        if stage.order > target.order:
            break
        case = cases.advance_case(office.db, actor, case.id, version=case.version, on_date=on,
                                  details=details)
    return case
