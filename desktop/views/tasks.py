"""The one way long work runs: off the GUI thread, database work one task at a time.

A task is a plain function taking a ``TaskControl`` (desktop/progress.py); it reports progress
and checks for cancellation, and never touches a widget. Its result, error or cancellation
arrives on the GUI thread.

The workers are Python threads, and nothing a worker produces travels through Qt: it is put in a
Python queue, and the worker only wakes the GUI thread with a signal that carries no arguments.
The GUI thread then takes the news from the queue and emits the task's signals itself. Handing
Python objects to Qt across threads (a QRunnable deleted by its pool on the worker thread,
results queued as ``Signal(object)``) leaves their reference counts to the binding, and a rare
crash of the test suite deep inside unrelated Python code was traced to that road.
"""

from __future__ import annotations

import queue
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.progress import Cancelled


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Mailbox(QObject):
    """Lives on the GUI thread; a worker posts news and rings, the GUI thread delivers."""

    ring = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._news: queue.SimpleQueue[tuple[TaskHandle, str, tuple]] = queue.SimpleQueue()
        self.ring.connect(self.deliver)

    def post(self, handle: TaskHandle, kind: str, args: tuple) -> None:
        self._news.put((handle, kind, args))
        self.ring.emit()

    def deliver(self) -> None:
        while True:
            try:
                handle, kind, args = self._news.get_nowait()
            except queue.Empty:
                return
            getattr(handle.signals, kind).emit(*args)


_mailbox: _Mailbox | None = None


def _the_mailbox() -> _Mailbox:
    """Made on the GUI thread by the first runner, kept for the life of the process (a worker
    may ring after the window that started it has gone)."""
    global _mailbox
    if _mailbox is None:
        _mailbox = _Mailbox()
        app = QCoreApplication.instance()
        if app is not None and _mailbox.thread() is not app.thread():
            _mailbox.moveToThread(app.thread())
    return _mailbox


class TaskHandle:
    """The GUI's grip on a running task: its signals, and the switch that asks it to stop."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    # The TaskControl protocol, called from the worker thread.
    def report(self, done: int, total: int, text: str = "") -> None:
        _the_mailbox().post(self, "progress", (done, total, text))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


def _run(handle: TaskHandle, work: Callable[[TaskHandle], Any], mailbox: _Mailbox) -> None:
    try:
        result = work(handle)
    except Cancelled:
        mailbox.post(handle, "cancelled", ())
    except Exception as exc:  # delivered to the GUI, which shows it in Persian
        mailbox.post(handle, "failed", (exc, traceback.format_exc()))
    else:
        mailbox.post(handle, "finished", (result,))
    finally:
        handle.done.set()


class TaskRunner(QObject):
    """Database tasks queue on one thread (SQLite has one writer); other work may run beside."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mailbox = _the_mailbox()
        self._database = ThreadPoolExecutor(max_workers=1, thread_name_prefix="karsaz-db")
        self._other = ThreadPoolExecutor(max_workers=2, thread_name_prefix="karsaz-work")
        self._futures: set[Future] = set()
        self._futures_lock = threading.Lock()
        self._handles: set[TaskHandle] = set()

    def run(
        self, work: Callable[[TaskHandle], Any], *, label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        beside_database: bool = False,
    ) -> TaskHandle:
        """Starts ``work``; ``beside_database`` runs it on its own thread rather than after the
        database tasks queued before it (work that reads no database: rendering, copying)."""
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
        executor = self._other if beside_database else self._database
        future = executor.submit(_run, handle, work, self._mailbox)
        with self._futures_lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return handle

    def _forget(self, future: Future) -> None:   # on the worker thread
        with self._futures_lock:
            self._futures.discard(future)

    def wait_all(self, msecs: int = 30_000) -> bool:
        """Waits for the tasks started so far to end (their news arrives with the next events);
        False on timeout."""
        with self._futures_lock:
            futures = list(self._futures)
        _, waiting = wait_futures(futures, timeout=msecs / 1000)
        return not waiting

    def shutdown(self) -> None:
        """Lets the worker threads end once their tasks are done (the window is closing)."""
        self._database.shutdown(wait=False)
        self._other.shutdown(wait=False)
