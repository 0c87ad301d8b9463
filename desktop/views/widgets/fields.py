"""Line edits for codes and numbers, aligned the way a right-to-left form reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

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
