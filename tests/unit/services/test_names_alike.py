"""The banded name comparison agrees with the full edit distance."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.services.clients import names_alike


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@given(st.text("ابپتسمنی", max_size=12), st.text("ابپتسمنی", max_size=12))
def test_names_alike_is_an_edit_distance_of_two_at_most(a: str, b: str) -> None:
    assert names_alike(a, b) == (_distance(a, b) <= 2)


def test_examples() -> None:
    assert names_alike("زهرااحمدی", "زهرهاحمدی")
    assert names_alike("محمدرضا", "محمدرضایی")
    assert not names_alike("مریمکشاورز", "مریمکشاورزیان")
