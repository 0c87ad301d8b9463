"""The lazy clients table: windows of rows fetched when shown, never the whole list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop.database import Database, open_database
from desktop.domain.pathway import Stage
from desktop.models.tracking import Actor
from desktop.services import client_search
from desktop.services.auth import sign_in
from desktop.services.client_search import NO_CASE, ClientFilter
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.views.client_table_model import NAME, STAGE, ClientTableModel


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(offset, limit) of every window the service is asked for."""
    calls: list[tuple[int, int]] = []
    real = client_search.client_rows

    def client_rows(*args, **kwargs):
        calls.append((kwargs.get("offset", 0), kwargs.get("limit", 200)))
        return real(*args, **kwargs)

    monkeypatch.setattr(client_search, "client_rows", client_rows)
    return calls


@pytest.fixture(scope="module")
def big_office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(data_dir=Path(tmp_path_factory.mktemp("big")))
    make_demo_office(db, clients=3000, seed=11)
    yield db
    db.dispose()


def test_model_passes_the_model_tester(qtmodeltester, demo_db, admin, sample_cases) -> None:
    model = ClientTableModel(demo_db, admin, window=16, kept_windows=2)
    qtmodeltester.check(model)
    model.set_filter(ClientFilter(text="ی"))
    qtmodeltester.check(model)


def test_model_shows_what_the_service_finds(demo_db, admin, sample_cases) -> None:
    model = ClientTableModel(demo_db, admin, window=7)
    rows = client_search.client_rows(demo_db, admin, limit=1000)
    assert model.rowCount() == len(rows) == 50
    assert [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole)
            for r in range(model.rowCount())] == [r.id for r in rows]
    stages = {model.data(model.index(r, STAGE)) for r in range(model.rowCount())}
    assert {"بدون پرونده", "بسته‌شده", Stage.FOLLOW_UP.label, Stage.STABILISED.label} <= stages
    assert model.headerData(NAME, Qt.Orientation.Horizontal) == "نام خانوادگی و نام"
    first = rows[0]
    assert model.data(model.index(0, NAME)) == f"{first.last_name}، {first.first_name}"


def test_only_the_windows_in_view_are_fetched(qtbot, big_office, spy) -> None:
    admin = sign_in(big_office, "admin", DEMO_PASSWORD)
    model = ClientTableModel(big_office, admin, window=200)
    assert model.rowCount() == 3000 and spy == []  # counting reads no rows
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(30)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert {offset for offset, _limit in spy} == {0}
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) == 2999)
    QApplication.processEvents()
    # The last rows sit in the window at 2,800: nothing between was read.
    assert {offset for offset, _limit in spy} == {0, 2800}
    assert all(limit == 200 for _offset, limit in spy)


def test_windows_are_kept_least_recently_used(big_office, spy) -> None:
    admin = sign_in(big_office, "admin", DEMO_PASSWORD)
    model = ClientTableModel(big_office, admin, window=100, kept_windows=2)
    for row in (5, 150, 99, 250):
        model.data(model.index(row, 0))
    assert [offset for offset, _ in spy] == [0, 100, 200]
    assert model.loaded_windows == [0, 200]  # 100 was the least recently used
    model.data(model.index(120, 0))
    assert [offset for offset, _ in spy] == [0, 100, 200, 100]


def test_sorting_asks_the_service_and_reads_again(big_office, spy) -> None:
    admin: Actor = sign_in(big_office, "admin", DEMO_PASSWORD)
    model = ClientTableModel(big_office, admin, window=50)
    codes = client_search.client_rows(big_office, admin, sort=client_search.ClientSort
                                      .NATIONAL_CODE, descending=True, limit=3)
    spy.clear()
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(3)] == \
        [c.id for c in codes]
    before = list(spy)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # the father's name: the service cannot
    assert model.sort_by is client_search.ClientSort.NATIONAL_CODE and spy == before
    assert model.data(QModelIndex()) is None


def test_a_filter_counts_again(demo_db, admin, sample_cases) -> None:
    model = ClientTableModel(demo_db, admin)
    model.set_filter(ClientFilter(stage=NO_CASE))
    open_cases = sum(case.is_open for case in sample_cases)
    assert model.rowCount() == 50 - open_cases
