"""The one random source: record identifiers and anything else that must not be guessable."""

from __future__ import annotations

import secrets
import uuid


def new_uuid() -> str:
    """A version-4 UUID as its canonical 36-character text (the form exported to headquarters)."""
    return str(uuid.UUID(bytes=secrets.token_bytes(16), version=4))


def token(nbytes: int = 16) -> str:
    return secrets.token_hex(nbytes)
