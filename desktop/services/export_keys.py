"""The office's signing key: made at the first export, kept beside the database, never exported.

The private half is an Ed25519 key in a PKCS#8 PEM file readable by its owner only (0600 on
POSIX; on Windows the file inherits the per-user data folder's permissions). Headquarters gets
the public half (``karsaz export public-key --out FILE``) and checks every package with it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select

from desktop import paths
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.models.office import Setting
from desktop.models.tracking import Actor
from desktop.roles import Permission, require

HEADQUARTERS_KEY = "export.headquarters_key"
KEY_FOLDER = "keys"
PRIVATE_KEY_FILE = "export-signing-ed25519.pem"


class ExportKeyError(KarsazError):
    """The signing or verifying key cannot be read."""


def office_folder(db: Database) -> Path:
    """The office's data folder: beside a SQLite database, else the user's data folder."""
    file = db.file
    return file.parent if file is not None else paths.data_dir()


def private_key_path(db: Database) -> Path:
    return office_folder(db) / KEY_FOLDER / PRIVATE_KEY_FILE


def load_or_make_signing_key(path: Path) -> Ed25519PrivateKey:
    """The key in ``path``, made (and written with owner-only permissions) if there is none."""
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except ValueError as exc:
            raise ExportKeyError("The office signing key {path} cannot be read: {reason}",
                            path=str(path), reason=str(exc)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise ExportKeyError("The office signing key {path} is not an Ed25519 key.",
                            path=str(path))
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)
    return key


def public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def key_id(public: Ed25519PublicKey) -> str:
    """A short name of a public key: the first 16 hex digits of SHA-256 of its raw 32 bytes."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ExportKeyError("The public key {path} cannot be read: {reason}", path=str(path),
                        reason=str(exc)) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ExportKeyError("The public key {path} is not an Ed25519 key.", path=str(path))
    return key


def signature_ok(public: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def headquarters_key(db: Database) -> X25519PublicKey | None:
    """Headquarters' X25519 public key when packages are to be sealed to it (office setting)."""
    with db.reading() as session:
        pem = session.scalar(select(Setting.value).where(Setting.key == HEADQUARTERS_KEY))
    if not pem:
        return None
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, X25519PublicKey):
        raise ExportKeyError("The headquarters key in the settings is not an X25519 key.")
    return key


def set_headquarters_key(db: Database, actor: Actor, pem: bytes | None) -> None:
    """Seal every package made from now on to this X25519 public key (``None``: stop)."""
    require(actor, Permission.MANAGE_OFFICE)
    if pem is not None:
        try:
            key = serialization.load_pem_public_key(pem)
        except ValueError as exc:
            raise ExportKeyError("The headquarters key cannot be read: {reason}",
                                 reason=str(exc)) from exc
        if not isinstance(key, X25519PublicKey):
            raise ExportKeyError("The headquarters key is not an X25519 public key.")
    value = pem.decode("ascii") if pem else ""
    with db.transaction(actor) as session:
        setting = session.scalars(select(Setting).where(Setting.key == HEADQUARTERS_KEY)).first()
        if setting is None:
            session.add(Setting(key=HEADQUARTERS_KEY, value=value))
        else:
            setting.value = value
