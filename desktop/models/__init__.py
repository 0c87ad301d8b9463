"""SQLAlchemy models: importing the package maps every table (Alembic and the listener need it)."""

from desktop.models.base import Base, Record
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.office import Office, Setting
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor, AuditEntry, ChangeLogEntry
from desktop.models.users import Role, User

__all__ = [
    "Actor", "AuditEntry", "Base", "Benefit", "CaseEvent", "ChangeLogEntry", "Client",
    "ClientTargetGroup", "EmploymentCase", "MonitoringVisit", "Office", "Program", "Record",
    "Role", "Setting", "User",
]
