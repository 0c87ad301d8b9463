"""The office: first-run set-up and what every screen shows about it."""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import func, select

from desktop import reference
from desktop.database import Database
from desktop.errors import NotFound, ValidationError
from desktop.fa.normalize import clean_text
from desktop.i18n import tr
from desktop.models.office import Office
from desktop.models.tracking import SYSTEM, Actor, record_event
from desktop.models.users import Role, User
from desktop.services.passwords import check_password_rule, hash_password
from desktop.services.programs import add_default_programs

USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")


@dataclasses.dataclass(frozen=True)
class OfficeInfo:
    uuid: str
    name: str
    province_code: str
    province_name: str
    county_code: str
    county_name: str


def office_exists(db: Database) -> bool:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Office)) > 0


def get_office(db: Database) -> OfficeInfo:
    with db.reading() as session:
        office = session.scalars(select(Office).order_by(Office.id)).first()
        if office is None:
            raise NotFound("This database has no office yet; run the first-run set-up.")
        return _info(office)


def _info(office: Office) -> OfficeInfo:
    return OfficeInfo(
        uuid=office.uuid, name=office.name,
        province_code=office.province_code,
        province_name=reference.province(office.province_code).name_fa,
        county_code=office.county_code,
        county_name=reference.county(office.county_code).name_fa,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str, field: str = "username") -> str:
    name = normalize_username(username)
    if not USERNAME_PATTERN.match(name):
        raise ValidationError(
            "A user name is 3 to 32 Latin letters, digits, dot, dash or underscore, "
            "beginning with a letter.",
            field=field,
        )
    return name


def check_full_name(full_name: str, field: str = "full_name") -> str:
    name = clean_text(full_name)
    if len(name) < 2:
        raise ValidationError("Enter the person's full name.", field=field)
    return name


def initialize_office(
    db: Database, *, province_code: str, county_code: str, office_name: str,
    admin_username: str, admin_full_name: str, admin_password: str,
    actor: Actor = SYSTEM,
) -> OfficeInfo:
    """Create the office and its first administrator, all or nothing."""
    errors: dict[str, str] = {}
    try:
        reference.province(province_code)
    except NotFound as exc:
        errors["province_code"] = exc.message
    try:
        county = reference.county(county_code)
        if county.province_code != province_code:
            errors["county_code"] = tr("The county is not in the chosen province.")
    except NotFound as exc:
        errors["county_code"] = exc.message
    name = clean_text(office_name)
    if len(name) < 2:
        errors["office_name"] = tr("Enter the office name.")
    for field, check, value in (
        ("admin_username", check_username, admin_username),
        ("admin_full_name", check_full_name, admin_full_name),
        ("admin_password", check_password_rule, admin_password),
    ):
        try:
            check(value, field)
        except ValidationError as exc:
            errors[field] = exc.message
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    with db.transaction(actor) as session:
        if session.scalar(select(func.count()).select_from(Office)):
            raise ValidationError("This database already has an office.")
        office = Office(name=name, province_code=province_code, county_code=county_code)
        session.add(office)
        session.add(User(
            username=normalize_username(admin_username),
            full_name=clean_text(admin_full_name), role=Role.ADMIN,
            password_hash=hash_password(admin_password),
        ))
        add_default_programs(session)
        session.flush()
        record_event(session, "office_initialized", entity="office", entity_id=office.id,
                     entity_uuid=office.uuid)
        return _info(office)
