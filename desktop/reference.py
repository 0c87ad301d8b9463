"""Provinces and counties of Iran (Statistical Centre of Iran, 1402 division list), read-only.

The list ships as ``resources/data/iran_counties_1402.csv`` and is never edited by hand; place
names in records are its codes, not free text.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from functools import cache
from importlib import resources

from desktop.errors import NotFound


@dataclasses.dataclass(frozen=True)
class Province:
    code: str          # two digits, equal to the ISO 3166-2:IR number
    iso: str
    name_fa: str
    name_en: str


@dataclasses.dataclass(frozen=True)
class County:
    code: str          # four digits: province code + county number
    province_code: str
    name_fa: str
    name_en: str


@cache
def _load() -> tuple[dict[str, Province], dict[str, County]]:
    text = resources.files("desktop.resources.data").joinpath("iran_counties_1402.csv").read_text(
        encoding="utf-8"
    )
    provinces: dict[str, Province] = {}
    counties: dict[str, County] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["province_code"]
        provinces.setdefault(
            code, Province(code, row["iso_3166_2"], row["province_fa"], row["province_en"])
        )
        counties[row["county_code"]] = County(
            row["county_code"], code, row["county_fa"], row["county_en"]
        )
    return provinces, counties


def provinces() -> list[Province]:
    return sorted(_load()[0].values(), key=lambda p: p.code)


def province(code: str) -> Province:
    try:
        return _load()[0][code]
    except KeyError:
        raise NotFound("There is no province with code {code}.", code=code) from None


def counties(province_code: str | None = None) -> list[County]:
    all_counties = _load()[1].values()
    return sorted(
        (c for c in all_counties if province_code is None or c.province_code == province_code),
        key=lambda c: c.code,
    )


def county(code: str) -> County:
    try:
        return _load()[1][code]
    except KeyError:
        raise NotFound("There is no county with code {code}.", code=code) from None
