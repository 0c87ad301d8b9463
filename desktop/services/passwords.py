"""Password hashing (argon2id) and the password rule."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.errors import ValidationError

MIN_PASSWORD_LENGTH = 8
# argon2-cffi's defaults are the RFC 9106 "low memory" argon2id profile (64 MiB, 3 passes):
# strong enough for an office PC and under a quarter of a second on one.
_hasher = PasswordHasher()


def check_password_rule(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "The password must be at least {count} characters long.",
            field=field, count=MIN_PASSWORD_LENGTH,
        )
    if password.strip() != password:
        raise ValidationError("The password must not begin or end with a space.", field=field)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
