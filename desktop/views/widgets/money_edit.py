"""Typing an amount of money: Rials in any digits, with or without separators, said in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.fa.money import MoneyError, format_amount, parse_rials, parse_tomans, tomans_in_words
from desktop.i18n import tr
from desktop.views.widgets.field_error import FieldError, mark_invalid
from desktop.views.widgets.fields import code_line_edit

TOMAN_WORDS = ("تومان", "toman")


def read_amount(text: str) -> int | None:
    """Rials from what was typed (None when empty). People often type Tomans and say so: a
    «تومان» after the number makes it Tomans, never silently Rials."""
    text = text.strip()
    if not text:
        return None
    if any(word in text.lower() for word in TOMAN_WORDS):
        return parse_tomans(text)
    return parse_rials(text)


class MoneyEdit(QWidget):
    """``amount()`` is an int of Rials or None; the line under it says the amount in Tomans.

    ``compact`` is for a cell of a grid: the line alone, the unit in the column's header, and
    the amount in words in the tooltip."""

    amountChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, required: bool = False,
                 compact: bool = False) -> None:
        super().__init__(parent)
        self._required = required
        self._compact = compact
        self.line = code_line_edit(self, max_length=40,
                                   placeholder="" if compact else tr("e.g. 150,000,000"))
        self.unit = QLabel(tr("Rials"), self)
        self.words = QLabel(self)
        self.words.setObjectName("moneyWords")
        self.words.setWordWrap(True)
        self.error = FieldError(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.unit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.words)
        column.addWidget(self.error)
        self.setFocusProxy(self.line)
        self.unit.setVisible(not compact)
        self.line.textChanged.connect(self._say)
        self.line.editingFinished.connect(self._commit)
        self._say("")

    def amount(self) -> int | None:
        try:
            return read_amount(self.line.text())
        except MoneyError:
            return None

    def setAmount(self, rials: int | None) -> None:
        self.line.setText("" if rials is None else format_amount(rials))
        self._show_error("")

    def is_valid(self) -> bool:
        self._commit()
        return not self.error_message()

    def error_message(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def _say(self, text: str) -> None:
        try:
            rials = read_amount(text)
        except MoneyError:
            rials = None
        self.words.setText(tomans_in_words(rials) if rials is not None else "")
        self.words.setVisible(rials is not None and not self._compact)
        if self._compact:
            self.line.setToolTip(self.words.text())
        self.amountChanged.emit(rials)

    def _show_error(self, message: str) -> None:
        self.error.show_message(message)
        mark_invalid(self.line, bool(message))

    def _commit(self) -> None:
        try:
            rials = read_amount(self.line.text())
        except MoneyError as exc:
            self._show_error(exc.message)
            return
        if rials is None:
            self._show_error(tr("Enter the amount.") if self._required else "")
            return
        if rials < 0:
            self._show_error(tr("An amount cannot be below zero."))
            return
        self.line.setText(format_amount(rials))
        self._show_error("")
