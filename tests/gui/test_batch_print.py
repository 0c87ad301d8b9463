"""Batch printing from the clients list: rows selected together, one form for all of them into
one file with progress and cancel, the clients left out named, the result previewed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from desktop.domain.forms import FormKind
from desktop.progress import NullControl
from desktop.services.client_search import ClientFilter, ClientSort, client_rows
from desktop.views import batch_print, form_printing
from desktop.views.batch_print import client_ids_in, selected_spans
from desktop.views.clients_area import ClientsArea
from tests.gui.client_helpers import case_at, national_code, register
from tests.gui.test_print_from_client import pdf_text, print_folder_files

SURNAME = "یکتاپرست"


def _area(qtbot, db, actor, search: str = "") -> ClientsArea:
    area = ClientsArea(db, actor)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    qtbot.waitExposed(area)
    if search:
        area.search.setText(search)
        area.apply_filters()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    return area


def _select_rows(area: ClientsArea, *spans: tuple[int, int]) -> None:
    """Rows selected as Shift and Ctrl clicks select them."""
    selection = QItemSelection()
    last = area.model.columnCount() - 1
    for first, end in spans:
        selection.select(area.model.index(first, 0), area.model.index(end, last))
    area.table.selectionModel().select(selection,
                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _ids(area: ClientsArea, rows: list[int]) -> list[int]:
    return [area.model.data(area.model.index(r, 0), Qt.ItemDataRole.UserRole) for r in rows]


def test_selected_rows_become_the_clients_of_the_list_in_its_order(qtbot, demo_db, admin,
                                                                   monkeypatch) -> None:
    area = _area(qtbot, demo_db, admin)
    assert not area.print_button.isEnabled()
    _select_rows(area, (3, 20), (30, 33), (18, 22))
    assert area.print_button.isEnabled()
    assert area.selected_label.text() == "۲۴ انتخاب‌شده"
    spans = selected_spans(area.table.selectionModel())
    assert spans == [(3, 22), (30, 33)]   # overlapping selections merged
    monkeypatch.setattr(batch_print, "WINDOW", 7)   # several windows per span
    ids = client_ids_in(demo_db, admin, area.model.filters, area.model.sort_by,
                        area.model.descending, spans, NullControl())
    assert ids == _ids(area, [*range(3, 23), *range(30, 34)])
    assert area.model.loaded_windows == [0]   # the list itself read nothing more
    descending = client_ids_in(demo_db, admin, ClientFilter(), ClientSort.NAME, True,
                               [(0, 1)], NullControl())
    assert descending == [r.id for r in client_rows(demo_db, admin, descending=True,
                                                     limit=2)]


def test_batch_prints_the_chosen_form_and_names_the_clients_left_out(qtbot, demo_db,
                                                                      admin) -> None:
    employed = register(demo_db, admin, national_code("227400001"), "زهرا", SURNAME)
    others = [register(demo_db, admin, national_code(f"22740000{n}"), first, SURNAME)
              for n, first in ((2, "مریم"), (3, "نرگس"))]
    case_at(demo_db, admin, employed.id, "follow_up")
    area = _area(qtbot, demo_db, admin, SURNAME)
    assert area.model.rowCount() == 3
    area.table.selectAll()
    area.print_button.click()
    chooser = area.batch.form_dialog
    assert chooser is not None and chooser.isVisible()
    assert chooser.intro.text() == "برای ۳ مددجوی انتخاب‌شده کدام فرم چاپ شود؟"
    assert [b.text() for b in chooser.buttons.values()] == [k.label for k in FormKind]
    chooser.choose(FormKind.VISIT)
    chooser.print_button.click()
    printing = area.batch.printing
    assert printing.progress is not None and printing.progress.isVisible()
    assert not area.print_button.isEnabled()
    qtbot.waitUntil(lambda: printing.preview is not None and printing.preview.isVisible(),
                    timeout=30_000)
    preview = printing.preview
    assert not printing.progress.isVisible()
    assert preview.windowTitle() == f"{FormKind.VISIT.label} — ۳ مددجو"
    text = pdf_text(preview.path)
    assert employed.national_code in text
    assert all(other.national_code not in text for other in others)
    notice = printing.notice
    assert notice is not None and notice.isVisible()
    assert notice.text().startswith("فرم برای ۲ نفر از مددجویان چاپ نشد:")
    for other in others:
        assert other.full_name in notice.text()
    assert area.print_button.isEnabled()
    preview.close()
    assert print_folder_files() == []


def test_cancelling_a_batch_leaves_no_file_and_the_list_stays_usable(qtbot, demo_db, admin,
                                                                      monkeypatch) -> None:
    # The real service, held at its third client until the cancel button has been pressed:
    # printing is fast enough to finish before a test could press it otherwise.
    held, pressed = threading.Event(), threading.Event()
    real_print_forms = form_printing.print_forms

    class HeldAtThirdClient:
        def __init__(self, control) -> None:
            self.control = control
            self.cancelled = False

        def report(self, done: int, total: int, text: str = "") -> None:
            self.control.report(done, total, text)
            if done == 2:
                held.set()
                assert pressed.wait(30)

        def check_cancelled(self) -> None:
            self.control.check_cancelled()

    monkeypatch.setattr(form_printing, "print_forms",
                        lambda db, actor, ids, kind, path, control: real_print_forms(
                            db, actor, ids, kind, path, HeldAtThirdClient(control)))
    area = _area(qtbot, demo_db, admin)
    area.table.selectAll()
    area.print_button.click()
    area.batch.form_dialog.print_button.click()   # the registration form, chosen first
    printing = area.batch.printing
    progress = printing.progress
    # The GUI thread keeps running while the worker prints: the progress arrives here.
    qtbot.waitUntil(lambda: held.is_set() and progress.bar.value() == 2, timeout=30_000)
    assert progress.bar.maximum() == area.model.rowCount() == 50
    assert progress.text.text().startswith("مددجوی ۳ از ۵۰: ")
    with qtbot.waitSignal(printing.handle.signals.cancelled, timeout=30_000):
        progress.cancel_button.click()
        pressed.set()
    assert not progress.isVisible()
    assert printing.preview is None and not printing.busy
    assert print_folder_files() == []   # neither the PDF nor its half-written temporary
    assert area.print_button.isEnabled()


def test_too_many_clients_at_once_are_refused_before_anything_is_asked(qtbot, demo_db, admin,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(batch_print, "MAX_BATCH", 10)
    area = _area(qtbot, demo_db, admin)
    area.table.selectAll()
    area.print_button.click()
    assert area.batch.form_dialog is None
    notice = area.batch.notice
    assert notice is not None and notice.isVisible()
    assert "۵۰ مددجو انتخاب شده" in notice.text() and "۱۰" in notice.text()
