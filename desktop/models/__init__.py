"""SQLAlchemy models: importing the package maps every table (Alembic and the listener need it)."""

from desktop.models.base import Base, Record
from desktop.models.office import Office, Setting
from desktop.models.people import Client
from desktop.models.tracking import Actor, AuditEntry, ChangeLogEntry
from desktop.models.users import Role, User

__all__ = [
    "Actor", "AuditEntry", "Base", "ChangeLogEntry", "Client", "Office", "Record", "Role",
    "Setting", "User",
]
