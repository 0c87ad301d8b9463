"""Who may see and change which client and case.

County experts and the administrator see every client. A job facilitator sees the clients they
registered and those whose case is assigned to them, and changes only cases assigned to them.
A viewer reads and never writes. Views only hide what these checks would refuse.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select, true

from desktop.errors import NotFound, PermissionDenied
from desktop.models.cases import EmploymentCase
from desktop.models.people import Client
from desktop.models.tracking import Actor
from desktop.roles import Permission, can, require


def sees_every_client(actor: Actor) -> bool:
    return can(actor, Permission.EDIT_ANY_CASE) or (
        can(actor, Permission.VIEW_CASES) and not can(actor, Permission.EDIT_CASES))


def visible_clients(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on ``Client`` keeping the clients ``actor`` may see."""
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor):
        return true()
    assigned = select(EmploymentCase.client_id).where(
        EmploymentCase.facilitator_id == actor.user_id)
    return or_(Client.registered_by_id == actor.user_id, Client.id.in_(assigned))


def visible_cases(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on ``EmploymentCase`` keeping the cases ``actor`` may see."""
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor):
        return true()
    return EmploymentCase.facilitator_id == actor.user_id


def require_client_visible(actor: Actor, client: Client | None,
                           assigned_to_actor: bool = False) -> Client:
    if client is None:
        raise NotFound("This client does not exist.")
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor) or client.registered_by_id == actor.user_id \
            or assigned_to_actor:
        return client
    raise NotFound("This client does not exist.")


def require_case_visible(actor: Actor, case: EmploymentCase | None) -> EmploymentCase:
    if case is None:
        raise NotFound("This case does not exist.")
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor) or case.facilitator_id == actor.user_id:
        return case
    raise NotFound("This case does not exist.")


def can_edit_case(actor: Actor, case: EmploymentCase) -> bool:
    if not can(actor, Permission.EDIT_CASES):
        return False
    return can(actor, Permission.EDIT_ANY_CASE) or case.facilitator_id == actor.user_id


def require_case_editable(actor: Actor, case: EmploymentCase) -> EmploymentCase:
    require(actor, Permission.EDIT_CASES)
    if not can_edit_case(actor, case):
        raise PermissionDenied("Only the case's own facilitator or a county expert may change it.")
    return case
