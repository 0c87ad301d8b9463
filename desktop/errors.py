"""Errors a user can cause, each with a Persian message and, where it belongs, a field name."""

from __future__ import annotations

from desktop.i18n import tr


class KarsazError(Exception):
    """Base of every error the application explains to its user."""

    def __init__(self, message: str, /, *, field: str | None = None, **params: object) -> None:
        self.source = message
        self.params = params
        self.field = field
        self.message = tr(message, **params)
        super().__init__(self.message)


class ValidationError(KarsazError):
    """One or more fields hold bad input; ``errors`` maps each field to its Persian message."""

    def __init__(
        self, message: str, /, *, field: str | None = None, errors: dict[str, str] | None = None,
        **params: object,
    ) -> None:
        super().__init__(message, field=field, **params)
        self.errors = dict(errors or {})
        if field and field not in self.errors:
            self.errors[field] = self.message


class PermissionDenied(KarsazError):
    """The signed-in user's role does not allow the action."""


class NotFound(KarsazError):
    """The record asked for does not exist (or is not visible to this user)."""


class ConflictError(KarsazError):
    """Someone else saved the record after it was read; nothing was overwritten."""


class AuthenticationError(KarsazError):
    """Wrong user name or password, or a locked account."""


class DatabaseError(KarsazError):
    """The database cannot be opened, upgraded or checked."""
