"""«ورود مددجویان از اکسل»: an office's old list of clients, checked and registered.

Three steps: the file and which Karsaz field each of its columns holds (recognised headers
chosen already), the dry run's summary with the rejected rows and the choice of mode, then the
import's result with the row-level report to save. Reading, checking and importing run through
the task runner, with progress and a cancel that leaves nothing imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError, ValidationError
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.client_import import ImportResult, check_mapping, import_clients
from desktop.services.client_import_headers import FIELDS
from desktop.services.client_import_read import Sheet, read_sheet
from desktop.services.client_import_report import write_report
from desktop.services.client_import_values import cell_text
from desktop.views.progress_dialog import ProgressDialog
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.fields import RIGHT

PREVIEW_ROWS = 500   # rejected rows listed in the dialog; the report has them all
FILE_FILTER = "Excel (*.xlsx *.xls *.ods);;CSV (*.csv)"


class ClientImportDialog(QDialog):
    imported = Signal(int)   # how many clients were registered

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self.sheet: Sheet | None = None
        self.path: Path | None = None
        self.checked: ImportResult | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(tr("Import clients from Excel"))
        self.resize(860, 600)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._summary_page())
        self.pages.addWidget(self._result_page())
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)

    # --- step 1: the file and its columns ---------------------------------------------
    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.file_edit = QLineEdit(page)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(tr("Choose the Excel file of the clients"))
        choose = QPushButton(tr("Choose file…"), page)
        choose.clicked.connect(self.choose_file)
        self.mapping_note = QLabel(tr("For each column of the file, choose the field it holds. "
                                      "Recognised headers are chosen already."), page)
        self.mapping_note.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setHorizontalHeaderLabels(
            [tr("Column in Excel"), tr("First value"), tr("Field in Karsaz")])
        self.mapping_table.verticalHeader().hide()
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.check_button = QPushButton(tr("Check the rows (dry run)"), page)
        self.check_button.setObjectName("primary")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.start_check)
        close = QPushButton(tr("Close"), page)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(buttons)
        return page

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import clients from Excel"), "",
                                              FILE_FILTER)
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        self.message.clear()
        self.file_edit.setText(str(path))
        self.tasks.run(lambda _control: read_sheet(path), label="import",
                       on_done=lambda sheet: self.show_sheet(sheet, path),
                       on_error=self._failed, beside_database=True)

    def show_sheet(self, sheet: Sheet, path: Path) -> None:
        self.sheet, self.path = sheet, path
        self.file_edit.setText(str(path))
        table = self.mapping_table
        table.setRowCount(len(sheet.headers))
        first = sheet.rows[0] if sheet.rows else []
        for row, (header, field) in enumerate(zip(sheet.headers, sheet.mapping, strict=True)):
            table.setItem(row, 0, _item(header or tr("Column {number}", number=row + 1)))
            table.setItem(row, 1, _item(_as_typed(first[row]) if row < len(first) else ""))
            combo = QComboBox(table)
            combo.addItem(tr("Not imported"), None)
            for known in FIELDS:
                combo.addItem(known.label + (" *" if known.required else ""), known.code)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            table.setCellWidget(row, 2, combo)
        self.mapping_note.setText(tr(
            "{rows} rows in the file. For each column, choose the field it holds; recognised "
            "headers are chosen already (* a field every row needs).",
            rows=len(sheet.rows)))
        self._mapping_changed()

    def mapping(self) -> list[str | None]:
        return [self.mapping_table.cellWidget(row, 2).currentData()
                for row in range(self.mapping_table.rowCount())]

    def _mapping_changed(self) -> None:
        if self.sheet is None:
            return
        try:
            check_mapping(self.sheet, self.mapping())
        except ValidationError as exc:
            self.message.setText(exc.message)
            self.check_button.setEnabled(False)
            return
        self.message.clear()
        self.check_button.setEnabled(bool(self.sheet.rows))

    def start_check(self) -> None:
        sheet, mapping, db, actor = self.sheet, self.mapping(), self.db, self.actor
        self._run(tr("Checking the rows"), lambda control: import_clients(
            db, actor, sheet, mapping, dry_run=True, control=control), self.show_check)

    # --- step 2: the dry run and the mode ----------------------------------------------
    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.rejected_table = QTableWidget(0, 2, page)
        self.rejected_table.setHorizontalHeaderLabels([tr("Row in Excel"),
                                                       tr("Why it was rejected")])
        self.rejected_table.verticalHeader().hide()
        self.rejected_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.rejected_table.horizontalHeader().resizeSection(0, 110)
        self.rejected_table.setWordWrap(True)
        self.valid_only = QRadioButton(tr("Import the valid rows; leave out the rejected ones"),
                                       page)
        self.valid_only.setChecked(True)
        self.all_or_nothing = QRadioButton(
            tr("All or nothing: import nothing while any row is rejected"), page)
        back = QPushButton(tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.import_button = QPushButton(tr("Import"), page)
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejected_table, 1)
        layout.addWidget(self.valid_only)
        layout.addWidget(self.all_or_nothing)
        layout.addLayout(buttons)
        return page

    def show_check(self, result: ImportResult) -> None:
        self.checked = result
        self.summary.setText(tr(
            "{valid} of {total} rows can be imported; {rejected} rows are rejected.",
            valid=result.valid, total=result.total, rejected=len(result.rejected)))
        self._fill_rejected(result)
        self.import_button.setEnabled(result.valid > 0)
        self.pages.setCurrentIndex(1)

    def _fill_rejected(self, result: ImportResult) -> None:
        table = self.rejected_table
        shown = result.rejected[:PREVIEW_ROWS]
        table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            table.setItem(index, 0, _item(to_persian_digits(row.excel_row)))
            table.setItem(index, 1, _item("\n".join(row.reasons)))
        # Rows fit their reasons once the reasons' column has its width.
        QTimer.singleShot(0, table.resizeRowsToContents)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.rejected_table.resizeRowsToContents)

    def start_import(self) -> None:
        sheet, mapping, db, actor = self.sheet, self.mapping(), self.db, self.actor
        whole = self.all_or_nothing.isChecked()
        source = self.path.name if self.path else ""
        self._run(tr("Registering the clients"), lambda control: import_clients(
            db, actor, sheet, mapping, all_or_nothing=whole, source=source, control=control),
            self.show_result)

    # --- step 3: the result and its report ----------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.outcome = QLabel(page)
        self.outcome.setObjectName("sectionTitle")
        self.outcome.setWordWrap(True)
        self.save_button = QPushButton(tr("Save the report"), page)
        self.save_button.clicked.connect(self.choose_report)
        close = QPushButton(tr("Close"), page)
        close.setObjectName("primary")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        if result.refused:
            text = tr("Nothing was imported: {rejected} rows are rejected and all or nothing "
                      "was asked for.", rejected=len(result.rejected))
        else:
            text = tr("{imported} clients imported, {rejected} rows rejected.",
                      imported=result.imported, rejected=len(result.rejected))
        if result.rejected:
            text += "\n" + tr("Save the report to see each rejected row and why; correct them "
                              "in Excel and import the file again.")
        self.outcome.setText(text)
        self.save_button.setEnabled(bool(result.rejected))
        self.pages.setCurrentIndex(2)
        if result.imported:
            self.imported.emit(result.imported)

    def choose_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save the report"),
                                              tr("rejected-rows") + ".xlsx", "Excel (*.xlsx)")
        if name:
            self.save_report(Path(name))

    def save_report(self, path: Path) -> None:
        result, headers = self.result or self.checked, self.sheet.headers if self.sheet else []
        self.tasks.run(lambda _control: write_report(result, headers, path), label="import",
                       on_done=lambda count: self.message.setText(tr(
                           "The report of {count} rows is saved in {path}.", count=count,
                           path=str(path))),
                       on_error=self._failed, beside_database=True)

    # --- running ---------------------------------------------------------------------------
    def _run(self, title: str, work, on_done) -> None:
        self.message.clear()
        handle = self.tasks.run(work, label="import", on_done=on_done, on_error=self._failed,
                                on_cancel=lambda: self.message.setText(
                                    tr("Cancelled: nothing was imported.")))
        ProgressDialog(handle, title, self).open()

    def _failed(self, error: BaseException, _trace: str) -> None:
        self.message.setText(error.message if isinstance(error, KarsazError) else
                             tr("The work could not be done: {reason}", reason=str(error)))


def _as_typed(cell: object) -> str:
    """A cell as the office typed it; digits in groups («۰۹۱۷ ۱۲۳ ۴۵۶۷») kept left to right."""
    text = cell_text(cell)
    if text and not any(ch.isalpha() for ch in text):
        return "\u2066" + text + "\u2069"
    return text


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setTextAlignment(RIGHT | Qt.AlignmentFlag.AlignVCenter)
    return item
