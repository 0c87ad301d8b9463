"""«گروه جدید»: a micro-finance group and the rules of its first cycle, in one step.

The group's details stand on the right, the cycle's rules on the left; each refusal of the
service shows beside its field, and nothing is saved until both are right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.cases import assignable_facilitators
from desktop.services.groups import GroupRecord, create_group
from desktop.services.office import get_office
from desktop.views.cycle_rules_fields import DEFAULT_RULES, CycleRulesFields
from desktop.views.group_fields import GroupFields
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.form_errors import show_in_parts


class NewGroupDialog(QDialog):
    created = Signal(int)     # the new group's id

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.group: GroupRecord | None = None
        self.setWindowTitle(tr("New micro-finance group"))
        office = get_office(db)
        self.fields = GroupFields(office.province_code, office.county_code,
                                  assignable_facilitators(db, actor), self)
        self.fields.load(None)
        self.rules = CycleRulesFields(self)
        self.rules.load(DEFAULT_RULES, today())
        self._formed = self.fields.formed_on.date()
        self.fields.formed_on.dateChanged.connect(self._cycle_follows_formation)
        group_box = QGroupBox(tr("The group"), self)
        QVBoxLayout(group_box).addWidget(self.fields)
        cycle_box = QGroupBox(tr("Rules of the first cycle"), self)
        cycle_column = QVBoxLayout(cycle_box)
        cycle_column.addWidget(self.rules)
        cycle_column.addStretch(1)
        self.message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            tr("Set up the group"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        cancel = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        boxes = QHBoxLayout()
        boxes.addWidget(group_box, 1)
        boxes.addWidget(cycle_box, 1)
        column = QVBoxLayout(self)
        column.addLayout(boxes, 1)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        chain_tab_order([*self.fields.focus_chain, *self.rules.focus_chain, self.save_button,
                         cancel])
        self.fields.name.setFocus()

    def _cycle_follows_formation(self, formed_on) -> None:
        # The first cycle usually starts the day the group is formed: it follows the formation
        # date until another start is typed, and never starts before it.
        start = self.rules.starts_on.date()
        if formed_on is not None and (start is None or start == self._formed
                                      or start < formed_on):
            self.rules.start_on(formed_on)
        self._formed = formed_on

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        show_in_parts([self.fields.errors, self.rules.errors], errors, self.message, general)

    def save(self) -> None:
        local = {**self.fields.local_errors(), **self.rules.local_errors()}
        if local:
            self.show_errors(local)
            return
        try:
            self.group = create_group(self.db, self.actor, self.fields.value(),
                                      self.rules.value())
        except KarsazError as error:
            errors = dict(getattr(error, "errors", {}) or {})
            if not errors and error.field:
                errors = {error.field: error.message}
            self.show_errors(errors, error.message)
            return
        self.accept()
        self.created.emit(self.group.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves to the next field as on paper; only the button sets the group up.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)
