"""SQLAlchemy models: importing the package maps every table (Alembic and the listener need it)."""

from desktop.models.base import Base, Record
from desktop.models.cases import Benefit, CaseEvent, EmploymentCase, MonitoringVisit, Program
from desktop.models.export import ExportBatch
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
from desktop.models.solar import (
    SolarAdjustmentLine,
    SolarCorrection,
    SolarCost,
    SolarDeduction,
    SolarMonth,
    SolarPlant,
    SolarReceipt,
    SolarRun,
    SolarRunLine,
    SolarShare,
    SolarTariff,
)
from desktop.models.tracking import Actor, AuditEntry, ChangeLogEntry
from desktop.models.users import Role, User
from desktop.models.women_groups import (
    BazaarAttendance,
    BusinessMonth,
    GroupBusiness,
    GroupTraining,
    MarketLink,
    MeetingDecision,
    MemberIncome,
    TrainingAttendance,
    WomenMeeting,
    WomenMeetingAttendance,
)

__all__ = [
    "Actor", "AuditEntry", "BankLoan", "Base", "BazaarAttendance", "Benefit", "BusinessMonth",
    "CaseEvent", "ChangeLogEntry", "Client", "ClientTargetGroup", "CommunityGroup",
    "EmploymentCase", "ExportBatch", "GroupBusiness", "GroupCycle", "GroupMeeting", "GroupMember",
    "GroupTraining", "InternalLoan", "MarketLink", "MeetingAttendance", "MeetingDecision",
    "MeetingEntry", "MemberIncome", "MonitoringVisit", "Office", "Program", "Record", "Role",
    "Setting", "SolarAdjustmentLine", "SolarCorrection", "SolarCost", "SolarDeduction",
    "SolarMonth", "SolarPlant", "SolarReceipt", "SolarRun", "SolarRunLine", "SolarShare",
    "SolarTariff", "TrainingAttendance", "User", "WomenMeeting", "WomenMeetingAttendance",
]
