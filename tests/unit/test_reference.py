from __future__ import annotations

import pytest

from desktop import reference
from desktop.errors import NotFound


def test_the_official_list_is_complete() -> None:
    assert len(reference.provinces()) == 31
    assert len(reference.counties()) == 482
    assert sum(len(reference.counties(p.code)) for p in reference.provinces()) == 482


def test_codes_nest() -> None:
    for county in reference.counties():
        assert county.code[:2] == county.province_code
        assert len(county.code) == 4
    assert reference.county("0707").name_fa == "شیراز"
    assert reference.province("07").name_fa == "فارس"


def test_unknown_codes_are_a_persian_not_found() -> None:
    with pytest.raises(NotFound) as caught:
        reference.county("9999")
    assert "شهرستان" in caught.value.message
