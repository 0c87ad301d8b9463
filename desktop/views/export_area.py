"""The area «ارسال به سامانه ملی»: every batch sent to headquarters with what became of it, the
schedule, and the buttons to send now, send a failed batch again, make a full snapshot, open the
folder of kept packages and save the office's public key for headquarters.

Runs go through the window's ExportRuns (off the GUI thread, one at a time); the list is read
again after every run, whichever started it — a button here or the in-app timer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.export_batches import PENDING, BatchInfo, batch_history, exports_folder
from desktop.services.export_keys import load_or_make_signing_key, private_key_path, public_pem
from desktop.services.export_run import RunOutcome, RunStatus
from desktop.services.export_schedule import get_schedule, next_export_at
from desktop.views.export_runs import ExportRuns
from desktop.views.export_schedule_dialog import ExportScheduleDialog
from desktop.views.export_words import COLUMNS, WIDTHS, batch_detail, moment, schedule_text
from desktop.views.questions import ask
from desktop.views.record_table import RecordTableModel, select_row, set_up_list
from desktop.views.tasks import TaskRunner

FAILED_COLOUR, SENT_COLOUR = "#b42318", "#14532d"


class ExportArea(QWidget):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None, *, runs: ExportRuns | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self.runs = runs or ExportRuns(db, self.tasks, self)
        self.may_export = can(actor, Permission.EXPORT)
        self._pending = 0
        self._waiting = False         # a batch made, sent or failed waits to be sent again
        self._shown_once = False
        self.dialog: ExportScheduleDialog | None = None
        self.notice: QMessageBox | None = None
        self.schedule_label = QLabel(self)
        self.schedule_label.setObjectName("areaNote")
        self.schedule_label.setWordWrap(True)
        self.next_label = QLabel(self)
        self.next_label.setObjectName("areaNote")
        self.schedule_button = QPushButton(tr("Schedule…") if self.may_export
                                           else tr("See the schedule"), self)
        self.schedule_button.clicked.connect(self.open_schedule)
        self.send_button = self._button(tr("Send now"), self.send_now, primary=True)
        self.resend_button = self._button(tr("Send again"), self.send_now)
        self.full_button = self._button(tr("Make a full snapshot"), self.ask_full)
        self.folder_button = self._button(tr("Open the folder"), self.open_folder)
        self.key_button = self._button(tr("Save the public key"), self.save_public_key)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.model = RecordTableModel(COLUMNS)
        self.table = QTableView(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._table()
        self._layout()
        self.runs.started.connect(self._run_started)
        self.runs.finished.connect(self._run_finished)
        self.runs.failed.connect(self._run_failed)
        self._set_busy(self.runs.busy)
        self.refresh()

    def _button(self, text: str, action, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(action)
        button.setVisible(self.may_export)
        return button

    def _table(self) -> None:
        table = self.table
        set_up_list(table, self.model, WIDTHS)
        table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

    def _layout(self) -> None:
        title = QLabel(tr("Send to the national system"), self)
        title.setObjectName("areaTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.schedule_button)
        actions = QHBoxLayout()
        for button in (self.send_button, self.resend_button, self.full_button,
                       self.folder_button, self.key_button):
            actions.addWidget(button)
        actions.addStretch(1)
        running = QHBoxLayout()
        running.addWidget(self.busy_bar)
        running.addWidget(self.outcome, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.schedule_label)
        layout.addWidget(self.next_label)
        layout.addLayout(actions)
        layout.addLayout(running)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    # --- reading ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0 or self.runs.busy

    def refresh(self) -> None:
        """Read the batches and the schedule again, off the GUI thread."""
        db = self.db

        def read(_control: object):
            return batch_history(db), get_schedule(db), next_export_at(db)

        self._pending += 1
        self.tasks.run(read, label="export-history", on_done=self._loaded,
                       on_error=self._read_failed)

    def _loaded(self, result) -> None:
        self._pending -= 1
        batches, schedule, upcoming = result
        chosen = self.current_batch()
        self.model.set_rows(batches)
        ids = [batch.id for batch in batches]
        if chosen is not None and chosen.id in ids:
            select_row(self.table, ids.index(chosen.id))
        self._show_detail()
        self.schedule_label.setText(schedule_text(schedule))
        self.next_label.setText(tr("Next export: {when}", when=moment(upcoming))
                                if upcoming else tr("Not scheduled"))
        self.next_label.setVisible(schedule is not None)
        self._waiting = any(batch.status in PENDING for batch in batches)
        self.resend_button.setEnabled(self._waiting and not self.runs.busy)

    def _read_failed(self, error: BaseException, _trace: str) -> None:
        self._pending -= 1
        self._say(error.message if isinstance(error, KarsazError)
                  else tr("The list could not be read. Try again."), failed=True)

    def current_batch(self) -> BatchInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _show_detail(self) -> None:
        """The chosen batch, else the newest: a failure's reason is read without a click."""
        batch = self.current_batch() or (self.model.record(0) if self.model.rowCount() else None)
        self.detail.setText(batch_detail(batch) if batch else tr("Nothing has been sent yet."))
        failed = batch is not None and batch.status == "failed"
        self.detail.setStyleSheet(f"color: {FAILED_COLOUR};" if failed else "")

    # --- running ---------------------------------------------------------------------------
    def send_now(self) -> None:
        """Send every change since the last acknowledged batch; a failed batch goes first."""
        if get_schedule(self.db) is None:
            self._say(tr("Choose where packages go first."), failed=True)
            self.open_schedule()
            return
        self.runs.run(self.actor)

    def ask_full(self) -> None:
        self.notice = ask(self, tr("Make a full snapshot"), tr(
            "A full snapshot carries every record of the office, not only what changed, and "
            "replaces a batch still waiting to be sent. Headquarters asks for one when its "
            "copy must be rebuilt. Make and send it now?"),
            ((tr("Make and send"), QMessageBox.ButtonRole.AcceptRole, self.send_full),
             (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)))

    def send_full(self) -> None:
        if get_schedule(self.db) is None:
            self._say(tr("Choose where packages go first."), failed=True)
            self.open_schedule()
            return
        self.runs.run(self.actor, full=True)

    def _run_started(self) -> None:
        self._set_busy(True)
        self._say(tr("Sending to headquarters…"))

    def _run_finished(self, outcome: RunOutcome | None) -> None:
        self._set_busy(False)
        if outcome is not None:
            self._say(outcome.message, failed=outcome.status == RunStatus.FAILED,
                      sent=outcome.status == RunStatus.SENT)
        self.refresh()

    def _run_failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, failed=True)
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.send_button.setEnabled(not busy)
        self.full_button.setEnabled(not busy)
        self.resend_button.setEnabled(self._waiting and not busy)

    def _say(self, message: str, *, failed: bool = False, sent: bool = False) -> None:
        colour = FAILED_COLOUR if failed else SENT_COLOUR if sent else ""
        self.outcome.setStyleSheet(f"color: {colour};" if colour else "")
        self.outcome.setText(message)

    # --- the schedule, the folder, the key -------------------------------------------------
    def open_schedule(self) -> None:
        self.dialog = ExportScheduleDialog(self.db, self.actor, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def open_folder(self) -> None:
        folder = exports_folder(self.db)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def save_public_key(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save the public key"),
                                              str(Path.home() / "karsaz-office-key.pem"),
                                              tr("Public key (*.pem)"))
        if name:
            self.write_public_key(Path(name))

    def write_public_key(self, path: Path) -> None:
        """The office's public key (made now if this is the first time), for headquarters to
        check the packages' signatures with."""
        try:
            path.write_bytes(public_pem(load_or_make_signing_key(private_key_path(self.db))))
        except OSError as error:
            self._say(tr("The key could not be saved: {reason}",
                         reason=error.strerror or str(error)), failed=True)
            return
        self._say(tr("The office's public key is in {path}.", path=str(path)), sent=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.refresh()
        self._shown_once = True
