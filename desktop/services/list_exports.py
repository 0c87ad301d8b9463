"""The lists of the areas as Excel files, as filtered on screen: the clients (read window by
window, so a hundred thousand never sit in memory twice), and the micro-finance and women's
groups (the rows the area has read). Amounts are Rials, as numbers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from desktop.database import Database
from desktop.domain.groups import GroupKind
from desktop.domain.pathway import CaseStatus, Stage
from desktop.domain.people import Gender
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.progress import NullControl, TaskControl
from desktop.services.client_search import (
    ClientFilter,
    ClientRow,
    ClientSort,
    client_rows,
    count_clients,
)
from desktop.services.list_export import ListColumn, export_list

WINDOW = 2000


def _label(labelled: type, code: str | None) -> str:
    return labelled(code).label if code else ""


def client_columns() -> list[ListColumn]:
    return [
        ListColumn(tr("Last name"), lambda r: r.last_name, 18),
        ListColumn(tr("First name"), lambda r: r.first_name, 14),
        ListColumn(tr("Father's name"), lambda r: r.father_name, 14),
        ListColumn(tr("National code"), lambda r: r.national_code, 13),
        ListColumn(tr("Birth date"), lambda r: r.birth_date, 12),
        ListColumn(tr("Gender"), lambda r: _label(Gender, r.gender), 8),
        ListColumn(tr("Mobile"), lambda r: r.mobile, 13),
        ListColumn(tr("County"), lambda r: r.county_name, 12),
        ListColumn(tr("File number"), lambda r: r.file_number, 14),
        ListColumn(tr("Stage of the case"), lambda r: _label(Stage, r.stage), 22),
        ListColumn(tr("Case status"), lambda r: _label(CaseStatus, r.case_status), 12),
        ListColumn(tr("Facilitator"), lambda r: r.facilitator_name, 16),
    ]


def export_clients(db: Database, actor: Actor, filters: ClientFilter, path: Path, *,
                   sort: ClientSort = ClientSort.NAME, descending: bool = False,
                   control: TaskControl | None = None) -> int:
    """The clients ``actor`` sees under ``filters``, in the list's order, to ``path``."""
    control = control or NullControl()
    total = count_clients(db, actor, filters)

    def rows() -> Iterator[ClientRow]:
        for offset in range(0, total, WINDOW):
            yield from client_rows(db, actor, filters, sort=sort, descending=descending,
                                   offset=offset, limit=WINDOW)

    return export_list(rows(), client_columns(), path, sheet_title=tr("Clients"), total=total,
                       control=control)


def microfinance_columns() -> list[ListColumn]:
    return [
        ListColumn(tr("Code"), lambda r: r.code, 14),
        ListColumn(tr("Name of the group"), lambda r: r.name, 24),
        ListColumn(tr("County"), lambda r: r.county_name, 12),
        ListColumn(tr("Village or neighbourhood"), lambda r: r.locality, 16),
        ListColumn(tr("Facilitator"), lambda r: r.facilitator_name, 16),
        ListColumn(tr("Members"), lambda r: r.members, 9),
        ListColumn(tr("Savings (Rials)"), lambda r: r.savings, 16),
        ListColumn(tr("Loans outstanding (Rials)"), lambda r: r.loans_outstanding, 18),
        ListColumn(tr("Score"), lambda r: r.score, 8),
        ListColumn(tr("Grade"), lambda r: r.grade, 8),
    ]


def women_group_columns() -> list[ListColumn]:
    return [
        ListColumn(tr("Code"), lambda r: r.code, 14),
        ListColumn(tr("Kind"), lambda r: _label(GroupKind, r.kind), 18),
        ListColumn(tr("Name of the group"), lambda r: r.name, 24),
        ListColumn(tr("County"), lambda r: r.county_name, 12),
        ListColumn(tr("Village or neighbourhood"), lambda r: r.locality, 16),
        ListColumn(tr("Registration number"), lambda r: r.registration_number, 14),
        ListColumn(tr("Business"), lambda r: r.business_title, 20),
        ListColumn(tr("Members"), lambda r: r.members, 9),
        ListColumn(tr("Female heads of household"), lambda r: r.female_heads, 12),
        ListColumn(tr("Sales in 12 months (Rials)"), lambda r: r.sales_12m, 18),
        ListColumn(tr("Costs in 12 months (Rials)"), lambda r: r.costs_12m, 18),
        ListColumn(tr("Paid to members in 12 months (Rials)"), lambda r: r.paid_out_12m, 20),
    ]


def user_columns() -> list[ListColumn]:
    from desktop.roles import ROLE_LABELS

    return [
        ListColumn(tr("User name"), lambda r: r.username, 16),
        ListColumn(tr("Full name"), lambda r: r.full_name, 22),
        ListColumn(tr("Role"), lambda r: tr(ROLE_LABELS.get(r.role, r.role)), 22),
        ListColumn(tr("Active"), lambda r: r.active, 8),
        ListColumn(tr("Last sign-in"), lambda r: r.last_login_at, 18),
    ]


def export_rows(rows: list, columns: list[ListColumn], path: Path, title: str) -> int:
    """Rows an area has read already (the groups), as they are filtered on screen."""
    return export_list(rows, columns, path, sheet_title=title, total=len(rows))
