"""A bar chart of the dashboard, laid out right to left by hand, with a button to save it.

QtCharts never mirrors: it draws the first category on the left and the value axis wherever it
is put. So the categories are given in reverse (the first lands on the right), the value axis
is put on the right, and a horizontal chart's value axis runs reversed (bars grow leftwards from
the categories on the right). The chart's locale is Persian with numbers localised, which gives
Persian digits on the value axis and on the bars' labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import tr
from desktop.views.app import FONT_FAMILY

COLOURS = ("#2f7383", "#e0a43a", "#b42318")
CHART_HEIGHT = 280


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def nice_top(largest: int) -> tuple[int, int]:
    """The axis's top and its number of intervals: whole numbers, at least 1, a round step."""
    if largest <= 5:
        top = max(largest, 1)
        return top, top
    step = 10 ** math.floor(math.log10(largest / 5))
    for factor in (1, 2, 5, 10):
        if largest / (step * factor) <= 6:
            step *= factor
            break
    top = math.ceil(largest / step) * step
    return top, top // step


class BarChartBox(QWidget):
    """A titled chart; ``show_data`` draws one bar set per series over the categories."""

    def __init__(self, title: str, *, horizontal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartBox")
        self.title = title
        self.horizontal = horizontal
        self.categories: list[str] = []     # as read: the first is drawn on the right (or top)
        self.chart = QChart()
        self.chart.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        self.chart.setLocalizeNumbers(True)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setFont(_font(9))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        # The chart is drawn as QtCharts draws it; the mirroring above is done by hand.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(240, CHART_HEIGHT)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        self.save_button = QPushButton(tr("Save as image"), self)
        self.save_button.setToolTip(tr("Save this chart as a PNG image"))
        self.save_button.clicked.connect(self.ask_save)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_data(self, categories: Sequence[str],
                  series: Sequence[tuple[str, Sequence[int]]]) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = list(categories)
        bars: QAbstractBarSeries = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        # Vertical: the first category on the right. Horizontal: QtCharts puts the first at
        # the bottom, so reversing puts it at the top, where a reader starts.
        order = list(reversed(range(len(categories))))
        # Within a category QtCharts draws the first set leftmost (lowest when horizontal), and
        # the legend left to right: reversed, the first series is rightmost (top) in both.
        for number, (name, values) in reversed(list(enumerate(series))):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(COLOURS[number % len(COLOURS)]))
            bar_set.setLabelFont(_font(8))
            # Horizontal bars carry their figure inside the bar's end; vertical ones above it.
            bar_set.setLabelColor(QColor("#ffffff" if self.horizontal else "#1f2933"))
            for index in order:
                bar_set.append(values[index])
            bars.append(bar_set)
        bars.setBarWidth(0.8 if self.horizontal else 0.6)
        bars.setLabelsVisible(True)
        bars.setLabelsFormat("@value")
        bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideBase if self.horizontal
                               else QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(bars)
        names = QBarCategoryAxis()
        names.append([categories[index] for index in order])
        names.setLabelsFont(_font(9))
        names.setGridLineVisible(False)
        values = QValueAxis()
        largest = max((max(v, default=0) for _, v in series), default=0)
        top, intervals = nice_top(int(largest * 1.12) + (1 if largest else 0))
        values.setRange(0, top)
        values.setTickCount(intervals + 1)
        # With numbers localised "%d" draws no label at all; "%.0f" draws Persian digits.
        values.setLabelFormat("%.0f")
        values.setLabelsFont(_font(8))
        if self.horizontal:
            values.setReverse(True)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(names, Qt.AlignmentFlag.AlignRight)
        else:
            chart.addAxis(values, Qt.AlignmentFlag.AlignRight)
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(names)
        bars.attachAxis(values)
        chart.legend().setVisible(len(series) > 1)
        self.view.setMinimumHeight(max(CHART_HEIGHT, 80 + 24 * len(categories) * len(series))
                                   if self.horizontal else CHART_HEIGHT)

    def image(self) -> QPixmap:
        return self.view.grab()

    def save_png(self, path: Path | str) -> Path:
        path = Path(path)
        if not self.image().save(str(path), "PNG"):
            raise OSError(path)
        return path

    def ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the chart"), f"{self.title}.png",
                                              tr("PNG image (*.png)"))
        if path:
            self.save_png(path if path.lower().endswith(".png") else f"{path}.png")
