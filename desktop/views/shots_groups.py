"""Screenshots of the micro-finance groups: the list, the group form's tabs, and the dialogs of
a new group, a member, a meeting (balanced, and refused) and the share-out, on the demo office's
groups; a young group with few members is set up once for the list to show every grade."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, add_demo_groups
from desktop.services.group_members import MemberInput, add_member
from desktop.services.group_overview import list_groups
from desktop.services.groups import CycleRules, GroupInput, create_group

YOUNG_GROUP = "گروه بانوان کوشک‌ملا"
YOUNG_MEMBERS = (("ملیحه", "دهقانی", "chair"), ("رعنا", "بهرامی", "treasurer"),
                 ("شیرین", "زارعی", "secretary"), ("گلناز", "امیری", "member"),
                 ("ناهید", "صفری", "member"), ("مهین", "اسدی", "member"),
                 ("فرشته", "کاظمی", "member"), ("ژیلا", "رنجبر", "member"))


def _user(db: Database, name: str = "admin") -> Actor:
    return sign_in(db, name, DEMO_PASSWORD)


def demo_group(db: Database) -> int:
    """The demo group with the most savings; an office made with few clients gets two."""
    rows = [r for r in list_groups(db, _user(db)) if r.name != YOUNG_GROUP]
    if not rows:
        add_demo_groups(db, 2)
        rows = list_groups(db, _user(db))
    return max(rows, key=lambda r: (r.savings, -r.id)).id


def young_group(db: Database) -> int:
    """A group set up a month ago, with eight members and no meeting yet: grade C."""
    demo_group(db)    # the demo's groups first: their codes are numbered from one
    expert = _user(db, "expert")
    found = [r for r in list_groups(db, expert, text=YOUNG_GROUP) if r.name == YOUNG_GROUP]
    if found:
        return found[0].id
    formed = today() - dt.timedelta(days=30)
    facilitator = _user(db, "facilitator2")
    group = create_group(db, expert, GroupInput(
        name=YOUNG_GROUP, county_code="0707", formed_on=formed, meeting_frequency="weekly",
        locality="کوشک‌ملا", facilitator_id=facilitator.user_id),
        CycleRules(starts_on=formed, ends_on=formed + dt.timedelta(days=364),
                   share_price=200_000, service_charge_bp=150, max_shares=5,
                   social_contribution=20_000))
    for first, last, role in YOUNG_MEMBERS:
        add_member(db, expert, group.id, MemberInput(joined_on=formed, first_name=first,
                                                     last_name=last, role=role))
    return group.id


def _settle(area) -> None:
    while area.busy:
        area.tasks.wait_all()
        QApplication.processEvents()


def groups_area(db: Database, grade: str = "") -> QWidget:
    from desktop.views.shots import main_window

    young_group(db)
    window = main_window(db, "microfinance")
    area = window.pages["microfinance"]
    if grade:
        area.grade.setCurrentIndex(area.grade.findData(grade))
    area.refresh()
    _settle(area)
    return window


def group_form(db: Database, tab: str, user: str = "admin", group_id: int | None = None):
    from desktop.views.group_form import GroupForm

    return GroupForm(db, _user(db, user), group_id or demo_group(db), tab=tab)


def new_group_dialog(db: Database, wrong: bool = False) -> QWidget:
    from desktop.views.new_group_dialog import NewGroupDialog

    dialog = NewGroupDialog(db, _user(db, "expert"))
    dialog.fields.name.setText("گروه بانوان مهارلو" if not wrong else "گ")
    dialog.fields.locality.setText("مهارلو")
    dialog.fields.bank_name.setText("بانک کشاورزی")
    if wrong:
        dialog.fields.bank_sheba.setText("IR12 0000 1111")
        dialog.rules.share_price.line.setText("۵۰۰")
        dialog.save()
    return dialog


def _keep(dialog: QWidget, owner: QWidget) -> QWidget:
    dialog.owner = owner  # the form owns the dialog: keep it alive for the picture
    return dialog


def member_dialog(db: Database) -> QWidget:
    from desktop.views.shots_clients import SHOT_CLIENTS, shot_client

    form = group_form(db, "members")
    form.members_tab.add()
    dialog = form.members_tab.dialog
    shot_client(db, "no_case")
    dialog.national_code.setText(SHOT_CLIENTS["no_case"][0])
    dialog.look_up()
    return _keep(dialog, form)


def meeting_dialog(db: Database, unbalanced: bool = False) -> QWidget:
    form = group_form(db, "meetings")
    form.meetings.record()
    dialog = form.meetings.dialog
    rows = dialog.grid.rows
    rows[2].present.setChecked(False)
    rows[0].shares.setValue(3)
    rows[1].money["fine"].setAmount(20_000)
    owing = next((row for row in rows[3:] if row.member.owes), None)
    if owing is not None:
        owing.money["repayment"].setAmount(min(owing.member.owes, 1_000_000))
        owing.money["service_charge"].setAmount(40_000)
    dialog.loans.add_row()
    borrower, amount, months, purpose, _reason = dialog.loans.rows[0][0][:5]
    borrower.setCurrentIndex(4)
    amount.setAmount(5_000_000)
    months.setValue(6)
    purpose.setText("خرید نخ و پارچه برای خیاطی")
    dialog.recount()
    loan_fund, social_fund = (box.expected.text() for box in dialog.cash.funds.values())
    for box, text in zip(dialog.cash.funds.values(), (loan_fund, social_fund), strict=True):
        box.counted.line.setText(text)
        box.counted.is_valid()
    if unbalanced:
        box = next(iter(dialog.cash.funds.values()))
        box.counted.setAmount((box.counted.amount() or 0) - 50_000)
        dialog.save()
    return _keep(dialog, form)


def shareout_dialog(db: Database) -> QWidget:
    form = group_form(db, "meetings")
    form.open_shareout()
    dialog = form.dialog
    dialog.write_off_reason.setText("تصویب جلسه: وام‌ها در دوره بعد بازپرداخت می‌شود")
    return _keep(dialog, form)


FORM_SIZE = (1180, 760)
GROUP_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "area_microfinance": (groups_area, (1280, 800)),
    "groups_area_grade_a": ((lambda db: groups_area(db, "A")), (1280, 800)),
    **{f"group_form_{tab}": ((lambda db, tab=tab: group_form(db, tab)), FORM_SIZE)
       for tab in ("details", "members", "meetings", "loans", "grade")},
    "group_form_young": ((lambda db: group_form(db, "members", group_id=young_group(db))),
                         FORM_SIZE),
    "group_form_viewer": ((lambda db: group_form(db, "meetings", "viewer")), FORM_SIZE),
    "new_group_dialog": (new_group_dialog, (980, 640)),
    "new_group_dialog_errors": ((lambda db: new_group_dialog(db, True)), (980, 680)),
    "member_dialog": (member_dialog, None),
    "meeting_dialog": (meeting_dialog, (1280, 860)),
    "meeting_dialog_unbalanced": ((lambda db: meeting_dialog(db, True)), (1280, 860)),
    "shareout_dialog": (shareout_dialog, (1180, 760)),
}
