"""The client registry (مددجو): registering, reading and correcting a client's identity.

One national code is one client: registering a code that exists opens the existing record
instead. A different code with a similar name, the same birth date and the same father's name
is most often the same person typed twice, so it is warned about and needs a confirmation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import reference
from desktop.clock import today
from desktop.database import Database
from desktop.domain.people import (
    DisabilitySeverity,
    DisabilityType,
    Education,
    Gender,
    TargetGroup,
)
from desktop.errors import ConflictError, KarsazError, NotFound, ValidationError
from desktop.fa.mobile import MobileError, normalize_mobile
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.fa.normalize import clean_text, search_key
from desktop.fa.postal import PostalCodeError, validate_postal_code
from desktop.fa.sheba import ShebaError, validate_sheba
from desktop.i18n import N_, tr
from desktop.models.cases import EmploymentCase
from desktop.models.office import Office
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor, record_event
from desktop.models.users import User
from desktop.roles import Permission, require
from desktop.services.case_access import require_client_visible, sees_every_client

MIN_AGE = 15  # the legal working age in Iran
STALE = ("Someone else saved this record after you opened it. Nothing was overwritten; "
         "reopen it to see their changes.")


@dataclasses.dataclass(frozen=True)
class ClientInput:
    """What the client form holds; text as typed, dates already parsed from Jalali."""

    national_code: str
    first_name: str
    last_name: str
    gender: str
    county_code: str
    birth_date: dt.date | None = None
    father_name: str = ""
    mobile: str = ""
    address: str = ""
    postal_code: str = ""
    urban: bool = True
    sheba: str = ""
    target_groups: frozenset[str] = frozenset()
    disability_type: str | None = None
    disability_severity: str | None = None
    hard_to_employ: bool = False
    education: str | None = None
    student: bool = False
    household_size: int | None = None
    dependants: int | None = None
    file_number: str = ""
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class ClientRecord:
    id: int
    uuid: str
    version: int
    national_code: str
    first_name: str
    last_name: str
    father_name: str
    birth_date: dt.date | None
    gender: str
    mobile: str
    address: str
    postal_code: str
    county_code: str
    county_name: str
    urban: bool
    sheba: str
    target_groups: tuple[str, ...]
    disability_type: str | None
    disability_severity: str | None
    hard_to_employ: bool
    education: str | None
    student: bool
    household_size: int | None
    dependants: int | None
    file_number: str
    notes: str
    registered_by: str
    created_at: dt.datetime

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def as_input(self) -> ClientInput:
        """The record as the form would hold it, for changing one field and saving."""
        return ClientInput(
            national_code=self.national_code, first_name=self.first_name,
            last_name=self.last_name, gender=self.gender, county_code=self.county_code,
            birth_date=self.birth_date, father_name=self.father_name, mobile=self.mobile,
            address=self.address, postal_code=self.postal_code, urban=self.urban,
            sheba=self.sheba, target_groups=frozenset(self.target_groups),
            disability_type=self.disability_type, disability_severity=self.disability_severity,
            hard_to_employ=self.hard_to_employ, education=self.education, student=self.student,
            household_size=self.household_size, dependants=self.dependants,
            file_number=self.file_number, notes=self.notes)


@dataclasses.dataclass(frozen=True)
class SimilarClient:
    id: int
    national_code: str
    full_name: str
    father_name: str
    birth_date: dt.date | None


class ClientExists(ValidationError):
    """The national code is registered already; ``existing_id`` is that client, when the user
    may open it."""

    def __init__(self, existing_id: int | None) -> None:
        if existing_id is None:
            super().__init__(N_("A client with this national code is registered already; ask "
                                "the county expert to assign the case to you."),
                             field="national_code")
        else:
            super().__init__(N_("A client with this national code is registered already."),
                             field="national_code")
        self.existing_id = existing_id


class SimilarClientsFound(KarsazError):
    """Clients with a similar name, the same birth date and father's name exist; saving again
    with ``confirm_similar`` registers the new client all the same."""

    def __init__(self, matches: list[SimilarClient]) -> None:
        super().__init__(N_("A client with a similar name, the same birth date and the same "
                            "father's name is registered already. Is this the same person?"))
        self.matches = matches


def _validated(data: ClientInput, province_code: str) -> dict[str, object]:
    """The stored form of ``data``, or ValidationError naming every wrong field."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}

    def check(field: str, function, *args, **kwargs) -> object:
        try:
            return function(*args, **kwargs)
        except (NationalCodeError, MobileError, PostalCodeError, ShebaError) as exc:
            errors[field] = exc.message
        return None

    values["national_code"] = check("national_code", validate_national_code, data.national_code)
    for field in ("first_name", "last_name", "father_name"):
        text = clean_text(getattr(data, field))
        values[field] = text
        if field != "father_name" and len(text) < 2:
            errors[field] = tr("Enter the name (at least two letters).")
        elif any(ch.isdigit() for ch in text):
            errors[field] = tr("A name has no digits.")
    now = today()
    if data.birth_date is None:
        errors["birth_date"] = tr("Enter the birth date.")
    elif data.birth_date > now:
        errors["birth_date"] = tr("The birth date cannot be in the future.")
    elif (now - data.birth_date).days < MIN_AGE * 365.25:
        errors["birth_date"] = tr("A client is at least {age} years old.", age=MIN_AGE)
    elif data.birth_date.year < 1900:
        errors["birth_date"] = tr("This birth date is too far in the past.")
    values["birth_date"] = data.birth_date
    if data.gender not in set(Gender):
        errors["gender"] = tr("Choose the gender.")
    values["gender"] = data.gender
    values["mobile"] = check("mobile", normalize_mobile, data.mobile) if data.mobile.strip() \
        else None
    values["postal_code"] = check("postal_code", validate_postal_code, data.postal_code) \
        if data.postal_code.strip() else None
    values["sheba"] = check("sheba", validate_sheba, data.sheba) if data.sheba.strip() else None
    try:
        county = reference.county(data.county_code)
    except NotFound:
        errors["county_code"] = tr("Choose the county from the list.")
    else:
        if county.province_code != province_code:
            errors["county_code"] = tr("The county must be in this office's province.")
    values["county_code"] = data.county_code
    values["urban"] = bool(data.urban)
    values["address"] = clean_text(data.address)
    groups = set(data.target_groups)
    if not groups:
        errors["target_groups"] = tr("Choose at least one target group.")
    elif not groups <= set(TargetGroup):
        errors["target_groups"] = tr("Choose the target groups from the list.")
    values["target_groups"] = tuple(sorted(groups))
    if data.disability_type is not None and data.disability_type not in set(DisabilityType):
        errors["disability_type"] = tr("Choose the kind of disability from the list.")
    if data.disability_severity is not None and \
            data.disability_severity not in set(DisabilitySeverity):
        errors["disability_severity"] = tr("Choose the severity from the list.")
    if TargetGroup.DISABILITY in groups:
        if data.disability_type is None:
            errors["disability_type"] = tr("A person with disability needs the kind of "
                                           "disability.")
        if data.disability_severity is None:
            errors["disability_severity"] = tr("A person with disability needs its severity.")
    values["disability_type"] = data.disability_type
    values["disability_severity"] = data.disability_severity
    values["hard_to_employ"] = bool(data.hard_to_employ)
    if data.education is not None and data.education not in set(Education):
        errors["education"] = tr("Choose the education from the list.")
    values["education"] = data.education
    # A student under coverage is a student; the flag follows the target group.
    values["student"] = bool(data.student) or TargetGroup.STUDENT in groups
    if data.household_size is not None and not 1 <= data.household_size <= 30:
        errors["household_size"] = tr("A household has 1 to 30 people.")
    if data.dependants is not None:
        if not 0 <= data.dependants <= 30:
            errors["dependants"] = tr("Dependants are 0 to 30 people.")
        elif data.household_size is not None and data.dependants >= data.household_size:
            errors["dependants"] = tr("Dependants are fewer than the people of the household.")
    values["household_size"] = data.household_size
    values["dependants"] = data.dependants
    file_number = clean_text(data.file_number)
    if len(file_number) > 30:
        errors["file_number"] = tr("A file number has at most 30 characters.")
    values["file_number"] = file_number
    values["notes"] = clean_text(data.notes)
    if errors:
        raise ValidationError("Some fields need correcting.", errors=errors)
    return values


def validated_client(data: ClientInput, province_code: str) -> dict[str, object]:
    """What ``create_client`` would store for ``data``, or ValidationError: the same rules for
    registering clients in bulk (the Excel import)."""
    return _validated(data, province_code)


def office_province(session: Session) -> str:
    return _office_province(session)


def _office_province(session: Session) -> str:
    province = session.scalar(select(Office.province_code).order_by(Office.id).limit(1))
    if province is None:
        raise NotFound("This database has no office yet; run the first-run set-up.")
    return province


def _record(session: Session, client: Client) -> ClientRecord:
    registered_by = ""
    if client.registered_by_id is not None:
        registered_by = session.scalar(
            select(User.full_name).where(User.id == client.registered_by_id)) or ""
    return ClientRecord(
        id=client.id, uuid=client.uuid, version=client.version,
        national_code=client.national_code, first_name=client.first_name,
        last_name=client.last_name, father_name=client.father_name,
        birth_date=client.birth_date, gender=client.gender, mobile=client.mobile or "",
        address=client.address, postal_code=client.postal_code or "",
        county_code=client.county_code,
        county_name=reference.county(client.county_code).name_fa,
        urban=client.urban, sheba=client.sheba or "",
        target_groups=tuple(sorted(g.target_group for g in client.target_groups)),
        disability_type=client.disability_type, disability_severity=client.disability_severity,
        hard_to_employ=client.hard_to_employ, education=client.education,
        student=client.student, household_size=client.household_size,
        dependants=client.dependants, file_number=client.file_number, notes=client.notes,
        registered_by=registered_by, created_at=client.created_at,
    )


def _assigned_to(session: Session, actor: Actor, client_id: int) -> bool:
    return session.scalar(select(EmploymentCase.id).where(
        EmploymentCase.client_id == client_id,
        EmploymentCase.facilitator_id == actor.user_id).limit(1)) is not None


def _load_visible(session: Session, actor: Actor, client_id: int) -> Client:
    client = session.get(Client, client_id)
    assigned = client is not None and _assigned_to(session, actor, client_id)
    return require_client_visible(actor, client, assigned)


def get_client(db: Database, actor: Actor, client_id: int) -> ClientRecord:
    with db.reading() as session:
        return _record(session, _load_visible(session, actor, client_id))


def find_by_national_code(db: Database, actor: Actor, text: str) -> ClientRecord | None:
    """The client with this code, if there is one and ``actor`` may see it."""
    require(actor, Permission.VIEW_CASES)
    try:
        code = validate_national_code(text)
    except NationalCodeError:
        return None
    with db.reading() as session:
        client = session.scalar(select(Client).where(Client.national_code == code))
        if client is None:
            return None
        try:
            return _record(session, _load_visible(session, actor, client.id))
        except NotFound:
            return None


def names_alike(a: str, b: str, limit: int = 2) -> bool:
    """Two name keys at most ``limit`` letters apart (insertions, deletions, substitutions):
    how ``similar_clients`` judges a name. Only the diagonal band of the edit distance is
    computed, so checking a name against thousands (an import) stays fast."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > limit:
        return False
    over = limit + 1
    previous = [min(j, over) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, start=1):
        current = [min(i, over)] + [over] * len(b)
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ca != b[j - 1]), over)
        if min(current[low - 1:high + 1]) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def similar_clients(session: Session, *, first_name: str, last_name: str, father_name: str,
                    birth_date: dt.date | None, exclude_id: int | None = None,
                    ) -> list[SimilarClient]:
    """Clients born the same day, with the same father's name and a name at most two letters
    away (after folding ي/ی, ک/ك, spaces and ZWNJ): most likely the same person."""
    if birth_date is None:
        return []
    name_key = search_key(f"{first_name} {last_name}")
    father_key = search_key(father_name)
    found = []
    for client in session.scalars(select(Client).where(Client.birth_date == birth_date)):
        if client.id == exclude_id or search_key(client.father_name) != father_key:
            continue
        if names_alike(search_key(f"{client.first_name} {client.last_name}"), name_key):
            found.append(SimilarClient(client.id, client.national_code,
                                       f"{client.first_name} {client.last_name}",
                                       client.father_name, client.birth_date))
    return found


def _set_target_groups(session: Session, client: Client, groups: tuple[str, ...]) -> None:
    current = {g.target_group: g for g in client.target_groups}
    for code, row in current.items():
        if code not in groups:
            client.target_groups.remove(row)
    for code in groups:
        if code not in current:
            client.target_groups.append(ClientTargetGroup(target_group=code))


def create_client(db: Database, actor: Actor, data: ClientInput, *,
                  confirm_similar: bool = False) -> ClientRecord:
    """Register a client; ClientExists if the code is taken, SimilarClientsFound unless
    ``confirm_similar``."""
    require(actor, Permission.EDIT_CASES)
    with db.transaction(actor) as session:
        values = _validated(data, _office_province(session))
        existing = session.scalar(select(Client).where(
            Client.national_code == values["national_code"]))
        if existing is not None:
            visible = sees_every_client(actor) or existing.registered_by_id == actor.user_id \
                or _assigned_to(session, actor, existing.id)
            raise ClientExists(existing.id if visible else None)
        matches = similar_clients(
            session, first_name=str(values["first_name"]), last_name=str(values["last_name"]),
            father_name=str(values["father_name"]), birth_date=data.birth_date)
        if matches and not confirm_similar:
            raise SimilarClientsFound(matches)
        groups = values.pop("target_groups")
        client = Client(**values, registered_by_id=actor.user_id)
        _set_target_groups(session, client, groups)  # type: ignore[arg-type]
        session.add(client)
        session.flush()
        if matches:
            record_event(session, "similar_client_confirmed", entity="client",
                         entity_id=client.id, entity_uuid=client.uuid,
                         detail={"similar_to": [m.id for m in matches]})
        return _record(session, client)


def update_client(db: Database, actor: Actor, client_id: int, data: ClientInput, *,
                  version: int, confirm_similar: bool = False) -> ClientRecord:
    require(actor, Permission.EDIT_CASES)
    with db.transaction(actor) as session:
        client = _load_visible(session, actor, client_id)
        if client.version != version:
            raise ConflictError(STALE)
        values = _validated(data, _office_province(session))
        if values["national_code"] != client.national_code and session.scalar(
                select(Client.id).where(Client.national_code == values["national_code"])):
            raise ValidationError("Another client has this national code.",
                                  field="national_code")
        identity_changed = any(values[f] != getattr(client, f) for f in
                               ("first_name", "last_name", "father_name", "birth_date"))
        if identity_changed and not confirm_similar:
            matches = similar_clients(
                session, first_name=str(values["first_name"]),
                last_name=str(values["last_name"]), father_name=str(values["father_name"]),
                birth_date=data.birth_date, exclude_id=client.id)
            if matches:
                raise SimilarClientsFound(matches)
        _set_target_groups(session, client, values.pop("target_groups"))  # type: ignore[arg-type]
        for field, value in values.items():
            setattr(client, field, value)
        session.flush()
        return _record(session, client)
