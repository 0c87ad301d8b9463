"""Recording a meeting the way the treasurer reads it out: the grid, the running cash box, and
the refusals shown where they belong — a meeting that does not balance is never saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.clock import today
from desktop.domain.ledger import Cash
from desktop.fa.jalali import format_jalali
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.group_overview import group_overview
from desktop.views.group_form import GroupForm
from desktop.views.meeting_dialog import MeetingDialog
from tests.gui.client_helpers import click, type_into, type_text
from tests.gui.group_helpers import balanced_meeting, make_group


def _form(qtbot, db, actor, group_id: int, tab: str = "meetings") -> GroupForm:
    form = GroupForm(db, actor, group_id, tab=tab)
    qtbot.addWidget(form)
    form.show()
    return form


def _record(qtbot, form: GroupForm) -> MeetingDialog:
    click(qtbot, form.meetings.record_button)
    dialog = form.meetings.dialog
    assert isinstance(dialog, MeetingDialog) and dialog.isVisible()
    return dialog


def _shares(spin, count: int) -> None:
    spin.selectAll()
    type_text(spin, str(count))


def test_an_unbalanced_meeting_is_refused_beside_the_count_then_saved(
        qtbot, demo_db, admin, fixed_clock) -> None:
    group, members = make_group(demo_db, admin)
    form = _form(qtbot, demo_db, admin, group.id)
    dialog = _record(qtbot, form)
    grid = dialog.grid
    assert dialog.held_on.date() == today() and len(grid.rows) == 16
    # Present, a share and the social contribution is where every row starts.
    assert [row.line().shares for row in grid.rows] == [1] * 16
    _shares(grid.rows[0].shares, 3)
    type_into(qtbot, grid.rows[1].money["fine"].line, "۲۰۰۰۰")
    grid.rows[15].present.setChecked(False)      # absent: no share, no contribution
    assert grid.rows[15].line().shares == 0 and grid.rows[15].line().social == 0
    loan_fund, social_fund = dialog.cash.funds.values()
    # 17 shares of 500,000 and a fine of 20,000; 15 contributions of 50,000.
    assert loan_fund.expected.text() == "۸٬۵۲۰٬۰۰۰"
    assert social_fund.expected.text() == "۷۵۰٬۰۰۰"
    assert "بنویسید" in dialog.cash.sign.text()
    type_into(qtbot, loan_fund.counted.line, "۸٬۵۱۰٬۰۰۰")
    type_into(qtbot, social_fund.counted.line, "750000")
    assert "تراز نیست" in dialog.cash.sign.text() and "۱۰٬۰۰۰ ریال کسری" in \
        dialog.cash.sign.text() and not dialog.cash.balanced
    click(qtbot, dialog.save_button)
    refusal = loan_fund.counted.error
    assert refusal.isVisible() and "صندوق وام" in refusal.text() and "۱۰٬۰۰۰" in refusal.text()
    assert loan_fund.counted.line.property("invalid") is True
    assert not social_fund.counted.error.isVisible()
    assert dialog.isVisible() and "ذخیره نشد" in dialog.message.text()
    assert group_overview(demo_db, admin, group.id).books.meetings == []   # nothing saved
    type_into(qtbot, loan_fund.counted.line, "8520000")
    assert "✓" in dialog.cash.sign.text() and dialog.cash.balanced
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    books = group_overview(demo_db, admin, group.id).books
    first, absent = grid.rows[0].member.id, grid.rows[15].member.id
    assert books.cash == Cash(8_520_000, 750_000) and books.shares[first] == 3
    assert len(books.meetings[0].present) == 15 and absent not in books.meetings[0].present
    assert set(members) == {row.member.id for row in grid.rows}
    assert form.meetings.model.rowCount() == 1
    assert form.meetings.model.data(form.meetings.model.index(0, 1)) == "۱۵ از ۱۶"


def test_refusals_of_the_date_and_of_a_loan_stand_beside_them(
        qtbot, demo_db, admin, fixed_clock) -> None:
    group, members = make_group(demo_db, admin)
    form = _form(qtbot, demo_db, admin, group.id)
    dialog = _record(qtbot, form)
    click(qtbot, dialog.loans.add_button)
    borrower, amount, _months, purpose, _reason, _remove = dialog.loans.rows[0][0]
    borrower.setCurrentIndex(borrower.findData(members[2]))
    type_into(qtbot, amount.line, "۱۰٬۰۰۰٬۰۰۰")
    type_into(qtbot, purpose, "خرید چرخ خیاطی")
    loan_fund, social_fund = dialog.cash.funds.values()
    # The loan leaves the loan fund short: 16 shares bring 8,000,000, the loan takes 10,000,000.
    assert loan_fund.expected.text().endswith("۲٬۰۰۰٬۰۰۰") and "\u2212" in \
        loan_fund.expected.text()
    type_into(qtbot, dialog.held_on.line, format_jalali(today() + dt.timedelta(days=1)))
    type_into(qtbot, loan_fund.counted.line, "0")
    type_into(qtbot, social_fund.counted.line, "800000")
    click(qtbot, dialog.save_button)
    assert "پیش از برگزاری" in dialog.held_on.error_message()
    type_into(qtbot, dialog.held_on.line, format_jalali(today()))
    click(qtbot, dialog.save_button)
    loan_error = dialog.loans.rows[0][1]
    assert loan_error.isVisible() and dialog.message.text() == "چند خانه نیاز به اصلاح دارد."
    assert "۱٬۵۰۰٬۰۰۰" in loan_error.text()     # three times one share of savings
    assert dialog.sections.currentIndex() == 0 and not dialog.held_on.error_message()
    type_into(qtbot, amount.line, "۱٬۵۰۰٬۰۰۰")
    click(qtbot, dialog.save_button)
    # The loan is within the rule now; the count is what stands in the way.
    assert not loan_error.isVisible() and loan_fund.counted.error.isVisible()
    type_into(qtbot, loan_fund.counted.line, "۶٬۵۰۰٬۰۰۰")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    (loan,) = group_overview(demo_db, admin, group.id).books.loans
    assert (loan.member_id, loan.principal, loan.term_months) == (members[2], 1_500_000, 6)
    assert form.loans.internal.rowCount() == 1


def test_keys_move_along_a_row_and_up_and_down_the_members(
        qtbot, demo_db, admin, fixed_clock) -> None:
    group, _members = make_group(demo_db, admin, members=4)
    form = _form(qtbot, demo_db, admin, group.id)
    dialog = _record(qtbot, form)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first, second = dialog.grid.rows[:2]
    first.money["social"].line.setFocus()
    qtbot.waitUntil(lambda: first.money["social"].line.hasFocus())
    qtbot.keyClick(first.money["social"].line, Qt.Key.Key_Down)
    assert second.money["social"].line.hasFocus()
    qtbot.keyClick(second.money["social"].line, Qt.Key.Key_Return)   # Enter: the next figure
    assert second.money["fine"].line.hasFocus()
    qtbot.keyClick(second.money["fine"].line, Qt.Key.Key_Up)
    assert first.money["fine"].line.hasFocus()


def test_a_viewer_reads_the_group_and_records_nothing(qtbot, demo_db, admin,
                                                      fixed_clock) -> None:
    group, members = make_group(demo_db, admin)
    balanced_meeting(demo_db, admin, group, members, today() - dt.timedelta(days=14))
    viewer = sign_in(demo_db, "viewer", DEMO_PASSWORD)
    form = _form(qtbot, demo_db, viewer, group.id)
    assert form.meetings.model.rowCount() == 1
    hidden = (form.meetings.record_button, form.meetings.delete_button,
              form.members_tab.add_button, form.members_tab.edit_button,
              form.details.save_button, form.shareout_button)
    # Hidden, not merely off screen: the buttons of the tabs not shown count as well.
    assert all(button.isHidden() for button in hidden)
    assert form.details.fields.name.isReadOnly() and not form.details.fields.county.isEnabled()
    form.meetings.record()                         # even asked directly, nothing opens
    assert form.meetings.dialog is None
    expert = _form(qtbot, demo_db, sign_in(demo_db, "expert", DEMO_PASSWORD), group.id)
    assert not any(button.isHidden() for button in (
        expert.meetings.record_button, expert.members_tab.add_button, expert.shareout_button,
        expert.details.save_button))


def test_the_latest_meeting_is_taken_back_after_asking(qtbot, demo_db, admin,
                                                       fixed_clock) -> None:
    from tests.gui.client_helpers import answer

    group, members = make_group(demo_db, admin)
    balanced_meeting(demo_db, admin, group, members, today() - dt.timedelta(days=28))
    balanced_meeting(demo_db, admin, group, members, today() - dt.timedelta(days=14))
    form = _form(qtbot, demo_db, admin, group.id)
    click(qtbot, form.meetings.delete_button)
    assert format_jalali(today() - dt.timedelta(days=14)) in form.meetings.question.text()
    answer(qtbot, form.meetings.question, "انصراف")
    assert form.meetings.model.rowCount() == 2
    click(qtbot, form.meetings.delete_button)
    answer(qtbot, form.meetings.question, "حذف")
    assert form.meetings.model.rowCount() == 1
    assert len(group_overview(demo_db, admin, group.id).books.meetings) == 1
