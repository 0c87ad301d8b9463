"""Money is an int of Rials. People also speak in Tomans (1 تومان = 10 ریال): display only."""

from __future__ import annotations

import re

from desktop.fa.digits import to_latin_digits, to_persian_digits
from desktop.fa.errors import FaValueError
from desktop.fa.words import MINUS as WORD_MINUS
from desktop.fa.words import number_in_words

THOUSANDS = "\u066c"   # ٬ Arabic thousands separator, as Persian prints it
DECIMAL = "\u066b"     # ٫
MINUS = "\u2212"
# A minus sign before digits in a right-to-left line is reordered after them by the bidi
# algorithm; the left-to-right mark keeps «−۱٬۰۰۰» together and in order.
LRM = "\u200e"
_NOISE = re.compile(r"[\s,\u066c\u200c\u200e\u200f_]|ریال|ريال|rials?|تومان|toman", re.IGNORECASE)


class MoneyError(FaValueError):
    """Not an amount of money."""


def _grouped(amount: int, persian_digits: bool) -> str:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"money is an int of Rials, not {type(amount).__name__}")
    text = f"{abs(amount):,}".replace(",", THOUSANDS if persian_digits else ",")
    text = to_persian_digits(text) if persian_digits else text
    return f"{LRM}{MINUS}{text}" if amount < 0 else text


def format_amount(amount: int, *, persian_digits: bool = True) -> str:
    """The number alone, grouped: ``۱۲٬۳۴۵٬۰۰۰``."""
    return _grouped(amount, persian_digits)


def format_rials(amount: int, *, persian_digits: bool = True) -> str:
    return f"{_grouped(amount, persian_digits)} ریال"


def format_tomans(rials: int, *, persian_digits: bool = True) -> str:
    """Rials shown in Tomans; a remainder of Rials shows as one decimal place, never rounded."""
    _grouped(rials, persian_digits)  # the same type check
    tomans, rest = divmod(abs(rials), 10)
    text = _grouped(tomans, persian_digits)
    if rest:
        text += (DECIMAL if persian_digits else ".") + (
            to_persian_digits(rest) if persian_digits else str(rest))
    if rials < 0:
        text = f"{LRM}{MINUS}{text}"
    return f"{text} تومان"


def _parse(text: str) -> tuple[int, int]:
    """(whole, tenths) from typed text; tenths only appear in Toman amounts."""
    raw = _NOISE.sub("", to_latin_digits(text)).replace(MINUS, "-")
    raw = raw.replace(DECIMAL, ".").replace("/", ".")
    match = re.fullmatch(r"(-?)(\d+)(?:\.(\d))?", raw)
    if not match:
        raise MoneyError("Enter the amount in digits, e.g. 1,500,000.")
    sign = -1 if match.group(1) else 1
    return sign * int(match.group(2)), sign * int(match.group(3) or 0)


def parse_rials(text: str) -> int:
    whole, tenths = _parse(text)
    if tenths:
        raise MoneyError("An amount in Rials has no decimals.")
    return whole


def parse_tomans(text: str) -> int:
    """A typed Toman amount, as Rials."""
    whole, tenths = _parse(text)
    return whole * 10 + tenths


def tomans_in_words(rials: int) -> str:
    """«یک میلیون و پانصد هزار تومان» for 15,000,000 Rials: how people say an amount aloud.

    A remainder of Rials is said after the Tomans («… تومان و پنج ریال»), never rounded away.
    """
    _grouped(rials, True)  # the same type check
    tomans, rest = divmod(abs(rials), 10)
    parts = []
    if tomans:
        parts.append(f"{number_in_words(tomans)} تومان")
    if rest or not tomans:
        parts.append(f"{number_in_words(rest)} ریال")
    text = " و ".join(parts)
    return f"{WORD_MINUS} {text}" if rials < 0 else text
