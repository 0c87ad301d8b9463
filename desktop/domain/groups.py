"""Community groups (DOMAIN.md): micro-finance groups with linkage banking, and later the women's
mutual-help groups and client cooperatives. The words of their records."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_

MIN_MEMBERS = 15
MAX_MEMBERS = 25
MAX_SHARES_PER_MEETING = 5


class GroupKind(Labelled):
    MICROFINANCE = "microfinance", N_("Micro-finance group")


class GroupStatus(Labelled):
    ACTIVE = "active", N_("Active")
    DORMANT = "dormant", N_("Dormant")
    DISSOLVED = "dissolved", N_("Dissolved")


class MeetingFrequency(Labelled):
    WEEKLY = "weekly", N_("Weekly")
    FORTNIGHTLY = "fortnightly", N_("Every two weeks")
    MONTHLY = "monthly", N_("Monthly")

    @property
    def days(self) -> int:
        return {"weekly": 7, "fortnightly": 14, "monthly": 30}[self.value]


class MemberRole(Labelled):
    CHAIR = "chair", N_("Chair")
    TREASURER = "treasurer", N_("Treasurer")
    SECRETARY = "secretary", N_("Secretary")
    MEMBER = "member", N_("Member")


class CycleStatus(Labelled):
    OPEN = "open", N_("Open")
    SHARED_OUT = "shared_out", N_("Shared out")
