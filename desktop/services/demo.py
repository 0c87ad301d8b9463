"""A realistic demo office: Persian names, valid national codes, counties of the province.

Clients are written in bulk (with their change-log entries and one audit entry per chunk) so a
100,000-client office builds in seconds. Later areas (cases, groups, solar) add their own demo
history here, each for the last 12 Jalali months.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable

from desktop import reference
from desktop.clock import today as clock_today
from desktop.database import Database
from desktop.fa.national_code import national_code_check_digit
from desktop.models.people import Client, client_search_key, client_sort_name
from desktop.models.tracking import SYSTEM, Actor, record_bulk_insert
from desktop.models.users import Role, User
from desktop.services.demo_names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES
from desktop.services.office import OfficeInfo, initialize_office
from desktop.services.passwords import hash_password

DEMO_PROVINCE = "07"      # فارس
DEMO_COUNTY = "0707"      # شیراز
DEMO_PASSWORD = "karsaz-demo"
CHUNK = 10_000

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


def _national_codes(rng: random.Random, count: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < count:
        first9 = f"{rng.randrange(1, 10**9):09d}"
        if first9[3:9] == "000000" or len(set(first9)) == 1:
            continue
        codes.add(first9 + str(national_code_check_digit(first9)))
    result = sorted(codes)
    rng.shuffle(result)
    return result


def _mobile(rng: random.Random) -> str | None:
    if rng.random() < 0.08:
        return None
    operator = rng.choice(("12", "13", "17", "19", "30", "33", "35", "36", "01", "10"))
    return f"09{operator}{rng.randrange(10**7):07d}"


def demo_clients(rng: random.Random, count: int, office_county: str,
                 today: dt.date) -> list[dict[str, object]]:
    """Rows for ``count`` clients: mostly of the office's county, some from its neighbours."""
    province_counties = [c.code for c in reference.counties(office_county[:2])]
    rows: list[dict[str, object]] = []
    for code in _national_codes(rng, count):
        female = rng.random() < 0.58  # women heads of household are the largest target group
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        last = rng.choice(FAMILY_NAMES)
        father = rng.choice(MALE_NAMES)
        mobile = _mobile(rng)
        age_days = rng.randrange(18 * 365, 62 * 365)
        rows.append({
            "national_code": code, "first_name": first, "last_name": last,
            "father_name": father, "birth_date": today - dt.timedelta(days=age_days),
            "gender": "female" if female else "male", "mobile": mobile,
            "county_code": office_county if rng.random() < 0.8 else rng.choice(province_counties),
            "urban": rng.random() < 0.67,
            "search_key": client_search_key(first, last, father, code, mobile),
            "sort_name": client_sort_name(first, last, father),
        })
    return rows


def make_demo_office(db: Database, *, clients: int = 1000, seed: int = 1403,
                     today: dt.date | None = None, actor: Actor = SYSTEM,
                     progress: Callable[[int, int], None] | None = None) -> DemoOffice:
    rng = random.Random(seed)
    office = initialize_office(
        db, province_code=DEMO_PROVINCE, county_code=DEMO_COUNTY,
        office_name="اداره بهزیستی شهرستان شیراز — واحد اشتغال",
        admin_username="admin", admin_full_name="مدیر سامانه", admin_password=DEMO_PASSWORD,
        actor=actor,
    )
    hashed = hash_password(DEMO_PASSWORD)
    with db.transaction(actor) as session:
        for username, full_name, role in DEMO_STAFF:
            session.add(User(username=username, full_name=full_name, role=role,
                             password_hash=hashed))
    rows = demo_clients(rng, clients, office.county_code, today or clock_today())
    for start in range(0, len(rows), CHUNK):
        with db.transaction(actor) as session:
            record_bulk_insert(session, Client, rows[start:start + CHUNK],
                               audit_detail={"source": "demo"})
        if progress:
            progress(min(start + CHUNK, len(rows)), len(rows))
    return DemoOffice(office, "admin", DEMO_PASSWORD, clients)
