"""Throughput of the Persian core on realistic input."""

from __future__ import annotations

import itertools
import random

from bench.harness import Result, median_seconds, metric, rate
from desktop.fa.digits import to_persian_digits
from desktop.fa.national_code import is_valid_national_code
from desktop.fa.normalize import search_key
from desktop.services.demo_clients import national_codes
from desktop.services.demo_names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES

COUNT = 100_000


def _codes(rng: random.Random) -> list[str]:
    codes = list(itertools.islice(national_codes(rng), COUNT // 2))
    codes += [f"{rng.randrange(10**10):010d}" for _ in range(COUNT // 2)]  # mostly invalid
    codes = [to_persian_digits(c) if rng.random() < 0.3 else c for c in codes]
    rng.shuffle(codes)
    return codes


def _names(rng: random.Random) -> list[str]:
    names = []
    for _ in range(COUNT):
        name = f"{rng.choice(FEMALE_NAMES + MALE_NAMES)} {rng.choice(FAMILY_NAMES)}"
        if rng.random() < 0.3:
            name = name.replace("ی", "ي").replace("ک", "ك")
        if rng.random() < 0.2:
            name = name.replace(" ", "\u200c")
        names.append(f"{name} {rng.randrange(10**9):09d}")
    return names


@metric("national_code_validation")
def national_code_validation() -> Result:
    codes = _codes(random.Random(1))

    def validate_all() -> None:
        for code in codes:
            is_valid_national_code(code)

    def plain_check() -> None:
        for code in codes:
            _ = len(code) == 10 and code.isdigit()

    return Result("national_code_validation", "codes/s",
                  rate(COUNT, median_seconds(validate_all, repeats=3)),
                  "len==10 and isdigit()", rate(COUNT, median_seconds(plain_check, repeats=3)),
                  higher_is_better=True,
                  note="half valid, half random; 30% typed in Persian digits")


@metric("search_key")
def search_key_throughput() -> Result:
    names = _names(random.Random(2))

    def keys() -> None:
        for name in names:
            search_key(name)

    def casefold() -> None:
        for name in names:
            name.casefold()

    return Result("search_key", "keys/s", rate(COUNT, median_seconds(keys, repeats=3)),
                  "str.casefold()", rate(COUNT, median_seconds(casefold, repeats=3)),
                  higher_is_better=True, note="names with ي/ك, ZWNJ and a code")
