"""The micro-finance groups area: the list read off the GUI thread, search and grade, a new
group set up from the list, and who may do what."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.clock import today
from desktop.database import Database
from desktop.fa.jalali import format_jalali
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.group_overview import list_groups
from desktop.views.groups_area import GroupsArea
from desktop.views.new_group_dialog import NewGroupDialog
from tests.gui.client_helpers import choose, click, type_into
from tests.gui.group_helpers import make_group


def _area(qtbot, db: Database, actor: Actor) -> GroupsArea:
    area = GroupsArea(db, actor)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    return area


def _column(area: GroupsArea, header: str) -> list[str]:
    model = area.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_the_list_shows_a_new_group_set_up_from_it(qtbot, demo_db, admin, fixed_clock) -> None:
    area = _area(qtbot, demo_db, admin)
    assert area.model.rowCount() == 0 and area.new_button.isVisible()
    with qtbot.waitSignal(area.newGroup):
        click(qtbot, area.new_button)
    dialog = NewGroupDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.fields.name, "گ")
    type_into(qtbot, dialog.rules.share_price.line, "۵۰۰")
    click(qtbot, dialog.save_button)
    # Both halves are told at once, each message beside its field; nothing is set up.
    assert "سه حرف" in dialog.fields.errors.message("name")
    assert "۱٬۰۰۰" in dialog.rules.errors.message("share_price")
    assert list_groups(demo_db, admin) == []
    type_into(qtbot, dialog.fields.name, "گروه بانوان مهارلو")
    type_into(qtbot, dialog.fields.locality, "مهارلو")
    type_into(qtbot, dialog.rules.share_price.line, "۵۰۰٬۰۰۰")
    formed = today() - dt.timedelta(days=10)
    type_into(qtbot, dialog.fields.formed_on.line, format_jalali(formed))
    assert dialog.rules.starts_on.date() == formed      # the first cycle follows it
    with qtbot.waitSignal(dialog.created) as created:
        click(qtbot, dialog.save_button)
    assert dialog.group is not None and created.args == [dialog.group.id]
    area.refresh()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert _column(area, "کد") == ["MF-0707-0001"]
    assert _column(area, "نام گروه") == ["گروه بانوان مهارلو"]
    assert _column(area, "روستا یا محله") == ["مهارلو"]
    assert _column(area, "اعضا") == ["۰"]
    assert _column(area, "پس‌انداز (ریال)") == ["۰"]
    assert _column(area, "درجه") == ["ج"]


def test_search_and_grade_filter_and_enter_opens(qtbot, demo_db, admin, fixed_clock) -> None:
    first, _ = make_group(demo_db, admin, members=3, name="گروه بانوان دشتک")
    make_group(demo_db, admin, members=3, name="گروه بانوان قلات")
    area = _area(qtbot, demo_db, admin)
    assert area.model.rowCount() == 2 and area.count_label.text() == "۲ گروه"
    with qtbot.waitSignal(area.openGroup) as opened:   # Enter with one group found opens it
        type_into(qtbot, area.search, "دشتک")
    assert opened.args == [first.id] and _column(area, "نام گروه") == ["گروه بانوان دشتک"]
    choose(area.grade, "A")
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.model.rowCount() == 0 and area.count_label.text() == "گروهی پیدا نشد"
    choose(area.grade, "C")
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert _column(area, "درجه") == ["ج"]


def test_a_facilitator_sees_only_their_groups_and_a_viewer_sets_none_up(
        qtbot, demo_db, admin, fixed_clock) -> None:
    facilitator = sign_in(demo_db, "facilitator1", DEMO_PASSWORD)
    make_group(demo_db, admin, members=2, name="گروه بانوان دشتک",
               facilitator_id=facilitator.user_id)
    make_group(demo_db, admin, members=2, name="گروه بانوان قلات")
    area = _area(qtbot, demo_db, facilitator)
    assert _column(area, "نام گروه") == ["گروه بانوان دشتک"]
    assert not area.new_button.isVisible()    # setting groups up is the county expert's
    viewer = _area(qtbot, demo_db, sign_in(demo_db, "viewer", DEMO_PASSWORD))
    assert viewer.model.rowCount() == 2 and not viewer.new_button.isVisible()
