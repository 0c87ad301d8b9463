"""A plant's performance «عملکرد»: each of the last twelve months' kWh per kW of capacity
against the expected 150, low months (under 80 % of it) flagged, with the month's money
beside it; and a bar for each month, the earliest on the right as Persian reads."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.solar import EXPECTED_KWH_PER_KW, LOW_PERFORMANCE_PERCENT, previous_month
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import MONTH_NAMES, format_jalali_month, gregorian_to_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.solar_months import MonthSummary, plant_months
from desktop.services.solar_plants import PlantRecord
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.solar_words import (
    LOW_BACKGROUND,
    LOW_COLOUR,
    last_complete_month,
    run_status_text,
)

MONTHS_SHOWN = 12
BAR_COLOUR = "#3d7fb8"


def per_kw_text(summary: MonthSummary) -> str:
    if summary.production_kwh is None:
        return "—"
    whole, tenth = summary.kwh_per_kw
    return to_persian_digits(f"{whole}٫{tenth}")


def _low(summary: MonthSummary) -> str | None:
    return LOW_COLOUR if summary.low else None


COLUMNS = (
    Column(N_("Month"), lambda m: format_jalali_month(m.month)),
    Column(N_("Production (kWh)"), lambda m: format_amount(m.production_kwh)
           if m.production_kwh is not None else "—"),
    Column(N_("kWh per kW"), per_kw_text, colour=_low,
           background=lambda m: LOW_BACKGROUND if m.low else None),
    Column(N_("Expected"), lambda m: to_persian_digits(EXPECTED_KWH_PER_KW)),
    Column(N_("Performance"), lambda m: tr("Low") if m.low else (
        tr("Not recorded") if m.production_kwh is None else tr("Normal")), colour=_low),
    Column(N_("Invoiced (Rials)"), lambda m: format_amount(m.invoiced)),
    Column(N_("Paid (Rials)"), lambda m: format_amount(m.paid)),
    Column(N_("Arrear (Rials)"), lambda m: format_amount(m.arrear)),
    Column(N_("Costs (Rials)"), lambda m: format_amount(m.costs)),
    Column(N_("Allocation"), lambda m: run_status_text(m.run_status)),
)


class PerformanceBars(QWidget):
    """One bar a month of kWh per kW, the expected level and the low line drawn across. Painted
    by hand: the months run right to left, as a Persian reader expects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[MonthSummary] = []
        self.setMinimumHeight(170)

    def set_months(self, months: list[MonthSummary]) -> None:
        self.months = months
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.months:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        label_h, top = 22, 8
        scale_top = max([EXPECTED_KWH_PER_KW * 13 // 10]
                        + [m.kwh_per_kw[0] + 1 for m in self.months])
        plot_h = height - label_h - top

        def y_of(value: float) -> float:
            return top + plot_h - plot_h * value / scale_top

        slot = width / len(self.months)
        for index, summary in enumerate(self.months):
            right = width - index * slot
            whole, tenth = summary.kwh_per_kw
            value = whole + tenth / 10
            bar = QRectF(right - slot * 0.78, y_of(value), slot * 0.56, y_of(0) - y_of(value))
            painter.fillRect(bar, QColor(LOW_COLOUR if summary.low else BAR_COLOUR))
            j = gregorian_to_jalali(summary.month)
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(right - slot, height - label_h, slot, label_h),
                             Qt.AlignmentFlag.AlignCenter, MONTH_NAMES[j.month - 1])
        for level, colour in ((EXPECTED_KWH_PER_KW, "#2e7d32"),
                              (EXPECTED_KWH_PER_KW * LOW_PERFORMANCE_PERCENT / 100, LOW_COLOUR)):
            painter.setPen(QPen(QColor(colour), 1, Qt.PenStyle.DashLine))
            painter.drawLine(0, int(y_of(level)), width, int(y_of(level)))
        painter.end()


class PerformanceTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.summary = QLabel(self)
        self.summary.setObjectName("total")
        self.summary.setWordWrap(True)
        self.bars = PerformanceBars(self)
        self.legend = QLabel(tr("Green dashes: the expected {expected} kWh per kW; red dashes: "
                                "{percent}% of it, under which a month is low.",
                                expected=to_persian_digits(EXPECTED_KWH_PER_KW),
                                percent=to_persian_digits(LOW_PERFORMANCE_PERCENT)), self)
        self.legend.setObjectName("areaNote")
        self.model = RecordTableModel(COLUMNS)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.legend)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.bars)
        column.addLayout(row)
        column.addWidget(self.view, 1)

    def show_plant(self, plant: PlantRecord) -> None:
        last = last_complete_month()
        first = last
        for _ in range(MONTHS_SHOWN - 1):
            first = previous_month(first)
        first = max(first, plant.commissioned_on)
        months = plant_months(self.db, self.actor, plant.id, first, last) \
            if plant.commissioned_on <= last else []
        self.model.set_rows(list(reversed(months)))
        self.view.resizeColumnsToContents()
        self.bars.set_months(months)
        low = [m for m in months if m.low]
        self.summary.setText(tr("{count} low months in the last {months}: {names}",
                                count=to_persian_digits(len(low)),
                                months=to_persian_digits(len(months)),
                                names="، ".join(format_jalali_month(m.month) for m in low))
                             if low else tr("No low month in the last {months}.",
                                            months=to_persian_digits(len(months))))
