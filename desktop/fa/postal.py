"""Iranian postal codes: ten digits."""

from __future__ import annotations

import re

from desktop.fa.digits import to_latin_digits
from desktop.fa.errors import FaValueError

_NOISE = re.compile(r"[\s\-\u200c]")


class PostalCodeError(FaValueError):
    """Not a postal code."""


def validate_postal_code(text: str) -> str:
    code = _NOISE.sub("", to_latin_digits(text))
    if not code.isascii() or not code.isdigit() or len(code) != 10:
        raise PostalCodeError("A postal code has 10 digits.")
    # Codes begin with the region's digit (1–9) and are never one digit repeated.
    if code[0] == "0" or len(set(code)) == 1:
        raise PostalCodeError("This postal code is not valid.")
    return code
