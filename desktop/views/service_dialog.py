"""The base of the small dialogs that record one thing through one service call.

Save calls ``submit``; a ValidationError shows each message beside its field and keeps the
dialog open; a ConflictError (someone else saved first) closes it and tells the owner, who
reloads; nothing is ever half-saved because the service runs in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ConflictError, KarsazError
from desktop.i18n import tr
from desktop.views.widgets.fields import chain_tab_order
from desktop.views.widgets.form_errors import FieldErrors


class ServiceDialog(QDialog):
    saved = Signal(object)      # what the service returned
    conflicted = Signal(str)    # the Persian message; the owner shows it and reloads

    def __init__(self, parent: QWidget | None, title: str, *, save_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.errors = FieldErrors(self)
        self.rows: dict[str, QWidget] = {}
        self.intro = QLabel(self)
        self.intro.setObjectName("dialogIntro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            save_text or tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(
            tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        self.save_button.setObjectName("primary")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.result_record: object = None

    def showEvent(self, event: QShowEvent) -> None:
        # Tab follows the rows as they read, top to bottom, then Save and Cancel; rows that
        # come and go (the job's, a course's) keep their place.
        chain = [self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                 for row in range(self.form.rowCount())
                 if self.form.itemAt(row, QFormLayout.ItemRole.FieldRole) is not None]
        chain_tab_order([w for w in chain if w is not None]
                        + [self.save_button, self.cancel_button])
        super().showEvent(event)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(self, label: str, name: str, field: QWidget) -> QWidget:
        """A labelled row whose messages come from the service's field ``name``."""
        self.rows[name] = self.errors.wrap(name, field)
        self.form.addRow(label, self.rows[name])
        return field

    def show_row(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self.rows[name], visible)

    def local_errors(self) -> dict[str, str]:
        """Messages found before asking the service (a date or amount that does not parse)."""
        return {}

    def submit(self) -> object:
        raise NotImplementedError

    def save(self) -> None:
        local = self.local_errors()
        if local:
            self.errors.show(local)
            return
        try:
            self.result_record = self.submit()
        except ConflictError as error:
            self.reject()
            self.conflicted.emit(error.message)
            return
        except KarsazError as error:
            self.errors.show_error(error)
            return
        self.errors.clear()
        self.accept()
        self.saved.emit(self.result_record)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves to the next field as on paper; only the Save button saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)
