"""Iranian mobile numbers, stored as 09xxxxxxxxx."""

from __future__ import annotations

import re

from desktop.fa.digits import to_latin_digits
from desktop.fa.errors import FaValueError

_NOISE = re.compile(r"[\s\-().\u200c\u200e\u200f]")


class MobileError(FaValueError):
    """Not an Iranian mobile number."""


def normalize_mobile(text: str) -> str:
    """``+98 912 123 4567``, ``0098912…``, ``98912…``, ``912…``, ``۰۹۱۲…`` → ``09121234567``."""
    raw = _NOISE.sub("", to_latin_digits(text))
    if raw.startswith("+"):
        raw = raw[1:]
        if not raw.startswith("98"):
            raise MobileError("Only Iranian mobile numbers (beginning 09) are accepted.")
    if not raw.isascii() or not raw.isdigit():
        raise MobileError("A mobile number has only digits, e.g. 09121234567.")
    if raw.startswith("0098"):
        raw = raw[4:]
    elif raw.startswith("98") and len(raw) == 12:
        raw = raw[2:]
    if raw.startswith("9") and len(raw) == 10:
        raw = "0" + raw
    if len(raw) != 11 or not raw.startswith("09"):
        raise MobileError("A mobile number is 11 digits beginning with 09, e.g. 09121234567.")
    return raw
