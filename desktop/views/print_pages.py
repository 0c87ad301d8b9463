"""Pages of a PDF onto a printer: each page drawn at the printer's own resolution, in bands.

A page is rendered in horizontal bands rather than whole: an A4 page at 1200 dots per inch is a
picture of more than half a gigabyte, a band of it a few megabytes. Runs in a worker thread
(QPainter on a QPrinter may; QPdfDocument guards its library with its own lock); no widget here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.progress import Cancelled, NullControl, TaskControl

BAND_ROWS = 512
POINTS_PER_INCH = 72


def pages_chosen(printer: QPrinter, count: int, current: int = 0) -> list[int]:
    """The pages (from 0) the print dialog asked for, in the order they are to come out."""
    choice = printer.printRange()
    if choice == QPrinter.PrintRange.CurrentPage:
        pages = [current]
    elif choice == QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        pages = []
        for chosen in printer.pageRanges().toRangeList():
            pages += [page - 1 for page in range(chosen.from_, chosen.to + 1)
                      if 1 <= page <= count and page - 1 not in pages]
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def paint_pages(document: QPdfDocument, printer: QPrinter, pages: Sequence[int],
                control: TaskControl | None = None) -> int:
    """Print ``pages`` of ``document``, each on its own sheet, centred, shrunk only when the
    paper is smaller than the page; the number of pages printed. Cancelling aborts the job."""
    control = control or NullControl()
    printer.setFullPage(True)  # the form's own margins are its margins on paper
    painter = QPainter()
    if not painter.begin(printer):
        raise KarsazError("The printer could not be started.")
    try:
        for number, page in enumerate(pages):
            control.report(number, len(pages), tr("Printing page {page} of {count}",
                                                  page=number + 1, count=len(pages)))
            if number:
                printer.newPage()
            _paint_page(painter, document, page, printer, control)
    except Cancelled:
        printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()
    control.report(len(pages), len(pages), "")
    return len(pages)


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, printer: QPrinter,
                control: TaskControl) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    points = document.pagePointSize(page)
    width = points.width() * printer.logicalDpiX() / POINTS_PER_INCH
    height = points.height() * printer.logicalDpiY() / POINTS_PER_INCH
    scale = min(1.0, paper.width() / width, paper.height() / height)
    width, height = round(width * scale), round(height * scale)
    # Whole device pixels: a band placed between two pixels would be resampled.
    left, top = round((paper.width() - width) / 2), round((paper.height() - height) / 2)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width, height))
    for row in range(0, height, BAND_ROWS):
        control.check_cancelled()
        rows = min(BAND_ROWS, height - row)
        options.setScaledClipRect(QRect(0, row, width, rows))
        band = document.render(page, QSize(width, rows), options)
        painter.drawImage(QPoint(left, top + row), band)
