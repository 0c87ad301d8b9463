"""The filters of the clients list: county, target group, stage, facilitator, program.

Each box's first entry («همهٔ …») leaves the list unfiltered; the choices come from the
reference list and the services, never typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from desktop import reference
from desktop.database import Database
from desktop.domain.pathway import CaseStatus, Stage
from desktop.domain.people import TargetGroup
from desktop.fa.collate import sort_key
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.case_access import sees_every_client
from desktop.services.cases import assignable_facilitators
from desktop.services.client_search import CLOSED, NO_CASE, ClientFilter
from desktop.services.office import get_office
from desktop.services.programs import list_programs


def _filter_combo(parent: QWidget, everything: str, choices: list[tuple[object, str]]
                  ) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(everything, None)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setToolTip(everything)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class ClientFilterBar(QWidget):
    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        office = get_office(db)
        # The office's own county first, then the rest of its province in Persian order.
        counties = sorted(reference.counties(office.province_code),
                          key=lambda c: (c.code != office.county_code, sort_key(c.name_fa)))
        self.county = _filter_combo(self, tr("All counties"),
                                    [(c.code, c.name_fa) for c in counties])
        self.target_group = _filter_combo(self, tr("All target groups"),
                                          list(TargetGroup.choices()))
        self.stage = _filter_combo(self, tr("All stages"), [
            *Stage.choices(), (CLOSED, CaseStatus.CLOSED.label), (NO_CASE, tr("No case"))])
        self.facilitator = _filter_combo(self, tr("All facilitators"), [
            (f.id, f.full_name) for f in assignable_facilitators(db, actor)])
        # A facilitator's list holds their own clients only: there is nobody else to choose.
        self.facilitator.setVisible(sees_every_client(actor))
        self.program = _filter_combo(self, tr("All programs"), [
            (p.id, p.name) for p in list_programs(db, actor)])
        # Program names are long: the box stays narrow, its list opens wide enough to read.
        self.program.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.program.setMinimumContentsLength(16)
        self.program.view().setMinimumWidth(self.program.view().sizeHintForColumn(0) + 24)
        self.combos = (self.county, self.target_group, self.stage, self.facilitator,
                       self.program)
        self.clear_button = QPushButton(tr("Clear filters"), self)
        layout = QHBoxLayout(self)  # right to left: the county stands on the right
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos:
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    @property
    def focus_chain(self) -> list[QWidget]:
        return [*self.combos, self.clear_button]

    def filter_for(self, text: str) -> ClientFilter:
        return ClientFilter(text=text, county_code=self.county.currentData(),
                            target_group=self.target_group.currentData(),
                            stage=self.stage.currentData(),
                            facilitator_id=self.facilitator.currentData(),
                            program_id=self.program.currentData())

    def reset(self) -> None:
        """Every box back to «همه», saying so once."""
        for combo in self.combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()
