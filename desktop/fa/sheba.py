"""Sheba (شبا): the Iranian IBAN, IR followed by 24 digits, checked mod 97 (ISO 13616)."""

from __future__ import annotations

import functools
import re

from desktop.fa.digits import to_latin_digits
from desktop.fa.errors import FaValueError

_NOISE = re.compile(r"[\s\-\u200c\u200e\u200f]")


class ShebaError(FaValueError):
    """Not a valid Sheba number."""


def _mod97(iban: str) -> int:
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)  # I → 18, R → 27
    return int(digits) % 97


def sheba_check_digits(bban: str) -> str:
    """The two check digits that make ``IR`` + them + ``bban`` (the 22-digit account part) valid."""
    return f"{98 - _mod97('IR00' + bban):02d}"


def validate_sheba(text: str) -> str:
    raw = _NOISE.sub("", to_latin_digits(text)).upper()
    if raw.isdigit() and len(raw) == 24:
        raw = "IR" + raw
    if not raw.startswith("IR"):
        raise ShebaError("A Sheba number begins with IR.")
    if not raw[2:].isascii() or not raw[2:].isdigit() or len(raw) != 26:
        raise ShebaError("A Sheba number is IR followed by 24 digits.")
    if _mod97(raw) != 1:
        raise ShebaError("This Sheba number is not valid: its check digits do not match.")
    return raw


def format_sheba(sheba: str) -> str:
    """``IR12 3456 …`` in groups of four, as banks print it."""
    return " ".join(sheba[i:i + 4] for i in range(0, len(sheba), 4))


@functools.lru_cache(maxsize=100_000)   # the same payees are checked month after month
def is_stored_sheba_valid(sheba: str | None) -> bool:
    """Whether a Sheba as stored (``IR`` and 24 digits, no spaces) passes the mod-97 check: the
    fast test for many at once, e.g. every payee of an allocation."""
    if not sheba or len(sheba) != 26 or not sheba.startswith("IR") \
            or not sheba[2:].isascii() or not sheba[2:].isdigit():
        return False
    return int(sheba[4:] + "1827" + sheba[2:4]) % 97 == 1     # I = 18, R = 27
