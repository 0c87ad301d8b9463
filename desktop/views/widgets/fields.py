"""Line edits for codes and numbers, aligned the way a right-to-left form reads."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.i18n import tr

# In a right-to-left window Qt mirrors AlignLeft/AlignRight, and a line edit whose text is only
# digits (a left-to-right run) aligns it to the left edge. AlignAbsolute pins it to the right,
# under the label, like every other field of the form.
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def code_line_edit(parent: QWidget | None = None, *, max_length: int | None = None,
                   placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAlignment(RIGHT)
    if max_length:
        edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def latin_line_edit(parent: QWidget | None = None, *, password: bool = False) -> QLineEdit:
    """User names and passwords: Latin text typed left to right, aligned with the form."""
    edit = QLineEdit(parent)
    edit.setAlignment(RIGHT)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NumberEdit(QLineEdit):
    """A whole number typed in Persian, Arabic or Latin digits; empty means not given."""

    def __init__(self, parent: QWidget | None = None, *, max_length: int = 6) -> None:
        super().__init__(parent)
        self.setAlignment(RIGHT)
        self.setMaxLength(max_length)

    def value(self) -> int | None:
        """The number, None when empty; ValueError (Persian message) for anything else."""
        text = to_latin_digits(self.text()).strip()
        if not text:
            return None
        if not (text.isascii() and text.isdigit()):
            raise ValueError(tr("Enter a whole number."))
        return int(text)

    def setValue(self, value: int | None) -> None:
        self.setText("" if value is None else to_persian_digits(value))


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (the order the form reads, right to left)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)
