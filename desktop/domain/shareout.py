"""The share-out (تقسیم سود) at a cycle's end: the loan fund's cash back to the members by shares.

D, the distributable cash of the loan fund (the social fund is not distributed), is divided by
S, the shares bought in the cycle: a share is worth v = D / S. A member with s shares is paid
s·D/S, which is rarely a whole number of Rials; each is paid its whole part, and the Rials left
over go one each to the members with the largest fractional parts (largest remainder), the
earlier member first on a tie. The payments sum to D exactly and none is negative.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def value_per_share(distributable: int, total_shares: int) -> Fraction:
    if total_shares <= 0:
        raise ValueError("no shares to share out")
    return Fraction(distributable, total_shares)


def share_out(distributable: int, shares: Sequence[tuple[K, int]]) -> dict[K, int]:
    """``shares``: (member, shares bought) in the order ties are settled. Returns each
    member's payout in Rials, summing to ``distributable``."""
    if distributable < 0:
        raise ValueError("a share-out cannot distribute a debt")
    if any(count < 0 for _, count in shares):
        raise ValueError("negative shares")
    total = sum(count for _, count in shares)
    if total == 0:
        if distributable:
            raise ValueError("cash to share but no shares")
        return {member: 0 for member, _ in shares}
    payouts: dict[K, int] = {}
    remainders: list[tuple[int, int, K]] = []
    for position, (member, count) in enumerate(shares):
        whole, remainder = divmod(distributable * count, total)
        payouts[member] = whole
        remainders.append((-remainder, position, member))
    left = distributable - sum(payouts.values())
    for _, _, member in sorted(remainders)[:left]:
        payouts[member] += 1
    return payouts
