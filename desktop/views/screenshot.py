"""``karsaz screenshot``: every view and dialog rendered offscreen with demo data, to a PNG."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.errors import KarsazError

DEFAULT_WINDOW = (1280, 800)
SCREENSHOT_TIME = dt.datetime(2024, 10, 6, 9, 0, tzinfo=dt.UTC)  # ۱۵ مهر ۱۴۰۳


def _builders() -> dict[str, tuple[Callable, tuple[int, int] | None]]:
    from desktop.views import shots

    return shots.BUILDERS


def list_views() -> list[str]:
    return sorted(_builders())


@contextlib.contextmanager
def _demo_database() -> Iterator:
    from desktop import clock
    from desktop.database import open_database
    from desktop.services.demo import make_demo_office

    with tempfile.TemporaryDirectory(prefix="karsaz-shot-") as folder:
        db = open_database(data_dir=Path(folder))
        try:
            # The demo's history is counted back from the day the pictures are taken on.
            previous = clock.set_clock(clock.FixedClock(SCREENSHOT_TIME))
            try:
                make_demo_office(db, clients=200, seed=1403)
            finally:
                clock.set_clock(previous)
            yield db
        finally:
            db.dispose()


def render_view(name: str, out: Path, size: tuple[int, int] | None = None,
                db: object | None = None) -> Path:
    """Render view ``name`` into ``out``. Without ``db`` a small demo office is made for it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop import clock
    from desktop.views.app import application

    builders = _builders()
    if name not in builders:
        raise KarsazError("There is no view named {name}.", name=name)
    build, default_size = builders[name]
    app = application()
    previous = clock.set_clock(clock.FixedClock(SCREENSHOT_TIME))
    try:
        with contextlib.ExitStack() as stack:
            database = db if db is not None else stack.enter_context(_demo_database())
            widget = build(database)
            target = size or default_size
            if target:
                widget.resize(*target)
            else:
                widget.adjustSize()
            widget.show()
            for _ in range(5):
                app.processEvents()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not widget.grab().save(str(out), "PNG"):
                raise KarsazError("The picture could not be written to {path}.", path=str(out))
            widget.close()
            widget.deleteLater()
            app.processEvents()
    finally:
        clock.set_clock(previous)
    return out


def render_all(folder: Path, db: object | None = None) -> list[Path]:
    """Every view into ``folder`` as NAME.png, on one demo office (``docs/screenshots``)."""
    with contextlib.ExitStack() as stack:
        database = db if db is not None else stack.enter_context(_demo_database())
        return [render_view(name, folder / f"{name}.png", None, database)
                for name in list_views()]
