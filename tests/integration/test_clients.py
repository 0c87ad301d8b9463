"""The client registry: validation, one client per national code, similar names, access."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models.people import Client
from desktop.models.tracking import AuditEntry, ChangeLogEntry
from desktop.services import clients
from tests.integration.conftest import Office


def test_a_client_is_stored_as_typed_and_found_by_its_code(office: Office) -> None:
    data = office.client_input(
        national_code="۰۰۱۲۳۴۵۶۷۹", first_name="  فاطمه  ", last_name="كريمي",
        mobile="+98 912 123 4567", sheba="IR11 0170 0000 0012 3456 7890 01",
        postal_code="۷۱۳۴۵۶۷۸۹۱", household_size=4, dependants=3,
        target_groups=frozenset({"female_head", "disability"}),
        disability_type="visual", disability_severity="severe", hard_to_employ=True,
        education="diploma", file_number="ش-۱۴۰۳/۱۲")
    record = clients.create_client(office.db, office.expert, data)
    assert record.national_code == "0012345679"
    assert (record.first_name, record.last_name) == ("فاطمه", "کریمی")   # ي/ك fixed, trimmed
    assert record.mobile == "09121234567"
    assert record.sheba == "IR110170000000123456789001"
    assert record.target_groups == ("disability", "female_head")
    assert record.county_name == "شیراز"
    assert record.registered_by == "مریم کشاورز"
    assert record.file_number == "ش-۱۴۰۳/۱۲"
    found = clients.find_by_national_code(office.db, office.expert, "001-234567-9")
    assert found is not None and found.id == record.id


def test_every_wrong_field_is_named_and_nothing_is_saved(office: Office) -> None:
    data = office.client_input(
        national_code="1111111111", first_name="ز", last_name="رضایی2", mobile="0812345",
        birth_date=dt.date(2030, 1, 1), gender="x", county_code="2301", sheba="IR00123",
        postal_code="0123456789", target_groups=frozenset(), household_size=2, dependants=2)
    with pytest.raises(ValidationError) as caught:
        clients.create_client(office.db, office.expert, data)
    assert set(caught.value.errors) == {
        "national_code", "first_name", "last_name", "mobile", "birth_date", "gender",
        "county_code", "sheba", "postal_code", "target_groups", "dependants"}
    assert all(any("\u0600" <= c <= "\u06ff" for c in m) for m in caught.value.errors.values())
    with office.db.reading() as session:
        assert session.scalars(select(Client)).first() is None


def test_a_person_with_disability_needs_its_kind_and_severity(office: Office) -> None:
    with pytest.raises(ValidationError) as caught:
        office.client(target_groups=frozenset({"disability"}))
    assert set(caught.value.errors) == {"disability_type", "disability_severity"}


def test_a_client_is_of_working_age(office: Office) -> None:
    with pytest.raises(ValidationError) as caught:
        office.client(birth_date=dt.date(2015, 1, 1))
    assert "۱۵" in caught.value.errors["birth_date"]


def test_a_student_under_coverage_is_a_student(office: Office) -> None:
    assert office.client(target_groups=frozenset({"student"})).student


def test_registering_an_existing_code_points_to_the_existing_client(office: Office) -> None:
    first = office.client()
    again = office.client_input(national_code=first.national_code, first_name="مریم")
    with pytest.raises(clients.ClientExists) as caught:
        clients.create_client(office.db, office.expert, again)
    assert caught.value.existing_id == first.id
    assert caught.value.field == "national_code"


def test_a_facilitator_is_not_shown_a_client_they_may_not_see(office: Office) -> None:
    first = office.client()
    again = office.client_input(national_code=first.national_code)
    with pytest.raises(clients.ClientExists) as caught:
        clients.create_client(office.db, office.facilitator, again)
    assert caught.value.existing_id is None
    assert clients.find_by_national_code(office.db, office.facilitator,
                                         first.national_code) is None


def test_a_similar_name_born_the_same_day_of_the_same_father_is_warned(office: Office) -> None:
    first = office.client(first_name="محمدرضا", last_name="احمدی", father_name="حسن")
    similar = office.client_input(first_name="محمد رضا", last_name="احمدي", father_name="حسن")
    with pytest.raises(clients.SimilarClientsFound) as caught:
        clients.create_client(office.db, office.expert, similar)
    assert [m.id for m in caught.value.matches] == [first.id]
    second = clients.create_client(office.db, office.expert, similar, confirm_similar=True)
    with office.db.reading() as session:
        confirmations = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "similar_client_confirmed")).all()
    assert [c.entity_id for c in confirmations] == [second.id]


def test_other_fathers_or_birthdays_are_not_similar(office: Office) -> None:
    office.client(first_name="محمد", last_name="احمدی", father_name="حسن")
    clients.create_client(office.db, office.expert, office.client_input(
        first_name="محمد", last_name="احمدی", father_name="حسین"))
    clients.create_client(office.db, office.expert, office.client_input(
        first_name="محمد", last_name="احمدی", father_name="حسن",
        birth_date=dt.date(1991, 3, 21)))


def test_a_correction_is_audited_and_sent_to_headquarters(office: Office) -> None:
    record = office.client()
    changed = dataclasses.replace(record.as_input(), mobile="09351234567",
                                  target_groups=frozenset({"female_head", "student"}))
    updated = clients.update_client(office.db, office.expert, record.id, changed,
                                    version=record.version)
    assert updated.mobile == "09351234567" and updated.student
    assert updated.version == record.version + 1
    with office.db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "client", AuditEntry.action == "update")).one()
        log = session.scalars(select(ChangeLogEntry).where(
            ChangeLogEntry.entity_uuid == record.uuid)).all()
    assert audit.before["mobile"] is None and audit.after["mobile"] == "09351234567"
    assert [(e.op, e.version) for e in log] == [("insert", 1), ("update", 2)]


def test_a_stale_form_never_overwrites(office: Office) -> None:
    record = office.client()
    clients.update_client(office.db, office.expert, record.id,
                          dataclasses.replace(record.as_input(), address="شیراز، خیابان زند"),
                          version=record.version)
    with pytest.raises(ConflictError):
        clients.update_client(office.db, office.admin, record.id,
                              dataclasses.replace(record.as_input(), address="ستاره"),
                              version=record.version)
    assert clients.get_client(office.db, office.expert, record.id).address == "شیراز، خیابان زند"


def test_a_viewer_reads_but_never_writes(office: Office) -> None:
    record = office.client()
    assert clients.get_client(office.db, office.viewer, record.id).id == record.id
    with pytest.raises(PermissionDenied):
        office.client(actor=office.viewer)
    with pytest.raises(PermissionDenied):
        clients.update_client(office.db, office.viewer, record.id, record.as_input(),
                              version=record.version)


def test_a_facilitator_sees_the_clients_they_registered(office: Office) -> None:
    theirs = office.client(actor=office.facilitator)
    others = office.client()
    assert clients.get_client(office.db, office.facilitator, theirs.id).id == theirs.id
    with pytest.raises(NotFound):
        clients.get_client(office.db, office.facilitator, others.id)
    with pytest.raises(NotFound):
        clients.get_client(office.db, office.other_facilitator, theirs.id)
