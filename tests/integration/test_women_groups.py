"""Women's groups and cooperatives: codes per kind and county, registration, who may create and
record, and the line kept between them and the micro-finance groups."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services.group_overview import list_groups
from desktop.services.groups import find_group, get_group
from desktop.services.women_groups import (
    BusinessInput,
    create_women_group,
    find_women_group,
    get_women_group,
    save_business,
    update_women_group,
)
from desktop.services.women_members import WomenMemberInput, add_women_member
from tests.integration.conftest import Office
from tests.integration.group_helpers import make_group
from tests.integration.women_helpers import FORMED, group_input, make_women_group


def test_codes_are_numbered_per_kind_and_county(office: Office) -> None:
    made = [create_women_group(office.db, office.expert, group_input(kind))
            for kind in ("mutual_help", "client_cooperative", "women_cooperative",
                         "mutual_help")]
    assert [g.code for g in made] == ["MH-0707-0001", "CO-0707-0001", "CO-0707-0002",
                                      "MH-0707-0002"]
    mf, _ = make_group(office, members=0)
    assert mf.code == "MF-0707-0001"
    assert find_women_group(office.db, office.expert, "co-۰۷۰۷-۰۰۰۲").kind == "women_cooperative"
    assert made[1].registration_number == "1234" and made[1].capital == 500_000_000
    assert made[0].business is None and made[0].editable


def test_a_group_is_made_with_its_business(office: Office) -> None:
    group, _ = make_women_group(office, members=0)
    assert group.business.title == "تولید و فروش رب انار"
    assert (group.business.kind, group.business.sector) == ("product", "agriculture")
    changed = save_business(office.db, office.facilitator, group.id, dataclasses.replace(
        group.business.as_input(), title="  خیاطی  و   دوخت ", kind="service",
        sector="industry"), version=group.business.version)
    assert changed.title == "خیاطی و دوخت"
    with pytest.raises(ConflictError):
        save_business(office.db, office.expert, group.id, changed.as_input(),
                      version=group.business.version)
    with pytest.raises(ValidationError) as refused:
        save_business(office.db, office.expert, group.id, BusinessInput(
            title="ر", kind="barter", sector="mining", opening_cash=-1), version=changed.version)
    assert set(refused.value.errors) == {"title", "kind", "sector", "opening_cash"}


def test_only_a_cooperative_is_registered(office: Office) -> None:
    with pytest.raises(ValidationError) as refused:
        create_women_group(office.db, office.expert, group_input(
            registration_number="55", registered_on=FORMED, capital=1_000_000))
    assert set(refused.value.errors) == {"registration_number", "capital"}
    unregistered = create_women_group(office.db, office.expert, group_input(
        "client_cooperative", registration_number="", registered_on=None, capital=None))
    assert unregistered.registration_number == "" and unregistered.capital is None
    cases = {
        "registered_on": dict(registration_number="12", registered_on=None),
        "registration_number": dict(registration_number=""),
        "capital": dict(capital=None),
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as refused:
            create_women_group(office.db, office.expert, group_input("women_cooperative",
                                                                     **change))
        assert field in refused.value.errors, field
    with pytest.raises(ValidationError) as refused:
        create_women_group(office.db, office.expert, group_input(
            "women_cooperative", registered_on=FORMED - dt.timedelta(days=1)))
    assert "ثبت" in refused.value.errors["registered_on"]


def test_group_fields_are_checked(office: Office) -> None:
    with pytest.raises(ValidationError) as refused:
        create_women_group(office.db, office.expert, group_input(
            kind="microfinance", name="گ", county_code="2301", formed_on=None,
            meeting_frequency="daily", status="asleep", facilitator_id=9999))
    assert set(refused.value.errors) == {"kind", "name", "county_code", "formed_on",
                                         "meeting_frequency", "status", "facilitator_id"}
    with pytest.raises(ValidationError):
        create_women_group(office.db, office.expert,
                           group_input(formed_on=dt.date(2030, 1, 1)))


def test_who_may_create_see_and_record(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        create_women_group(office.db, office.facilitator, group_input())
    group, _ = make_women_group(office, members=0)
    assert get_women_group(office.db, office.facilitator, group.id).editable
    assert not get_women_group(office.db, office.viewer, group.id).editable
    with pytest.raises(NotFound):
        get_women_group(office.db, office.other_facilitator, group.id)
    client = office.client(actor=office.facilitator)
    add_women_member(office.db, office.facilitator, group.id,
                     WomenMemberInput(joined_on=FORMED, client_id=client.id))
    with pytest.raises(PermissionDenied):
        add_women_member(office.db, office.viewer, group.id,
                         WomenMemberInput(joined_on=FORMED, client_id=client.id))
    with pytest.raises(PermissionDenied):
        update_women_group(office.db, office.facilitator, group.id, group.as_input(),
                           version=group.version)


def test_updating_keeps_the_kind_family_and_the_records_dates(office: Office) -> None:
    coop, _ = make_women_group(office, "client_cooperative", members=1)
    changed = update_women_group(office.db, office.expert, coop.id, dataclasses.replace(
        coop.as_input(), kind="women_cooperative", status="dormant"), version=coop.version)
    assert (changed.kind, changed.status, changed.code) == ("women_cooperative", "dormant",
                                                            coop.code)
    with pytest.raises(ValidationError) as refused:
        update_women_group(office.db, office.expert, coop.id, dataclasses.replace(
            changed.as_input(), kind="mutual_help", registration_number="",
            registered_on=None, capital=None), version=changed.version)
    assert "kind" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        update_women_group(office.db, office.expert, coop.id, dataclasses.replace(
            changed.as_input(), formed_on=FORMED + dt.timedelta(days=3)),
            version=changed.version)
    assert "formed_on" in refused.value.errors
    with pytest.raises(ConflictError):
        update_women_group(office.db, office.expert, coop.id, changed.as_input(),
                           version=coop.version)


def test_micro_finance_and_womens_services_keep_to_their_groups(office: Office) -> None:
    mf, _ = make_group(office, members=1)
    women, _ = make_women_group(office, members=1)
    with pytest.raises(NotFound):
        get_group(office.db, office.expert, women.id)
    with pytest.raises(NotFound):
        find_group(office.db, office.expert, women.code)
    with pytest.raises(NotFound):
        get_women_group(office.db, office.expert, mf.id)
    assert [r.code for r in list_groups(office.db, office.expert)] == [mf.code]
    assert [r.code for r in list_groups(office.db, office.expert, kind="womens")] \
        == [women.code]
    assert list_groups(office.db, office.expert, kind="client_cooperative") == []
