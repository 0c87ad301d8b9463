"""The clients area: search as you type, filters, Persian order, keyboard, who sees what."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.database import Database
from desktop.domain.pathway import Stage
from desktop.domain.people import TargetGroup
from desktop.fa.collate import ALPHABET
from desktop.fa.national_code import national_code_check_digit
from desktop.models.people import Client
from desktop.models.tracking import Actor
from desktop.services import client_search
from desktop.services.auth import sign_in
from desktop.services.cases import assignable_facilitators
from desktop.services.client_search import ClientFilter, count_clients
from desktop.services.clients import ClientInput, create_client
from desktop.services.demo import DEMO_PASSWORD
from desktop.views import client_table_model as columns
from desktop.views.clients_area import ClientsArea


def _register(db: Database, actor: Actor, serial: int, first: str, last: str) -> int:
    first9 = f"{987_650_000 + serial:09d}"
    record = create_client(db, actor, ClientInput(
        national_code=first9 + str(national_code_check_digit(first9)), first_name=first,
        last_name=last, gender="female", county_code="0707", birth_date=dt.date(1990, 3, 1),
        target_groups=frozenset({TargetGroup.FEMALE_HEAD})), confirm_similar=True)
    return record.id


def _type(widget, text: str) -> None:
    """Key presses carrying Persian or Arabic letters (QTest only types Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def _area(qtbot, db: Database, actor: Actor) -> ClientsArea:
    area = ClientsArea(db, actor)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    qtbot.waitExposed(area)
    _settled(qtbot, area)
    return area


def _settled(qtbot, area: ClientsArea) -> None:
    """The list's count and first rows are read in the background: wait for them."""
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)


def _ids(area: ClientsArea) -> list[int]:
    model = area.model
    return [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole)
            for r in range(model.rowCount())]


def _column(area: ClientsArea, column: int) -> list[str]:
    model = area.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_search_as_you_type_with_arabic_letters_and_persian_digits(qtbot, demo_db, admin,
                                                                   monkeypatch) -> None:
    wanted = _register(demo_db, admin, 1, "کبری", "یکتایی")
    code = client_search.client_rows(demo_db, admin, ClientFilter(text="یکتایی"))[0] \
        .national_code
    area = _area(qtbot, demo_db, admin)
    assert area.search.placeholderText().startswith("جستجو")
    searches: list[ClientFilter] = []
    real_rows = client_search.client_rows
    monkeypatch.setattr(client_search, "client_rows",
                        lambda db, actor, filters, **kw: searches.append(filters) or
                        real_rows(db, actor, filters, **kw))
    _type(area.search, "كبري يكتا")  # Arabic kaf and yeh, as old keyboards type
    qtbot.waitUntil(lambda: area.model.filters.text == "كبري يكتا")
    _settled(qtbot, area)
    assert len(searches) == 1  # one search after the typing stopped, not one per key
    assert _ids(area) == [wanted]
    assert area.count_label.text() == "۱ مددجو"
    area.search.clear()
    persian = code[3:8].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    _type(area.search, persian)
    qtbot.waitUntil(lambda: area.model.filters.text == persian)
    _settled(qtbot, area)
    assert wanted in _ids(area)
    assert all(code[3:8] in row.national_code or code[3:8] in row.mobile
               for row in client_search.client_rows(demo_db, admin,
                                                    ClientFilter(text=persian)))


def test_nothing_found_says_so(qtbot, demo_db, admin) -> None:
    area = _area(qtbot, demo_db, admin)
    area.search.setText("ژژژژژ")
    area.apply_filters()
    _settled(qtbot, area)
    assert area.model.rowCount() == 0
    assert area.count_label.text() == "هیچ مددجویی پیدا نشد"


def test_filters_narrow_the_list(qtbot, demo_db, admin, sample_cases) -> None:
    area = _area(qtbot, demo_db, admin)
    everyone = area.model.rowCount()
    assert area.count_label.text() == "۵۰ مددجو"
    area.filter_bar.stage.setCurrentIndex(area.filter_bar.stage.findData(Stage.FOLLOW_UP))
    _settled(qtbot, area)
    following = count_clients(demo_db, admin, ClientFilter(stage=Stage.FOLLOW_UP))
    assert 0 < area.model.rowCount() == following < everyone
    assert set(_column(area, columns.STAGE)) == {Stage.FOLLOW_UP.label}
    area.filter_bar.county.setCurrentIndex(area.filter_bar.county.findData("0707"))
    _settled(qtbot, area)
    assert area.model.rowCount() == count_clients(demo_db, admin, ClientFilter(
        stage=Stage.FOLLOW_UP, county_code="0707")) <= following
    assert set(_column(area, columns.COUNTY)) <= {"شیراز"}
    area.clear_filters()
    _settled(qtbot, area)
    assert area.model.rowCount() == everyone
    facilitator = next(f for f in assignable_facilitators(demo_db, admin)
                       if f.id == sample_cases[0].facilitator_id)
    area.filter_bar.facilitator.setCurrentIndex(area.filter_bar.facilitator.findData(facilitator.id))
    _settled(qtbot, area)
    assert area.model.rowCount() > 0
    assert set(_column(area, columns.FACILITATOR)) == {facilitator.full_name}
    area.clear_filters()
    _settled(qtbot, area)
    area.filter_bar.target_group.setCurrentIndex(area.filter_bar.target_group.findData(TargetGroup.FEMALE_HEAD))
    _settled(qtbot, area)
    heads = count_clients(demo_db, admin, ClientFilter(target_group=TargetGroup.FEMALE_HEAD))
    assert 0 < area.model.rowCount() == heads < everyone
    area.clear_filters()
    _settled(qtbot, area)
    program = next(case.program_id for case in sample_cases if case.program_id)
    area.filter_bar.program.setCurrentIndex(area.filter_bar.program.findData(program))
    _settled(qtbot, area)
    assert 0 < area.model.rowCount() == sum(c.program_id == program for c in sample_cases)
    area.filter_bar.stage.setCurrentIndex(area.filter_bar.stage.findData(client_search.CLOSED))
    _settled(qtbot, area)
    assert set(_column(area, columns.STAGE)) <= {"بسته‌شده"}


def _click_header(qtbot, area: ClientsArea, column: int) -> None:
    header = area.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    assert header.logicalIndexAt(x) == column
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_sorting_by_name_follows_the_persian_alphabet(qtbot, demo_db, admin) -> None:
    names = ["بهاری", "پاکزاد", "تهرانی", "کاظمی", "گرجی", "لطفی"]
    ids = [_register(demo_db, admin, i, "مینا", name) for i, name in enumerate(names, 10)]
    area = _area(qtbot, demo_db, admin)
    _click_header(qtbot, area, columns.NATIONAL_CODE)
    assert area.model.sort_by is client_search.ClientSort.NATIONAL_CODE
    _click_header(qtbot, area, columns.FATHER)  # cannot sort: nothing changes
    assert area.model.sort_by is client_search.ClientSort.NATIONAL_CODE
    assert area.table.horizontalHeader().sortIndicatorSection() == columns.NATIONAL_CODE
    _click_header(qtbot, area, columns.NAME)
    assert area.model.sort_by is client_search.ClientSort.NAME and not area.model.descending
    order = _ids(area)
    positions = [order.index(i) for i in ids]
    assert positions == sorted(positions)  # ب پ ت, then ک گ ل — not code-point order
    firsts = [ALPHABET.index(name[0]) for name in _column(area, columns.NAME)]
    assert firsts == sorted(firsts)
    _click_header(qtbot, area, columns.NAME)
    assert area.model.descending and _ids(area) == order[::-1]


def test_keyboard_search_then_list_then_open(qtbot, demo_db, admin) -> None:
    area = _area(qtbot, demo_db, admin)
    opened: list[tuple] = []
    area.openClient.connect(lambda client, tab: opened.append((client, tab)))
    assert area.focusWidget() is area.search
    qtbot.keyClick(area.search, Qt.Key.Key_Down)
    assert area.focusWidget() is area.table and area.table.currentIndex().row() == 0
    qtbot.keyClick(area.table, Qt.Key.Key_Down)
    second = area.model.data(area.model.index(1, 0), Qt.ItemDataRole.UserRole)
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    assert opened == [(second, None)]
    rect = area.table.visualRect(area.model.index(2, columns.NAME))
    qtbot.mouseClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    third = area.model.data(area.model.index(2, 0), Qt.ItemDataRole.UserRole)
    assert opened == [(second, None), (third, None)]  # one double click, one opening
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == (third, None)
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.keyClick(area.table, Qt.Key.Key_Up)
    assert area.focusWidget() is area.search
    # Tab walks the filters right to left, as the row reads.
    qtbot.keyClick(area.search, Qt.Key.Key_Tab)
    bar = area.filter_bar
    assert area.focusWidget() is bar.county
    assert bar.county.x() > bar.target_group.x() > bar.stage.x()
    qtbot.keyClick(bar.county, Qt.Key.Key_Tab)
    assert area.focusWidget() is bar.target_group
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == (None, None)


def test_enter_on_a_whole_national_code_opens_that_client(qtbot, demo_db, admin) -> None:
    area = _area(qtbot, demo_db, admin)
    opened: list[tuple] = []
    area.openClient.connect(lambda client, tab: opened.append((client, tab)))
    row = client_search.client_rows(demo_db, admin, limit=1)[0]
    qtbot.keyClicks(area.search, row.national_code)
    qtbot.keyClick(area.search, Qt.Key.Key_Return)  # before the typing pause has passed
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [(row.id, None)]
    assert area.focusWidget() is area.table


@pytest.mark.parametrize(("username", "writes"), [("viewer", False), ("facilitator1", True),
                                                  ("expert", True)])
def test_who_sees_the_new_client_button(qtbot, demo_db, username: str, writes: bool) -> None:
    actor = sign_in(demo_db, username, DEMO_PASSWORD)
    area = _area(qtbot, demo_db, actor)
    assert area.new_button.isVisibleTo(area) is writes
    # A facilitator's list is their own clients: no one else to filter by.
    assert area.filter_bar.facilitator.isVisibleTo(area) is (username != "facilitator1")


def test_a_facilitator_lists_only_their_clients(qtbot, demo_db, sample_cases) -> None:
    actor = sign_in(demo_db, "facilitator1", DEMO_PASSWORD)
    area = _area(qtbot, demo_db, actor)
    assigned = {c.client_id for c in sample_cases if c.facilitator_id == actor.user_id}
    # … and the clients they registered themselves (the demo's staff register some).
    with demo_db.reading() as session:
        registered = set(session.scalars(
            select(Client.id).where(Client.registered_by_id == actor.user_id)))
    assert assigned and registered and set(_ids(area)) == assigned | registered


def test_refresh_keeps_the_place_and_shows_a_new_client(qtbot, demo_db, admin) -> None:
    area = _area(qtbot, demo_db, admin)
    area.table.setCurrentIndex(area.model.index(3, 0))
    chosen = area.current_client_id()
    _register(demo_db, admin, 40, "آذر", "ییلاقی")  # sorts last: row 3 stays row 3
    area.refresh()
    _settled(qtbot, area)
    assert area.model.rowCount() == 51 and area.count_label.text() == "۵۱ مددجو"
    assert area.current_client_id() == chosen
    QApplication.processEvents()


def test_the_first_rows_paint_before_the_count(qtbot, demo_db, admin, monkeypatch) -> None:
    """A list longer than one window shows its first rows, then grows when counted."""
    area = _area(qtbot, demo_db, admin)
    _settled(qtbot, area)
    total = client_search.count_clients(demo_db, admin, ClientFilter())
    assert total > 10 and area.model.rowCount() == total
    area.model.window = 10
    counted: list[int] = []
    real_count = client_search.count_clients
    monkeypatch.setattr(client_search, "count_clients",
                        lambda db, actor, filters: counted.append(area.model.rowCount()) or
                        real_count(db, actor, filters))
    area.refresh()
    _settled(qtbot, area)
    assert counted == [10]                 # when the count was asked, ten rows were shown
    assert area.model.rowCount() == total
    assert area.count_label.text() == f"{to_persian(total)} مددجو"


def to_persian(number: int) -> str:
    from desktop.fa.money import format_amount

    return format_amount(number)
