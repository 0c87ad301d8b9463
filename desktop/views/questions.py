"""A question put to the user without blocking: the answer's button runs what it stands for.

The box is opened window-modal (``open``), never ``exec``: the form keeps running, tests answer
it like a person would, and a box is never left waiting in a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

Answer = tuple[str, QMessageBox.ButtonRole, Callable[[], None] | None]


def ask(parent: QWidget, title: str, text: str, answers: Sequence[Answer], *,
        icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    for label, role, action in answers:
        button = box.addButton(label, role)
        if action is not None:
            button.clicked.connect(action)
    box.open()
    return box
