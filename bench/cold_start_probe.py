"""Child process of the cold-start metric.

``--bare``: an empty QMainWindow (the baseline); prints ``painted`` at its first paint.
Otherwise Karsaz starting as ``karsaz gui`` does on the database URL given: prints ``painted``
when the main window first paints, then ``ready`` when the database is open and the sign-in
form accepts input.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    painted = []

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    bare = sys.argv[1] == "--bare"
    if bare:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
    else:
        from desktop.views.app import application
        from desktop.views.main_window import MainWindow

        app = application(sys.argv[:1])
        window = MainWindow()
    window.resize(1280, 800)
    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    while not painted:
        app.processEvents()
    print("painted", flush=True)
    if not bare:
        window.open_database(sys.argv[1], None)
        app.processEvents()
        if not window.sign_in.sign_in_button.isEnabled():
            raise SystemExit("the sign-in form did not come alive")
        print("ready", flush=True)


if __name__ == "__main__":
    main()
