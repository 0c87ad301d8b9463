"""«گروه جدید» in the women's groups area: a mutual-help group or a cooperative (its registration
if it has one) and, if already known, its shared business, in one step.

The group's details stand on the right, the business on the left; each refusal of the service
shows beside its field, and nothing is saved until both are right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.cases import assignable_facilitators
from desktop.services.office import get_office
from desktop.services.women_groups import WomenGroupRecord, create_women_group
from desktop.views.business_fields import BusinessFields
from desktop.views.widgets.field_error import FieldError
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.form_errors import show_in_parts
from desktop.views.women_group_fields import WomenGroupFields


class NewWomenGroupDialog(QDialog):
    created = Signal(int)     # the new group's id

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.group: WomenGroupRecord | None = None
        self.setWindowTitle(tr("New mutual-help group or cooperative"))
        office = get_office(db)
        self.fields = WomenGroupFields(office.province_code, office.county_code,
                                       assignable_facilitators(db, actor), self)
        self.fields.load(None)
        self.business = BusinessFields(self)
        self.business.load(None)
        group_box = QGroupBox(tr("The group"), self)
        QVBoxLayout(group_box).addWidget(self.fields)
        business_box = QGroupBox(tr("The shared business"), self)
        business_column = QVBoxLayout(business_box)
        note = QLabel(tr("Leave it empty if the group has not chosen its business yet; it can "
                         "be described later on the group's form."), self)
        note.setObjectName("areaNote")
        note.setWordWrap(True)
        business_column.addWidget(note)
        business_column.addWidget(self.business)
        business_column.addStretch(1)
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
        boxes.addWidget(business_box, 1)
        column = QVBoxLayout(self)
        column.addLayout(boxes, 1)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        chain_tab_order([*self.fields.focus_chain, *self.business.focus_chain, self.save_button,
                         cancel])
        self.fields.kind.setFocus()

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        show_in_parts([self.fields.errors, self.business.errors], errors, self.message, general)

    def save(self) -> None:
        with_business = not self.business.is_empty()
        local = {**self.fields.local_errors(),
                 **(self.business.local_errors() if with_business else {})}
        if local:
            self.show_errors(local)
            return
        try:
            self.group = create_women_group(
                self.db, self.actor, self.fields.value(),
                self.business.value() if with_business else None)
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
