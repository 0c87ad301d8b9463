"""Printed forms: one form, and a batch of 1,000 into one PDF, each against a plain reportlab
canvas drawing the same strings at the same places without shaping (measured in the same run).

Karsaz's figure is what the user waits for: ``print_forms`` reading the clients and their cases
from the office, laying the forms out, shaping every line and writing the PDF. The baseline
replays the strings the Karsaz run drew (recorded from that run) with ``drawString`` in the same
font, page by page, so the ratio is the price of shaping, bidi and the text layer.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from bench.harness import Result, metric
from desktop.actor import Actor
from desktop.database import Database, open_database
from desktop.reports import document, page
from desktop.services.auth import sign_in
from desktop.services.client_search import ClientFilter, ClientSort, client_rows
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.services.printing import print_forms

CLIENTS = 1_000
ONE_RUNS = 15

Drawn = tuple[str, float, float, str, float, str]   # text, x, y, font, size, align


class _Recorder:
    """Wraps the engine's ``draw_text`` to note what each page draws."""

    def __init__(self) -> None:
        self.pages: list[list[Drawn]] = [[]]
        self._originals: dict[object, Callable] = {}

    def __enter__(self) -> _Recorder:
        for module in (page, document):
            original = module.draw_text
            self._originals[module] = original

            def recording(canvas, text, x, y, *, font_name="Vazirmatn", size=10.0,
                          align="right", _original=original):
                self.pages[-1].append((text, x, y, font_name, size, align))
                return _original(canvas, text, x, y, font_name=font_name, size=size,
                                  align=align)

            module.draw_text = recording
        self._show_page = Canvas.showPage

        def show_page(canvas, _original=self._show_page):
            self.pages.append([])
            return _original(canvas)

        Canvas.showPage = show_page
        return self

    def __exit__(self, *exc: object) -> None:
        for module, original in self._originals.items():
            module.draw_text = original
        Canvas.showPage = self._show_page
        if not self.pages[-1]:
            self.pages.pop()


def _plain(pages: list[list[Drawn]], path: Path) -> None:
    canvas = Canvas(str(path), pagesize=(page.PAGE_WIDTH, page.PAGE_HEIGHT), pageCompression=1)
    for drawn in pages:
        for text, x, y, font_name, size, align in drawn:
            canvas.setFont(font_name, size)
            if align == "right":
                canvas.drawRightString(x, y, text)
            elif align == "center":
                canvas.drawCentredString(x, y, text)
            else:
                canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()


def _office(folder: Path) -> tuple[Database, Actor, list[int]]:
    db = open_database(data_dir=folder)
    make_demo_office(db, clients=CLIENTS, seed=1403)
    actor = sign_in(db, "admin", DEMO_PASSWORD)
    rows = client_rows(db, actor, ClientFilter(), sort=ClientSort.NAME, limit=CLIENTS)
    return db, actor, [row.id for row in rows]


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


@metric("forms")
def forms() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-forms-") as tmp:
        folder = Path(tmp)
        db, actor, ids = _office(folder / "office")
        try:
            out = folder / "out.pdf"
            plain = folder / "plain.pdf"
            one = ids[0]
            print_forms(db, actor, [one], "registration", out)      # warm: fonts, caches
            karsaz_one, plain_one = [], []
            for client_id in ids[1:ONE_RUNS + 1]:
                with _Recorder() as recorder:
                    karsaz_one.append(_timed(
                        lambda c=client_id: print_forms(db, actor, [c], "registration", out)))
                plain_one.append(_timed(lambda r=recorder: _plain(r.pages, plain)))
            with _Recorder() as recorder:
                karsaz_batch = _timed(
                    lambda: print_forms(db, actor, ids, "registration", out))
            pages = len(recorder.pages)
            plain_batch = _timed(lambda: _plain(recorder.pages, plain))
        finally:
            db.dispose()
    one_value = statistics.median(karsaz_one) * 1000
    one_base = statistics.median(plain_one) * 1000
    return [
        Result("form_one", "ms", one_value, "plain canvas, same strings, unshaped", one_base,
               goal_value=100, note=f"registration form, median of {ONE_RUNS} clients, read "
                                    "from a SQLite office, laid out, shaped, written"),
        Result("forms_batch_1000", "s", karsaz_batch, "plain canvas, same strings, unshaped",
               plain_batch, goal_value=60,
               note=f"{len(ids):,} registration forms, {pages:,} pages, one PDF"),
    ]
