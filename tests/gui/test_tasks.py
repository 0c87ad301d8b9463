"""The task runner: work off the GUI thread, results and progress on it, cancel that works."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from desktop.progress import TaskControl
from desktop.views.progress_dialog import ProgressDialog
from desktop.views.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot) -> None:
    runner = TaskRunner()
    gui_thread = QApplication.instance().thread()
    seen: dict[str, object] = {"progress_threads": set()}
    release = threading.Event()

    def work(control: TaskControl) -> int:
        seen["worker"] = threading.get_ident()
        for step in range(1, 4):
            control.report(step, 3, "")
        release.wait(5)
        return 42

    def on_progress(done: int, total: int, text: str) -> None:
        seen["progress_threads"].add(QThread.currentThread() is gui_thread)
        seen["last"] = (done, total)

    results: list[object] = []
    with qtbot.waitSignal(runner.run(work, on_progress=on_progress,
                                     on_done=results.append).signals.finished, timeout=5000):
        # The GUI thread is free while the worker waits: prove it by handling events here.
        qtbot.waitUntil(lambda: seen.get("last") == (3, 3), timeout=5000)
        release.set()
    assert results == [42]
    assert seen["worker"] != threading.get_ident()
    assert seen["progress_threads"] == {True}


def test_database_tasks_run_one_at_a_time(qtbot) -> None:
    runner = TaskRunner()
    running = []
    overlap = []

    def work(control: TaskControl) -> None:
        running.append(1)
        overlap.append(len(running))
        threading.Event().wait(0.05)
        running.pop()

    handles = [runner.run(work) for _ in range(3)]
    with qtbot.waitSignals([h.signals.finished for h in handles], timeout=5000):
        pass
    assert overlap == [1, 1, 1]


def test_cancel_stops_the_task_and_the_dialog_closes(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(control: TaskControl) -> None:
        started.set()
        for _ in range(10_000):
            control.check_cancelled()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    handle = runner.run(work)
    dialog = ProgressDialog(handle, "کار طولانی")
    qtbot.addWidget(dialog)
    dialog.show()
    assert started.wait(5)
    with qtbot.waitSignal(handle.signals.cancelled, timeout=5000):
        dialog.cancel_button.click()
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_errors_arrive_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()

    def work(control: TaskControl) -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(runner.run(work).signals.failed, timeout=5000) as failed:
        pass
    assert isinstance(failed.args[0], ValueError)
    assert "boom" in failed.args[1]
