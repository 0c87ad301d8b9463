"""The preview of printed forms: the PDF as the printer will put it on paper, every page, with
print (the system's print dialog), save a copy, and close.

Traps: QPdfView is a scroll area that does not understand right to left: under the application's
RightToLeft direction its horizontal scroll bar runs one way and the pages move the other, so the
view itself stays LeftToRight (the pages carry their own right-to-left text) and a zoomed page
starts at its right edge, where Persian is read from.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPageSize, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.progress import TaskControl
from desktop.views.print_pages import pages_chosen, paint_pages
from desktop.views.progress_dialog import ProgressDialog
from desktop.views.questions import ask
from desktop.views.tasks import TaskRunner

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0


class FormPreviewDialog(QDialog):
    def __init__(self, path: Path, *, title: str, file_name: str, temporary: bool = False,
                 tasks: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        """Show the PDF at ``path``; ``file_name`` is offered when saving a copy; a
        ``temporary`` file is deleted when the dialog closes."""
        super().__init__(parent)
        self.path, self.file_name, self.temporary = path, file_name, temporary
        self.tasks = tasks or TaskRunner(self)
        self.save_dialog: QFileDialog | None = None
        self.progress: ProgressDialog | None = None
        self.prompt: QMessageBox | None = None
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(860, 900)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("formPreview")
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("areaNote")
        self.note = QLabel(self)
        self.note.setObjectName("savedNote")
        self.zoom_in_button = QPushButton(tr("Zoom in"), self)
        self.zoom_out_button = QPushButton(tr("Zoom out"), self)
        self.fit_button = QPushButton(tr("Fit to width"), self)
        self.print_button = QPushButton(tr("Print…"), self)
        self.print_button.setObjectName("primary")
        self.save_button = QPushButton(tr("Save…"), self)
        self.close_button = QPushButton(tr("Close"), self)
        for button, action in ((self.zoom_in_button, self.zoom_in),
                               (self.zoom_out_button, self.zoom_out),
                               (self.fit_button, self.fit_to_width),
                               (self.print_button, self.print_document),
                               (self.save_button, self.choose_save_path),
                               (self.close_button, self.reject)):
            button.setAutoDefault(False)
            button.clicked.connect(action)
        for keys, action in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                             (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                             (QKeySequence.StandardKey.Print, self.print_document),
                             (QKeySequence.StandardKey.Save, self.choose_save_path)):
            QShortcut(keys, self, action)
        self._layout()
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.load()

    def _layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.page_label)
        tools.addStretch(1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            tools.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            bottom.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(tools)
        column.addWidget(self.view, 1)
        column.addLayout(bottom)

    def load(self) -> None:
        self.document.load(str(self.path))
        readable = self.document.status() == QPdfDocument.Status.Ready \
            and self.document.pageCount() > 0
        for button in (self.print_button, self.save_button, self.zoom_in_button,
                       self.zoom_out_button, self.fit_button):
            button.setEnabled(readable)
        if readable:
            self._show_page_number(0)
        else:
            self.page_label.setText(tr("The printed form could not be opened."))

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _show_page_number(self, page: int) -> None:
        self.page_label.setText(tr("Page {number} of {total}", number=page + 1,
                                   total=self.page_count))

    # --- zoom ----------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def _zoom(self, step: float) -> None:
        factor = min(max(self.zoom_factor() * step, MIN_ZOOM), MAX_ZOOM)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        bar = self.view.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def zoom_factor(self) -> float:
        """The scale the pages are shown at, whether fitted to the width or chosen."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count == 0:
            return self.view.zoomFactor()
        # Fitted: the page's width in screen points against its width on paper.
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        paper = self.document.pagePointSize(self.current_page).width() \
            * self.logicalDpiX() / 72
        return room / paper if paper > 0 else 1.0

    def fit_to_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- printing ------------------------------------------------------------------------
    def print_document(self) -> None:
        """The system's print dialog, then the chosen pages to the printer off the GUI thread."""
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        # The forms' own paper (A4) offered first, whatever the system's default.
        printer.setPageSize(QPageSize(self.document.pagePointSize(0), QPageSize.Unit.Point, "",
                                      QPageSize.SizeMatchPolicy.FuzzyMatch))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage)
        dialog.setMinMax(1, self.page_count)
        # The system's dialog runs its own loop on Windows: it cannot be opened without one.
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_to_printer(printer, pages_chosen(printer, self.page_count, self.current_page))

    def send_to_printer(self, printer: QPrinter, pages: list[int]) -> None:
        document = self.document

        def work(control: TaskControl) -> int:
            return paint_pages(document, printer, pages, control)

        self.print_button.setEnabled(False)
        # Not database work: it runs beside the database queue, not behind it.
        handle = self.tasks.run(work, label="print", on_done=self._printed,
                                on_error=self._print_failed, on_cancel=self._print_cancelled,
                                beside_database=True)
        self.progress = ProgressDialog(handle, tr("Printing"), self)
        self.progress.open()

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self.note.setText(tr("{count} pages sent to the printer.", count=pages))

    def _print_cancelled(self) -> None:
        self.print_button.setEnabled(True)
        self.note.setText(tr("Printing was cancelled."))

    def _print_failed(self, error: BaseException, _trace: str) -> None:
        self.print_button.setEnabled(True)
        self._tell(tr("Printing failed"), error.message if isinstance(error, KarsazError)
                   else tr("The printer did not accept the pages. Check it and try again."))

    # --- saving a copy -------------------------------------------------------------------
    def choose_save_path(self) -> None:
        if not self.save_button.isEnabled():
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, tr("Save the printed form"), folder,
                             tr("Printable document (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.file_name)
        dialog.fileSelected.connect(lambda chosen: self.save_to(Path(chosen)))
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, target: Path) -> bool:
        try:
            if target.resolve() != self.path.resolve():
                shutil.copyfile(self.path, target)
        except OSError as error:
            self._tell(tr("Not saved"), tr("The file could not be saved: {reason}",
                                           reason=error.strerror or str(error)))
            return False
        self.note.setText(tr("Saved as {name}.", name=target.name))
        return True

    def _tell(self, title: str, text: str) -> None:
        self.prompt = ask(self, title, text, ((tr("OK"), QMessageBox.ButtonRole.AcceptRole,
                                               None),), icon=QMessageBox.Icon.Warning)

    # --- closing -------------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self.progress is not None and self.progress.isVisible():
            return  # pages are still going to the printer from this document
        super().done(result)
        self.release()

    def release(self) -> None:
        """Close the document (Windows keeps an open file from being deleted) and delete a
        temporary file."""
        self.document.close()
        if self.temporary:
            self.path.unlink(missing_ok=True)
