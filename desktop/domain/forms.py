"""The printed forms of a client's file."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class FormKind(Labelled):
    REGISTRATION = "registration", N_("Client registration form")
    ASSESSMENT = "assessment", N_("Eligibility assessment sheet")
    VISIT = "visit", N_("Monitoring visit form")
    SUMMARY = "summary", N_("Case summary")
