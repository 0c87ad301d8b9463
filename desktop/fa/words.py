"""Whole numbers in Persian words, the way an amount is written out on a cheque or a form.

«۱۲٬۵۰۰٬۰۰۰» reads «دوازده میلیون و پانصد هزار»: groups of three digits, each with its scale,
joined by «و»; a lone thousand is «هزار», not «یک هزار», as people say and write it.
"""

from __future__ import annotations

ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
# Iranian usage counts on from «میلیارد» with «هزار میلیارد» rather than «تریلیون».
SCALES = ("", "هزار", "میلیون", "میلیارد", "هزار میلیارد")
AND = " و "
ZERO = "صفر"
MINUS = "منفی"


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(TENS[tens])
        if ones:
            parts.append(ONES[ones])
    return AND.join(parts)


def number_in_words(n: int) -> str:
    """``n`` in Persian words; up to 999 thousand billion (a Rial amount's range and more)."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"a whole number is needed, not {type(n).__name__}")
    if n == 0:
        return ZERO
    if n < 0:
        return f"{MINUS} {number_in_words(-n)}"
    if n >= 1000 ** len(SCALES):
        raise ValueError("too large to write in words")
    groups = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            words = _below_thousand(group)
            if scale == 1 and group == 1:
                words = ""
            groups.append(" ".join(part for part in (words, SCALES[scale]) if part))
        scale += 1
    return AND.join(reversed(groups))
