"""Community groups (DOMAIN.md): micro-finance groups with linkage banking, the women's
mutual-help groups and the client cooperatives. The words of their records."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_

MIN_MEMBERS = 15
MAX_MEMBERS = 25
MAX_SHARES_PER_MEETING = 5


class GroupKind(Labelled):
    MICROFINANCE = "microfinance", N_("Micro-finance group")
    MUTUAL_HELP = "mutual_help", N_("Mutual-help group of women heads of household")
    CLIENT_COOPERATIVE = "client_cooperative", N_("Client cooperative")
    WOMEN_COOPERATIVE = "women_cooperative", N_("Women entrepreneurs' cooperative")

    @property
    def code_prefix(self) -> str:
        """Group codes are numbered per county and prefix: MF-0707-0001, MH-…, CO-… (the two
        kinds of cooperative share one series, as they share one registry)."""
        return {"microfinance": "MF", "mutual_help": "MH"}.get(self.value, "CO")

    @property
    def is_cooperative(self) -> bool:
        return self in (GroupKind.CLIENT_COOPERATIVE, GroupKind.WOMEN_COOPERATIVE)


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
