"""Sealing a package to headquarters' public key, so only headquarters can read it on the way
(a USB stick lost between the office and headquarters, a proxy that opens HTTPS).

The sealed file (``.zip.sealed``) is the signed package, unchanged, encrypted:

    header  = b"KARSAZ-SEALED\\x01" | ephemeral X25519 public key (32) | recipient key id (8)
    key     = HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral ‖ recipient,
                          info = b"karsaz export seal 1", 32 bytes)
    body    = chunks of 1 MiB of the package, each ChaCha20-Poly1305 with the header as
              associated data and the nonce = chunk number (11 bytes, big-endian) ‖ last (1 byte)

Every chunk is authenticated and the last one is marked, so a changed, reordered, dropped or
cut-off chunk fails to open. A new ephemeral key is drawn for each sealing: the office seals a
batch once and keeps the sealed file, which is what it resends ("same id, same bytes").
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import KarsazError

MAGIC = b"KARSAZ-SEALED\x01"
HEADER = len(MAGIC) + 32 + 8
CHUNK = 1 << 20
TAG = 16
INFO = b"karsaz export seal 1"


class SealError(KarsazError):
    """A sealed package cannot be opened: not for this key, or changed on the way."""


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def recipient_id(public: X25519PublicKey) -> bytes:
    return hashlib.sha256(_raw(public)).digest()[:8]


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> ChaCha20Poly1305:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                   info=INFO).derive(shared)
    return ChaCha20Poly1305(derived)


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal(source: Path, target: Path, recipient: X25519PublicKey) -> None:
    """Write ``source`` encrypted to ``recipient`` into ``target``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = _raw(ephemeral.public_key())
    aead = _key(ephemeral.exchange(recipient), ephemeral_raw, _raw(recipient))
    header = MAGIC + ephemeral_raw + recipient_id(recipient)
    size = source.stat().st_size
    with source.open("rb") as stream, target.open("wb") as out:
        out.write(header)
        number = 0
        done = 0
        while True:
            chunk = stream.read(CHUNK)
            done += len(chunk)
            last = done >= size
            out.write(aead.encrypt(_nonce(number, last), chunk, header))
            number += 1
            if last:
                break
        out.flush()
        os.fsync(out.fileno())


def unseal(source: Path, target: Path, private: X25519PrivateKey) -> None:
    """Open a sealed package into ``target``; raises :class:`SealError` on any change."""
    with source.open("rb") as stream:
        header = stream.read(HEADER)
        if len(header) != HEADER or not header.startswith(MAGIC):
            raise SealError("This is not a sealed package.")
        ephemeral_raw = header[len(MAGIC):len(MAGIC) + 32]
        recipient = private.public_key()
        if header[-8:] != recipient_id(recipient):
            raise SealError("This package was sealed for another key.")
        aead = _key(private.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw)),
                    ephemeral_raw, _raw(recipient))
        number = 0
        with target.open("wb") as out:
            chunk = stream.read(CHUNK + TAG)
            while chunk:
                following = stream.read(CHUNK + TAG)
                try:
                    out.write(aead.decrypt(_nonce(number, not following), chunk, header))
                except InvalidTag:
                    raise SealError("The sealed package was changed or cut short.") from None
                number += 1
                chunk = following
        if number == 0:
            raise SealError("The sealed package was changed or cut short.")


def is_sealed(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(MAGIC)) == MAGIC


def load_recipient(path: Path) -> X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise SealError("The headquarters key {path} cannot be read: {reason}",
                        path=str(path), reason=str(exc)) from exc
    if not isinstance(key, X25519PublicKey):
        raise SealError("The headquarters key {path} is not an X25519 key.", path=str(path))
    return key


def load_private(path: Path) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise SealError("The headquarters key {path} cannot be read: {reason}",
                        path=str(path), reason=str(exc)) from exc
    if not isinstance(key, X25519PrivateKey):
        raise SealError("The headquarters key {path} is not an X25519 key.", path=str(path))
    return key
