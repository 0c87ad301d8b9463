"""The employment pathway as a strip read right to left: reached stages filled, with dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.domain.pathway import PATHWAY, CaseStatus, Stage
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr

STATES = ("ahead", "reached", "skipped", "current", "closed")


class PathwayStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: dict[Stage, QLabel] = {}
        row = QHBoxLayout(self)  # in a right-to-left window the first stage stands on the right
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for number, stage in enumerate(PATHWAY, start=1):
            if number > 1:
                arrow = QLabel("←", self)  # forward, in right-to-left reading
                arrow.setObjectName("pathwayArrow")
                row.addWidget(arrow)
            step = QLabel(self)
            step.setObjectName("pathwayStep")
            step.setAlignment(Qt.AlignmentFlag.AlignCenter)
            step.setWordWrap(True)
            step.setMinimumWidth(96)
            step.setProperty("number", number)
            self.steps[stage] = step
            row.addWidget(step, 1)
        self.show_case(None, {}, None)

    def state_of(self, stage: Stage) -> str:
        return str(self.steps[stage].property("state"))

    def show_case(self, current: Stage | None, reached_on: dict[Stage, dt.date],
                  status: str | None) -> None:
        """``reached_on``: the date each stage was reached (from the case's events)."""
        for stage, step in self.steps.items():
            if current is None or stage.order > current.order:
                state = "ahead"
            elif stage is current:
                state = "closed" if status == CaseStatus.CLOSED else "current"
            elif stage in reached_on:
                state = "reached"
            else:
                state = "skipped"
            when = reached_on.get(stage)
            lines = [f"{to_persian_digits(step.property('number'))}. {stage.label}"]
            if when is not None and state != "ahead":
                lines.append(format_jalali(when))
            elif state == "skipped":
                lines.append(tr("passed over"))
            step.setText("\n".join(lines))
            step.setProperty("state", state)
            step.style().unpolish(step)
            step.style().polish(step)
