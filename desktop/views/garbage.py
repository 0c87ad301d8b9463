"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate, and frees there every
object waiting in a reference cycle. A worker printing a thousand forms allocates a great deal;
had a closed dialog been waiting in a cycle, its widgets would be destroyed on the worker thread,
and Qt objects destroyed off their thread crash the process (a GUI test did, printing in a
worker). So automatic collection is off while the application runs, and a timer on the GUI
thread collects each generation once its count passes the usual threshold, as Anki and
qutebrowser do.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counts have passed their thresholds, youngest first."""
        for generation, threshold in enumerate(self.thresholds):
            if gc.get_count()[generation] <= threshold:
                return
            gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> GarbageCollector:
    """Switch automatic collection off and collect from ``app``'s thread (once per app)."""
    collector = app.findChild(GarbageCollector)
    if collector is None:
        collector = GarbageCollector(app)
    gc.disable()
    return collector
