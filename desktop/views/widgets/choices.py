"""Combo boxes over stored codes: Persian labels shown, the code kept as the item's data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.i18n import tr

NOT_CHOSEN = "—"
# Item data is never None, True or False: PySide6 6.12 loses a reference to these singletons
# each time such data is read back, and Python aborts once a count runs out. An empty code
# stands for "not chosen" and two codes for yes and no; read them back with ``combo_value``
# and ``combo_bool``.
EMPTY = ""
YES, NO = "yes", "no"


def choice_combo(choices: Iterable[tuple[object, str]], parent: QWidget | None = None, *,
                 empty: str | None = NOT_CHOSEN) -> QComboBox:
    """A combo of (code, label); ``empty`` (not chosen) comes first unless it is None."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, EMPTY)
    for code, label in choices:
        combo.addItem(label, code)
    return combo



def yes_no_combo(parent: QWidget | None = None, *, yes: str = "", no: str = "",
                 empty: str | None = NOT_CHOSEN) -> QComboBox:
    """A yes/no choice (e.g. urban/rural), optionally not yet chosen; read it with
    ``combo_bool`` and set it with ``select_bool``."""
    return choice_combo([(YES, yes or tr("Yes")), (NO, no or tr("No"))], parent, empty=empty)


def combo_value(combo: QComboBox) -> Any:
    """The chosen code, None when nothing is chosen."""
    data = combo.currentData()
    return None if data == EMPTY else data


def combo_bool(combo: QComboBox) -> bool | None:
    data = combo_value(combo)
    return None if data is None else data == YES


def select_bool(combo: QComboBox, value: bool | None) -> None:
    select_data(combo, None if value is None else (YES if value else NO))


def select_data(combo: QComboBox, value: object) -> None:
    """Show the item holding ``value`` (the first item when there is none)."""
    index = combo.findData(EMPTY if value is None else value)
    combo.setCurrentIndex(max(index, 0) if combo.count() else -1)
