"""The printed documents of a micro-finance group, for its members, its officers and the office."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class GroupDocument(Labelled):
    PASSBOOK = "passbook", N_("Member passbook")
    REGISTER = "register", N_("Meeting register")
    MINUTES = "minutes", N_("Meeting minutes")
    SHAREOUT = "shareout", N_("Share-out sheet")
