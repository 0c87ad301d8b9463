"""The women's groups screens: a group set up from the area's dialog, members added from the
clients through the form, a month of sales recorded with each member's income — which sums to
what the group paid out — and the month refused, beside the field, when the incomes do not add
up or the payout is more than the month's cash."""

from __future__ import annotations

from desktop.clock import today
from desktop.domain.people import TargetGroup
from desktop.services.client_search import ClientFilter, client_rows
from desktop.services.women_groups import WomenGroupInput, create_women_group
from desktop.services.women_members import WomenMemberInput, add_women_member, women_members
from desktop.services.women_money import business_books
from desktop.services.women_overview import list_women_groups
from desktop.views.form_preview_dialog import FormPreviewDialog
from desktop.views.group_form import GroupForm
from desktop.views.new_women_group_dialog import NewWomenGroupDialog
from desktop.views.record_table import select_row
from desktop.views.women_area import WomenGroupsArea
from desktop.views.women_group_form import WomenGroupForm
from tests.gui.client_helpers import choose, click, type_into, type_text
from tests.gui.group_helpers import make_group
from tests.gui.test_print_from_client import pdf_text


def _set_up_group(qtbot, db, actor) -> int:
    dialog = NewWomenGroupDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.fields.kind, "client_cooperative")
    assert not dialog.fields.registered_on.isHidden()     # a cooperative's registration shows
    choose(dialog.fields.kind, "mutual_help")
    assert dialog.fields.registered_on.isHidden()
    type_into(qtbot, dialog.fields.name, "گروه همیار بانوان گلستان")
    type_into(qtbot, dialog.fields.locality, "گلستان")
    type_into(qtbot, dialog.business.title, "تولید رب انار")
    type_into(qtbot, dialog.business.opening_cash.line, "۲٬۰۰۰٬۰۰۰")
    with qtbot.waitSignal(dialog.created) as created:
        click(qtbot, dialog.save_button)
    return created.args[0]


def _add_member(qtbot, form: WomenGroupForm, national_code: str) -> None:
    members = form.members_tab
    click(qtbot, members.box.add_button)
    dialog = members.box.dialog
    picker = dialog.picker
    picker.search.clear()
    type_text(picker.search, national_code)
    picker.refresh()
    assert picker.model.rowCount() == 1
    select_row(picker.view, 0)
    assert picker.model.record(0).last_name in dialog.found.text()
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)


def test_a_group_set_up_given_members_and_a_month_of_sales(
        qtbot, demo_db, admin, fixed_clock) -> None:
    area = WomenGroupsArea(demo_db, admin)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.model.rowCount() == 0 and area.new_button.isVisible()
    group_id = _set_up_group(qtbot, demo_db, admin)
    area.refresh()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.model.data(area.model.index(0, 0)) == "MH-0707-0001"
    assert area.model.data(area.model.index(0, 6)) == "تولید رب انار"
    choose(area.kind, "client_cooperative")
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.model.rowCount() == 0 and area.count_label.text() == "گروهی پیدا نشد"
    choose(area.kind, "mutual_help")
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    assert area.model.rowCount() == 1

    form = WomenGroupForm(demo_db, admin, group_id, tab="members")
    qtbot.addWidget(form)
    form.show()
    heads = client_rows(demo_db, admin, ClientFilter(
        target_group=TargetGroup.FEMALE_HEAD.value), limit=3)
    for client in heads:
        _add_member(qtbot, form, client.national_code)
    # Someone not registered here joins too, and is marked as not a female head of household.
    click(qtbot, form.members_tab.box.add_button)
    dialog = form.members_tab.box.dialog
    dialog.not_registered.setChecked(True)
    assert "سرپرست خانوار نیست" in dialog.found.text()
    type_into(qtbot, dialog.first_name, "پروین")
    type_into(qtbot, dialog.last_name, "نوروزی")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    members = women_members(demo_db, admin, group_id)
    assert sorted(m.client_id for m in members if m.client_id) == sorted(c.id for c in heads)
    assert [m.full_name for m in members if m.marked] == ["پروین نوروزی"]
    table = form.members_tab.box.model
    assert sorted(table.data(table.index(r, 0)) for r in range(table.rowCount())
                  if table.data(table.index(r, 0)).endswith("*")) == ["پروین نوروزی *"]

    form.show_tab("business")
    click(qtbot, form.business.months.add_button)
    month = form.business.months.dialog
    assert sorted(month.incomes) == sorted(m.id for m in members)
    type_into(qtbot, month.sales.line, "۹۰۰۰۰۰۰")
    type_into(qtbot, month.costs.line, "۳۰۰۰۰۰۰")
    assert month.cash.text() == "۸٬۰۰۰٬۰۰۰ ریال"    # 2,000,000 opening + sales − costs
    # More than the month's cash: refused beside the payout, though the incomes add up.
    type_into(qtbot, month.paid_out.line, "۹۰۰۰۰۰۰")
    click(qtbot, month.split_equal)
    click(qtbot, month.save_button)
    assert "۸٬۰۰۰٬۰۰۰" in month.errors.message("paid_out")
    type_into(qtbot, month.paid_out.line, "۵۰۰۰۰۰۰")
    click(qtbot, month.split_equal)
    assert month.remaining.text() == "۰ ریال"
    first = next(iter(month.incomes.values()))
    # One income changed by hand: the remainder says so, and the service refuses the month.
    type_into(qtbot, first.line, "۱۰۰۰۰۰")
    assert month.remaining.text() != "۰ ریال"
    click(qtbot, month.save_button)
    assert month.isVisible()
    assert "برابر" in month.errors.message("incomes")
    assert business_books(demo_db, admin, group_id).months == ()
    click(qtbot, month.split_equal)
    with qtbot.waitSignal(month.saved):
        click(qtbot, month.save_button)

    books = business_books(demo_db, admin, group_id)
    (recorded,) = books.months
    assert recorded.cash.paid_out == 5_000_000
    assert sum(line.amount for line in recorded.incomes) == recorded.cash.paid_out
    assert books.cash == 2_000_000 + 9_000_000 - 3_000_000 - 5_000_000
    assert form.business.months.model.rowCount() == 1
    (row,) = list_women_groups(demo_db, admin)
    assert row.paid_out_12m == 5_000_000 and (row.members, row.female_heads) == (4, 3)



def _labels(button) -> list[str]:
    button.menu_of_documents.aboutToShow.emit()    # as when the button is pressed
    return [a.text() for a in button.menu_of_documents.actions()]


def _print(qtbot, button, label: str) -> FormPreviewDialog:
    _labels(button)
    next(a for a in button.menu_of_documents.actions() if a.text() == label).trigger()
    printing = button.printing
    qtbot.waitUntil(lambda: printing.preview is not None and printing.preview.isVisible(),
                    timeout=20_000)
    return printing.preview


def test_the_forms_print_their_groups_documents_to_the_preview(
        qtbot, demo_db, admin, fixed_clock) -> None:
    group = create_women_group(demo_db, admin, WomenGroupInput(
        kind="mutual_help", name="گروه همیار بانوان گلستان", county_code="0707",
        formed_on=today()))
    (client,) = client_rows(demo_db, admin, limit=1)
    add_women_member(demo_db, admin, group.id, WomenMemberInput(joined_on=today(),
                                                                client_id=client.id))
    form = WomenGroupForm(demo_db, admin, group.id)
    qtbot.addWidget(form)
    form.show()
    button = form.print_button
    assert _labels(button) == ["شناسنامه گروه", "فهرست اعضای گروه"]
    preview = _print(qtbot, button, "فهرست اعضای گروه")
    assert client.national_code in pdf_text(preview.path)
    preview.close()

    micro, _ = make_group(demo_db, admin, members=3)
    micro_form = GroupForm(demo_db, admin, micro.id)
    qtbot.addWidget(micro_form)
    micro_form.show()
    labels = _labels(micro_form.print_button)
    assert labels == ["دفترچه‌های اعضا", "دفتر صورت‌جلسات", "برگه تقسیم سود"]  # no meeting yet
    preview = _print(qtbot, micro_form.print_button, "دفترچه‌های اعضا")
    text = pdf_text(preview.path)
    assert text.count(micro.code) >= 3     # a passbook for each of the three members
    preview.close()
