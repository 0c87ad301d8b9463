"""Who may see and change which group.

County experts and the administrator manage every group; a job facilitator sees and records the
meetings of the groups assigned to them; a viewer reads. As with clients, a group one may not
see is not there at all.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, true

from desktop.errors import NotFound, PermissionDenied
from desktop.models.groups import CommunityGroup
from desktop.models.tracking import Actor
from desktop.roles import Permission, can, require
from desktop.services.case_access import sees_every_client


def visible_groups(actor: Actor) -> ColumnElement[bool]:
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor):
        return true()
    return CommunityGroup.facilitator_id == actor.user_id


def require_group_visible(actor: Actor, group: CommunityGroup | None) -> CommunityGroup:
    if group is None:
        raise NotFound("This group does not exist.")
    require(actor, Permission.VIEW_CASES)
    if sees_every_client(actor) or group.facilitator_id == actor.user_id:
        return group
    raise NotFound("This group does not exist.")


def can_record(actor: Actor, group: CommunityGroup) -> bool:
    """Meetings and members: the group's facilitator or whoever manages groups."""
    return can(actor, Permission.MANAGE_GROUPS) or (
        can(actor, Permission.EDIT_CASES) and group.facilitator_id == actor.user_id)


def require_recordable(actor: Actor, group: CommunityGroup) -> CommunityGroup:
    require_group_visible(actor, group)
    if not can_record(actor, group):
        raise PermissionDenied("Only the group's facilitator or a county expert may record it.")
    return group
