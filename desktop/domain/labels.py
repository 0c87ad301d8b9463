"""Codes stored in the database, each with the English source of its Persian label."""

from __future__ import annotations

import enum

from desktop.i18n import tr


class Labelled(enum.StrEnum):
    """A stored code with a Persian ``label``; members are declared ``NAME = code, text``."""

    _label: str

    def __new__(cls, code: str, label: str = "") -> Labelled:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = label
        return member

    @property
    def label(self) -> str:
        return tr(self._label)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, Persian label) in declaration order, for combo boxes and checklists."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def sql_in(cls) -> str:
        """``'a', 'b'`` for the CHECK constraint that keeps the column to the known codes."""
        return ", ".join(f"'{member.value}'" for member in cls)
