"""The employment pathway (مسیر شغلی مددجو): its stages, in order, and how a case moves.

A case's stage is the step it has *reached*: a new case has reached «شناسایی و معرفی» and waits
for its eligibility assessment; «ایجاد اشتغال» is reached the day the job is created. Moving one
step forward is ordinary work; moving further (skipping a step) is the administrator's decision
and needs a reason; a case may be closed early from any open stage, with a reason.
"""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class Stage(Labelled):
    REFERRAL = "referral", N_("Identification and referral")
    ASSESSMENT = "assessment", N_("Eligibility assessment")
    TRAINING = "training", N_("Skill training")
    MODEL = "model", N_("Connection to an employment model")
    JOB = "job", N_("Job created")
    FOLLOW_UP = "follow_up", N_("Follow-up and monitoring")
    STABILISED = "stabilised", N_("Job stabilised")

    @property
    def order(self) -> int:
        return PATHWAY.index(self)

    def next(self) -> Stage | None:
        index = self.order + 1
        return PATHWAY[index] if index < len(PATHWAY) else None


PATHWAY: tuple[Stage, ...] = tuple(Stage)


class CaseStatus(Labelled):
    OPEN = "open", N_("Open")
    STABILISED = "stabilised", N_("Stabilised")
    CLOSED = "closed", N_("Closed early")


class CloseReason(Labelled):
    WITHDREW = "withdrew", N_("Withdrew")
    NOT_ELIGIBLE = "not_eligible", N_("Not eligible")
    MOVED = "moved", N_("Moved away")
    UNREACHABLE = "unreachable", N_("Could not be reached")
    DECEASED = "deceased", N_("Deceased")
    OTHER = "other", N_("Other reason")


class ReferralSource(Labelled):
    SOCIAL_WORKER = "social_worker", N_("Social worker")
    FACILITATOR = "facilitator", N_("Job facilitator")
    SELF = "self", N_("Came in person")
    OTHER_BODY = "other_body", N_("Another organisation")


class EventKind(Labelled):
    OPENED = "opened", N_("Case opened")
    ADVANCED = "advanced", N_("Moved to the next stage")
    SKIPPED = "skipped", N_("Stages skipped")
    CLOSED = "closed", N_("Case closed")


class EmploymentModel(Labelled):
    SELF_EMPLOYMENT = "self_employment", N_("Self-employment")
    EMPLOYER_BASED = "employer_based", N_("Employer-based")
    COMMUNITY_BASED = "community_based", N_("Community-based")
    SUPPORTED = "supported", N_("Supported employment centre")
    LICENSED_CENTRE = "licensed_centre", N_("Licensed centre")


class Sector(Labelled):
    SERVICES = "services", N_("Services")
    AGRICULTURE = "agriculture", N_("Agriculture")
    INDUSTRY = "industry", N_("Industry")


class EmploymentKind(Labelled):
    """How the job counts in the year's figures."""

    CREATED = "created", N_("Newly created")
    STABILISING = "stabilising", N_("Stabilising an existing job")


def skipped_between(current: Stage, target: Stage) -> list[Stage]:
    """The stages a move from ``current`` to ``target`` passes over without reaching."""
    return list(PATHWAY[current.order + 1:target.order])
