"""Demo clients: who comes to a county employment desk, in believable proportions.

Women heads of household are the largest target group; people with disabilities come next, with
their kind and severity of disability and, for the blind and the most severely disabled, the
«سخت‌اشتغال» flag. Codes, postal codes and Sheba numbers pass the validators the client form
uses; file numbers follow the office's «year-county-serial» habit.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import random
from collections.abc import Iterator

from desktop import reference
from desktop.domain.people import TargetGroup
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import gregorian_to_jalali
from desktop.fa.national_code import national_code_check_digit
from desktop.fa.sheba import sheba_check_digits
from desktop.models.people import client_search_key, client_sort_name
from desktop.services.demo_names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES
from desktop.services.demo_texts import STREETS, VILLAGES

FEMALE_SHARE = 0.54      # women are about 54% of those given jobs
CASE_SHARE = 0.38          # clients with an employment case (DOMAIN: about 35–40%)
OFFICE_COUNTY_SHARE = 0.8  # the rest live in neighbouring counties of the province
URBAN_SHARE = 0.67

# The first group a woman or a man comes under, with its weight; a second may follow.
_FEMALE_GROUPS = (
    (TargetGroup.FEMALE_HEAD, 62), (TargetGroup.SELF_SUPPORTING_GIRL, 10),
    (TargetGroup.DISABILITY, 13), (TargetGroup.FAMILY_MEMBER, 7), (TargetGroup.STUDENT, 4),
    (TargetGroup.INDEPENDENT_CHILD, 3), (TargetGroup.RECOVERED_ADDICT, 1),
)
_MALE_GROUPS = (
    (TargetGroup.DISABILITY, 35), (TargetGroup.RECOVERED_ADDICT, 24),
    (TargetGroup.FAMILY_MEMBER, 23), (TargetGroup.STUDENT, 10),
    (TargetGroup.INDEPENDENT_CHILD, 8),
)
_AGES = {  # (youngest, oldest) by first group
    TargetGroup.FEMALE_HEAD: (24, 62), TargetGroup.SELF_SUPPORTING_GIRL: (18, 38),
    TargetGroup.INDEPENDENT_CHILD: (18, 28), TargetGroup.STUDENT: (18, 30),
}
_DISABILITY_TYPES = (("physical", 35), ("visual", 15), ("hearing", 14), ("speech", 3),
                     ("intellectual", 12), ("psychiatric", 10), ("autism", 3), ("multiple", 8))
_SEVERITIES = (("mild", 25), ("moderate", 40), ("severe", 25), ("very_severe", 10))
_EDUCATION = (("none", 7), ("primary", 18), ("lower_secondary", 22), ("diploma", 30),
              ("associate", 8), ("bachelor", 12), ("master", 2.5), ("doctorate", 0.5))
_STUDYING = (("associate", 25), ("bachelor", 60), ("master", 15))
_BANKS = ("017", "018", "012", "019", "016", "021", "062", "015")  # Melli, Tejarat, Mellat, …
_OPERATORS = ("12", "13", "17", "19", "30", "33", "35", "36", "01", "10")


def weighted(pairs: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    """Values and cumulative weights for ``pick``."""
    values = [v for v, _ in pairs]
    cumulative, total = [], 0.0
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    return values, cumulative


_FEMALE_GROUP_W = weighted(_FEMALE_GROUPS)
_MALE_GROUP_W = weighted(_MALE_GROUPS)
_DISABILITY_W = weighted(_DISABILITY_TYPES)
_SEVERITY_W = weighted(_SEVERITIES)
_EDUCATION_W = weighted(_EDUCATION)
_STUDYING_W = weighted(_STUDYING)


def pick(rng: random.Random, table: tuple[list[str], list[float]]) -> str:
    values, cumulative = table
    return values[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


@dataclasses.dataclass(slots=True)
class ClientProfile:
    """What the case generator needs to know of a client."""

    id: int
    female: bool
    groups: tuple[str, ...]
    urban: bool
    hard_to_employ: bool
    birth_date: dt.date
    cases: int             # 0, 1, or 2 when an earlier case was closed before this one


def national_codes(rng: random.Random) -> Iterator[str]:
    """Distinct valid national codes in a random-looking order, without remembering them: the
    first nine digits walk a permutation of 0 … 10⁹−1 (an affine map with a unit multiplier)."""
    multiplier = rng.randrange(10**7, 10**9) | 1
    while multiplier % 5 == 0:
        multiplier += 2
    offset = rng.randrange(10**9)
    index = 0
    while True:
        first9 = f"{(multiplier * index + offset) % 10**9:09d}"
        index += 1
        if first9[3:9] == "000000" or len(set(first9)) == 1:
            continue
        yield first9 + str(national_code_check_digit(first9))


def _mobile(rng: random.Random) -> str | None:
    if rng.random() < 0.08:
        return None
    return f"09{rng.choice(_OPERATORS)}{rng.randrange(10**7):07d}"


def _postal_code(rng: random.Random) -> str:
    # Fars codes begin with 7; the rest never repeats one digit ten times.
    return f"7{rng.randrange(10**8, 10**9):09d}"


def _sheba(rng: random.Random) -> str:
    bban = rng.choice(_BANKS) + f"{rng.randrange(10**19):019d}"
    return f"IR{sheba_check_digits(bban)}{bban}"


def _address(rng: random.Random, county_name: str, urban: bool) -> str:
    number = to_persian_digits(rng.randrange(1, 180))
    if urban:
        return (f"{county_name}، {rng.choice(STREETS)}، کوچه "
                f"{to_persian_digits(rng.randrange(1, 60))}، پلاک {number}")
    return f"{county_name}، روستای {rng.choice(VILLAGES)}، پلاک {number}"


def _groups(rng: random.Random, female: bool) -> tuple[str, ...]:
    first = pick(rng, _FEMALE_GROUP_W if female else _MALE_GROUP_W)
    groups = {first}
    if first != TargetGroup.DISABILITY and rng.random() < 0.05:
        groups.add(TargetGroup.DISABILITY)
    if first == TargetGroup.FEMALE_HEAD and rng.random() < 0.04:
        groups.add(TargetGroup.STUDENT)
    return (first, *sorted(groups - {first}))


class ClientMaker:
    """Makes clients chunk by chunk, so a million never sit in memory at once."""

    def __init__(self, rng: random.Random, office_county: str, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.office_county = office_county
        self.counties = [c.code for c in reference.counties(office_county[:2])]
        self.county_names = {c: reference.county(c).name_fa for c in self.counties}
        self.codes = national_codes(rng)
        self.serials: dict[tuple[int, str], int] = {}
        self.this_year = gregorian_to_jalali(today).year

    def _file_number(self, county: str) -> str:
        year = self.rng.randrange(self.this_year - 15, self.this_year + 1)
        serial = self.serials.get((year, county), 0) + 1
        self.serials[(year, county)] = serial
        return f"{year}-{county[2:]}-{serial:05d}"

    def _household(self, groups: tuple[str, ...]) -> tuple[int | None, int | None]:
        rng = self.rng
        if rng.random() < 0.1:
            return None, None
        if groups[0] == TargetGroup.FEMALE_HEAD:
            size = rng.randint(2, 6)
            return size, size - 1 if rng.random() < 0.8 else rng.randint(0, size - 1)
        if groups[0] in (TargetGroup.SELF_SUPPORTING_GIRL, TargetGroup.INDEPENDENT_CHILD):
            return 1, 0
        size = rng.randint(1, 8)
        return size, rng.randint(0, size - 1)

    def make(self, ids: list[int], registrars: list[int]
             ) -> tuple[list[dict], list[dict], list[ClientProfile]]:
        """Rows of clients with ``ids``, their target-group rows, and their profiles."""
        rng, today = self.rng, self.today
        clients, groups_rows, profiles = [], [], []
        for client_id in ids:
            female = rng.random() < FEMALE_SHARE
            groups = _groups(rng, female)
            first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
            last = rng.choice(FAMILY_NAMES)
            father = rng.choice(MALE_NAMES)
            code = next(self.codes)
            mobile = _mobile(rng)
            youngest, oldest = _AGES.get(groups[0], (18, 60))
            birth = today - dt.timedelta(days=rng.randrange(youngest * 366, oldest * 365))
            county = self.office_county if rng.random() < OFFICE_COUNTY_SHARE \
                else rng.choice(self.counties)
            urban = rng.random() < URBAN_SHARE
            cases = 0 if rng.random() >= CASE_SHARE else (2 if rng.random() < 0.05 else 1)
            disability_type = severity = None
            hard = False
            if TargetGroup.DISABILITY in groups:
                disability_type, severity = pick(rng, _DISABILITY_W), pick(rng, _SEVERITY_W)
                # «سخت‌اشتغال»: the blind, the very severely disabled, severe multiple cases.
                hard = severity == "very_severe" or (
                    severity == "severe" and disability_type in ("visual", "multiple")) \
                    or rng.random() < 0.03
            student = TargetGroup.STUDENT in groups
            education = pick(rng, _STUDYING_W) if student else (
                pick(rng, _EDUCATION_W) if rng.random() < 0.9 else None)
            household, dependants = self._household(groups)
            file_number = self._file_number(county) if rng.random() < 0.9 else ""
            # Those with a case have usually given their bank account for a loan or a grant.
            sheba = _sheba(rng) if rng.random() < (0.7 if cases else 0.2) else None
            address = _address(rng, self.county_names[county], urban) \
                if rng.random() < 0.65 else ""
            clients.append({
                "id": client_id, "national_code": code, "first_name": first, "last_name": last,
                "father_name": father, "birth_date": birth,
                "gender": "female" if female else "male", "mobile": mobile,
                "county_code": county, "urban": urban, "address": address,
                "postal_code": _postal_code(rng) if address and rng.random() < 0.75 else None,
                "sheba": sheba, "disability_type": disability_type,
                "disability_severity": severity, "hard_to_employ": hard,
                "education": education, "student": student, "household_size": household,
                "dependants": dependants, "file_number": file_number, "notes": "",
                "registered_by_id": rng.choice(registrars),
                "search_key": client_search_key(first, last, father, code, mobile,
                                                file_number),
                "sort_name": client_sort_name(first, last, father),
            })
            groups_rows.extend({"client_id": client_id, "target_group": g} for g in groups)
            profiles.append(ClientProfile(client_id, female, groups, urban, hard, birth,
                                          cases))
        return clients, groups_rows, profiles
