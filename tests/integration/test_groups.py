"""Setting up a micro-finance group: every wrong field is told at once."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.errors import ValidationError
from desktop.services.groups import GroupInput, create_group
from tests.integration.conftest import Office
from tests.integration.group_helpers import FORMED, RULES


def test_a_new_group_is_told_every_wrong_field_of_the_group_and_its_cycle(
        office: Office) -> None:
    data = GroupInput(name="گ", county_code="0707", formed_on=FORMED,
                      meeting_frequency="fortnightly", bank_sheba="IR12 0000")
    with pytest.raises(ValidationError) as refused:
        create_group(office.db, office.expert, data,
                     dataclasses.replace(RULES, share_price=500, max_shares=6))
    assert set(refused.value.errors) == {"name", "bank_sheba", "share_price", "max_shares"}
    with pytest.raises(ValidationError) as refused:
        create_group(office.db, office.expert, data, RULES)
    assert set(refused.value.errors) == {"name", "bank_sheba"}
    group = create_group(office.db, office.expert, dataclasses.replace(
        data, name="گروه بانوان دشتک", bank_sheba=""), RULES)
    assert group.code == "MF-0707-0001" and group.cycle.share_price == RULES.share_price
