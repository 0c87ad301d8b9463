"""The one random source: record identifiers and anything else that must not be guessable."""

from __future__ import annotations

import secrets
import uuid


def new_uuid() -> str:
    """A version-4 UUID as its canonical 36-character text (the form exported to headquarters)."""
    return str(uuid.UUID(bytes=secrets.token_bytes(16), version=4))


def token(nbytes: int = 16) -> str:
    return secrets.token_hex(nbytes)


def new_uuids(count: int) -> list[str]:
    """``count`` version-4 UUIDs at once (bulk inserts), from one draw of random bytes."""
    raw = bytearray(secrets.token_bytes(16 * count))
    raw[6::16] = bytes((b & 0x0F) | 0x40 for b in raw[6::16])   # version 4
    raw[8::16] = bytes((b & 0x3F) | 0x80 for b in raw[8::16])   # RFC 4122 variant
    text = raw.hex()
    return [f"{text[i:i + 8]}-{text[i + 8:i + 12]}-{text[i + 12:i + 16]}-"
            f"{text[i + 16:i + 20]}-{text[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]
