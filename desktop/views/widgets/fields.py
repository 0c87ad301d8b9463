"""Line edits for codes and numbers, aligned the way a right-to-left form reads."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

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


class PercentEdit(QLineEdit):
    """A rate typed as a percentage (۲ or ۱٫۵, any digits, «.» «٫» or «/» as the point), kept
    in hundredths of a percent (basis points: 2% is 200)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(RIGHT)
        self.setMaxLength(8)

    def basis_points(self) -> int | None:
        """None when empty; ValueError (Persian message) when it is not a percentage."""
        text = to_latin_digits(self.text()).strip("%٪ \t")
        if not text:
            return None
        text = text.replace("٫", ".").replace("/", ".")
        whole, _, part = text.partition(".")
        if not (whole or part) or not (whole + part).isascii() \
                or not (whole + part).isdigit() or len(part) > 2:
            raise ValueError(tr("Enter a percentage, e.g. 2 or 1.5."))
        return int(whole or "0") * 100 + int((part + "00")[:2])

    def set_basis_points(self, value: int | None) -> None:
        if value is None:
            self.clear()
            return
        self.setText(basis_points_text(value))


def basis_points_text(value: int) -> str:
    """200 → ۲ and 150 → ۱٫۵: a rate in hundredths of a percent, as a percentage."""
    whole, part = divmod(value, 100)
    return to_persian_digits(str(whole) + (f"٫{part:02d}".rstrip("0") if part else ""))


def value_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A figure shown in a form: pinned to the right like the fields, even when it is only
    digits (a left-to-right run a QLabel would otherwise push to the left edge)."""
    label = QLabel(text, parent)
    label.setAlignment(RIGHT)
    return label


def number_spin(parent: QWidget | None, low: int, high: int, value: int) -> QSpinBox:
    """A small whole number typed in any digits, shown in Persian ones; Up and Down step it.
    Without arrow buttons: the style sheet's frame leaves them no room to draw."""
    spin = QSpinBox(parent)
    spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    spin.setAlignment(RIGHT)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin
