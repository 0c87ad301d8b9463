"""What each role may do (defined in desktop/roles.py, which needs no database)."""

from desktop.roles import ROLE_LABELS, ROLE_PERMISSIONS, Permission, Role, can, require

__all__ = ["ROLE_LABELS", "ROLE_PERMISSIONS", "Permission", "Role", "can", "require"]
