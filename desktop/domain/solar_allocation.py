"""Dividing a plant's month of income among its beneficiaries, to the Rial (docs/solar.md).

Weight of a holding = its watts × the days it was held in the month; a person's weight is the sum
over their holdings. Each person gets floor(net × w / W) Rials; the Rials left over go one each
to the largest remainders (net × w mod W, compared as integers), ties by ascending national code,
so the amounts sum to ``net`` exactly. Integers throughout: no float ever touches money."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclasses.dataclass(frozen=True)
class Holding:
    """A share held by ``owner`` from ``starts_on`` to ``ends_on`` (inclusive; None = open)."""

    owner: Hashable
    watts: int
    starts_on: dt.date
    ends_on: dt.date | None = None


def days_held(starts_on: dt.date, ends_on: dt.date | None, first: dt.date, last: dt.date) -> int:
    """Days of [first, last] within [starts_on, ends_on], both ends included."""
    start = max(starts_on, first)
    end = last if ends_on is None else min(ends_on, last)
    return max((end - start).days + 1, 0)


def weights(holdings: Iterable[Holding], first: dt.date, last: dt.date) -> dict[Hashable, int]:
    """Each owner's watt-days in the month [first, last]; owners with none are left out."""
    result: dict[Hashable, int] = {}
    for holding in holdings:
        days = days_held(holding.starts_on, holding.ends_on, first, last)
        if days and holding.watts > 0:
            result[holding.owner] = result.get(holding.owner, 0) + holding.watts * days
    return result


def allocate(net: int, weights: Mapping[K, int], tie_keys: Mapping[K, str]) -> dict[K, int]:
    """``net`` Rials (≥ 0) divided by ``weights``; ``tie_keys`` (national codes) order equal
    remainders. Every owner with a weight gets an entry; nothing when the weights are all 0."""
    if net < 0:
        raise ValueError("only a non-negative amount is allocated")
    total = sum(weights.values())
    if total <= 0:
        return {}
    amounts: dict[K, int] = {}
    remainders: list[tuple[int, str, K]] = []
    for owner, weight in weights.items():
        if weight < 0:
            raise ValueError("a weight is never negative")
        share, remainder = divmod(net * weight, total)
        amounts[owner] = share
        remainders.append((-remainder, tie_keys[owner], owner))
    left = net - sum(amounts.values())
    if left:
        remainders.sort(key=lambda item: (item[0], item[1]))
        for _, _, owner in remainders[:left]:
            amounts[owner] += 1
    return amounts


def allocate_signed(amount: int, weights: Mapping[K, int],
                    tie_keys: Mapping[K, str]) -> dict[K, int]:
    """A correction may take money back: a negative amount is the mirror of the positive one."""
    if amount >= 0:
        return allocate(amount, weights, tie_keys)
    return {owner: -value for owner, value in allocate(-amount, weights, tie_keys).items()}


@dataclasses.dataclass(frozen=True)
class Settlement:
    payable: int        # paid to the person this run
    debt_after: int     # deductions and old debt the allocation did not cover, carried on


def settle(allocated: int, deductions: int, debt_before: int) -> Settlement:
    """Deductions and carried debt come off the allocation, never below zero; what is not
    covered (a correction taking money back included) is carried as the person's debt."""
    left = allocated - deductions - debt_before
    return Settlement(left, 0) if left >= 0 else Settlement(0, -left)


def over_capacity(capacity: int, holdings: Iterable[Holding]) -> tuple[dt.date, int] | None:
    """The first date on which the holdings' watts exceed ``capacity``, and by how much; None
    when they never do. The sum only rises where a holding starts, so only those dates count."""
    holdings = list(holdings)
    for day in sorted({h.starts_on for h in holdings}):
        held = sum(h.watts for h in holdings
                   if h.starts_on <= day and (h.ends_on is None or h.ends_on >= day))
        if held > capacity:
            return day, held - capacity
    return None
