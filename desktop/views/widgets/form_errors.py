"""A form's Persian messages, each shown beside its field, from ``ValidationError.errors``."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError, mark_invalid


class FieldErrors:
    """Field names are the services' (ClientInput, CaseDetails … attribute names); a message
    for a field this form does not show goes to ``general``, so nothing is lost."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._fields: dict[str, tuple[QWidget, FieldError]] = {}
        self.general = FieldError(parent)

    def wrap(self, name: str, field: QWidget) -> QWidget:
        """``field`` with its message underneath, ready for a form row."""
        own = getattr(field, "error", None)
        if isinstance(own, FieldError):  # date and money fields carry their own message line
            self._fields[name] = (getattr(field, "line", field), own)
            return field
        error = FieldError(self._parent)
        box = QWidget(self._parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        box.setFocusProxy(field)
        self._fields[name] = (field, error)
        return box

    def alias(self, name: str, shown_as: str) -> None:
        """Show the service's ``name`` by the field registered as ``shown_as``."""
        self._fields[name] = self._fields[shown_as]

    def forget(self, name: str) -> None:
        """Stop showing messages by field ``name`` (a line of a grid that is built again)."""
        self._fields.pop(name, None)

    def clear(self) -> None:
        for widget, error in self._fields.values():
            error.clear_message()
            mark_invalid(widget, False)
        self.general.clear_message()

    def show(self, errors: dict[str, str], general: str = "") -> list[str]:
        """Show ``errors``; returns the names placed beside a field of this form."""
        self.clear()
        placed, unplaced = [], []
        for name, message in errors.items():
            if name in self._fields:
                widget, error = self._fields[name]
                error.show_message(message)
                mark_invalid(widget, True)
                placed.append(name)
            else:
                unplaced.append(message)
        if unplaced or (general and not placed):
            self.general.show_message("\n".join(unplaced or [general]))
        return placed

    def show_error(self, error: KarsazError) -> list[str]:
        fields = dict(getattr(error, "errors", {}) or {})
        if not fields and error.field:
            fields = {error.field: error.message}
        return self.show(fields, error.message)

    def message(self, name: str) -> str:
        """The message shown by field ``name`` (empty when it is fine)."""
        if name not in self._fields:
            return ""
        error = self._fields[name][1]
        return error.text() if not error.isHidden() else ""

    def widget(self, name: str) -> QWidget | None:
        found = self._fields.get(name)
        return found[0] if found else None

    def names(self) -> list[str]:
        return list(self._fields)

    def places(self) -> dict[str, tuple[QWidget, FieldError]]:
        """Each field's widget and message line, for a form that places messages itself."""
        return dict(self._fields)


def show_in_parts(parts: list[FieldErrors], errors: dict[str, str],
                  general: FieldError, message: str = "") -> list[str]:
    """Show a service's ``errors`` in a dialog made of several parts (a group's details and its
    cycle's rules), each message beside its field; the first field placed takes the focus.
    A message no part shows goes to the first part's general line."""
    if not errors:
        for part in parts:
            part.clear()
        general.show_message(message)
        return []
    placed: list[str] = []
    rest = dict(errors)
    for part in parts[1:]:
        mine = set(part.names())
        placed += part.show({k: v for k, v in errors.items() if k in mine})
        rest = {k: v for k, v in rest.items() if k not in mine}
    placed = parts[0].show(rest) + placed
    general.show_message(tr("Some fields need correcting.") if placed else "")
    if placed:
        widget = next(w for w in (p.widget(placed[0]) for p in parts) if w is not None)
        widget.setFocus()
    return placed
