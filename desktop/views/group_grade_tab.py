"""The group's indicators and its grade for bank linkage: each criterion's points and the
figures behind them, whether a bank may lend to the group and up to how much."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.group_indicators import BANK_MULTIPLE, GRADE_A, GRADE_B
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_rials
from desktop.i18n import N_, tr
from desktop.services.group_overview import GroupOverview
from desktop.views.group_words import grade_badge_style, grade_label, percent
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.widgets.fields import value_label

INDICATORS = (
    ("savings", N_("Savings")),
    ("shares", N_("Shares bought")),
    ("loans_outstanding", N_("Loans outstanding")),
    ("portfolio_at_risk", N_("Portfolio at risk (more than 30 days late)")),
    ("attendance", N_("Attendance, last four meetings")),
    ("return_on_savings", N_("Return on savings")),
    ("utilisation", N_("Loan fund lent out")),
    ("retention", N_("Members kept since the cycle began")),
    ("loan_fund", N_("Loan fund cash")),
    ("social_fund", N_("Social fund cash")),
)
MONEY = {"savings", "loans_outstanding", "loan_fund", "social_fund"}


def _points(value: Fraction) -> str:
    """Points to one decimal place, as the criteria rarely give whole ones."""
    tenths = int(value * 10 + Fraction(1, 2))
    whole, part = divmod(tenths, 10)
    return to_persian_digits(f"{whole}٫{part}" if part else str(whole))


class GradeTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = {key: value_label(self) for key, _ in INDICATORS}
        indicators = QGroupBox(tr("Indicators of the current cycle"), self)
        form = QFormLayout(indicators)
        for key, label in INDICATORS:
            self.values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(tr(label), self.values[key])
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("total")
        self.scale = QLabel(tr("Grade A from {a} points, B from {b}, C below; a bank may lend to "
                               "a group of grade B or A up to {times} times its savings.",
                               a=to_persian_digits(GRADE_A), b=to_persian_digits(GRADE_B),
                               times=to_persian_digits(BANK_MULTIPLE)), self)
        self.scale.setWordWrap(True)
        self.scale.setObjectName("areaNote")
        self.criteria = RecordTableModel((
            Column(N_("Criterion"), lambda c: c.name),
            Column(N_("Weight"), lambda c: to_persian_digits(c.weight)),
            Column(N_("Points"), lambda c: _points(c.points)),
            Column(N_("Why"), lambda c: c.why, tip=lambda c: c.why),
        ))
        self.criteria_view = QTableView(self)
        self.criteria_view.setModel(self.criteria)
        self.criteria_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteria_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.criteria_view.verticalHeader().hide()
        self.criteria_view.setWordWrap(False)
        self.criteria_view.verticalHeader().setDefaultSectionSize(34)
        header = self.criteria_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        grading = QGroupBox(tr("Grade for bank linkage"), self)
        grade_column = QVBoxLayout(grading)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.verdict, 1)
        grade_column.addLayout(top)
        grade_column.addWidget(self.criteria_view)
        grade_column.addWidget(self.scale)
        grade_column.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(indicators, 2)
        row.addWidget(grading, 3)

    def show_group(self, overview: GroupOverview) -> None:
        ind = overview.indicators
        for key, _label in INDICATORS:
            value = getattr(ind, key)
            if key in MONEY:
                text = format_rials(value)
            elif key == "shares":
                text = to_persian_digits(value)
            else:
                text = percent(value)
            self.values[key].setText(text)
        grading = overview.grading
        self.badge.setText(tr("Grade {grade}\n{score} of 100",
                              grade=grade_label(grading.grade),
                              score=to_persian_digits(grading.score)))
        self.badge.setStyleSheet(grade_badge_style(grading.grade) + " font-size: 14pt;")
        if grading.eligible:
            self.verdict.setText(tr("Eligible for a bank-linkage loan of up to {limit} "
                                    "({times} times its savings).",
                                    limit=format_rials(grading.bank_loan_limit),
                                    times=to_persian_digits(BANK_MULTIPLE)))
        else:
            self.verdict.setText(tr("Not yet eligible for a bank-linkage loan: {need} points "
                                    "are needed.", need=to_persian_digits(GRADE_B)))
        self.criteria.set_rows(list(grading.criteria))
        # Five rows, shown whole: the table is as tall as its rows, the note right under it.
        view = self.criteria_view
        view.setFixedHeight(view.horizontalHeader().height() + 2 * view.frameWidth()
                            + sum(view.rowHeight(r) for r in range(self.criteria.rowCount())))
