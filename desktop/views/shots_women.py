"""Screenshots of the women's groups: the list, the group form's tabs, and the dialogs of a new
group, a member chosen from the clients, and a month of the business (balanced, and refused),
on the demo office's groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, add_demo_women_groups
from desktop.services.women_groups import BusinessInput, WomenGroupInput, create_women_group
from desktop.services.women_members import WomenMemberInput, add_women_member
from desktop.services.women_overview import list_women_groups


def _user(db: Database, name: str = "admin") -> Actor:
    return sign_in(db, name, DEMO_PASSWORD)


def demo_women_group(db: Database, cooperative: bool = False) -> int:
    """The demo's group (or cooperative) that paid its members most in the last twelve
    months; an office made with few clients gets three."""
    if not list_women_groups(db, _user(db)):
        add_demo_women_groups(db, 3)
    rows = [r for r in list_women_groups(db, _user(db))
            if (r.kind != "mutual_help") == cooperative and r.name != YOUNG_COOPERATIVE] \
        or list_women_groups(db, _user(db))
    return max(rows, key=lambda r: (r.paid_out_12m, -r.id)).id


YOUNG_COOPERATIVE = "تعاونی زنان کارآفرین صدرا"
YOUNG_MEMBERS = (("نسرین", "مقدم", "chair"), ("شهلا", "نیک‌نام", "director"),
                 ("مینا", "فاضلی", "inspector"), ("پریسا", "جهانی", "member"))


def young_cooperative(db: Database) -> int:
    """A women entrepreneurs' cooperative registered last month, with four members named here
    (fewer than a cooperative needs) and no month recorded yet."""
    expert = _user(db, "expert")
    found = [r for r in list_women_groups(db, expert, text=YOUNG_COOPERATIVE)
             if r.name == YOUNG_COOPERATIVE]
    if found:
        return found[0].id
    formed = today() - dt.timedelta(days=75)
    group = create_women_group(db, expert, WomenGroupInput(
        kind="women_cooperative", name=YOUNG_COOPERATIVE, county_code="0707", formed_on=formed,
        locality="صدرا", urban=True, facilitator_id=_user(db, "facilitator2").user_id,
        registration_number="48213", registered_on=formed + dt.timedelta(days=40),
        capital=280_000_000), BusinessInput(title="دوخت پوشاک کار", kind="product",
                                            sector="industry", started_on=formed))
    for first, last, role in YOUNG_MEMBERS:
        add_women_member(db, expert, group.id, WomenMemberInput(
            joined_on=formed, first_name=first, last_name=last, role=role,
            capital_contribution=70_000_000))
    return group.id


def women_area(db: Database) -> QWidget:
    from desktop.views.shots import main_window

    demo_women_group(db)
    young_cooperative(db)
    return main_window(db, "womens")


def women_form(db: Database, tab: str, cooperative: bool = False) -> QWidget:
    from desktop.views.women_group_form import WomenGroupForm

    return WomenGroupForm(db, _user(db), demo_women_group(db, cooperative), tab=tab)


def new_women_group_dialog(db: Database) -> QWidget:
    from desktop.views.new_women_group_dialog import NewWomenGroupDialog
    from desktop.views.widgets.choices import select_data

    dialog = NewWomenGroupDialog(db, _user(db, "expert"))
    select_data(dialog.fields.kind, "women_cooperative")
    dialog.fields.name.setText("تعاونی زنان کارآفرین گویم")
    dialog.fields.locality.setText("گویم")
    dialog.fields.registration_number.setText("۱۲۳۴۵")
    dialog.business.title.setText("دوخت پوشاک کار")
    return dialog


def _keep(dialog: QWidget, owner: QWidget) -> QWidget:
    dialog.owner = owner  # the form owns the dialog: keep it alive for the picture
    return dialog


def women_member_dialog(db: Database) -> QWidget:
    from desktop.views.record_table import select_row

    form = women_form(db, "members")
    form.members_tab.box.add()
    dialog = form.members_tab.box.dialog
    dialog.picker.heads_only.setChecked(False)
    select_row(dialog.picker.view, 2)
    return _keep(dialog, form)


def women_month_dialog(db: Database, refused: bool = False) -> QWidget:
    form = women_form(db, "business")
    books = form.summary.books if form.summary else None
    latest = books.months[-1] if books and books.months else None
    if latest is None or refused:
        form.business.months.add()
    else:
        from desktop.views.record_table import select_row

        select_row(form.business.months.view, 0)
        form.business.months.edit()
    dialog = form.business.months.dialog
    if refused:
        dialog.sales.setAmount(42_000_000)
        dialog.costs.setAmount(15_500_000)
        dialog.paid_out.setAmount(24_000_000)
        dialog.propose(False)
        edits = list(dialog.incomes.values())
        if edits:
            edits[0].setAmount((edits[0].amount() or 0) + 150_000)
        dialog.recount()
        dialog.save()
    return _keep(dialog, form)


FORM_SIZE = (1180, 760)
WOMEN_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "area_womens": (women_area, (1280, 800)),
    **{f"women_form_{tab}": ((lambda db, tab=tab: women_form(db, tab)), FORM_SIZE)
       for tab in ("business", "activity", "market")},
    "women_form_members": ((lambda db: women_form(db, "members", cooperative=True)), FORM_SIZE),
    "women_form_details": ((lambda db: women_form(db, "details", cooperative=True)), FORM_SIZE),
    "new_women_group_dialog": (new_women_group_dialog, (1040, 700)),
    "women_member_dialog": (women_member_dialog, (700, 640)),
    "women_month_dialog": (women_month_dialog, (720, 820)),
    "women_month_dialog_refused": ((lambda db: women_month_dialog(db, True)), (720, 860)),
}
