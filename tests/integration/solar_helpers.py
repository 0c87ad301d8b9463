"""A solar plant and beneficiaries, for the service tests (the clock is 15 Mehr 1403)."""

from __future__ import annotations

import datetime as dt

from desktop.fa.sheba import sheba_check_digits
from desktop.services.solar_plants import PlantInput, TariffInput, create_plant
from tests.integration.conftest import Office

FARVARDIN = dt.date(2024, 3, 20)          # 1 Farvardin 1403, the plant's commissioning
SHAHRIVAR = dt.date(2024, 8, 22)          # 31 days, to 21 Sep
MEHR = dt.date(2024, 9, 22)               # 30 days, to 21 Oct; today is 15 Mehr
TARIFF = 46_000                           # Rials per kWh


def sheba(n: int) -> str:
    bban = f"{n:022d}"
    return f"IR{sheba_check_digits(bban)}{bban}"


def make_plant(office: Office, capacity_watts: int = 10_000, **changes):
    values: dict[str, object] = dict(
        name="نیروگاه خورشیدی دشتک", county_code="0707", capacity_watts=capacity_watts,
        kind="aggregated", commissioned_on=FARVARDIN, contract_starts_on=FARVARDIN,
        buyer="شرکت توزیع برق استان", site="روستای دشتک", meter_id="M-7781")
    values.update(changes)
    return create_plant(office.db, office.expert, PlantInput(**values),  # type: ignore[arg-type]
                        TariffInput(FARVARDIN, TARIFF, "initial"))


_accounts = iter(range(10**6, 10**7))


def beneficiary(office: Office, *, hard: bool = True, with_sheba: bool = True, **changes):
    values: dict[str, object] = dict(hard_to_employ=hard,
                                     sheba=sheba(next(_accounts)) if with_sheba else "")
    values.update(changes)
    return office.client(**values)
