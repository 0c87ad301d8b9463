"""The preview of printed forms: real PDFs from the printing service, every page counted in
Persian, saved as a copy, printed onto a PDF printer, the temporary file gone on closing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPageRanges, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.models.tracking import Actor
from desktop.progress import Cancelled, NullControl
from desktop.services.client_search import client_rows
from desktop.services.printing import PrintResult, print_forms
from desktop.views.form_preview_dialog import FormPreviewDialog
from desktop.views.print_pages import pages_chosen, paint_pages


def _printed(db: Database, actor: Actor, folder: Path, clients: int = 1) -> PrintResult:
    # The assessment sheet's two pages differ in every part, which the tests that tell
    # printed pages apart need (two registration forms differ only in their names).
    ids = [row.id for row in client_rows(db, actor, limit=clients)]
    return print_forms(db, actor, ids, FormKind.ASSESSMENT, folder / "forms.pdf")


@pytest.fixture
def forms(demo_db: Database, admin: Actor, tmp_path: Path) -> PrintResult:
    """The two-page assessment sheet of a demo client."""
    return _printed(demo_db, admin, tmp_path)


def _preview(qtbot, path: Path, **kwargs) -> FormPreviewDialog:
    dialog = FormPreviewDialog(path, title="فرم ثبت‌نام", file_name="فرم ثبت‌نام.pdf", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _grey(image: QImage, width: int = 60) -> np.ndarray:
    """The picture shrunk to ``width`` columns, as grey levels from 0 (black) to 1 (white)."""
    small = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation) \
        .convertToFormat(QImage.Format.Format_Grayscale8)
    rows = [np.frombuffer(small.constScanLine(y), dtype=np.uint8, count=small.width())
            for y in range(small.height())]
    return np.array(rows, dtype=float) / 255


def _page(document: QPdfDocument, page: int, width: int = 300) -> QImage:
    points = document.pagePointSize(page)
    image = document.render(page, QSize(width, round(width * points.height() / points.width())))
    on_white = QImage(image.size(), QImage.Format.Format_RGB32)
    on_white.fill(0xFFFFFF)
    painter = QPainter(on_white)
    painter.drawImage(0, 0, image)
    painter.end()
    return on_white


def test_every_page_is_counted_in_persian_and_followed_while_scrolling(qtbot, forms) -> None:
    assert forms.pages >= 2
    dialog = _preview(qtbot, forms.path)
    assert dialog.page_count == forms.pages
    persian = str(forms.pages).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert dialog.page_label.text() == f"صفحه ۱ از {persian}"
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.current_page == forms.pages - 1)
    assert dialog.page_label.text() == f"صفحه {persian} از {persian}"


def _shown_sheet(qtbot, dialog: FormPreviewDialog) -> QImage:
    """What the view shows of the first page, cut to the white sheet."""

    def shown() -> QImage:
        return dialog.view.viewport().grab().toImage()

    # Pages arrive from QPdfView's renderer thread: wait for the words on them.
    qtbot.waitUntil(lambda: (_grey(shown(), 300) < 0.8).mean() > 0.03)
    screen = shown()
    grey = _grey(screen, screen.width())
    columns = np.where(grey.mean(axis=0) > 0.8)[0]
    top = int(np.argmax(grey.mean(axis=1) > 0.8))
    return screen.copy(int(columns[0]), top, int(columns[-1] - columns[0] + 1),
                       screen.height() - top)


def _likeness(first: QImage, second: QImage) -> float:
    """Correlation of two pictures compared small: a pixel or two of offset does not count."""
    return float(np.corrcoef(_grey(first, 80).ravel(), _grey(second, 80).ravel())[0, 1])


def test_pages_are_not_mirrored_under_right_to_left(qtbot, forms) -> None:
    """The view shows the page as it is printed: the QR code left, the letterhead right."""
    dialog = _preview(qtbot, forms.path)
    dialog.resize(700, 900)
    sheet = _shown_sheet(qtbot, dialog)
    page = _page(dialog.document, 0, sheet.width()).copy(0, 0, sheet.width(), sheet.height())
    mirrored = page.flipped(Qt.Orientation.Horizontal)
    assert _likeness(sheet, page) > 0.9
    assert _likeness(sheet, mirrored) < _likeness(sheet, page) - 0.3


def test_zooming_starts_at_the_right_edge_where_persian_begins(qtbot, forms) -> None:
    """Zoomed in, the page shows from its right edge and the scroll bar stands at that end.
    (Under a right-to-left QPdfView the bar and the page would move in opposite ways.)"""
    dialog = _preview(qtbot, forms.path)
    dialog.resize(700, 900)
    before = dialog.zoom_factor()
    dialog.zoom_in_button.click()
    dialog.zoom_in_button.click()
    assert dialog.zoom_factor() == pytest.approx(before * 1.25 ** 2, rel=0.05)
    bar = dialog.view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    assert not bar.isRightToLeft()
    sheet = _shown_sheet(qtbot, dialog)
    # The whole page at the zoom shown, and its right and left ends as wide as the window.
    points = dialog.document.pagePointSize(0).width()
    whole = _page(dialog.document, 0,
                  round(points * dialog.logicalDpiX() / 72 * dialog.zoom_factor()))
    right_end = whole.copy(whole.width() - sheet.width(), 0, sheet.width(), sheet.height())
    left_end = whole.copy(0, 0, sheet.width(), sheet.height())
    assert _likeness(sheet, right_end) > 0.8
    assert _likeness(sheet, left_end) < _likeness(sheet, right_end) - 0.3
    dialog.fit_button.click()
    qtbot.waitUntil(lambda: dialog.view.horizontalScrollBar().maximum() == 0)


def test_save_copies_the_file_under_the_suggested_name(qtbot, forms, tmp_path: Path) -> None:
    dialog = _preview(qtbot, forms.path)
    dialog.save_button.click()
    chooser = dialog.save_dialog
    assert chooser is not None and chooser.isVisible()
    assert chooser.selectedFiles()[0].endswith("فرم ثبت‌نام.pdf")
    target = tmp_path / "copies" / "نسخه.pdf"
    target.parent.mkdir()
    chooser.selectFile(str(target))
    chooser.accept()
    assert target.read_bytes() == forms.path.read_bytes()
    assert dialog.note.text() == "با نام نسخه.pdf ذخیره شد."
    dialog.close()
    assert forms.path.exists()   # not temporary: the original stays


def test_a_failed_save_is_explained_and_nothing_is_claimed(qtbot, forms, tmp_path: Path) -> None:
    dialog = _preview(qtbot, forms.path)
    assert not dialog.save_to(tmp_path / "no-such-folder" / "x.pdf")
    assert dialog.prompt is not None and dialog.prompt.isVisible()
    assert "ذخیره نشد" in dialog.prompt.text()
    assert dialog.note.text() == ""


def test_a_temporary_file_is_deleted_when_the_preview_closes(qtbot, forms) -> None:
    dialog = _preview(qtbot, forms.path, temporary=True)
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert not forms.path.exists()


def test_an_unreadable_file_is_said_so_and_nothing_can_be_printed(qtbot, tmp_path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    dialog = _preview(qtbot, broken)
    assert dialog.page_label.text() == "فرم چاپی باز نشد."
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


# --- onto paper: the pages painted onto a printer that writes a PDF --------------------------
def _pdf_printer(out: Path, dpi: int = 150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)
    return printer


def _difference(first: QImage, second: QImage) -> float:
    """How much of the two pages' ink is not shared: near 0 for the same page, near 1 for
    pages of different content (a mean over mostly white paper would hardly tell them apart)."""
    a, b = _grey(first, 120), _grey(second, 120)
    rows = min(len(a), len(b))
    ink_a, ink_b = 1 - a[:rows], 1 - b[:rows]
    return float(np.abs(ink_a - ink_b).sum() / max((ink_a + ink_b).sum(), 1e-9))


def test_every_page_goes_to_the_printer_as_it_looks(qtbot, forms, tmp_path: Path) -> None:
    source = QPdfDocument()
    source.load(str(forms.path))
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(out)
    assert pages_chosen(printer, source.pageCount()) == list(range(source.pageCount()))
    assert paint_pages(source, printer, pages_chosen(printer, source.pageCount())) \
        == source.pageCount()
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == source.pageCount()
    a4 = printed.pagePointSize(0)
    assert (round(a4.width()), round(a4.height())) == (595, 842)
    for page in range(source.pageCount()):
        same = _difference(_page(printed, page), _page(source, page))
        others = [_difference(_page(printed, page), _page(source, other))
                  for other in range(source.pageCount()) if other != page]
        assert same < min(others) / 2


def test_only_the_chosen_pages_are_printed(qtbot, forms, tmp_path: Path) -> None:
    source = QPdfDocument()
    source.load(str(forms.path))
    out = tmp_path / "page2.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(2, 2)
    printer.setPageRanges(ranges)
    assert pages_chosen(printer, source.pageCount()) == [1]
    paint_pages(source, printer, [1])
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == 1
    assert _difference(_page(printed, 0), _page(source, 1)) \
        < _difference(_page(printed, 0), _page(source, 0)) / 2
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_chosen(printer, source.pageCount(), current=1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages_chosen(printer, 3) == [2, 1, 0]


def test_cancelling_stops_the_printer(qtbot, forms, tmp_path: Path) -> None:
    source = QPdfDocument()
    source.load(str(forms.path))
    printed: list[int] = []

    class CancelAfterFirstPage(NullControl):
        def report(self, done: int, total: int, text: str = "") -> None:
            printed.append(done)

        def check_cancelled(self) -> None:
            if len(printed) > 1:
                raise Cancelled()

    with pytest.raises(Cancelled):
        paint_pages(source, _pdf_printer(tmp_path / "stopped.pdf"), [0, 1],
                    CancelAfterFirstPage())
    assert printed == [0, 1]


def test_printing_from_the_preview_runs_beside_the_window_and_says_when_done(
        qtbot, forms, tmp_path: Path) -> None:
    """What «چاپ…» does once the system's dialog is answered: the pages go to the printer
    from a worker thread, with the progress window, and the preview says how many went."""
    dialog = _preview(qtbot, forms.path)
    out = tmp_path / "to-printer.pdf"
    printer = _pdf_printer(out)
    dialog.send_to_printer(printer, pages_chosen(printer, dialog.page_count))
    assert dialog.progress is not None and dialog.progress.isVisible()
    assert not dialog.print_button.isEnabled()
    dialog.close_button.click()   # refused while the pages are still going out
    assert dialog.isVisible()
    persian = str(forms.pages).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    qtbot.waitUntil(lambda: dialog.note.text() == f"{persian} صفحه به چاپگر فرستاده شد.",
                    timeout=30_000)
    assert not dialog.progress.isVisible() and dialog.print_button.isEnabled()
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == forms.pages
