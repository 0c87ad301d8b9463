"""The women's groups area «گروه‌های همیار و تعاونی‌ها»: the mutual-help groups of women heads of
household and the cooperatives the user may see, with their members, business and the last
twelve months of its books; searched as you type, narrowed to one kind."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.database import Database
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.women_members import size_warning
from desktop.services.women_overview import WomenGroupRow, list_women_groups
from desktop.views.group_list_area import GroupListArea
from desktop.views.group_words import LATE_COLOUR, NOT_KNOWN
from desktop.views.record_table import Column
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.choices import choice_combo
from desktop.views.women_words import kind_choices, short_kind


def _members_tip(row: WomenGroupRow) -> str:
    return size_warning(row.kind, row.members) or tr(
        "{heads} of the {members} present members are female heads of household.",
        heads=to_persian_digits(row.female_heads), members=to_persian_digits(row.members))


def _size_colour(row: WomenGroupRow) -> str | None:
    return LATE_COLOUR if size_warning(row.kind, row.members) else None


def _books_tip(row: WomenGroupRow) -> str:
    if row.last_month is None:
        return tr("No month of the business's books is recorded yet.")
    return tr("In Rials, the last twelve Jalali months; the books are recorded up to {month}.",
              month=format_jalali_month(row.last_month))


COLUMNS = (
    Column(N_("Code"), lambda r: r.code),
    Column(N_("Group name"), lambda r: r.name),
    Column(N_("Kind"), lambda r: short_kind(r.kind)),
    Column(N_("Facilitator"), lambda r: r.facilitator_name),
    Column(N_("Members"), lambda r: to_persian_digits(r.members), colour=_size_colour,
           tip=_members_tip),
    Column(N_("Female heads"), lambda r: to_persian_digits(r.female_heads), tip=_members_tip),
    Column(N_("Business"), lambda r: r.business_title or NOT_KNOWN),
    Column(N_("Sales, 12 months"), lambda r: format_amount(r.sales_12m), tip=_books_tip),
    Column(N_("Paid to members, 12 months"), lambda r: format_amount(r.paid_out_12m),
           tip=_books_tip),
)
WIDTHS = (100, 0, 130, 90, 45, 95, 115, 100, 130)


class WomenGroupsArea(GroupListArea):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        kind = choice_combo(kind_choices(), None, empty=tr("All kinds"))
        kind.setMinimumWidth(170)
        self.kind = kind
        super().__init__(db, actor, tasks, parent, title=tr("Mutual-help groups and cooperatives"),
                         placeholder=tr("Search by code, name, village or business of the group"),
                         columns=COLUMNS, widths=WIDTHS, choice_label=tr("Kind"), choice=kind)

    def excel_columns(self) -> list:
        from desktop.services.list_exports import women_group_columns

        return women_group_columns()

    def read_rows(self, text: str, chosen: str | None) -> list[WomenGroupRow]:
        return list_women_groups(self.db, self.actor, text=text,
                                 kinds=(chosen,) if chosen else None)
