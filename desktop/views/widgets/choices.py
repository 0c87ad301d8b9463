"""Combo boxes over stored codes: Persian labels shown, the code kept as the item's data."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.i18n import tr

NOT_CHOSEN = "—"


def choice_combo(choices: Iterable[tuple[object, str]], parent: QWidget | None = None, *,
                 empty: str | None = NOT_CHOSEN) -> QComboBox:
    """A combo of (code, label); ``empty`` (None data) comes first unless it is None."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for code, label in choices:
        combo.addItem(label, code)
    return combo


def yes_no_combo(parent: QWidget | None = None, *, yes: str = "", no: str = "",
                 empty: str | None = NOT_CHOSEN) -> QComboBox:
    """True/False as two labelled choices (e.g. urban/rural), optionally not yet chosen."""
    return choice_combo([(True, yes or tr("Yes")), (False, no or tr("No"))], parent, empty=empty)


def select_data(combo: QComboBox, value: object) -> None:
    """Show the item holding ``value`` (the empty item when there is none)."""
    for index in range(combo.count()):
        data = combo.itemData(index)
        if data is value or (data is not None and value is not None and data == value
                             and type(data) is type(value)):
            combo.setCurrentIndex(index)
            return
    combo.setCurrentIndex(0 if combo.count() else -1)
