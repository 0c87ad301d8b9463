"""Members of women's groups: taken from clients, others marked, offices by kind of group,
joining and leaving, capital."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.services.women_members import (
    WomenMemberInput,
    add_women_member,
    size_warning,
    update_women_member,
    women_members,
)
from tests.integration.conftest import Office
from tests.integration.women_helpers import FORMED, make_women_group, month, record


def test_a_member_from_a_client_takes_her_name_and_is_a_female_head(office: Office) -> None:
    group, _ = make_women_group(office, members=0)
    client = office.client(first_name="سکینه", last_name="دهقان", mobile="09121234567")
    member = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=FORMED, client_id=client.id, role="treasurer",
        capital_contribution=25_000_000, first_name="نادیده"))
    assert (member.full_name, member.national_code, member.mobile) == (
        "سکینه دهقان", client.national_code, "09121234567")
    assert member.female_head and not member.marked and member.gender == "female"
    assert (member.role, member.capital_contribution) == ("treasurer", 25_000_000)


def test_others_may_join_and_are_marked(office: Office) -> None:
    group, _ = make_women_group(office, "client_cooperative", members=0)
    man = office.client(first_name="حسن", last_name="رضایی", gender="male",
                        target_groups=frozenset({"disability"}), disability_type="physical",
                        disability_severity="moderate")
    outsider = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=FORMED, first_name="  پروین ", last_name="نوروزی", national_code="",
        mobile="۰۹۱۷۱۲۳۴۵۶۷", role="inspector"))
    disabled = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=FORMED, client_id=man.id, role="director"))
    assert outsider.marked and outsider.client_id is None and outsider.gender is None
    assert (outsider.first_name, outsider.mobile) == ("پروین", "09171234567")
    assert disabled.marked and disabled.gender == "male"
    assert {m.id for m in women_members(office.db, office.expert, group.id)
            if m.marked} == {outsider.id, disabled.id}


def test_offices_follow_the_kind_of_group(office: Office) -> None:
    helpers, _ = make_women_group(office, members=1)       # the first is the chair
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, helpers.id, WomenMemberInput(
            joined_on=FORMED, client_id=office.client().id, role="director"))
    assert "role" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, helpers.id, WomenMemberInput(
            joined_on=FORMED, client_id=office.client().id, role="chair"))
    assert "رئیس" in refused.value.errors["role"]
    coop, _ = make_women_group(office, "women_cooperative", members=1)
    for role in ("director", "board_member", "board_member", "inspector", "inspector"):
        add_women_member(office.db, office.expert, coop.id, WomenMemberInput(
            joined_on=FORMED, client_id=office.client().id, role=role))
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, coop.id, WomenMemberInput(
            joined_on=FORMED, client_id=office.client().id, role="director"))
    assert "مدیرعامل" in refused.value.errors["role"]


def test_a_person_is_a_present_member_once(office: Office) -> None:
    group, (first, *_) = make_women_group(office, members=2)
    (member,) = [m for m in women_members(office.db, office.expert, group.id) if m.id == first]
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, group.id,
                         WomenMemberInput(joined_on=FORMED, client_id=member.client_id))
    assert "client_id" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, group.id, WomenMemberInput(
            joined_on=FORMED, first_name="فاطمه", last_name="کشاورز",
            national_code=member.national_code))
    assert "national_code" in refused.value.errors
    left = update_women_member(office.db, office.expert, member.id, dataclasses.replace(
        member.as_input(), left_on=FORMED + dt.timedelta(days=90), role="member"),
        version=member.version)
    again = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=FORMED + dt.timedelta(days=200), client_id=member.client_id))
    assert left.left_on and again.client_id == member.client_id


def test_dates_and_amounts_are_checked(office: Office) -> None:
    group, _ = make_women_group(office, members=0)
    client = office.client()
    cases = {
        "joined_on": dict(joined_on=FORMED - dt.timedelta(days=1)),
        "left_on": dict(left_on=FORMED - dt.timedelta(days=1)),
        "capital_contribution": dict(capital_contribution=-5),
        "role": dict(role="captain"),
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as refused:
            add_women_member(office.db, office.expert, group.id, WomenMemberInput(
                **{"joined_on": FORMED, "client_id": client.id, **change}))
        assert field in refused.value.errors, field
    with pytest.raises(ValidationError) as refused:
        add_women_member(office.db, office.expert, group.id, WomenMemberInput(
            joined_on=dt.date(2030, 1, 1), first_name="ز", national_code="1234567890",
            mobile="12"))
    assert set(refused.value.errors) >= {"joined_on", "first_name", "last_name",
                                         "national_code", "mobile"}


def test_a_facilitator_adds_only_clients_she_may_see(office: Office) -> None:
    group, _ = make_women_group(office, members=0)
    theirs = office.client(actor=office.other_facilitator)
    with pytest.raises(NotFound):
        add_women_member(office.db, office.facilitator, group.id,
                         WomenMemberInput(joined_on=FORMED, client_id=theirs.id))
    added = add_women_member(office.db, office.expert, group.id,
                             WomenMemberInput(joined_on=FORMED, client_id=theirs.id))
    # Once in her group, the member is the facilitator's to record.
    changed = update_women_member(office.db, office.facilitator, added.id, dataclasses.replace(
        added.as_input(), capital_contribution=3_000_000), version=added.version)
    assert changed.capital_contribution == 3_000_000


def test_a_paid_member_cannot_be_dated_out_of_her_paid_months(office: Office) -> None:
    group, (first, _) = make_women_group(office, members=2)
    mehr = month(1402, 7)
    record(office, group.id, mehr, 30_000_000, 10_000_000, {first: 10_000_000})
    (member,) = [m for m in women_members(office.db, office.expert, group.id) if m.id == first]
    with pytest.raises(ValidationError) as refused:
        update_women_member(office.db, office.expert, first, dataclasses.replace(
            member.as_input(), left_on=mehr), version=member.version)
    assert "مهر ۱۴۰۲" in refused.value.errors["left_on"]
    # Leaving during the month she was paid for keeps her in that month.
    kept = update_women_member(office.db, office.expert, first, dataclasses.replace(
        member.as_input(), left_on=mehr + dt.timedelta(days=10)), version=member.version)
    assert kept.left_on == mehr + dt.timedelta(days=10)
    with pytest.raises(ConflictError):
        update_women_member(office.db, office.expert, first, member.as_input(),
                            version=member.version)


def test_a_cooperative_is_warned_below_seven_members() -> None:
    assert size_warning("women_cooperative", 6) and "۷" in size_warning("client_cooperative", 3)
    assert size_warning("women_cooperative", 7) is None
    assert size_warning("mutual_help", 2) is None
