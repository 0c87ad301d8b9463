"""Child process of the client-list metric: the clients area opened on the database given.

Prints ``painted SECONDS`` when the list's first rows (or, on an empty office, its empty table)
have painted, counted from the moment the area is made (the count of all the rows comes after),
and then ``rss MEGABYTES`` once the list has been counted and scrolled to its middle and its
end (the windows read there stay in its cache).
"""

from __future__ import annotations

import os
import sys
import time


def _rss_megabytes() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not Linux: the peak, which is what was reached with the list open

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from sqlalchemy import select

    from desktop.database import open_database
    from desktop.models.users import Role, User
    from desktop.services.auth import actor_for
    from desktop.views.app import application
    from desktop.views.clients_area import ClientsArea

    app = application(sys.argv[:1])
    db = open_database(sys.argv[1])
    with db.reading() as session:
        admin = actor_for(session.scalars(select(User).where(User.role == Role.ADMIN)).first())

    paints: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                paints.append(time.perf_counter())
            return False

    start = time.perf_counter()
    area = ClientsArea(db, admin)
    watch = PaintWatch()
    area.table.viewport().installEventFilter(watch)
    area.resize(1280, 800)
    area.show()
    while area.model.rowCount() == 0 and area.busy:
        app.processEvents()
    # The first rows are in the model (the count may still be on its way): the paint that
    # shows them. An empty list may not repaint by itself (nothing changed on screen), so the
    # paint is asked for, in both cases alike.
    area.table.viewport().repaint()
    print(f"painted {paints[-1] - start:.6f}", flush=True)
    while area.busy:
        app.processEvents()
    bar = area.table.verticalScrollBar()
    for position in (bar.maximum() // 2, bar.maximum()):
        bar.setValue(position)
        for _ in range(5):
            app.processEvents()
    print(f"rss {_rss_megabytes():.1f} rows {area.model.rowCount()}", flush=True)
    db.dispose()


if __name__ == "__main__":
    main()
