"""SQLAlchemy models: importing the package maps every table (Alembic and the listener need it)."""

from desktop.models.base import Base, Record
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.groups import (
    BankLoan,
    CommunityGroup,
    GroupCycle,
    GroupMeeting,
    GroupMember,
    InternalLoan,
    MeetingAttendance,
    MeetingEntry,
)
from desktop.models.office import Office, Setting
from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import Actor, AuditEntry, ChangeLogEntry
from desktop.models.users import Role, User

__all__ = [
    "Actor", "AuditEntry", "BankLoan", "Base", "Benefit", "CaseEvent", "ChangeLogEntry",
    "Client", "ClientTargetGroup", "CommunityGroup", "EmploymentCase", "GroupCycle",
    "GroupMeeting", "GroupMember", "InternalLoan", "MeetingAttendance", "MeetingEntry",
    "MonitoringVisit", "Office", "Program", "Record", "Role", "Setting", "User",
]
