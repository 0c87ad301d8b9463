"""Persian alphabetical order as a plain string, so any database sorts it with a byte compare.

Code-point order puts «پ چ ژ گ» after «ی» (they were added to Unicode after the Arabic letters)
and mixes Arabic and Persian forms of the same letter. ``sort_key`` folds the variants, then
maps each letter of the Persian alphabet onto consecutive code points in dictionary order. The
key is stored in a column with the binary ("C") collation and indexed, so ordering a million
clients by name is an index walk on SQLite and PostgreSQL alike, whatever the server's locale.
"""

from __future__ import annotations

import re

from desktop.fa.digits import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_BASE = 0x0100  # above ASCII and Latin-1, so Latin names sort first, then Persian ones

_MAP: dict[int, str | None] = {
    ord(letter): chr(_BASE + index) for index, letter in enumerate(ALPHABET)
}
_VARIANTS = {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
             "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ء": None}
for variant, letter in _VARIANTS.items():
    _MAP[ord(variant)] = _MAP[ord(letter)] if letter else None
_MAP.update({ord(ch): None for ch in "\u0640\u200d\u200e\u200f\ufeff\u0670"})
_MAP.update({c: None for c in range(0x064B, 0x0660)})  # diacritics
_MAP.update({ord(p): latin for p, latin in zip(PERSIAN_DIGITS, LATIN_DIGITS, strict=True)})
_MAP.update({ord(a): latin for a, latin in zip(ARABIC_DIGITS, LATIN_DIGITS, strict=True)})
_MAP[ord("\u200c")] = " "  # a ZWNJ separates words as a space does
_TABLE = _MAP
_SPACES = re.compile(r"\s+")


def sort_key(text: str) -> str:
    """``text`` in a form whose code-point order is Persian dictionary order."""
    return _SPACES.sub(" ", text.lower().translate(_TABLE)).strip()


def name_sort_key(last_name: str, first_name: str, father_name: str = "") -> str:
    """Clients are listed by last name, then first name, then father's name."""
    # \x01 sorts below every letter and the space: «احمد» comes before «احمد رضا» and
    # «احمدی», whatever follows the last name.
    return "\x01".join(sort_key(part) for part in (last_name, first_name, father_name))
