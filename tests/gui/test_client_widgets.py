"""The pieces the client form is built of: the pathway strip, the record tables, choices."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.domain.pathway import CaseStatus, Stage
from desktop.views.client_monitoring_tab import VISIT_COLUMNS
from desktop.views.record_table import RecordTableModel, select_row
from desktop.views.widgets.choices import (
    choice_combo,
    combo_bool,
    combo_value,
    select_bool,
    select_data,
    yes_no_combo,
)
from desktop.views.widgets.pathway_strip import PathwayStrip


def test_the_pathway_reads_right_to_left(qtbot) -> None:
    strip = PathwayStrip()
    qtbot.addWidget(strip)
    strip.resize(1100, 80)
    strip.show()
    reached = {Stage.REFERRAL: dt.date(2024, 3, 20), Stage.MODEL: dt.date(2024, 5, 1)}
    strip.show_case(Stage.MODEL, reached, CaseStatus.OPEN)
    xs = [strip.steps[s].x() for s in Stage]
    assert xs == sorted(xs, reverse=True)  # the first stage stands on the right
    assert [strip.state_of(s) for s in Stage] == [
        "reached", "skipped", "skipped", "current", "ahead", "ahead", "ahead"]
    assert "۱۴۰۳/۰۱/۰۱" in strip.steps[Stage.REFERRAL].text()
    strip.show_case(Stage.MODEL, reached, CaseStatus.CLOSED)
    assert strip.state_of(Stage.MODEL) == "closed"


def test_record_tables_pass_the_model_tester(qtmodeltester, qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    from desktop.services.case_records import VisitRecord

    visits = [VisitRecord(i, 1, 1, i, i * 3, "visit", dt.date(2024, i, 1),
                          dt.date(2024, i, 3) if i < 3 else None, "in_person" if i < 3 else None,
                          True if i < 3 else None, 5_000_000 if i < 3 else None, "", "", "")
              for i in range(1, 5)]
    model = RecordTableModel(VISIT_COLUMNS, visits)
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "سررسید"
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.show()
    select_row(view, 2)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [2]


def test_choices_keep_codes_never_none_or_bools(qtbot) -> None:
    combo = choice_combo([("a", "الف"), (7, "هفت")])
    yes_no = yes_no_combo()
    for widget in (combo, yes_no):
        qtbot.addWidget(widget)
        assert all(widget.itemData(i) not in (None, True, False) for i in range(widget.count()))
    assert combo_value(combo) is None
    select_data(combo, 7)
    assert combo_value(combo) == 7
    select_data(combo, None)
    assert combo.currentIndex() == 0
    assert combo_bool(yes_no) is None
    select_bool(yes_no, False)
    assert combo_bool(yes_no) is False
