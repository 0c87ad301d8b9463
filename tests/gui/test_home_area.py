"""The home screen: counts that match the services, one click to the cases, one more to the
client; a facilitator sees their own cases only; the counts are read off the GUI thread."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.clock import today
from desktop.database import Database
from desktop.domain.pathway import ReferralSource
from desktop.errors import DatabaseError
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.cases import open_case
from desktop.services.client_search import NO_CASE, ClientFilter, client_rows
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.worklists import Worklist, worklist_items, worklist_summary
from desktop.views import home_area
from desktop.views.home_area import HomeArea
from desktop.views.main_window import MainWindow


def _home(qtbot, db: Database, actor: Actor) -> HomeArea:
    area = HomeArea(db, actor)
    qtbot.addWidget(area)
    area.resize(1100, 760)
    area.show()
    _settled(qtbot, area)
    return area


def _settled(qtbot, area: HomeArea) -> None:
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)


def _shown(area: HomeArea) -> list[int]:
    return [area.items.item_at(r).case_id for r in range(area.items.rowCount())]


def test_counts_match_the_services(qtbot, demo_db, admin, sample_cases) -> None:
    area = _home(qtbot, demo_db, admin)
    summary = worklist_summary(demo_db, admin)
    for worklist, card in area.cards.items():
        assert card.count == summary.totals[worklist.value]
        assert card.number.text() == str(summary.totals[worklist.value]).translate(
            str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert summary.totals[Worklist.OVERDUE] > 0
    assert area.cards[Worklist.OVERDUE].property("alert") is True
    assert area.cards[Worklist.DUE_THIS_WEEK].property("alert") is False
    loads = {area.loads.load_at(r).facilitator_id: area.loads.load_at(r)
             for r in range(area.loads.rowCount())}
    for load in summary.by_facilitator:
        assert loads[load.facilitator_id].counts == load.counts
    assert None in loads  # the row of cases without a facilitator
    assert area.loads.data(area.loads.index(area.loads.rowCount() - 1, 0)) == "بدون تسهیلگر"
    # The first list shown is the most urgent one with something in it.
    assert area.worklist is Worklist.OVERDUE
    assert _shown(area) == [i.case_id for i in worklist_items(demo_db, admin, Worklist.OVERDUE)]


def test_counts_are_read_off_the_gui_thread(qtbot, demo_db, admin, monkeypatch) -> None:
    threads: list[int] = []
    real = home_area.worklist_summary
    monkeypatch.setattr(home_area, "worklist_summary", lambda db, actor, on: threads.append(
        threading.get_ident()) or real(db, actor, on))
    _home(qtbot, demo_db, admin)
    assert threads and threading.get_ident() not in threads


def test_a_card_and_a_cell_show_their_cases(qtbot, demo_db, admin, sample_cases) -> None:
    area = _home(qtbot, demo_db, admin)
    qtbot.mouseClick(area.cards[Worklist.AWAITING_ASSESSMENT], Qt.MouseButton.LeftButton)
    _settled(qtbot, area)
    expected = worklist_items(demo_db, admin, Worklist.AWAITING_ASSESSMENT)
    assert _shown(area) == [i.case_id for i in expected] and expected
    assert area.items_title.text().startswith("در انتظار اهلیت‌سنجی")
    column = 1 + list(Worklist).index(Worklist.OVERDUE)
    for row in range(area.loads.rowCount()):
        load = area.loads.load_at(row)
        rect = area.loads_table.visualRect(area.loads.index(row, column))
        qtbot.mouseClick(area.loads_table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        _settled(qtbot, area)
        expected = worklist_items(demo_db, admin, Worklist.OVERDUE,
                                  facilitator_id=load.facilitator_id,
                                  unassigned_only=load.facilitator_id is None)
        assert _shown(area) == [i.case_id for i in expected]
        assert len(expected) == load.counts[Worklist.OVERDUE]
        assert area.cards[Worklist.OVERDUE].isChecked()
    assert all(area.items.item_at(r).facilitator_id is None
               for r in range(area.items.rowCount()))


@pytest.mark.parametrize(("worklist", "tab"), [(Worklist.OVERDUE, "monitoring"),
                                               (Worklist.DUE_THIS_WEEK, "monitoring"),
                                               (Worklist.READY_TO_STABILISE, "monitoring"),
                                               (Worklist.AWAITING_ASSESSMENT, "case"),
                                               (Worklist.WITHOUT_FACILITATOR, "case")])
def test_opening_a_case_opens_its_client_on_the_useful_tab(qtbot, demo_db, admin, sample_cases,
                                                           monkeypatch, worklist, tab) -> None:
    opened: list[tuple] = []
    monkeypatch.setattr(MainWindow, "open_client",
                        lambda self, client_id, tab=None: opened.append((client_id, tab)))
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach_database(demo_db)
    window.start_session(admin)
    window.show()
    area = window.pages["home"]
    assert window.stack.currentWidget() is area  # the first thing after signing in
    _settled(qtbot, area)
    area.choose(worklist)
    _settled(qtbot, area)
    last = area.items.rowCount() - 1
    rect = area.items_table.visualRect(area.items.index(last, 0))
    qtbot.mouseClick(area.items_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(area.items_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    item = worklist_items(demo_db, admin, worklist)[-1]
    assert opened == [(item.client_id, tab)]
    area.items_table.setCurrentIndex(area.items.index(0, 0))
    qtbot.keyClick(area.items_table, Qt.Key.Key_Return)
    assert opened[-1] == (worklist_items(demo_db, admin, worklist)[0].client_id, tab)


def test_a_facilitator_sees_only_their_own_cases(qtbot, demo_db, admin, sample_cases) -> None:
    facilitator = sign_in(demo_db, "facilitator1", DEMO_PASSWORD)
    area = _home(qtbot, demo_db, facilitator)
    theirs = worklist_summary(demo_db, facilitator)
    everyone = worklist_summary(demo_db, admin)
    for worklist, card in area.cards.items():
        assert card.count == theirs.totals[worklist.value] <= everyone.totals[worklist.value]
    assert sum(theirs.totals.values()) < sum(everyone.totals.values())
    assert not area.loads_table.isVisibleTo(area)
    assert not area.cards[Worklist.WITHOUT_FACILITATOR].isVisibleTo(area)
    for worklist in Worklist:
        area.choose(worklist)
        _settled(qtbot, area)
        assert {area.items.item_at(r).facilitator_id
                for r in range(area.items.rowCount())} <= {facilitator.user_id}


def test_showing_the_area_again_counts_again(qtbot, demo_db, admin) -> None:
    area = _home(qtbot, demo_db, admin)
    area.choose(Worklist.AWAITING_ASSESSMENT)
    _settled(qtbot, area)
    before = area.cards[Worklist.AWAITING_ASSESSMENT].count
    assert area.items.rowCount() == before
    client = client_rows(demo_db, admin, ClientFilter(stage=NO_CASE), limit=1)[0]
    open_case(demo_db, admin, client.id, opened_on=today() - dt.timedelta(days=2),
              referral_source=ReferralSource.SELF)
    area.hide()
    area.show()
    _settled(qtbot, area)
    assert area.cards[Worklist.AWAITING_ASSESSMENT].count == before + 1
    assert client.id in {area.items.item_at(r).client_id for r in range(area.items.rowCount())}


def test_open_client_shows_the_form_then_reads_the_lists_again(qtbot, demo_db, admin,
                                                               monkeypatch) -> None:
    """MainWindow.open_client with a stand-in for the client form (built on another branch)."""
    seen: list[tuple] = []

    class ClientForm(QDialog):
        def __init__(self, db, actor, client_id=None, parent=None, *, tab=None,
                     tasks=None) -> None:
            super().__init__(parent)
            assert tasks is parent.tasks   # the form prints through the window's runner
            seen.append((client_id, tab))

        def exec(self) -> int:
            # What saving does: here, a case is opened for the client.
            open_case(demo_db, admin, seen[-1][0], opened_on=today(),
                      referral_source=ReferralSource.SELF)
            return QDialog.DialogCode.Accepted

    monkeypatch.setitem(sys.modules, "desktop.views.client_form",
                        types.SimpleNamespace(ClientForm=ClientForm))
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach_database(demo_db)
    window.start_session(admin)
    window.show()
    home, clients = window.pages["home"], window.pages["clients"]
    _settled(qtbot, home)
    before = home.cards[Worklist.AWAITING_ASSESSMENT].count
    window.show_area("clients")
    qtbot.waitUntil(lambda: clients.table.viewport().width() > 0 and not clients.busy)
    clients.table.setCurrentIndex(clients.model.index(0, 0))
    chosen = clients.current_client_id()
    qtbot.keyClick(clients.table, Qt.Key.Key_Return)
    assert seen == [(chosen, None)]
    qtbot.waitUntil(lambda: not clients.busy)
    assert clients.model.data(clients.model.index(0, 7)) == ""  # no facilitator given
    assert clients.model.data(clients.model.index(0, 6)) == "شناسایی و معرفی"
    _settled(qtbot, home)
    assert home.cards[Worklist.AWAITING_ASSESSMENT].count == before + 1


def test_a_failed_read_says_so_and_can_be_tried_again(qtbot, demo_db, admin,
                                                      monkeypatch) -> None:
    real = home_area.worklist_summary

    def unreachable(db, actor, on):
        raise DatabaseError("The database could not be opened: {reason}", reason="timeout")

    monkeypatch.setattr(home_area, "worklist_summary", unreachable)
    area = _home(qtbot, demo_db, admin)
    assert area.error.isVisibleTo(area) and "پایگاه داده باز نشد" in area.error.text()
    assert area.refresh_button.isEnabled()
    monkeypatch.setattr(home_area, "worklist_summary", real)
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, area)
    assert not area.error.isVisibleTo(area)
    assert area.cards[Worklist.OVERDUE].count == 0
