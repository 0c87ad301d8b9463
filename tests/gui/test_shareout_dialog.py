"""The share-out from the group form: the preview by shares, loans still owed written off only
with the group's reason, and the next cycle opened with the social fund."""

from __future__ import annotations

import datetime as dt

from desktop.clock import today
from desktop.domain.groups import CycleStatus
from desktop.domain.ledger import Cash
from desktop.fa.money import format_amount
from desktop.services.group_meetings import MeetingInput, MemberLine, NewLoan, record_meeting
from desktop.services.group_overview import group_overview
from desktop.views.group_form import GroupForm
from desktop.views.shareout_dialog import ShareoutDialog
from tests.gui.client_helpers import answer, click, type_into
from tests.gui.group_helpers import SOCIAL, balanced_meeting, make_group


def test_the_share_out_pays_by_shares_and_opens_the_next_cycle(qtbot, demo_db, admin,
                                                                fixed_clock) -> None:
    group, members = make_group(demo_db, admin)
    balanced_meeting(demo_db, admin, group, members, today() - dt.timedelta(days=28))
    # At the second meeting a member borrows 1,000,000 and has not repaid it.
    lines = tuple(MemberLine(m, True, shares=2, social=SOCIAL) for m in members)
    record_meeting(demo_db, admin, group.cycle.id, MeetingInput(
        held_on=today() - dt.timedelta(days=14), lines=lines,
        counted=Cash(32_000_000 - 1_000_000, 1_600_000),
        loans=(NewLoan(members[0], 1_000_000, 2),)))
    form = GroupForm(demo_db, admin, group.id)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.shareout_button)
    dialog = form.dialog
    assert isinstance(dialog, ShareoutDialog) and dialog.isVisible()
    preview = dialog.preview
    assert preview is not None and preview.distributable == 31_000_000
    model = dialog.model
    assert model.rowCount() == 17                          # each member and the total
    payouts = [model.record(r).payout for r in range(16)]
    assert sum(payouts) == 31_000_000 and min(payouts) > 0
    assert model.data(model.index(16, 4)) == format_amount(31_000_000)
    assert model.data(model.index(16, 2)) == "۶۴"            # 16 members × 4 shares
    assert dialog.loans_box.isVisible() and dialog.open_loans.rowCount() == 1
    assert dialog.open_loans.data(dialog.open_loans.index(0, 1)) == "۱٬۰۰۰٬۰۰۰"
    assert dialog.rules.starts_on.date() == today()
    click(qtbot, dialog.pay_button)
    answer(qtbot, dialog.question, "پرداخت")
    # A loan is still owed: the group's reason to write it off is asked, beside its field.
    assert "سوخت" in dialog.errors.message("write_off_reason")
    assert group_overview(demo_db, admin, group.id).group.cycle.number == 1
    type_into(qtbot, dialog.write_off_reason, "تصویب جلسه: فوت همسر وام‌گیرنده")
    click(qtbot, dialog.pay_button)
    with qtbot.waitSignal(dialog.sharedOut):
        answer(qtbot, dialog.question, "پرداخت")
    assert not dialog.isVisible()
    overview = group_overview(demo_db, admin, group.id)
    first, second = overview.group.cycles
    assert first.status == CycleStatus.SHARED_OUT and first.distributable == 31_000_000
    assert second.is_open and second.opening_social_fund == 1_600_000
    assert overview.books.cash == Cash(0, 1_600_000)
    assert "دوره ۲" in form.cycle_note.text() and form.meetings.model.rowCount() == 0
    assert form.shareout_button.isEnabled()          # the new cycle will end in its turn too
