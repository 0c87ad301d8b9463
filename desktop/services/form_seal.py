"""The QR code on a printed form: which record it is, and a code only this office can make.

The code is an HMAC of the form, the record's id and the day it was printed, under a key kept
in the office's settings; anyone holding the paper can read what it claims, and the office can
tell a genuine form from an edited or invented one (``check_seal``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.actor import SYSTEM
from desktop.clock import utcnow
from desktop.database import Database
from desktop.ids import new_uuid, token
from desktop.models.office import Setting
from desktop.models.tracking import record_event
from desktop.reports.document import Seal

KEY_SETTING = "forms.seal_key"
# Upper-case letters, digits, «-» and «:» only: QR's alphanumeric mode packs them in 5.5 bits
# each instead of 8, which gives a smaller code with larger modules on the same square.
PREFIX = "KARSAZ1"


def _key(db: Database) -> bytes:
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == KEY_SETTING))
    if value:
        return bytes.fromhex(value)
    try:
        with db.transaction(SYSTEM) as session:
            _create_key(session)
    except IntegrityError:
        pass   # another session made it first: theirs is the key
    return _key(db)


def _create_key(session: Session) -> None:
    # Written past the ORM's change tracking on purpose: the audit keeps a row's values, and a
    # key written into the audit is no longer a secret.
    now = utcnow()
    session.execute(insert(Setting).values(uuid=new_uuid(), version=1, created_at=now,
                                           updated_at=now, key=KEY_SETTING, value=token(32)))
    record_event(session, "seal_key_created", entity="setting")


def _code(key: bytes, kind: str, record_uuid: str, printed_on: dt.date) -> str:
    message = f"{kind}|{record_uuid}|{printed_on.isoformat()}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    text = base64.b32encode(digest).decode()[:10]
    return f"{text[:5]}-{text[5:]}"


class SealMaker:
    """Seals for one printing run (the key read once)."""

    def __init__(self, db: Database) -> None:
        self._key = _key(db)

    def seal(self, kind: str, record_uuid: str, printed_on: dt.date) -> Seal:
        code = _code(self._key, kind, record_uuid, printed_on)
        payload = f"{PREFIX}:{kind}:{record_uuid}:{printed_on:%Y%m%d}:{code}".upper()
        return Seal(payload, code)


def check_seal(db: Database, payload: str) -> tuple[str, str, dt.date] | None:
    """(form, record uuid, printed on) when ``payload`` (a QR code's text) was made by this
    office, else None."""
    parts = payload.strip().upper().split(":")
    if len(parts) != 5 or parts[0] != PREFIX:
        return None
    _, kind, record_uuid, day, code = parts
    kind, record_uuid = kind.lower(), record_uuid.lower()
    try:
        printed_on = dt.datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return None
    expected = _code(_key(db), kind, record_uuid, printed_on)
    if not hmac.compare_digest(expected, code.upper()):
        return None
    return kind, record_uuid, printed_on
