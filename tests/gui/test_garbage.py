"""Cycles are collected on the GUI thread, never on a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from desktop.views.garbage import GarbageCollector

freed_on: list[int] = []   # thread ids


class Cyclic(QObject):
    """A Qt object in a reference cycle that records the thread that frees it."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self

    def __del__(self) -> None:
        freed_on.append(threading.get_ident())


def test_a_worker_allocating_frees_nothing_the_gui_thread_collects_it(qtbot, karsaz_app) -> None:
    assert not gc.isenabled()
    assert len(karsaz_app.findChildren(GarbageCollector)) == 1   # one however often configured
    freed_on.clear()
    cyclic = Cyclic()
    alive = weakref.ref(cyclic)
    del cyclic

    kept: list[list] = []

    def allocate() -> None:   # objects kept: the youngest generation's count passes its threshold
        kept.extend([] for _ in range(gc.get_threshold()[0] * 3))

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert alive() is not None and freed_on == []
    qtbot.waitUntil(lambda: alive() is None, timeout=5000)
    assert freed_on == [threading.get_ident()]
