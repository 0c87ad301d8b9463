"""Women's mutual-help groups and client cooperatives (DOMAIN.md): the words of their records.

They share the community group, its members and its access rules with the micro-finance groups;
what differs is theirs: a shared business with monthly sales, costs and income paid to members,
trainings, minuted meetings, and links to markets.
"""

from __future__ import annotations

from desktop.domain.groups import GroupKind, MemberRole
from desktop.domain.labels import Labelled
from desktop.i18n import N_

WOMENS_KINDS: tuple[GroupKind, ...] = (
    GroupKind.MUTUAL_HELP, GroupKind.CLIENT_COOPERATIVE, GroupKind.WOMEN_COOPERATIVE)
WOMENS = "womens"       # names the three kinds at once (``karsaz groups list --kind womens``)
# The law of the cooperative sector asks at least seven members of a cooperative; fewer is
# warned about, not refused (a member may be leaving while another joins).
MIN_COOPERATIVE_MEMBERS = 7


class CooperativeRole(Labelled):
    """A cooperative's offices: its board (chair, vice-chair, secretary, treasurer, members of
    the board), the managing director it appoints, its inspectors, and the members."""

    CHAIR = "chair", N_("Chair of the board")
    VICE_CHAIR = "vice_chair", N_("Vice-chair of the board")
    SECRETARY = "secretary", N_("Secretary of the board")
    TREASURER = "treasurer", N_("Treasurer")
    DIRECTOR = "director", N_("Managing director")
    BOARD_MEMBER = "board_member", N_("Board member")
    INSPECTOR = "inspector", N_("Inspector")
    MEMBER = "member", N_("Member")


# Offices one person holds at a time; a board has several members, a cooperative may have
# more than one inspector.
SHARED_ROLES = frozenset({"member", "board_member", "inspector"})


def roles_of(kind: str) -> type[Labelled]:
    """The roles a member of a group of ``kind`` may have: a mutual-help group is run like a
    micro-finance group (chair, treasurer, secretary), a cooperative by its board."""
    return CooperativeRole if GroupKind(kind).is_cooperative else MemberRole


def role_sql_in() -> str:
    """Every role a member of any kind of group may hold, for the column's CHECK."""
    codes = dict.fromkeys(role.value for role in (*MemberRole, *CooperativeRole))
    return ", ".join(f"'{code}'" for code in codes)


class BusinessKind(Labelled):
    PRODUCT = "product", N_("Making a product")
    SERVICE = "service", N_("Providing a service")


class TrainingKind(Labelled):
    SKILL = "skill", N_("Technical and vocational skill")
    BUSINESS = "business", N_("Business management")
    COOPERATIVE = "cooperative", N_("Cooperative work")
    MARKETING = "marketing", N_("Marketing and sales")
    FINANCE = "finance", N_("Financial literacy")
    OTHER = "other", N_("Other")


class LinkKind(Labelled):
    """How a group reaches a market beyond its own customers."""

    FIRM = "firm", N_("Link with a larger firm")
    SUPPLY_CHAIN = "supply_chain", N_("Supply chain")
    OUTSOURCING = "outsourcing", N_("Outsourcing contract")
    DIGITAL = "digital", N_("Digital sales platform")


class WomenGroupForm(Labelled):
    """The printed documents of a women's group. The codes go into the form's QR code, which
    packs hyphens (unlike underscores) in its compact alphanumeric mode."""

    PROFILE = "group-profile", N_("Group profile")
    MEMBERS = "member-list", N_("List of the group's members")
