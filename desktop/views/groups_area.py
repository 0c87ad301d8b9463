"""The micro-finance groups area «گروه‌های تأمین مالی خرد»: every group the user may see, with
its members, savings and grade for bank linkage, searched as you type and filtered by grade.

The list (and each group's grade, computed from its books) is read off the GUI thread; Enter
or a double click opens the group; «گروه جدید» sets one up with its first cycle.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.database import Database
from desktop.domain.groups import MAX_MEMBERS, MIN_MEMBERS
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.group_members import size_warning
from desktop.services.group_overview import GroupRow, list_groups
from desktop.views.group_list_area import GroupListArea
from desktop.views.group_words import GRADE_COLOURS, GRADE_LABELS, LATE_COLOUR, grade_label
from desktop.views.record_table import Column
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.choices import choice_combo


def _members_colour(row: GroupRow) -> str | None:
    return LATE_COLOUR if not MIN_MEMBERS <= row.members <= MAX_MEMBERS else None


COLUMNS = (
    Column(N_("Code"), lambda r: r.code),
    Column(N_("Group name"), lambda r: r.name),
    Column(N_("County"), lambda r: r.county_name),
    Column(N_("Village or neighbourhood"), lambda r: r.locality),
    Column(N_("Facilitator"), lambda r: r.facilitator_name),
    Column(N_("Members"), lambda r: to_persian_digits(r.members), colour=_members_colour,
           tip=lambda r: size_warning(r.members) or ""),
    Column(N_("Savings (Rials)"), lambda r: format_amount(r.savings)),
    Column(N_("Score"), lambda r: to_persian_digits(r.score)),
    Column(N_("Grade"), lambda r: grade_label(r.grade),
           colour=lambda r: GRADE_COLOURS[r.grade][0],
           background=lambda r: GRADE_COLOURS[r.grade][1]),
)
WIDTHS = (115, 0, 80, 110, 110, 55, 125, 55, 60)


class GroupsArea(GroupListArea):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        grade = choice_combo([(g, grade_label(g)) for g in GRADE_LABELS], None,
                             empty=tr("All grades"))
        grade.setMinimumWidth(130)
        self.grade = grade
        super().__init__(db, actor, tasks, parent, title=tr("Micro-finance groups"),
                         placeholder=tr("Search by code, name or village of the group"),
                         columns=COLUMNS, widths=WIDTHS, choice_label=tr("Grade"), choice=grade)

    def excel_columns(self) -> list:
        from desktop.services.list_exports import microfinance_columns

        return microfinance_columns()

    def read_rows(self, text: str, chosen: str | None) -> list[GroupRow]:
        return list_groups(self.db, self.actor, text=text, grade=chosen)
