"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 does not, and crashes.

Each time a view painted a Python item model that answers None for a role, or a combo box
read back item data that is None, 6.12.0 dropped one reference to None; on Python 3.11 (where
None is not immortal) the count ran out after a few minutes of use and the interpreter
aborted («none_dealloc»). pyproject.toml keeps PySide6 below 6.12 for that reason; this test
fails on a binding that has the fault, so an upgrade cannot bring it back unnoticed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QTableView

ROUNDS = 200


class _Plain(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 8

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def _lost(action) -> int:
    before = sys.getrefcount(None)
    for _ in range(ROUNDS):
        action()
    return before - sys.getrefcount(None)


def test_painting_a_python_model_keeps_none_alive(qtbot, qapp) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(_Plain())
    # Painting creates and frees objects of its own; a fault loses a reference per cell.
    view.resize(600, 400)
    view.show()
    assert _lost(lambda: (view.viewport().repaint(), qapp.processEvents())) < ROUNDS // 2


def test_reading_item_data_keeps_none_alive(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("—", None)
    assert _lost(lambda: combo.itemData(0)) < ROUNDS // 2
