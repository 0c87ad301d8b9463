"""A facilitator sees why a client they registered offers no case: a colleague holds it."""

from __future__ import annotations

import datetime as dt

from desktop.clock import FixedClock
from desktop.database import Database
from desktop.services import cases, clients
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, make_demo_office


def test_open_case_held_by_a_colleague(db: Database, fixed_clock: FixedClock) -> None:
    make_demo_office(db, clients=3, seed=5)
    expert, first, second = (sign_in(db, name, DEMO_PASSWORD)
                             for name in ("expert", "facilitator1", "facilitator2"))
    client = clients.create_client(db, first, clients.ClientInput(
        national_code="0013542419", first_name="مینا", last_name="کاظمی", gender="female",
        county_code="0707", birth_date=dt.date(1990, 5, 1), target_groups=frozenset({
            "female_head"})))
    assert cases.open_case_held_elsewhere(db, first, client.id) is None  # no case yet
    case = cases.open_case(db, expert, client.id, opened_on=dt.date(2024, 9, 1),
                           referral_source="social_worker", facilitator_id=second.user_id)
    assert cases.open_case_held_elsewhere(db, first, client.id) == "علی رضایی"
    assert cases.open_case_of(db, first, client.id) is None  # and they cannot see it
    assert cases.open_case_held_elsewhere(db, second, client.id) is None
    assert cases.open_case_held_elsewhere(db, expert, client.id) is None
    case = cases.update_case(db, expert, case.id, cases.CaseDetails(unassign_facilitator=True),
                             version=case.version)
    assert cases.open_case_held_elsewhere(db, first, client.id) == ""
    cases.close_case(db, expert, case.id, version=case.version, on_date=dt.date(2024, 9, 5),
                     reason="withdrew")
    assert cases.open_case_held_elsewhere(db, first, client.id) is None
