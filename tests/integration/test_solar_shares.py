"""Plants and shares: the county code, the tariff of a date, the capacity on every day, the
warning that needs a reason, and a transfer done whole or not at all."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services.solar_plants import (
    TariffInput,
    add_tariff,
    find_plant,
    list_plants,
    update_plant,
)
from desktop.services.solar_shares import (
    ShareInput,
    ShareNeedsReason,
    add_share,
    end_share,
    shares_of_plant,
    transfer_share,
)
from tests.integration.solar_helpers import FARVARDIN, TARIFF, beneficiary, make_plant


def test_a_plant_is_numbered_in_its_county_and_its_tariff_follows_the_entries(office):
    plant = make_plant(office, capacity_watts=1_000_000)
    assert plant.code == "SP-0707-001"
    assert make_plant(office).code == "SP-0707-002"
    plant = add_tariff(office.db, office.expert, plant.id,
                       TariffInput(dt.date(2025, 3, 21), 52_900, "indexation", "تعدیل ۱۴۰۴"))
    assert plant.tariff_on(dt.date(2025, 3, 20)) == TARIFF
    assert plant.tariff_on(dt.date(2025, 3, 21)) == 52_900
    assert plant.contract_ends_on == dt.date(2044, 3, 19)
    assert find_plant(office.db, office.viewer, "sp-0707-001").capacity_watts == 1_000_000
    assert [p.code for p in list_plants(office.db, office.viewer)] == ["SP-0707-001",
                                                                        "SP-0707-002"]
    with pytest.raises(PermissionDenied):
        add_tariff(office.db, office.facilitator, plant.id,
                   TariffInput(dt.date(2026, 1, 1), 1, "step_down"))


def test_shares_never_exceed_the_capacity_on_any_day(office):
    plant = make_plant(office, capacity_watts=10_000)
    a, b = beneficiary(office), beneficiary(office)
    add_share(office.db, office.expert, plant.id,
              ShareInput(a.id, 6_000, FARVARDIN, dt.date(2024, 9, 30)))
    with pytest.raises(ValidationError) as refused:
        add_share(office.db, office.expert, plant.id, ShareInput(b.id, 5_000,
                                                                 dt.date(2024, 6, 21)))
    # 1 Tir 1403: 6 kW + 5 kW on a 10 kW plant.
    assert "۱۴۰۳/۰۴/۰۱" in refused.value.message and "۱ کیلووات" in refused.value.message
    add_share(office.db, office.expert, plant.id, ShareInput(b.id, 4_000, dt.date(2024, 6, 21)))
    # Once the first share has ended there is room.
    add_share(office.db, office.expert, plant.id, ShareInput(a.id, 6_000, dt.date(2024, 10, 1)))
    with pytest.raises(ValidationError) as refused:
        add_share(office.db, office.expert, plant.id, ShareInput(a.id, 1, dt.date(2024, 9, 1)))
    assert "۱۴۰۳/۰۶/۱۱" in refused.value.message
    with pytest.raises(ValidationError) as early:
        add_share(office.db, office.expert, plant.id, ShareInput(a.id, 100, dt.date(2024, 3, 1)))
    assert "starts_on" in early.value.errors
    assert len(shares_of_plant(office.db, office.viewer, plant.id)) == 3


def test_a_client_not_hard_to_employ_needs_a_reason(office):
    plant = make_plant(office)
    client = beneficiary(office, hard=False)
    with pytest.raises(ShareNeedsReason) as warned:
        add_share(office.db, office.expert, plant.id, ShareInput(client.id, 1_000, FARVARDIN))
    assert warned.value.field == "reason" and "سخت‌اشتغال" in warned.value.message
    assert shares_of_plant(office.db, office.viewer, plant.id) == []
    share = add_share(office.db, office.expert, plant.id, ShareInput(
        client.id, 1_000, FARVARDIN, reason="سرپرست خانوار با سه فرزند خردسال"))
    assert share.reason == "سرپرست خانوار با سه فرزند خردسال" and not share.hard_to_employ


def test_a_transfer_ends_the_share_and_gives_part_of_it_in_one_action(office):
    plant = make_plant(office)
    holder, heir, other = beneficiary(office), beneficiary(office), beneficiary(office, hard=False)
    share = add_share(office.db, office.expert, plant.id, ShareInput(holder.id, 5_000, FARVARDIN))
    # To a client who needs a reason, without one: nothing changes.
    with pytest.raises(ShareNeedsReason):
        transfer_share(office.db, office.expert, share.id,
                       ShareInput(other.id, 2_000, dt.date(2024, 8, 1)), version=share.version)
    [unchanged] = shares_of_plant(office.db, office.viewer, plant.id)
    assert unchanged.ends_on is None and unchanged.version == share.version
    done = transfer_share(office.db, office.expert, share.id,
                          ShareInput(heir.id, 2_000, dt.date(2024, 8, 1)), version=share.version)
    assert done.ended.ends_on == dt.date(2024, 7, 31)
    assert (done.given.client_id, done.given.watts, done.given.starts_on) == (
        heir.id, 2_000, dt.date(2024, 8, 1))
    assert (done.kept.client_id, done.kept.watts, done.kept.starts_on) == (
        holder.id, 3_000, dt.date(2024, 8, 1))
    held = shares_of_plant(office.db, office.viewer, plant.id, dt.date(2024, 8, 1))
    assert sorted((s.client_id, s.watts) for s in held) == sorted(
        [(heir.id, 2_000), (holder.id, 3_000)])
    with pytest.raises(ConflictError):
        transfer_share(office.db, office.expert, done.given.id,
                       ShareInput(holder.id, 1_000, dt.date(2024, 9, 1)), version=0)
    with pytest.raises(ValidationError) as too_much:
        transfer_share(office.db, office.expert, done.given.id,
                       ShareInput(holder.id, 3_000, dt.date(2024, 9, 1)),
                       version=done.given.version)
    assert too_much.value.field == "watts"


def test_a_share_ends_and_the_capacity_cannot_drop_below_the_shares(office):
    plant = make_plant(office, capacity_watts=10_000)
    client = beneficiary(office)
    share = add_share(office.db, office.expert, plant.id, ShareInput(client.id, 8_000, FARVARDIN))
    data = dataclasses.replace(plant.as_input(), capacity_watts=7_000)
    with pytest.raises(ValidationError) as refused:
        update_plant(office.db, office.expert, plant.id, data, version=plant.version)
    assert refused.value.field == "capacity_watts" and "۱ کیلووات" in refused.value.message
    ended = end_share(office.db, office.expert, share.id, dt.date(2024, 6, 30),
                      version=share.version)
    assert ended.ends_on == dt.date(2024, 6, 30)
    # Ended, the share still weighs on the days it was held.
    with pytest.raises(ValidationError):
        update_plant(office.db, office.expert, plant.id, data, version=plant.version)
    later = dataclasses.replace(data, capacity_watts=8_000, name="نیروگاه دشتک (توسعه)")
    changed = update_plant(office.db, office.expert, plant.id, later, version=plant.version)
    assert (changed.capacity_watts, changed.name) == (8_000, "نیروگاه دشتک (توسعه)")
    with pytest.raises(ValidationError):
        end_share(office.db, office.expert, share.id, dt.date(2024, 7, 30),
                  version=ended.version)


def test_a_decommissioned_plant_takes_no_new_share(office):
    plant = make_plant(office)
    plant = update_plant(office.db, office.expert, plant.id,
                         dataclasses.replace(plant.as_input(), status="decommissioned"),
                         version=plant.version)
    with pytest.raises(ValidationError):
        add_share(office.db, office.expert, plant.id,
                  ShareInput(beneficiary(office).id, 1_000, FARVARDIN))
