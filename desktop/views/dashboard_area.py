"""The dashboard «داشبورد»: a Jalali year's (or some of its months') figures at a glance.

Figure cards on top, then the charts, two to a row from the right; the figures are read off the
GUI thread. Each chart saves itself as a picture; the whole exports to PDF and Excel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import MONTH_NAMES
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.reports.dashboard_report import commitment_text, period_text
from desktop.roles import Permission, can
from desktop.services.dashboard import Dashboard, Period, current_year, dashboard
from desktop.services.dashboard_files import export_dashboard_pdf, export_dashboard_xlsx
from desktop.views.dashboard_cards import FigureCards
from desktop.views.dashboard_chart import BarChartBox
from desktop.views.dashboard_charts import CHARTS, chart_data
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.field_error import FieldError

YEARS_SHOWN = 6        # this year and the five before


class DashboardArea(QWidget):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self.board: Dashboard | None = None
        self._pending = 0
        self._generation = 0
        self._shown_once = False
        title = QLabel(tr("Dashboard"), self)
        title.setObjectName("areaTitle")
        self.period_label = QLabel(self)
        self.period_label.setObjectName("areaNote")
        self.year = QComboBox(self)
        this_year = current_year()
        for year in range(this_year, this_year - YEARS_SHOWN, -1):
            self.year.addItem(to_persian_digits(year), year)
        self.first_month, self.last_month = QComboBox(self), QComboBox(self)
        for combo in (self.first_month, self.last_month):
            for number, name in enumerate(MONTH_NAMES, start=1):
                combo.addItem(name, number)
        self.last_month.setCurrentIndex(11)
        for combo in (self.year, self.first_month, self.last_month):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _index: self.refresh())
        self.commitment_button = QPushButton(tr("Set the year's commitment…"), self)
        self.commitment_button.setVisible(can(actor, Permission.MANAGE_OFFICE))
        self.commitment_button.clicked.connect(self.ask_commitment)
        self.pdf_button = QPushButton(tr("PDF…"), self)
        self.pdf_button.setToolTip(tr("Save the dashboard as a PDF"))
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.excel_button = QPushButton(tr("Excel…"), self)
        self.excel_button.setToolTip(tr("Save the dashboard's tables as an Excel file"))
        self.excel_button.clicked.connect(self.ask_excel)
        self.error = FieldError(self)
        self.cards = FigureCards(self)
        self.charts = {key: BarChartBox(tr(title), horizontal=horizontal, parent=self)
                       for key, title, horizontal in CHARTS}
        self._layout(title)
        self.refresh()

    def _layout(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.period_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        for text, widget in ((tr("Year"), self.year), (tr("From"), self.first_month),
                             (tr("to"), self.last_month)):
            top.addWidget(QLabel(text, self))
            top.addWidget(widget)
        top.addSpacing(12)
        for button in (self.commitment_button, self.pdf_button, self.excel_button):
            top.addWidget(button)
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(18)
        grid.addWidget(self.cards, 0, 0, 1, 2)
        for number, box in enumerate(self.charts.values()):
            # In a right-to-left layout column 0 is the right one: charts read from the right.
            grid.addWidget(box, 1 + number // 2, number % 2)
        grid.setRowStretch(2 + len(self.charts) // 2, 1)    # the rows keep their height
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

    # --- reading, off the GUI thread -----------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back to the dashboard after work elsewhere shows the figures as they are now.
        super().showEvent(event)
        if self._shown_once and not self.busy:
            self.refresh()
        self._shown_once = True

    def period(self) -> Period:
        first, last = self.first_month.currentData(), self.last_month.currentData()
        if first > last:      # the range as chosen, whichever end was picked first
            first, last = last, first
        return Period(self.year.currentData(), first, last)

    def refresh(self) -> None:
        self._generation += 1
        generation, db, actor, period = self._generation, self.db, self.actor, self.period()

        def work(_control: object) -> tuple[int, Dashboard]:
            return generation, dashboard(db, actor, period)

        self._pending += 1
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(False)
        self.tasks.run(work, label="dashboard", on_done=self._read, on_error=self._failed)

    def _finished_one(self) -> None:
        self._pending -= 1
        if self._pending == 0 and self.board is not None:
            for button in (self.pdf_button, self.excel_button):
                button.setEnabled(True)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self.error.show_message(error.message if isinstance(error, KarsazError) else
                                tr("The dashboard could not be read. Choose the year again."))
        self._finished_one()

    def _read(self, result: tuple[int, Dashboard]) -> None:
        generation, board = result
        if generation == self._generation:
            self.error.clear_message()
            self.show_board(board)
        self._finished_one()

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        self.period_label.setText(f"{period_text(board)} — {commitment_text(board)}")
        self.cards.show_board(board)
        for key, box in self.charts.items():
            box.show_data(*chart_data(key, board))

    # --- commitment and files --------------------------------------------------------------
    def ask_commitment(self) -> None:
        from desktop.views.dashboard_commitment_dialog import CommitmentDialog

        year = self.year.currentData()
        if CommitmentDialog(self.db, self.actor, year, self).exec():
            self.refresh()

    def _chart_pictures(self) -> list[tuple[str, bytes, float]]:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        pictures = []
        for box in self.charts.values():
            image = box.image()
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            pictures.append((box.title, bytes(data.data()),
                             image.height() / max(image.width(), 1)))
        return pictures

    def export_pdf(self, path: str) -> None:
        assert self.board is not None
        export_dashboard_pdf(self.db, self.actor, self.board, path, self._chart_pictures())

    def export_excel(self, path: str) -> None:
        assert self.board is not None
        export_dashboard_xlsx(self.db, self.actor, self.board, path)

    def _ask_path(self, caption: str, suffix: str, kinds: str) -> str:
        name = tr("Dashboard {period}", period=period_text(self.board)) if self.board else ""
        path, _ = QFileDialog.getSaveFileName(self, caption, f"{name}{suffix}", kinds)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def ask_pdf(self) -> None:
        path = self._ask_path(tr("Save the dashboard as PDF"), ".pdf", tr("PDF file (*.pdf)"))
        if path:
            self._write(self.export_pdf, path)

    def ask_excel(self) -> None:
        path = self._ask_path(tr("Save the dashboard as Excel"), ".xlsx",
                              tr("Excel file (*.xlsx)"))
        if path:
            self._write(self.export_excel, path)

    def _write(self, export: Any, path: str) -> None:
        try:
            export(path)
        except (KarsazError, OSError) as error:
            self.error.show_message(error.message if isinstance(error, KarsazError) else
                                    tr("The file could not be written: {path}", path=path))
