"""Ticking members of a group: who attended a training (and who earned its certificate), who
was present at a meeting. Members who have left are listed last, in grey."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QScrollArea, QWidget

from desktop.i18n import tr
from desktop.services.women_members import WomenMemberRecord
from desktop.views.women_words import LEFT_COLOUR


class MemberChecklist(QScrollArea):
    def __init__(self, members: Sequence[WomenMemberRecord], parent: QWidget | None = None, *,
                 ticks: Sequence[str]) -> None:
        """One row per member, one box per tick (its header in ``ticks``)."""
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumHeight(140)
        panel = QWidget(self)
        grid = QGridLayout(panel)
        self.boxes: dict[int, list[QCheckBox]] = {}
        for column, header in enumerate(ticks, start=1):
            grid.addWidget(QLabel(header, panel), 0, column)
        for row, member in enumerate(members, start=1):
            name = QLabel(member.full_name, panel)
            if member.left_on is not None:
                name.setStyleSheet(f"color: {LEFT_COLOUR};")
                name.setToolTip(tr("Left the group"))
            grid.addWidget(name, row, 0)
            self.boxes[member.id] = []
            for column in range(1, len(ticks) + 1):
                box = QCheckBox(panel)
                box.setAccessibleName(f"{member.full_name} — {ticks[column - 1]}")
                grid.addWidget(box, row, column)
                self.boxes[member.id].append(box)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(members) + 1, 1)
        self.setWidget(panel)

    def tick(self, member_ids: Iterable[int], column: int = 0) -> None:
        for member_id in member_ids:
            if member_id in self.boxes:
                self.boxes[member_id][column].setChecked(True)

    def ticked(self, column: int = 0) -> tuple[int, ...]:
        return tuple(member_id for member_id, boxes in self.boxes.items()
                     if boxes[column].isChecked())
