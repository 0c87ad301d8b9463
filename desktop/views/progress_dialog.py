"""A modal progress window for a running task, with a cancel button that really cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.views.tasks import TaskHandle


class ProgressDialog(QDialog):
    def __init__(self, handle: TaskHandle, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        self.text = QLabel(tr("Starting…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        signals = handle.signals
        signals.progress.connect(self._progress)
        for signal in (signals.finished, signals.failed, signals.cancelled):
            signal.connect(self.accept)

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            percent = to_persian_digits(done * 100 // total)
            self.bar.setFormat(f"٪{percent}")
        self.text.setText(text or tr("{done} of {total}", done=done, total=total))

    def _cancel(self) -> None:
        self.handle.cancel()
        self.cancel_button.setEnabled(False)
        self.text.setText(tr("Cancelling…"))

    def reject(self) -> None:  # Escape or the window's close button cancel too
        self._cancel()
