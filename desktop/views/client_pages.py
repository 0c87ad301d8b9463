"""The three tabs of the client's own record — identity, household, target groups — read,
compared and filled as one ClientInput, with the services' messages put by their fields."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.domain.people import TargetGroup
from desktop.services.clients import ClientInput, ClientRecord
from desktop.views.client_groups_tab import GroupsTab
from desktop.views.client_household_tab import HouseholdTab
from desktop.views.client_identity_tab import IdentityTab

Page = IdentityTab | HouseholdTab | GroupsTab


def first_field(page: Page, names: list[str]) -> QWidget:
    """The field of ``names`` that comes first in the tab's reading order."""
    order = page.fields()

    def position(name: str) -> int:
        widget = page.errors.widget(name)
        return next((i for i, field in enumerate(order)
                     if widget is field or widget is getattr(field, "line", None)), len(order))

    return page.errors.widget(min(names, key=position)) or order[0]


class ClientPages:
    def __init__(self, province_code: str, office_county: str, parent: QWidget) -> None:
        self.identity = IdentityTab(province_code, office_county, parent)
        self.household = HouseholdTab(parent)
        self.groups = GroupsTab(parent)
        self.pages: tuple[Page, ...] = (self.identity, self.household, self.groups)
        self.groups.studentGroupChosen.connect(self.household.student_group)
        self._loaded: tuple[object, ...] = ()

    def load(self, client: ClientRecord | None, *, read_only: bool) -> None:
        for page in self.pages:
            page.load(client)
            page.setReadOnly(read_only)
        self.household.student_group(TargetGroup.STUDENT in (
            client.target_groups if client else ()))
        self._loaded = self.state()

    def state(self) -> tuple[object, ...]:
        return tuple(page.state() for page in self.pages)

    def is_dirty(self) -> bool:
        return self.state() != self._loaded

    def local_errors(self) -> dict[str, str]:
        return {**self.identity.local_errors(), **self.household.local_errors()}

    def client_input(self) -> ClientInput:
        return ClientInput(**self.identity.values(), **self.household.values(),  # type: ignore[arg-type]
                           **self.groups.values())

    def show_errors(self, errors: dict[str, str]) -> tuple[list[Page], QWidget | None,
                                                            dict[str, str]]:
        """Put each message by its field; returns the pages with a message (in tab order),
        the first field to correct, and the messages that belong to no field here."""
        remaining = dict(errors)
        wrong: list[Page] = []
        first: QWidget | None = None
        for page in self.pages:
            mine = {k: v for k, v in errors.items() if k in page.errors.names()}
            page.errors.show(mine)
            for name in mine:
                remaining.pop(name)
            if mine:
                wrong.append(page)
                first = first or first_field(page, list(mine))
        return wrong, first, remaining
