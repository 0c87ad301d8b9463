"""The window's export runs: the export area's buttons and the in-app timer both start them
here, off the GUI thread and one at a time (the service's lock also keeps a run of the Windows
Task Scheduler from overlapping one of ours).

The timer asks whether a scheduled run is due when the database opens — so a run missed while
the PC was off happens at the next start — and again every few minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.models.tracking import SYSTEM, Actor
from desktop.services.export_lock import ExportBusyError
from desktop.services.export_run import RunOutcome, RunStatus, run_export
from desktop.services.export_schedule import export_due
from desktop.views.tasks import TaskHandle, TaskRunner

CHECK_EVERY_MS = 5 * 60 * 1000


class ExportRuns(QObject):
    started = Signal()
    finished = Signal(object)     # the RunOutcome
    failed = Signal(str)          # why the run could not be made, in Persian

    def __init__(self, db: Database, tasks: TaskRunner, parent: QObject | None = None, *,
                 check_every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.db, self.tasks = db, tasks
        self.handle: TaskHandle | None = None
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.run_if_due)

    @property
    def busy(self) -> bool:
        return self.handle is not None

    def start_timer(self) -> None:
        self.run_if_due()
        self.timer.start()

    def stop_timer(self) -> None:
        self.timer.stop()

    def run(self, actor: Actor, *, full: bool = False) -> bool:
        """Send now (the pending batch first), or make and send a full snapshot; False while
        another run of this window is under way."""
        db = self.db
        return self._start(lambda _control: run_export(db, actor=actor, full=full))

    def run_if_due(self) -> None:
        """The timer's check, read off the GUI thread; a due run starts when the answer comes."""
        if self.busy or self._checking:
            return
        self._checking = True
        db = self.db
        self.tasks.run(lambda _control: export_due(db), label="export-due",
                       on_done=self._due_answered, on_error=self._due_unknown)

    def _due_answered(self, due: bool) -> None:
        self._checking = False
        if due and not self.busy:
            db = self.db
            self._start(lambda _control: run_export(db, if_due=True, actor=SYSTEM),
                        scheduled=True)

    def _due_unknown(self, _error: BaseException, _trace: str) -> None:
        self._checking = False     # asked again at the next tick

    def _start(self, work: Callable[[object], RunOutcome], *, scheduled: bool = False) -> bool:
        if self.busy:
            return False
        self.handle = self.tasks.run(
            work, label="export", on_done=self._done,
            on_error=lambda error, _trace: self._failed(error, scheduled))
        self.started.emit()
        return True

    def _done(self, outcome: RunOutcome) -> None:
        self.handle = None
        if outcome.status == RunStatus.NOT_DUE:     # sent meanwhile by the Task Scheduler
            self.finished.emit(None)
            return
        self.finished.emit(outcome)

    def _failed(self, error: BaseException, scheduled: bool) -> None:
        self.handle = None
        if isinstance(error, ExportBusyError) and scheduled:
            self.finished.emit(None)       # another process is sending; nothing to say
            return
        self.failed.emit(error.message if isinstance(error, KarsazError)
                         else tr("The export could not be made. Try again."))
