"""The target-groups tab (گروه‌های هدف): every group the client belongs to (several may apply),
the kind and severity of a disability, and whether the client is hard to employ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.people import DisabilitySeverity, DisabilityType, TargetGroup
from desktop.i18n import tr
from desktop.services.clients import ClientRecord
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.form_errors import FieldErrors


class GroupsTab(QWidget):
    studentGroupChosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.groups_box = QGroupBox(tr("Target groups"), self)
        self.checks: dict[TargetGroup, QCheckBox] = {}
        box_column = QVBoxLayout(self.groups_box)
        box_column.addWidget(QLabel(tr("Tick every group that applies."), self.groups_box))
        for group in TargetGroup:
            check = QCheckBox(group.label, self.groups_box)
            self.checks[group] = check
            box_column.addWidget(check)
        self.disability_box = QGroupBox(tr("Disability"), self)
        self.disability_type = choice_combo(DisabilityType.choices(), self)
        self.disability_severity = choice_combo(DisabilitySeverity.choices(), self)
        disability_form = QFormLayout(self.disability_box)
        disability_form.addRow(tr("Kind of disability"),
                               self.errors.wrap("disability_type", self.disability_type))
        disability_form.addRow(tr("Severity"),
                               self.errors.wrap("disability_severity", self.disability_severity))
        self.hard_to_employ = QCheckBox(tr("Hard to employ"), self)
        side = QVBoxLayout()
        side.addWidget(self.disability_box)
        side.addWidget(self.errors.wrap("hard_to_employ", self.hard_to_employ))
        side.addStretch(1)
        groups_column = QVBoxLayout()
        groups_column.addWidget(self.errors.wrap("target_groups", self.groups_box))
        groups_column.addStretch(1)
        row = QHBoxLayout(self)  # the groups on the right, where reading starts
        row.addLayout(groups_column, 1)
        row.addLayout(side, 1)
        chain_tab_order(self.fields())
        self._read_only = False
        self.checks[TargetGroup.DISABILITY].toggled.connect(self._disability_toggled)
        self.checks[TargetGroup.STUDENT].toggled.connect(self.studentGroupChosen.emit)
        self._disability_toggled()

    def fields(self) -> list[QWidget]:
        return [*self.checks.values(), self.disability_type, self.disability_severity,
                self.hard_to_employ]

    def _disability_toggled(self) -> None:
        # The kind and severity matter only for a person with disability, and are required then.
        on = self.checks[TargetGroup.DISABILITY].isChecked()
        self.disability_box.setEnabled(on and not self._read_only)

    def load(self, client: ClientRecord | None) -> None:
        chosen = set(client.target_groups) if client else set()
        for group, check in self.checks.items():
            check.setChecked(group in chosen)
        select_data(self.disability_type, client.disability_type if client else None)
        select_data(self.disability_severity, client.disability_severity if client else None)
        self.hard_to_employ.setChecked(bool(client and client.hard_to_employ))
        self._disability_toggled()
        self.errors.clear()

    def values(self) -> dict[str, object]:
        disabled = self.checks[TargetGroup.DISABILITY].isChecked()
        return dict(
            target_groups=frozenset(g.value for g, c in self.checks.items() if c.isChecked()),
            disability_type=combo_value(self.disability_type) if disabled else None,
            disability_severity=combo_value(self.disability_severity) if disabled else None,
            hard_to_employ=self.hard_to_employ.isChecked())

    def state(self) -> tuple[object, ...]:
        return (tuple(c.isChecked() for c in self.checks.values()),
                self.disability_type.currentIndex(), self.disability_severity.currentIndex(),
                self.hard_to_employ.isChecked())

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        for check in (*self.checks.values(), self.hard_to_employ):
            check.setEnabled(not read_only)
        self._disability_toggled()
