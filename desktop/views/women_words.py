"""How a women's group's records read on screen: the short names of its kinds, the mark of a
member who is not a female head of household, and a member's role in her kind of group."""

from __future__ import annotations

from desktop.domain.groups import GroupKind
from desktop.domain.women_groups import WOMENS_KINDS, roles_of
from desktop.i18n import N_, tr

# The list's column and filter are narrow: the office says «گروه همیار», «تعاونی مددجویی».
SHORT_KINDS = {GroupKind.MUTUAL_HELP.value: N_("Mutual-help group"),
               GroupKind.CLIENT_COOPERATIVE.value: N_("Client cooperative"),
               GroupKind.WOMEN_COOPERATIVE.value: N_("Women entrepreneurs' cooperative")}
MARKED_COLOUR = "#9a5b00"
LEFT_COLOUR = "#7b8794"


def short_kind(kind: str) -> str:
    return tr(SHORT_KINDS[kind]) if kind in SHORT_KINDS else kind


def kind_choices() -> list[tuple[str, str]]:
    return [(k.value, short_kind(k.value)) for k in WOMENS_KINDS]


def role_label(kind: str, role: str) -> str:
    roles = roles_of(kind)
    return roles(role).label if role in {r.value for r in roles} else role


def marked_tip() -> str:
    return tr("Not a female head of household in the client registry (or not registered as "
              "a client).")
