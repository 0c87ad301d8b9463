"""Finding clients: search as typed, filters, Persian order, windows, visibility."""

from __future__ import annotations

import datetime as dt

from desktop.domain.pathway import Stage
from desktop.services import cases
from desktop.services.client_search import (
    CLOSED,
    NO_CASE,
    ClientFilter,
    ClientSort,
    client_rows,
    count_clients,
)
from tests.integration.conftest import Office, walk_case

PEOPLE = [
    # first, last, father, mobile, file number
    ("محمدرضا", "پاکزاد", "حسن", "09121234567", "ش-۱۲۰"),
    ("زهرا", "وحیدی", "علی", "09351112233", "ش-۱۲۱"),
    ("علی", "رضایی", "محمد", "", "ک-۷"),
    ("فاطمه", "گودرزی", "رضا", "09170001122", ""),
    ("مریم", "کاظمی", "تقی", "", ""),
]


def _people(office: Office) -> dict[str, int]:
    ids = {}
    for first, last, father, mobile, file_number in PEOPLE:
        ids[last] = office.client(first_name=first, last_name=last, father_name=father,
                                  mobile=mobile, file_number=file_number).id
    return ids


def _names(office: Office, text: str = "", **filters) -> list[str]:
    return [r.last_name for r in client_rows(office.db, office.expert,
                                             ClientFilter(text=text, **filters))]


def test_fragments_are_found_however_they_are_typed(office: Office) -> None:
    _people(office)
    # Inside a first name, a last name, and a father's name.
    assert _names(office, "رضا") == ["پاکزاد", "رضایی", "گودرزی"]
    assert _names(office, "محمد‌رضا") == ["پاکزاد"]   # with a ZWNJ, stored without
    assert _names(office, "رضايي") == ["رضایی"]             # Arabic yeh
    assert _names(office, "كاظمي") == ["کاظمی"]             # Arabic kaf and yeh
    assert _names(office, "۰۹۳۵۱۱") == ["وحیدی"]            # Persian digits of a mobile
    assert _names(office, "0917-000") == ["گودرزی"]
    assert _names(office, "زهرا وحید") == ["وحیدی"]         # every word must match


def test_codes_and_file_numbers(office: Office) -> None:
    ids = _people(office)
    from desktop.services.clients import get_client

    code = get_client(office.db, office.expert, ids["کاظمی"]).national_code
    assert _names(office, code) == ["کاظمی"]
    assert _names(office, code[2:8]) == ["کاظمی"]
    assert _names(office, "ش-۱۲۱") == ["وحیدی"]


def test_one_or_two_letters_find_last_names_beginning_with_them(office: Office) -> None:
    _people(office)
    assert _names(office, "گو") == ["گودرزی"]
    assert _names(office, "ر") == ["رضایی"]          # not «محمدرضا», a first name


def test_the_list_is_in_persian_alphabetical_order(office: Office) -> None:
    _people(office)
    assert _names(office) == ["پاکزاد", "رضایی", "کاظمی", "گودرزی", "وحیدی"]
    names = [r.last_name for r in client_rows(office.db, office.expert, ClientFilter(),
                                              sort=ClientSort.NAME, descending=True)]
    assert names == ["وحیدی", "گودرزی", "کاظمی", "رضایی", "پاکزاد"]


def test_windows_page_through_the_list(office: Office) -> None:
    _people(office)
    windows = [client_rows(office.db, office.expert, ClientFilter(), offset=o, limit=2)
               for o in (0, 2, 4)]
    assert [[r.last_name for r in w] for w in windows] == [
        ["پاکزاد", "رضایی"], ["کاظمی", "گودرزی"], ["وحیدی"]]
    assert count_clients(office.db, office.expert) == 5


def test_filters(office: Office) -> None:
    ids = _people(office)
    office.client(first_name="سارا", last_name="امینی", county_code="0710",
                  target_groups=frozenset({"disability"}), disability_type="hearing",
                  disability_severity="mild")
    assert _names(office, county_code="0710") == ["امینی"]
    assert _names(office, target_group="disability") == ["امینی"]
    walk_case(office, ids["رضایی"], Stage.JOB, facilitator_id=office.facilitator.user_id,
              program_id=3)
    closed = walk_case(office, ids["وحیدی"], Stage.REFERRAL)
    cases.close_case(office.db, office.expert, closed.id, version=closed.version,
                     on_date=dt.date(2023, 6, 1), reason="moved")
    assert _names(office, stage=Stage.JOB) == ["رضایی"]
    assert _names(office, stage=CLOSED) == ["وحیدی"]
    assert _names(office, facilitator_id=office.facilitator.user_id) == ["رضایی"]
    assert _names(office, program_id=3) == ["رضایی"]
    assert "رضایی" not in _names(office, stage=NO_CASE)
    assert "وحیدی" in _names(office, stage=NO_CASE)
    row = next(r for r in client_rows(office.db, office.expert, ClientFilter(text="رضایی")))
    assert (row.stage, row.facilitator_name, row.county_name) == ("job", "زهرا احمدی", "شیراز")


def test_other_orders(office: Office) -> None:
    _people(office)
    for sort in ClientSort:
        rows = client_rows(office.db, office.expert, ClientFilter(), sort=sort)
        assert len(rows) == 5
    codes = [r.national_code for r in client_rows(office.db, office.expert, ClientFilter(),
                                                  sort=ClientSort.NATIONAL_CODE)]
    assert codes == sorted(codes)


def test_a_facilitator_finds_only_their_clients(office: Office) -> None:
    ids = _people(office)
    walk_case(office, ids["گودرزی"], Stage.REFERRAL, facilitator_id=office.facilitator.user_id)
    office.client(actor=office.facilitator, first_name="نرگس", last_name="صالحی")
    assert _facilitator_names(office) == ["صالحی", "گودرزی"]
    assert count_clients(office.db, office.facilitator, ClientFilter(text="کاظمی")) == 0


def _facilitator_names(office: Office) -> list[str]:
    return [r.last_name for r in client_rows(office.db, office.facilitator, ClientFilter())]


def test_search_follows_corrections(office: Office) -> None:
    import dataclasses

    from desktop.services.clients import get_client, update_client

    ids = _people(office)
    record = get_client(office.db, office.expert, ids["کاظمی"])
    update_client(office.db, office.expert, record.id,
                  dataclasses.replace(record.as_input(), last_name="کاظم‌پور"),
                  version=record.version)
    assert _names(office, "کاظمی") == []
    assert _names(office, "کاظم پور") == ["کاظم‌پور"]


def test_a_long_number_found_by_its_end_is_checked_whole(office: Office) -> None:
    office.client(first_name="نرگس", last_name="صالحی", mobile="09121111234")
    office.client(first_name="پروین", last_name="صادقی", mobile="09351111234")
    assert _names(office, "09121111234") == ["صالحی"]
    assert _names(office, "۰۹۳۵۱۱۱۱۲۳۴") == ["صادقی"]
    assert sorted(_names(office, "1111234")) == ["صادقی", "صالحی"]
    assert _names(office, "09121111234 نرگس") == ["صالحی"]
