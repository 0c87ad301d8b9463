"""The national code (کد ملی): ten digits, the last a check digit over the first nine."""

from __future__ import annotations

from desktop.fa.digits import to_latin_digits
from desktop.fa.errors import FaValueError

_SEPARATORS = str.maketrans({" ": None, "-": None, "\u200c": None, ".": None, "_": None})


class NationalCodeError(FaValueError):
    """Not a national code that can have been issued."""


def national_code_check_digit(first9: str) -> int:
    total = sum(int(d) * (10 - i) for i, d in enumerate(first9))
    remainder = total % 11
    return remainder if remainder < 2 else 11 - remainder


def validate_national_code(text: str, *, pad_legacy: bool = False) -> str:
    """The code as ten Latin digits, or NationalCodeError with the reason in Persian.

    ``pad_legacy`` restores leading zeros that Excel dropped (8 or 9 digits left); it is for
    imports, where the caller knows the value came through a spreadsheet, never for typing.
    """
    code = to_latin_digits(text.strip()).translate(_SEPARATORS)
    if not code.isascii() or not code.isdigit():
        raise NationalCodeError("A national code has only digits.")
    if pad_legacy and 8 <= len(code) <= 9:
        code = code.zfill(10)
    if len(code) != 10:
        raise NationalCodeError("A national code has 10 digits; this one has {count}.",
                                count=len(code))
    # 0000000000 … 9999999999 all satisfy the checksum, but they are placeholders clerks type
    # when the real code is unknown, never issued codes.
    if len(set(code)) == 1:
        raise NationalCodeError("This national code is a placeholder, not a real code.")
    # Digits 4–9 are the serial within the issuing office; a zero serial was never issued.
    if code[3:9] == "000000":
        raise NationalCodeError("This national code is not valid (its serial is zero).")
    if national_code_check_digit(code[:9]) != int(code[9]):
        raise NationalCodeError("This national code is not valid: its check digit does not match.")
    return code


def is_valid_national_code(text: str) -> bool:
    try:
        validate_national_code(text)
    except NationalCodeError:
        return False
    return True
