"""The areas of the main window, in the order the navigation shows them."""

from __future__ import annotations

import dataclasses

from desktop.i18n import N_


@dataclasses.dataclass(frozen=True)
class Area:
    key: str
    title: str        # English source; shown through tr
    summary: str      # what the area will hold, shown while it is not built yet
    admin_only: bool = False


AREAS = (
    Area("home", N_("Worklists"),
         N_("What needs doing today: overdue visits, visits due this week, cases awaiting "
            "assessment or a facilitator, and cases ready for stabilisation.")),
    Area("clients", N_("Clients"),
         N_("Client registry and the employment pathway: referral, eligibility assessment, "
            "skill training, employment model, job, follow-up visits and stabilisation.")),
    Area("microfinance", N_("Micro-finance groups"),
         N_("Linkage-banking groups: meetings, savings shares, internal loans, social fund, "
            "bank loans and share-out.")),
    Area("womens", N_("Mutual-help groups and cooperatives"),
         N_("Mutual-help groups of women heads of household and client cooperatives: members, "
            "trainings, shared business, sales and market links.")),
    Area("solar", N_("Solar panel income"),
         N_("Solar plants, beneficiaries' shares, monthly production and income, and allocation "
            "to the Rial.")),
    Area("export", N_("Send to the national system"),
         N_("Scheduled, signed export of the office's data to the national employment "
            "services system.")),
    Area("dashboard", N_("Dashboard"),
         N_("Jobs created and stabilised against the year's commitment, services paid and "
            "caseloads, in charts.")),
    Area("settings", N_("Settings"),
         N_("Office details, export schedule and backups.")),
    Area("users", N_("Users"), "", admin_only=True),
)
