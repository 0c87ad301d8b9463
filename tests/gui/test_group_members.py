"""Members from the group form: a client of the office found by national code, a person
named here, the roles, and the warning while the group is outside 15 to 25."""

from __future__ import annotations

from desktop.services.group_members import group_members
from desktop.views.group_form import GroupForm
from desktop.views.member_dialog import MemberDialog
from tests.gui.client_helpers import choose, click, national_code, register, type_into
from tests.gui.group_helpers import make_group


def _add(qtbot, form: GroupForm) -> MemberDialog:
    click(qtbot, form.members_tab.add_button)
    dialog = form.members_tab.dialog
    assert isinstance(dialog, MemberDialog) and dialog.isVisible()
    return dialog


def test_members_are_linked_to_clients_or_named_and_the_size_is_watched(
        qtbot, demo_db, admin, fixed_clock) -> None:
    client = register(demo_db, admin, national_code("227315486"), "فاطمه", "نوروزی")
    group, _members = make_group(demo_db, admin, members=14)
    form = GroupForm(demo_db, admin, group.id, tab="members")
    qtbot.addWidget(form)
    form.show()
    tab = form.members_tab
    assert tab.warning.isVisible() and "۱۴" in tab.warning.text()
    dialog = _add(qtbot, form)
    type_into(qtbot, dialog.national_code, client.national_code)
    # A client of the office: named from the registry, which the dialog does not let change.
    assert dialog.client_id == client.id and dialog.first_name.text() == "فاطمه"
    assert dialog.first_name.isReadOnly() and "نوروزی" in dialog.found.text()
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    assert not tab.warning.isVisible() and tab.model.rowCount() == 15
    dialog = _add(qtbot, form)
    type_into(qtbot, dialog.national_code, national_code("000000001"))
    assert dialog.client_id is None and not dialog.first_name.isReadOnly()
    type_into(qtbot, dialog.first_name, "ز")
    type_into(qtbot, dialog.last_name, "قشقایی")
    choose(dialog.role, "chair")                 # the group has its chair already
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "دو حرف" in dialog.errors.message("first_name")
    assert "رئیس" in dialog.errors.message("role")
    type_into(qtbot, dialog.first_name, "زینب")
    choose(dialog.role, "member")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    stored = {m.full_name: m for m in group_members(demo_db, admin, group.id)}
    assert stored["فاطمه نوروزی"].client_id == client.id
    assert stored["زینب قشقایی"].client_id is None and tab.model.rowCount() == 16
