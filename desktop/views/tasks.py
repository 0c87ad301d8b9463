"""The one way long work runs: off the GUI thread, database work one task at a time.

A task is a plain function taking a ``TaskControl`` (desktop/progress.py); it reports progress
and checks for cancellation, and never touches a widget. Its result, error or cancellation
arrives on the GUI thread through Qt's queued signals.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.progress import Cancelled


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class TaskHandle:
    """The GUI's grip on a running task: its signals, and the switch that asks it to stop."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    # The TaskControl protocol, called from the worker thread.
    def report(self, done: int, total: int, text: str = "") -> None:
        self.signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Job(QRunnable):
    def __init__(self, handle: TaskHandle, work: Callable[[TaskHandle], Any]) -> None:
        super().__init__()
        self.handle = handle
        self.work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self.handle.signals
        try:
            result = self.work(self.handle)
        except Cancelled:
            signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI, which shows it in Persian
            signals.failed.emit(exc, traceback.format_exc())
        else:
            signals.finished.emit(result)
        finally:
            self.handle.done.set()


class TaskRunner(QObject):
    """Database tasks queue on one thread (SQLite has one writer); other work may run beside."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database_pool = QThreadPool(self)
        self._database_pool.setMaxThreadCount(1)
        self._handles: set[TaskHandle] = set()

    def run(
        self, work: Callable[[TaskHandle], Any], *, label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        pool: QThreadPool | None = None,
    ) -> TaskHandle:
        handle = TaskHandle(label)
        self._handles.add(handle)
        signals = handle.signals
        if on_progress:
            signals.progress.connect(on_progress)
        if on_done:
            signals.finished.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_cancel:
            signals.cancelled.connect(on_cancel)
        for signal in (signals.finished, signals.failed, signals.cancelled):
            signal.connect(lambda *_: self._handles.discard(handle))
        (pool or self._database_pool).start(_Job(handle, work))
        return handle

    def wait_all(self, msecs: int = 30_000) -> bool:
        return self._database_pool.waitForDone(msecs)
