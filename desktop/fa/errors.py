"""The base of every Persian-text validation error."""

from __future__ import annotations

from desktop.i18n import tr


class FaValueError(ValueError):
    """Bad input with a Persian explanation in ``message`` (shown next to the field)."""

    def __init__(self, message: str, /, **params: object) -> None:
        self.message = tr(message, **params)
        super().__init__(self.message)
