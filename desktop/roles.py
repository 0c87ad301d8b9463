"""Roles and what each may do. Services check here; the views only hide what would be refused.

No database imports: the window consults this while the database is still opening.
"""

from __future__ import annotations

import enum

from desktop.actor import Actor
from desktop.errors import PermissionDenied
from desktop.i18n import N_


class Role(enum.StrEnum):
    ADMIN = "admin"
    EXPERT = "expert"            # کارشناس اشتغال شهرستان
    FACILITATOR = "facilitator"  # تسهیلگر: only their own cases
    VIEWER = "viewer"            # ناظر: reads, never writes


class Permission(enum.StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_OFFICE = "manage_office"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    EDIT_ANY_CASE = "edit_any_case"      # facilitators edit only the cases assigned to them
    OVERRIDE_PATHWAY = "override_pathway"
    MANAGE_GROUPS = "manage_groups"
    MANAGE_SOLAR = "manage_solar"
    APPROVE_ALLOCATION = "approve_allocation"
    EXPORT = "export"
    BACKUP = "backup"
    VIEW_AUDIT = "view_audit"


ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: N_("Administrator"),
    Role.EXPERT: N_("County employment expert"),
    Role.FACILITATOR: N_("Job facilitator"),
    Role.VIEWER: N_("Viewer"),
}

_ALL = frozenset(Permission)
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    Role.EXPERT: _ALL - {Permission.MANAGE_USERS, Permission.MANAGE_OFFICE,
                         Permission.OVERRIDE_PATHWAY, Permission.VIEW_AUDIT},
    Role.FACILITATOR: frozenset({Permission.VIEW_CASES, Permission.EDIT_CASES}),
    Role.VIEWER: frozenset({Permission.VIEW_CASES}),
    "system": _ALL,
}


def can(actor: Actor, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, permission: Permission) -> None:
    if not can(actor, permission):
        raise PermissionDenied("Your role does not allow this action.")
